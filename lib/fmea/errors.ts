/**
 * A bad FMEA input, as data: which row (`index`, 0-based, and its `rowId` when it has one),
 * which field, and why. Callers route on the fields, never on the message.
 *
 * Kept in lib/fmea until the structured error of lib/shared exists; it has the same
 * `field`, `index`, `reason` shape so that the swap is a change of import.
 *
 * @example
 * try { analyzeFmea([{ id: 'A', failureMode: 'crack', severity: 11, occurrence: 2, detection: 3 }]); }
 * catch (e) { if (e instanceof FmeaInputError) e.field; } // 'severity'
 */
export class FmeaInputError extends Error {
	readonly field: string;
	readonly index?: number;
	readonly reason: string;
	readonly rowId?: string;

	/** What `index` counts: worksheet rows (default), revisions, complaints. */
	readonly subject: string;

	constructor(details: FmeaErrorDetails) {
		super(describe(details));
		this.name = 'FmeaInputError';
		this.field = details.field;
		this.reason = details.reason;
		this.index = details.index;
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
