/**
 * The wiring of the Gage R&R study template that the e2e run (a Marginal study) cannot show for
 * every branch: each verdict of the study reaches the mail, the table and the answer page, a study
 * that cannot be run reaches its own page, and the node reads the column names the form asks for.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Node {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string }>;
	onError?: string;
}
interface Workflow {
	nodes: Node[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const template = JSON.parse(
	fs.readFileSync(path.resolve(__dirname, '../../../workflows/gage-rr-study.json'), 'utf8'),
) as Workflow;
const node = (name: string) => template.nodes.find((n) => n.name === name)!;
const targets = (from: string, output = 0) =>
	(template.connections[from]?.main[output] ?? []).map((t) => t.node);

test('Acceptable, Marginal and Unacceptable each go to the mail, then the table, then the page', () => {
	const gage = template.nodes.find((n) => n.type === 'n8n-nodes-qms.gageRr')!;
	for (const output of [0, 1, 2])
		expect(targets(gage.name, output)).toEqual(['Mail report with chart']);
	expect(targets('Mail report with chart')).toEqual(['Study record']);
	expect(targets('Study record')).toEqual(['Store study']);
	expect(targets('Store study')).toEqual(['Show result']);
	expect(node('Store study').parameters).toMatchObject({
		operation: 'insert',
		dataTableId: { value: 'qms_msa_studies' },
	});
});

test('a study that cannot be run leaves by the error output to its own page, mailing and storing nothing', () => {
	const gage = template.nodes.find((n) => n.type === 'n8n-nodes-qms.gageRr')!;
	expect(gage.onError).toBe('continueErrorOutput');
	expect(targets(gage.name, 3)).toEqual(['Study not run']);
	expect(template.connections['Study not run']).toBeUndefined();
});

test('the form asks for the staff login, and the study reads the column names and tolerance from it', () => {
	const form = template.nodes.find((n) => n.type === 'n8n-nodes-base.formTrigger')!;
	expect(form.parameters.authentication).toBe('basicAuth');
	expect(form.credentials?.httpBasicAuth.id).toBe('qmsStaffBasicAuth');
	const labels = (
		form.parameters.formFields as { values: Array<{ fieldLabel: string }> }
	).values.map((f) => f.fieldLabel);
	const gage = template.nodes.find((n) => n.type === 'n8n-nodes-qms.gageRr')!;
	const read = (label: string) => `$('${form.name}').first().json['${label}']`;
	expect(labels).toEqual(
		expect.arrayContaining(['Part column', 'Operator column', 'Value column']),
	);
	expect(gage.parameters).toMatchObject({
		operation: 'crossedStudy',
		inputMode: 'items',
		partField: `={{ ${read('Part column')} }}`,
		operatorField: `={{ ${read('Operator column')} }}`,
		valueField: `={{ ${read('Value column')} }}`,
		chartImage: 'png',
		htmlReport: true,
	});
	expect((gage.parameters.options as { tolerance: string }).tolerance).toContain(
		read('Tolerance (USL - LSL)'),
	);
	// The CSV reader takes the upload under the binary key n8n derives from the field's label.
	const csvLabel = labels.find((l) => l === 'CSV file')!;
	expect(node('Read CSV rows').parameters.binaryPropertyName).toBe(csvLabel.replace(/\W/g, '_'));
});
