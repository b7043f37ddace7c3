// 8D KPIs of the window's complaints, added to the Pareto item the Complaint Classifier counted.
// On time: closed by its D8 due date, or still open and not past it. Containment overdue: still in
// D0 to D2 after its D3 due date. Only numbers go into the HTML, so nothing here needs escaping.
const now = $now.toMillis();
const cases = $('Complaints of the window')
	.all()
	.map((i) => i.json)
	.filter((c) => c.caseId);
const judged = cases.filter((c) => c.d8DueAt);
const onTime = judged.filter((c) =>
	c.closedAt ? Date.parse(c.closedAt) <= Date.parse(c.d8DueAt) : now <= Date.parse(c.d8DueAt),
).length;
const containmentOverdue = cases.filter(
	(c) => ['D0', 'D1', 'D2'].includes(c.stage) && c.d3DueAt && now > Date.parse(c.d3DueAt),
).length;
const onTimeRate = judged.length ? onTime / judged.length : null;
const pareto = $input.first().json;
const kpis =
	'<p style="font-family:Arial,Helvetica,sans-serif;font-size:14px;">8D on time: ' +
	(onTimeRate === null ? 'n/a' : Math.round(onTimeRate * 100) + ' %') +
	` (${onTime} of ${judged.length}). Containment overdue: ${containmentOverdue}.</p>`;
return [
	{
		json: {
			...pareto,
			eightD: { judged: judged.length, onTime, onTimeRate, containmentOverdue },
			html: (pareto.html || '') + kpis,
		},
	},
];
