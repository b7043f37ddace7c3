import { operationRouter } from '../../../shared/router';
import * as scoreMetrics from './scoreMetrics.operation';
import * as scoreRows from './scoreRows.operation';

/** Scores raw rows or pre-aggregated metrics, routing scorecards by grade, then the summary. */
export const router = operationRouter({ scoreRows, scoreMetrics });
