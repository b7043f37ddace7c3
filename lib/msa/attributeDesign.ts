import { MsaInputError, type MsaIssue } from './errors';

/** One attribute rating: appraiser rates part; the optional standard is the part's known answer. */
export interface AttributeAssessment {
	part: string | number;
	appraiser: string | number;
	rating: string | number | boolean;
	standard?: string | number | boolean;
}

/** A rating or label as text. */
function text(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'boolean') return String(value);
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	return undefined;
}

/** Ratings grouped as ratings[part][appraiser][trial], with the standard of each part. */
export interface AttributeDesign {
	partLabels: string[];
	appraiserLabels: string[];
	trials: number;
	ratings: string[][][];
	standards?: string[];
}

/**
 * Groups attribute ratings by part and appraiser: repeated rows of one part and appraiser are the
 * trials, in input order. Every appraiser must rate every part equally often, and a standard, if
 * any row has one, must be given for every part and be the same on all its rows; otherwise an
 * {@link MsaInputError} lists each bad row and each short cell.
 *
 * @example
 * attributeDesign([{ part: 1, appraiser: 'A', rating: 'pass' }, { part: 2, appraiser: 'A', rating: 'fail' }]).trials; // 1
 */
export function attributeDesign(assessments: readonly AttributeAssessment[]): AttributeDesign {
	if (!Array.isArray(assessments) || assessments.length === 0) {
		throw new MsaInputError([{ field: 'assessments', reason: 'must be a non-empty array' }]);
	}
	const issues: MsaIssue[] = [];
	const parts = new Map<string, number>();
	const appraisers = new Map<string, number>();
	const rows: { part: number; appraiser: number; rating: string; standard?: string }[] = [];
	assessments.forEach((a, index) => {
		const row = (a ?? {}) as Partial<AttributeAssessment>;
		const part = text(row.part);
		const appraiser = text(row.appraiser);
		const rating = text(row.rating);
		const standard =
			row.standard === undefined || row.standard === null || row.standard === ''
				? undefined
				: text(row.standard);
		const bad = (key: string, got: unknown, what: string) =>
			issues.push({
				field: 'assessments',
				index,
				key,
				reason: `${what}, got ${JSON.stringify(got) ?? 'undefined'}`,
			});
		if (part === undefined) bad('part', row.part, 'must be a part id (text or number)');
		if (appraiser === undefined)
			bad('appraiser', row.appraiser, 'must be an appraiser id (text or number)');
		if (rating === undefined)
			bad('rating', row.rating, 'must be a rating (text, number or true/false)');
		if (part === undefined || appraiser === undefined || rating === undefined) return;
		if (!parts.has(part)) parts.set(part, parts.size);
		if (!appraisers.has(appraiser)) appraisers.set(appraiser, appraisers.size);
		rows.push({ part: parts.get(part)!, appraiser: appraisers.get(appraiser)!, rating, standard });
	});
	if (issues.length > 0) throw new MsaInputError(issues);
	const partLabels = [...parts.keys()];
	const appraiserLabels = [...appraisers.keys()];
	if (partLabels.length < 2)
		issues.push({
			field: 'assessments',
			reason: `needs at least 2 parts, got ${partLabels.length}`,
		});
	const ratings = partLabels.map(() => appraiserLabels.map((): string[] => []));
	const standardOf: (string | undefined)[] = partLabels.map(() => undefined);
	const withStandard = rows.filter((r) => r.standard !== undefined).length;
	for (const r of rows) {
		ratings[r.part][r.appraiser].push(r.rating);
		if (r.standard === undefined) continue;
		const known = standardOf[r.part];
		if (known !== undefined && known !== r.standard) {
			issues.push({
				field: 'assessments',
				part: partLabels[r.part],
				reason: `part ${JSON.stringify(partLabels[r.part])} has two standards, ${JSON.stringify(known)} and ${JSON.stringify(r.standard)}`,
			});
		}
		standardOf[r.part] ??= r.standard;
	}
	if (withStandard > 0) {
		standardOf.forEach((s, p) => {
			if (s === undefined)
				issues.push({
					field: 'assessments',
					part: partLabels[p],
					reason: `part ${JSON.stringify(partLabels[p])} has no standard while other parts have one`,
				});
		});
	}
	const trials = Math.max(...ratings.flat().map((cell) => cell.length));
	ratings.forEach((byAppraiser, p) =>
		byAppraiser.forEach((cell, a) => {
			if (cell.length === trials) return;
			issues.push({
				field: 'assessments',
				reason: `part ${JSON.stringify(partLabels[p])}, appraiser ${JSON.stringify(appraiserLabels[a])}: ${cell.length} rating${cell.length === 1 ? '' : 's'}, expected ${trials}`,
				part: partLabels[p],
				operator: appraiserLabels[a],
				trials: cell.length,
				expectedTrials: trials,
			});
		}),
	);
	if (issues.length > 0) throw new MsaInputError(issues);
	return {
		partLabels,
		appraiserLabels,
		trials,
		ratings,
		...(withStandard > 0 ? { standards: standardOf as string[] } : {}),
	};
}
