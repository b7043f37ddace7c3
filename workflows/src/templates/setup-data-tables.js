/** QMS setup: creates the Data Tables the other templates read and write. */
const { COLUMNS, NODES, TABLES, Workflow, about } = require('../shared');

function build() {
	const wf = new Workflow(
		'qmsSetupDataTables',
		'QMS setup: data tables',
		'Creates the Data Tables the QMS templates use.',
	);
	about(
		wf,
		[-1, -2],
		[560, 480],
		[
			'## QMS setup: data tables',
			[
				'**What it does:** creates the five n8n Data Tables the other QMS templates read and write,',
				'if they do not exist yet:',
			],
			[
				`- \`${TABLES.cases}\`: one row per complaint / SPC / SCAR case with its 8D report (JSON)`,
				'and deadlines',
			],
			`- \`${TABLES.measurements}\`: measurements for the SPC monitor`,
			[
				`- \`${TABLES.supplierRows}\`: receipts, deliveries, SCARs and complaints per supplier`,
				'for the scorecard',
			],
			[
				`- \`${TABLES.msaStudies}\`: one row per Gage R&R study (gauge, %GRR, ndc, acceptance),`,
				'the measurement system evidence for 8D D4 and D6',
			],
			[
				`- \`${TABLES.fmea}\`: the FMEA (DFMEA / PFMEA) rows, one per failure mode and cause, with`,
				'their ID in `fmeaId`, for the FMEA review',
			],
			'',
			[
				'**Configure:** nothing. **Publish** this workflow once: it runs when published and at every',
				'start of n8n, and leaves existing tables (and their rows) alone.',
			],
			'',
			[
				'**Team option:** keep cases in Postgres instead: replace the Data table nodes of the',
				'templates with Postgres nodes on a table with the same columns.',
			],
		],
	);
	const trigger = wf.node('When published or n8n starts', 'n8n-nodes-base.n8nTrigger', 1, [0, 0], {
		events: ['activate', 'init'],
	});
	let previous = trigger;
	Object.entries(COLUMNS).forEach(([name, columns], i) => {
		const created = wf.node(
			`Create ${name}`,
			...NODES.DATA_TABLE,
			[1 + i, 0],
			{
				resource: 'table',
				operation: 'create',
				tableName: name,
				columns: { column: columns.map(([n, type]) => ({ name: n, type })) },
				options: { createIfNotExists: true },
			},
			{ executeOnce: true },
		);
		wf.link(previous, created);
		previous = created;
	});
	return wf;
}

module.exports = { file: 'qms-setup-data-tables.json', build };
