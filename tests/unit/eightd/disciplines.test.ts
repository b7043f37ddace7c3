import {
	builtInEightDRuleSets,
	eightDDeadlineProfileChoices,
	eightDDeadlineProfiles,
	eightDRuleSetChoices,
	nextDiscipline,
	TARGET_DISCIPLINES,
} from '../../../lib/eightd';

describe('disciplines', () => {
	it('targets are D1 to D8', () => {
		expect(TARGET_DISCIPLINES).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8']);
	});

	it.each([
		['D0', 'D1'],
		['D3', 'D4'],
		['D8', 'closed'],
		['closed', undefined],
		['d3', undefined],
		[undefined, undefined],
	])('after %s comes %s', (stage, next) => {
		expect(nextDiscipline(stage)).toBe(next);
	});
});

describe('built-in choices', () => {
	it('list every built-in rule set and profile, each with a label', () => {
		expect(eightDRuleSetChoices.map((c) => c.value)).toEqual(
			builtInEightDRuleSets.map((set) => set.id),
		);
		expect(eightDDeadlineProfileChoices.map((c) => c.value)).toEqual(
			Object.keys(eightDDeadlineProfiles),
		);
		for (const choice of [...eightDRuleSetChoices, ...eightDDeadlineProfileChoices])
			expect(choice.name).not.toBe(choice.value);
	});
});
