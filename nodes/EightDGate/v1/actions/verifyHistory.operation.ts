import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { verifyHistory } from '../../../../lib/eightd';
import type { OperationResult } from '../../../shared/types';
import { readReport } from './common';

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

/** Output 0 "Valid", 1 "Invalid"; a report that cannot be read is Invalid. */
export const outputs = 2;
export const failedOutput = 1;

export function execute(this: IExecuteFunctions, index: number): OperationResult {
	const result = verifyHistory(readReport.call(this, index));
	return {
		output: result.valid ? 0 : 1,
		json: { ...this.getInputData()[index].json, historyCheck: { ...result } },
	};
}
