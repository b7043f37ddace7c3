// English and Chinese text: the one bilingual type of the package (8D messages use it too).
import type { Bilingual } from '../../eightd/ruleSet';

/** What one rating means on a scale. */
export interface RatingCriterion {
	rating: number;
	/** Level name, e.g. "Very high" / "很高". */
	level: Bilingual;
	criteria: Bilingual;
}

/** Severity, occurrence and detection criteria of one FMEA type, ratings 10 down to 1. */
export interface RatingScaleSet {
	severity: RatingCriterion[];
	occurrence: RatingCriterion[];
	detection: RatingCriterion[];
}
