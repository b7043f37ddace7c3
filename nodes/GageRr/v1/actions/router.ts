import { operationRouter } from '../../../shared/router';
import * as attributeAgreement from './attributeAgreement.operation';
import * as crossedStudy from './crossedStudy.operation';

/** Runs the chosen study and routes its result by AIAG acceptance, paired with its input items. */
export const router = operationRouter({ crossedStudy, attributeAgreement });
