import { InputError, inputLocation } from '../shared/errors';

/**
 * One reason an MSA study cannot be computed, as data: `field` is the input field, `index` the
 * row of it at fault and `key` the key of that row (part, operator, value ...), `reason` a
 * sentence for people; where the problem is a cell of the design, the part and operator it
 * concerns (`operator` is the appraiser in an attribute study) with the trial counts found and
 * expected.
 */
export interface MsaIssue {
	field: string;
	index?: number;
	key?: string;
	reason: string;
	part?: string;
	operator?: string;
	trials?: number;
	expectedTrials?: number;
}

/** At most this many issues are spelled out in the message; `issues` holds them all. */
const MESSAGE_ISSUES = 5;

/**
 * Where an issue sits, as messages show it: `measurements[4].value`, `measurements`.
 *
 * @example
 * issueLocation({ field: 'measurements', index: 4, key: 'value', reason: '' }); // 'measurements[4].value'
 */
export function issueLocation(issue: MsaIssue): string {
	const at = inputLocation(issue.field, issue.index);
	return issue.key ? `${at}.${issue.key}` : at;
}

/**
 * Bad MSA input, with every problem found listed in `issues` (not only the first), so a caller can
 * show the whole list of missing or extra measurements at once. It is an {@link InputError} whose
 * field, index and reason are those of the first issue.
 *
 * @example
 * throw new MsaInputError([{ field: 'measurements', reason: 'part "7", operator "B": 2 trials, expected 3', part: '7', operator: 'B', trials: 2, expectedTrials: 3 }]);
 * // message: 'measurements: part "7", operator "B": 2 trials, expected 3'
 */
export class MsaInputError extends InputError {
	constructor(readonly issues: MsaIssue[]) {
		const first = issues[0];
		super(first.field, first.key ? `${first.key} ${first.reason}` : first.reason, first.index);
		const shown = issues.slice(0, MESSAGE_ISSUES).map((i) => `${issueLocation(i)}: ${i.reason}`);
		const more = issues.length - shown.length;
		this.message = more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
		this.name = 'MsaInputError';
	}
}
