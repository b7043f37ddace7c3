import sample from '../../../workflows/sample-data/fmea.json';
import heldout from '../../fixtures/fmea/heldout.json';
import labelled from '../../fixtures/fmea/matching.json';
import { classifyComplaint } from '../../../lib/complaints';
import {
	DEFAULT_OCCURRENCE_SCALE,
	FmeaInputError,
	impliedOccurrence,
	matchComplaints,
	textTerms,
} from '../../../lib/fmea';

jest.setTimeout(30_000);

const classify = (text: string) => ({ text, ...classifyComplaint(text) });

/** Precision and recall of the best-row decision over labelled complaints. */
function figures(cases: { text: string; rowId: string | null }[]) {
	const result = matchComplaints(
		cases.map((c) => classify(c.text)),
		sample.rows,
	);
	let correct = 0;
	let matched = 0;
	let known = 0;
	let newFound = 0;
	let newTotal = 0;
	result.complaints.forEach((c, i) => {
		const want = cases[i].rowId;
		if (c.rowId !== undefined) matched++;
		if (want !== null) known++;
		if (want !== null && c.rowId === want) correct++;
		if (want === null) newTotal++;
		if (want === null && c.newFailureMode) newFound++;
	});
	return {
		precision: correct / matched,
		recall: correct / known,
		newFailureModeRecall: newFound / newTotal,
	};
}

describe('matchComplaints on the labelled set', () => {
	const all = labelled.complaints;

	it('finds the right row with precision >= 0.9 and recall >= 0.9 (both languages)', () => {
		const f = figures(all);
		expect(f.precision).toBeGreaterThanOrEqual(0.9);
		expect(f.recall).toBeGreaterThanOrEqual(0.9);
		expect(f.newFailureModeRecall).toBeGreaterThanOrEqual(0.85);
	});

	it.each(['en', 'zh'])('holds for the %s complaints alone', (language) => {
		const f = figures(all.filter((c) => c.language === language));
		expect(f.precision).toBeGreaterThanOrEqual(0.9);
		expect(f.recall).toBeGreaterThanOrEqual(0.8);
	});

	// written after the weights and the threshold were set on matching.json; measured 1.0 / 0.77 / 1.0
	it('holds on the held-out set: precision >= 0.9, recall >= 0.75', () => {
		const f = figures(heldout.complaints);
		expect(f.precision).toBeGreaterThanOrEqual(0.9);
		expect(f.recall).toBeGreaterThanOrEqual(0.75);
		expect(f.newFailureModeRecall).toBeGreaterThanOrEqual(0.8);
	});

	it('matches across languages: English complaints to Chinese rows, Chinese ones to English rows', () => {
		const result = matchComplaints(
			[
				classify('The USB-C port of the charger is loose and wobbles.'),
				classify('连接器端子压接不良，导线一拉就脱出。'),
			],
			sample.rows,
		);
		expect(result.complaints.map((c) => c.rowId)).toEqual(['CH-050', 'CN-010']);
		expect(result.complaints[0].matches[0].terms).toEqual(
			expect.arrayContaining(['c:loose', 'c:plug']),
		);
	});
});

const rows = [
	{
		id: 'R1',
		item: 'Housing',
		failureMode: 'Scratches on the visible face',
		effect: 'Customer rejects parts for appearance',
		severity: 4,
		cause: 'Parts touch each other in the tray',
		occurrence: 3,
		detection: 6,
	},
	{
		id: 'R2',
		item: 'Charger',
		failureMode: 'Housing melts near the cable',
		effect: 'Smoke and fire risk for the user',
		severity: 8,
		cause: 'Overheating of the cable strain relief',
		occurrence: 2,
		detection: 4,
	},
];

