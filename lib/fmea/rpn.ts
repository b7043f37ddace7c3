import { requireRating } from './rating';

/**
 * Risk Priority Number: severity x occurrence x detection (1..1000), as in the AIAG FMEA
 * Reference Manual (4th ed., 2008). The AIAG-VDA handbook (2019) replaces it with the Action
 * Priority for deciding on actions; it is still reported for comparison with older worksheets.
 *
 * @example
 * rpn(8, 4, 5); // 160
 */
export function rpn(severity: number, occurrence: number, detection: number): number {
	return (
		requireRating('severity', severity) *
		requireRating('occurrence', occurrence) *
		requireRating('detection', detection)
	);
}
