import { FmeaInputError } from './errors';

/** One band of an occurrence scale: the rating applies from this rate up. */
export interface OccurrenceBand {
	occurrence: number;
	atLeast: number;
}

/**
 * How field complaints counted in a period translate into an occurrence rating: the rate is
 * complaints / units shipped x `per` (or the plain count when `per` is null), and the implied
 * occurrence is the highest band whose `atLeast` the rate reaches.
 */
export interface OccurrenceScale {
	/** What the rate means, for explanations, e.g. "complaints per million units shipped". */
	unit: string;
	/** Units the rate is counted per (1,000,000 for ppm); null: the rate is the complaint count. */
	per: number | null;
	/** Bands, any order; occurrence 2 applies to any rate above 0 below the lowest band. */
	bands: OccurrenceBand[];
}

/**
 * Default scale in complaints per million units shipped, after the incident rates of the
 * occurrence table "with product experience" of the AIAG-VDA FMEA Handbook (2019) and the
 * AIAG FMEA 4th edition (incidents per 1,000 items: 10 >= 100, 9: 50, 8: 20, 7: 10, 6: 2,
 * 5: 0.5, 4: 0.1, 3: 0.01, 2: 0.001 or less, 1: eliminated by prevention). A complaint proves
 * the cause is not eliminated, so any rate above 0 is at least occurrence 2.
 *
 * @example
 * impliedOccurrence(600, DEFAULT_OCCURRENCE_SCALE); // 5 (500 ppm band)
 */
export const DEFAULT_OCCURRENCE_SCALE: OccurrenceScale = {
	unit: 'complaints per million units shipped',
	per: 1_000_000,
	bands: [
		{ occurrence: 10, atLeast: 100_000 },
		{ occurrence: 9, atLeast: 50_000 },
		{ occurrence: 8, atLeast: 20_000 },
		{ occurrence: 7, atLeast: 10_000 },
		{ occurrence: 6, atLeast: 2_000 },
		{ occurrence: 5, atLeast: 500 },
		{ occurrence: 4, atLeast: 100 },
		{ occurrence: 3, atLeast: 10 },
	],
};

/**
 * Checks an occurrence scale; throws FmeaInputError naming the bad field.
 *
 * @example
 * validateOccurrenceScale({ unit: 'complaints per week', per: null, bands: [{ occurrence: 5, atLeast: 3 }] });
 */
export function validateOccurrenceScale(scale: OccurrenceScale): OccurrenceScale {
	const field = 'occurrenceScale';
	if (typeof scale !== 'object' || scale === null || !Array.isArray(scale.bands))
		throw new FmeaInputError({ field, reason: 'must be { unit, per, bands: [...] }' });
	if (scale.per !== null && !(typeof scale.per === 'number' && scale.per > 0))
		throw new FmeaInputError({
			field: `${field}.per`,
			reason: 'must be a positive number or null',
		});
	scale.bands.forEach((band, i) => {
		if (!Number.isInteger(band?.occurrence) || band.occurrence < 2 || band.occurrence > 10)
			throw new FmeaInputError({
				field: `${field}.bands[${i}].occurrence`,
				reason: 'must be an integer from 2 to 10',
			});
		if (typeof band.atLeast !== 'number' || !(band.atLeast >= 0))
			throw new FmeaInputError({
				field: `${field}.bands[${i}].atLeast`,
				reason: 'must be a number >= 0',
			});
	});
	return scale;
}

/**
 * The occurrence a field rate implies on a scale: 1 for a rate of 0, else the highest band the
 * rate reaches, at least 2.
 *
 * @example
 * impliedOccurrence(0, DEFAULT_OCCURRENCE_SCALE); // 1
 * impliedOccurrence(5, DEFAULT_OCCURRENCE_SCALE); // 2
 * impliedOccurrence(20_000, DEFAULT_OCCURRENCE_SCALE); // 8
 */
export function impliedOccurrence(rate: number, scale: OccurrenceScale): number {
	if (!(rate > 0)) return 1;
	let occurrence = 2;
	for (const band of scale.bands)
		if (rate >= band.atLeast && band.occurrence > occurrence) occurrence = band.occurrence;
	return occurrence;
}
