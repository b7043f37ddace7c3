import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';

/** Version 1 of the 8D Gate node. */
export class EightDGateV1 implements INodeType {
	description: INodeTypeDescription = {
		displayName: '8D Gate',
		name: 'eightDGate',
		// n8n resolves version icons against the node's main file (nodes/EightDGate/).
		icon: { light: 'file:eightDGate.svg', dark: 'file:eightDGate.dark.svg' },
		group: ['transform'],
		subtitle: '={{$parameter["operation"]}}',
		description:
			'Lets an 8D report move on only when the discipline it leaves is complete; checks deadlines and the audit trail',
		usableAsTool: true,
		...versionDescription,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
