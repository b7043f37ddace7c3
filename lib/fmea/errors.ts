import { InputError } from '../shared/errors';

/**
 * A bad FMEA input, as data: which row (`index`, 0-based, and its `rowId` when it has one),
 * which field, and why. It is the package's InputError (so the nodes report field, index and
 * reason), with the row id and a message that names the row the way a worksheet user does.
 *
 * @example
 * try { analyzeFmea([{ id: 'A', failureMode: 'crack', severity: 11, occurrence: 2, detection: 3 }]); }
 * catch (e) { if (e instanceof FmeaInputError) e.field; } // 'severity'
 */
export class FmeaInputError extends InputError {
	readonly rowId?: string;
	/** What `index` counts: worksheet rows (default), revisions, complaints. */
	readonly subject: string;

	constructor(details: FmeaErrorDetails) {
		super(details.field, details.reason, details.index);
		this.message = describe(details);
		this.name = 'FmeaInputError';
		this.rowId = details.rowId;
		this.subject = details.subject ?? 'row';
	}
}

/** What an FmeaInputError carries. */
export interface FmeaErrorDetails {
	field: string;
	reason: string;
	index?: number;
	rowId?: string;
	subject?: 'row' | 'revision' | 'complaint';
}

function describe(d: FmeaErrorDetails): string {
	if (d.index === undefined) return `${d.field}: ${d.reason}`;
	const id = d.rowId === undefined ? '' : ` (id ${JSON.stringify(d.rowId)})`;
	return `${d.subject ?? 'row'} ${d.index}${id}, ${d.field}: ${d.reason}`;
}
