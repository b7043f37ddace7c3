/**
 * Running counts of one supplier in one period: everything the metrics need, filled in one
 * pass over the rows.
 */
export interface Tally {
	received: number;
	rejected: number;
	lots: number;
	lotsAccepted: number;
	deliveries: number;
	deliveriesOnTime: number;
	/** SCARs whose closure is decided: closed, or still open after their due day. */
	scarsDecided: number;
	scarsOnTime: number;
	/** Open SCARs not yet due: left out of `scar_on_time`. */
	scarsPending: number;
	responsesDecided: number;
	responsesOnTime: number;
	responsesPending: number;
	complaints: number;
	criticalComplaints: number;
	disruptions: number;
	cost: number;
	premiumFreight: number;
	/** Row indices, when the scheme tracks them. */
	rows: number[] | undefined;
}

/**
 * A tally with every count at zero.
 *
 * @example
 * emptyTally(true).rows; // []
 */
export function emptyTally(trackRows: boolean): Tally {
	return {
		received: 0,
		rejected: 0,
		lots: 0,
		lotsAccepted: 0,
		deliveries: 0,
		deliveriesOnTime: 0,
		scarsDecided: 0,
		scarsOnTime: 0,
		scarsPending: 0,
		responsesDecided: 0,
		responsesOnTime: 0,
		responsesPending: 0,
		complaints: 0,
		criticalComplaints: 0,
		disruptions: 0,
		cost: 0,
		premiumFreight: 0,
		rows: trackRows ? [] : undefined,
	};
}
