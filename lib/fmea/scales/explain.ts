import { requireRating, type RatingField } from '../rating';
import type { FmeaType } from '../types';
import { DFMEA_SCALES } from './dfmea';
import { PFMEA_SCALES } from './pfmea';
import type { RatingCriterion, RatingScaleSet } from './types';

/** The rating scales by FMEA type. */
export const RATING_SCALES: Record<FmeaType, RatingScaleSet> = {
	DFMEA: DFMEA_SCALES,
	PFMEA: PFMEA_SCALES,
};

/** A rating with what it means, in one language. */
export interface RatingExplanation {
	field: RatingField;
	rating: number;
	type: FmeaType;
	level: string;
	criteria: string;
	/** "S 8 (High): Loss of a primary function ..." */
	text: string;
}

const LETTER: Record<RatingField, string> = { severity: 'S', occurrence: 'O', detection: 'D' };

/**
 * What a severity, occurrence or detection rating means on the DFMEA or PFMEA scale, in
 * English or Chinese, so a worksheet or mail can say why a row got its AP.
 *
 * @example
 * explainRating('severity', 8, { type: 'DFMEA' }).text;
 * // 'S 8 (High): Loss of a primary function needed for normal use during the expected service life.'
 * explainRating('detection', 10, { language: 'zh' }).criteria; // '没有建立或已知的试验或检验方法。'
 */
export function explainRating(
	field: RatingField,
	rating: number,
	options: { type?: FmeaType; language?: 'en' | 'zh' } = {},
): RatingExplanation {
	const type = options.type ?? 'PFMEA';
	const language = options.language ?? 'en';
	const scale = RATING_SCALES[type]?.[field];
	if (!scale) throw new Error(`no ${String(field)} scale for FMEA type ${String(type)}`);
	requireRating(field, rating);
	const entry = scale.find((c) => c.rating === rating) as RatingCriterion;
	const level = entry.level[language];
	const criteria = entry.criteria[language];
	return {
		field,
		rating,
		type,
		level,
		criteria,
		text: `${LETTER[field]} ${rating} (${level})${language === 'zh' ? '：' : ': '}${criteria}`,
	};
}
