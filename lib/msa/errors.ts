/**
 * One reason an MSA study cannot be computed, as data: `field` is the input field (with the row
 * index where one row is at fault), `reason` a sentence for people, and where the problem is a
 * cell of the design, the part and operator it concerns with the trial counts found and expected.
 */
export interface MsaIssue {
	field: string;
	index?: number;
	reason: string;
	part?: string;
	operator?: string;
	trials?: number;
	expectedTrials?: number;
}

/** At most this many issues are spelled out in the message; `issues` holds them all. */
const MESSAGE_ISSUES = 5;

/**
 * Bad MSA input, with every problem found listed in `issues` (not only the first), so a caller can
 * show the whole list of missing or extra measurements at once.
 *
 * @example
 * throw new MsaInputError([{ field: 'measurements', reason: 'part "7", operator "B": 2 trials, expected 3', part: '7', operator: 'B', trials: 2, expectedTrials: 3 }]);
 * // message: 'measurements: part "7", operator "B": 2 trials, expected 3'
 */
export class MsaInputError extends Error {
	constructor(readonly issues: MsaIssue[]) {
		const shown = issues.slice(0, MESSAGE_ISSUES).map((i) => `${i.field}: ${i.reason}`);
		const more = issues.length - shown.length;
		super(more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; '));
		this.name = 'MsaInputError';
	}
}
