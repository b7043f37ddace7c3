import { hazardEscalation, type HazardHit } from '../../../lib/complaints';

const smoke: HazardHit = { class: 'fire_thermal', term: 'smoke', start: 4, end: 9, harm: 'actual' };
const leak: HazardHit = {
	class: 'electrical',
	term: '漏电',
	start: 12,
	end: 14,
	harm: 'potential',
};
const custom: HazardHit = { class: 'sharp_burr', term: 'burr', start: 0, end: 4, harm: 'actual' };

describe('hazardEscalation', () => {
	it('escalates every hazard by default and quotes them on one line, in text order', () => {
		expect(hazardEscalation([smoke, leak])).toEqual({
			escalate: true,
			evidence: 'fire_thermal: "smoke" (actual); electrical: "漏电" (potential)',
			hazards: [smoke, leak],
		});
	});

	it('keeps only the selected classes; none selected or no hazard: no escalation', () => {
		expect(hazardEscalation([smoke, leak], ['electrical'])).toEqual({
			escalate: true,
			evidence: 'electrical: "漏电" (potential)',
			hazards: [leak],
		});
		expect(hazardEscalation([smoke, leak], [])).toEqual({
			escalate: false,
			evidence: '',
			hazards: [],
		});
		expect(hazardEscalation([])).toEqual({ escalate: false, evidence: '', hazards: [] });
	});

	it('a class added by a taxonomy always escalates (it cannot be deselected among built-in ids)', () => {
		expect(hazardEscalation([smoke, custom], ['electrical']).hazards).toEqual([custom]);
	});
});
