import type { Direction, RuleId, Violation } from './types';

/** Direction codes of buffered reports (0: the rule has no direction). */
export const Dir = { None: 0, Above: 1, Below: 2, Up: 3, Down: 4 } as const;
/** One of the {@link Dir} codes. */
export type Dir = (typeof Dir)[keyof typeof Dir];

const DIRECTIONS: readonly (Direction | undefined)[] = [undefined, 'above', 'below', 'up', 'down'];

/** What a report slot stands for: a rule on the primary or the secondary chart. */
export interface ReportSlot {
	rule: RuleId;
	chart: 'primary' | 'secondary';
}

/** Largest arrays kept between calls (1 MB: about 100 000 reports); bigger ones are not held. */
const MAX_KEPT = 1 << 17;
let keptIndex = new Int32Array(1024);
let keptStart = new Int32Array(1024);
let keptCode = new Uint8Array(1024);

/**
 * Rule reports collected in typed arrays (point, start, slot and direction) while a scan runs, so
 * that the scan allocates nothing per report; {@link ReportBuffer.toViolations} turns them into
 * `Violation` objects once at the end. The arrays are shared with the next buffer, so a buffer
 * must be read out before another one is made (scans are synchronous, so that always holds).
 *
 * @example
 * const buffer = new ReportBuffer([{ rule: 'N1', chart: 'primary' }]);
 * buffer.push(4, 4, 0, Dir.Above);
 * buffer.toViolations(); // [{ rule: 'N1', index: 4, start: 4, end: 4, chart: 'primary', direction: 'above' }]
 */
export class ReportBuffer {
	private index = keptIndex;
	private start = keptStart;
	private code = keptCode;
	/** Reports so far. */
	length = 0;

	constructor(private readonly slots: readonly ReportSlot[]) {
		// codes hold slot * 8 + direction in a byte
		if (slots.length > 31) throw new RangeError('at most 31 report slots');
	}

	/** Appends one report of `slot` at point `index` for the pattern that began at `start`. */
	push(index: number, start: number, slot: number, direction: Dir): void {
		if (this.length === this.index.length) this.grow();
		this.index[this.length] = index;
		this.start[this.length] = start;
		this.code[this.length] = (slot << 3) | direction;
		this.length++;
	}

	/** The reports, in the order they were pushed, as `Violation` objects. */
	toViolations(): Violation[] {
		const { index, start, code, slots } = this;
		// sized once and filled in place (pushing onto a growing list costs more)
		const out = new Array<Violation>(this.length);
		for (let r = 0; r < out.length; r++) {
			const slot = slots[code[r] >>> 3];
			const direction = DIRECTIONS[code[r] & 7];
			// same key order and shape as the point-wise scans make
			const v: Violation = {
				rule: slot.rule,
				index: index[r],
				start: start[r],
				end: index[r],
				chart: slot.chart,
			};
			if (direction !== undefined) v.direction = direction;
			out[r] = v;
		}
		return out;
	}

	/** Doubles the arrays, keeping moderate sizes for the next scan (no fresh pages to fault in). */
	private grow(): void {
		const size = this.index.length * 2;
		const index = new Int32Array(size);
		const start = new Int32Array(size);
		const code = new Uint8Array(size);
		index.set(this.index);
		start.set(this.start);
		code.set(this.code);
		this.index = index;
		this.start = start;
		this.code = code;
		if (size <= MAX_KEPT) {
			keptIndex = index;
			keptStart = start;
			keptCode = code;
		}
	}
}
