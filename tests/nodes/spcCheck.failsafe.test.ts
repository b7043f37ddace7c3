/** Both SPC Check modes under the fail-safe rule: bad data never comes out "In Control". */
import type { IDataObject } from 'n8n-workflow';

import { expectFailSafe } from './failSafe';

const TYPE = 'n8n-nodes-qms.spcCheck';
const steady = [10, 10.2, 9.9, 10.1, 10, 9.8, 10.1, 10, 9.9, 10.2];

describe('SPC Check fails safe', () => {
	it('One Series per Item: a bad series goes to Out of Control, paired, naming item and point', async () => {
		const { regular, toErrorOutput } = await expectFailSafe({
			type: TYPE,
			parameters: { operation: 'perItem', seriesField: 'readings', chartType: 'imr' },
			items: [{ readings: steady }, { readings: [1, 'n/a', 3] }, { readings: 'none' }],
			bad: [1, 2],
			failedOutput: 1,
			reason: 'field "readings", point 2 (index 1): must be a finite number, got "n/a"',
		});
		expect(regular.run.outputCounts(regular.node)).toEqual([1, 2]);
		expect(regular.run.output(regular.node, 1)[1].json).toEqual({
			readings: 'none',
			error: 'Item 2: field "readings": must hold an array, got string',
		});
		const errors = toErrorOutput.run.output(toErrorOutput.node, 2);
		expect(errors.map((i) => i.json.details)).toEqual([
			{
				item: 1,
				field: 'field "readings", point 2 (index 1)',
				reason: 'must be a finite number, got "n/a"',
			},
			{ item: 2, field: 'field "readings"', reason: 'must hold an array, got string' },
		]);
	});

	it('Aggregate All Items: a bad value fails the chart, paired with every item, on Out of Control', async () => {
		const items: IDataObject[] = steady.map((weight) => ({ weight }));
		items[4] = { weight: 'heavy' };
		const { regular } = await expectFailSafe({
			type: TYPE,
			parameters: { operation: 'aggregate', valueField: 'weight', chartType: 'imr' },
			items,
			bad: [4],
			failedOutput: 1,
			aggregate: true,
			reason: 'Item 4: field "weight": must be a number, got "heavy"',
		});
		const [failed] = regular.run.output(regular.node, 1);
		expect(failed.json).toEqual({ error: 'Item 4: field "weight": must be a number, got "heavy"' });
		expect(failed.pairedItem).toEqual(items.map((_, item) => ({ item })));
	});

	it('Aggregate All Items: a negative count names its item', async () => {
		await expectFailSafe({
			type: TYPE,
			parameters: { operation: 'aggregate', valueField: 'defects', chartType: 'c' },
			items: [{ defects: 3 }, { defects: 4 }, { defects: -1 }],
			bad: [2],
			failedOutput: 1,
			aggregate: true,
			reason: 'field "defects": must be a count (whole number >= 0), got -1',
		});
	});
});
