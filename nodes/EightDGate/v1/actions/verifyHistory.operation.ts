import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { verifyHistory } from '../../../../lib/eightd';
import { readReport } from './common';
import type { OperationResult } from './router';

export const description: INodeProperties[] = [
	{
		displayName:
			'Reports whose history is intact go to "Valid"; altered ones to "Invalid" with the first broken entry',
		name: 'verifyNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { operation: ['verifyHistory'] } },
	},
];

/** Output 0 "Valid", 1 "Invalid". */
export const outputs = 2;

export function execute(this: IExecuteFunctions, index: number): OperationResult {
	const result = verifyHistory(readReport.call(this, index));
	return {
		output: result.valid ? 0 : 1,
		json: { ...this.getInputData()[index].json, historyCheck: { ...result } },
	};
}
