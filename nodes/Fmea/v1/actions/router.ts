import { operationRouter } from '../../../shared/router';
import * as analyze from './analyze.operation';
import * as matchComplaints from './matchComplaints.operation';
import * as revise from './revise.operation';

/** Runs the chosen operation over the input items and routes its results. */
export const router = operationRouter({ analyze, matchComplaints, revise });
