import { operationRouter } from '../../../shared/router';
import * as classify from './classify.operation';
import * as train from './train.operation';

/** Classify (and route) every item, or train a model on labelled items. */
export const router = operationRouter({ classify, train });
