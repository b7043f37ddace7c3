import { InputError } from '../../../lib/shared/errors';
import { parseJsonParameter } from '../../../lib/shared/json';
import { readPath } from '../../../lib/shared/paths';

describe('InputError', () => {
	it('carries field, index and reason as data and shows them in the message', () => {
		const error = new InputError('subgroups', 'must be a finite number, got NaN', 2, 1);
		expect(error).toBeInstanceOf(Error);
		expect(error).toMatchObject({ field: 'subgroups', index: 2, subIndex: 1 });
		expect(error.reason).toBe('must be a finite number, got NaN');
		expect(error.message).toBe('subgroups[2][1]: must be a finite number, got NaN');
		expect(new InputError('report', 'missing').message).toBe('report: missing');
	});
});

describe('readPath', () => {
	it('reads dotted paths and stops where the tree ends', () => {
		const json = { report: { stage: 'D3', team: [{ name: 'Li' }] }, empty: null };
		expect(readPath(json, 'report.stage')).toBe('D3');
		expect(readPath(json, 'report.team.0.name')).toBe('Li');
		expect(readPath(json, 'empty.stage')).toBeUndefined();
		expect(readPath(json, 'report.stage.length')).toBeUndefined();
	});

	it('finds nothing through inherited properties', () => {
		expect(readPath({}, '__proto__')).toBeUndefined();
		expect(readPath({ a: {} }, 'a.constructor')).toBeUndefined();
	});
});

describe('parseJsonParameter', () => {
	it('parses text, passes values through, and names the field when the text is not JSON', () => {
		expect(parseJsonParameter('{"id":"x"}', 'Rule Set JSON')).toEqual({ id: 'x' });
		const value = { id: 'y' };
		expect(parseJsonParameter(value, 'Rule Set JSON')).toBe(value);
		expect(() => parseJsonParameter('{"id":', 'Rule Set JSON')).toThrow(
			/^Rule Set JSON: not valid JSON \(/,
		);
		let caught: unknown;
		try {
			parseJsonParameter('{', 'Taxonomy JSON');
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(InputError);
		expect((caught as InputError).field).toBe('Taxonomy JSON');
	});
});
