import { operationRouter } from '../../../shared/router';
import * as advance from './advance.operation';
import * as checkDeadlines from './checkDeadlines.operation';
import * as evaluateGate from './evaluateGate.operation';
import * as openFromComplaint from './openFromComplaint.operation';
import * as renderReport from './renderReport.operation';
import * as verifyHistory from './verifyHistory.operation';

/** Runs the chosen operation on every item and routes each to its output, paired with its input. */
export const router = operationRouter({
	evaluateGate,
	advance,
	checkDeadlines,
	openFromComplaint,
	renderReport,
	verifyHistory,
});
