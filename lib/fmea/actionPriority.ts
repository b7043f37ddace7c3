import { requireRating } from './rating';
import type { ActionPriority } from './types';

/** A band of ratings, inclusive. */
export interface RatingBand {
	from: number;
	to: number;
}

/**
 * The Action Priority table of the AIAG-VDA FMEA Handbook (1st ed., 2019), one table for DFMEA
 * and PFMEA (handbook tables "Action Priority for DFMEA and PFMEA"), as data: severity bands,
 * occurrence bands within each, and the AP for the four detection bands, in the handbook's own
 * order (highest ratings first).
 */
export const AP_TABLE: {
	severity: RatingBand[];
	occurrence: RatingBand[];
	detection: RatingBand[];
	/** `ap[s][o]` is the string of APs for the detection bands, for severity band s and occurrence band o. */
	ap: string[][];
} = {
	severity: [
		{ from: 9, to: 10 },
		{ from: 7, to: 8 },
		{ from: 4, to: 6 },
		{ from: 2, to: 3 },
		{ from: 1, to: 1 },
	],
	occurrence: [
		{ from: 8, to: 10 },
		{ from: 6, to: 7 },
		{ from: 4, to: 5 },
		{ from: 2, to: 3 },
		{ from: 1, to: 1 },
	],
	detection: [
		{ from: 7, to: 10 },
		{ from: 5, to: 6 },
		{ from: 2, to: 4 },
		{ from: 1, to: 1 },
	],
	ap: [
		['HHHH', 'HHHH', 'HHHM', 'HMLL', 'LLLL'], // S 9-10
		['HHHH', 'HHHM', 'HMMM', 'MMLL', 'LLLL'], // S 7-8
		['HHMM', 'MMML', 'MLLL', 'LLLL', 'LLLL'], // S 4-6
		['MMLL', 'LLLL', 'LLLL', 'LLLL', 'LLLL'], // S 2-3
		['LLLL', 'LLLL', 'LLLL', 'LLLL', 'LLLL'], // S 1
	],
};

/** Index of the band holding a rating (the rating is known to be 1..10). */
function bandOf(bands: readonly RatingBand[], rating: number): number {
	return bands.findIndex((b) => rating >= b.from && rating <= b.to);
}

/**
 * Action Priority of a failure mode / cause pair by the AIAG-VDA FMEA Handbook (2019) table:
 * 'H' (action needed), 'M' (action should be taken), 'L' (action could be taken). Ratings must
 * be integers 1..10; anything else throws an FmeaInputError naming the argument.
 *
 * @example
 * actionPriority(9, 4, 1); // 'M'
 * actionPriority(8, 6, 1); // 'M'
 * actionPriority(10, 2, 7); // 'H'
 */
export function actionPriority(
	severity: number,
	occurrence: number,
	detection: number,
): ActionPriority {
	const s = bandOf(AP_TABLE.severity, requireRating('severity', severity));
	const o = bandOf(AP_TABLE.occurrence, requireRating('occurrence', occurrence));
	const d = bandOf(AP_TABLE.detection, requireRating('detection', detection));
	return AP_TABLE.ap[s][o][d] as ActionPriority;
}
