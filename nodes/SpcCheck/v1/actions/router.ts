import { operationRouter } from '../../../shared/router';
import * as aggregate from './aggregate.operation';
import * as perItem from './perItem.operation';

/** Runs the chosen mode and routes results to "In Control" / "Out of Control". */
export const router = operationRouter({ perItem, aggregate });
