/** Severity, occurrence and detection criteria for DFMEA and PFMEA, English and Chinese. */
export { RATING_SCALES, explainRating } from './explain';
export type { RatingExplanation } from './explain';
export { DFMEA_SCALES } from './dfmea';
export { PFMEA_SCALES } from './pfmea';
export type * from './types';
