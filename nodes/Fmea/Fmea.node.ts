import { VersionedNodeType, type IVersionedNodeType } from 'n8n-workflow';

import { baseDescription } from '../shared/description';
import { FmeaV1 } from './v1/FmeaV1.node';

/** The "FMEA" node: Action Priority, ranking, complaint matching and revisions of FMEA rows (engine in lib/fmea). */
export class Fmea extends VersionedNodeType {
	constructor() {
		const base = baseDescription({
			displayName: 'FMEA',
			name: 'fmea',
			subtitle: '={{$parameter["operation"]}}',
			description:
				'Rates FMEA rows by AIAG-VDA Action Priority, matches field complaints against them and applies revised ratings from 8D actions',
		});
		const nodeVersions: IVersionedNodeType['nodeVersions'] = { 1: new FmeaV1(base) };
		super(nodeVersions, base);
	}
}
