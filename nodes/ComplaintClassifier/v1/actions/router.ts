import { operationRouter } from '../../../shared/router';
import * as classify from './classify.operation';
import * as pareto from './pareto.operation';
import * as train from './train.operation';

/** Classify (and route) every item, count classified items for a Pareto, or train a model. */
export const router = operationRouter({ classify, pareto, train });