describe('matchComplaints flags', () => {
	it('a critical complaint on a row rated below S 9 raises "severity above the row\'s S"', () => {
		const complaint = classify('The charger started to smoke, the housing melted near the cable.');
		expect(complaint.severity).toBe('critical');
		const result = matchComplaints([complaint], rows);
		expect(result.complaints[0]).toMatchObject({ rowId: 'R2', severityAboveRating: true });
		const [review] = result.rows;
		expect(review.severityAboveRating).toEqual({
			complaintSeverity: 'critical',
			impliedSeverity: { from: 9, to: 10 },
			ratedSeverity: 8,
			complaints: [0],
		});
		// S 9, O 2, D 4: AP L, but the row needs action by severity
		expect(review.suggested).toEqual({
			severity: 9,
			occurrence: 2,
			detection: 4,
			rpn: 72,
			ap: 'L',
		});
		expect(review.underrated).toBe(true);
	});

	it('a minor complaint on a row rated S 4 raises nothing', () => {
		const result = matchComplaints(
			[classify('Scratches on the visible face of the housing.')],
			rows,
		);
		expect(result.complaints[0]).toMatchObject({ rowId: 'R1', severityAboveRating: false });
		expect(result.rows[0].underrated).toBe(false);
		expect(result.rows[0].suggested).toBeUndefined();
	});

	it('negated evidence does not match ("no scratches")', () => {
		const complaint = classify('No scratches on the parts, but the label is missing.');
		const result = matchComplaints([complaint], rows);
		expect(result.complaints[0].newFailureMode).toBe(true);
		expect(result.newFailureModes).toEqual([0]);
	});

	it("occurrence above the row's O when complaints per million units shipped reach a higher band", () => {
		const complaints = Array.from({ length: 3 }, () =>
			classify('Scratches on the visible face of the housing.'),
		);
		// 3 in 10,000 units = 300 ppm: band O 4 (>= 100 ppm), above the rated O 3
		const result = matchComplaints(complaints, rows, {
			occurrence: { unitsShipped: { Housing: 10_000 }, period: '2026-W48' },
		});
		expect(result.rows[0].occurrenceAboveRating).toEqual({
			count: 3,
			unitsShipped: 10_000,
			rate: 300,
			unit: 'complaints per million units shipped',
			period: '2026-W48',
			impliedOccurrence: 4,
			ratedOccurrence: 3,
		});
		expect(result.rows[0].suggested).toMatchObject({ occurrence: 4, severity: 4, ap: 'L' });
		// 3 in 1,000,000 units = 3 ppm: O 2, not above the rated 3
		const fewer = matchComplaints(complaints, rows, { occurrence: { unitsShipped: 1_000_000 } });
		expect(fewer.rows[0].occurrenceAboveRating).toBeUndefined();
	});

	it('takes a count scale (complaints per period) when units shipped are unknown', () => {
		const complaints = Array.from({ length: 2 }, () =>
			classify('Scratches on the visible face of the housing.'),
		);
		const result = matchComplaints(complaints, rows, {
			occurrence: {
				scale: { unit: 'complaints per week', per: null, bands: [{ occurrence: 5, atLeast: 2 }] },
			},
		});
		expect(result.rows[0].occurrenceAboveRating).toMatchObject({ rate: 2, impliedOccurrence: 5 });
	});

	it('no occurrence check without units shipped on a per-unit scale', () => {
		const result = matchComplaints([classify('Scratches on the visible face.')], rows);
		expect(result.rows[0].occurrenceAboveRating).toBeUndefined();
	});

	it('a complaint that matches nothing is a new failure mode', () => {
		const result = matchComplaints([classify('交货延迟了一周。')], rows);
		expect(result.complaints[0]).toMatchObject({ newFailureMode: true, matches: [] });
		expect(result.summary).toEqual({
			complaints: 1,
			matched: 0,
			newFailureModes: 1,
			rowsHit: 0,
			underrated: 0,
		});
	});
});

describe('occurrence scale', () => {
	it.each([
		[0, 1],
		[0.5, 2],
		[10, 3],
		[99, 3],
		[100, 4],
		[500, 5],
		[2_000, 6],
		[10_000, 7],
		[20_000, 8],
		[50_000, 9],
		[100_000, 10],
		[1_000_000, 10],
	])('%d complaints per million units is O %d', (rate, occurrence) => {
		expect(impliedOccurrence(rate, DEFAULT_OCCURRENCE_SCALE)).toBe(occurrence);
	});
});

describe('textTerms', () => {
	it('maps English and Chinese failure words onto the same concepts', () => {
		expect([...textTerms('Terminal pushed out of the housing')].sort()).toEqual([
			'c:detach',
			'c:housing',
			'c:terminal',
		]);
		expect([...textTerms('端子从胶壳中退针')].filter((t) => t.startsWith('c:')).sort()).toEqual([
			'c:detach',
			'c:housing',
			'c:terminal',
		]);
	});
});

describe('matchComplaints errors', () => {
	it('a complaint with an unknown severity names the complaint and the field', () => {
		expect(() =>
			matchComplaints([classify('Scratches.'), { text: 'x', severity: 'urgent' }], rows),
		).toThrow('complaint 1, severity: must be critical, major or minor, got "urgent"');
	});
	it('an empty severity cell counts as no severity', () => {
		const result = matchComplaints(
			[{ text: 'The charger started to smoke, the housing melted near the cable.', severity: '' }],
			rows,
		);
		expect(result.complaints[0]).toMatchObject({ rowId: 'R2', severityAboveRating: false });
	});
	it('a complaint with nothing to match on', () => {
		let error: unknown;
		try {
			matchComplaints([{ category: 'design' }], rows);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(FmeaInputError);
		expect(error).toMatchObject({ field: 'text', index: 0, subject: 'complaint' });
	});
	it('a bad FMEA row names the row', () => {
		expect(() => matchComplaints([classify('x')], [{ ...rows[0], severity: 11 }])).toThrow(
			'row 0 (id "R1"), severity: must be an integer from 1 to 10, got 11',
		);
	});
	it('a severity floor outside 1..10', () => {
		expect(() =>
			matchComplaints([classify('Scratches.')], rows, {
				severityFloor: { critical: 11, major: 7, minor: 2 },
			}),
		).toThrow('severityFloor.critical: must be an integer from 1 to 10, got 11');
	});
	it('units shipped that are not a positive number', () => {
		expect(() =>
			matchComplaints([classify('Scratches on the visible face.')], rows, {
				occurrence: { unitsShipped: 0 },
			}),
		).toThrow(/occurrence.unitsShipped: must be a positive number for row "R1"/);
	});
});
