/* eslint-disable max-len -- written as one-line string concatenations; rewritten next */
// Complaint KPIs of the window: Pareto by category, counts by severity and customer, 8D on-time rate.
const settings = $('Settings').first().json;
const now = $now.toMillis();
const since = now - Number(settings.windowDays) * 86400000;
const cases = $input
	.all()
	.map((i) => i.json)
	.filter(
		(c) => ['mail', 'webhook', 'chat'].includes(c.source) && Date.parse(c.receivedAt) >= since,
	);
const count = (key) => {
	const m = new Map();
	for (const c of cases) m.set(c[key] || 'unknown', (m.get(c[key] || 'unknown') || 0) + 1);
	return [...m.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
};
let cumulative = 0;
const pareto = count('category').map(([category, n]) => {
	cumulative += n;
	return {
		category,
		count: n,
		share: n / cases.length,
		cumulativeShare: cumulative / cases.length,
	};
});
// 8D on time: closed by its D8 due date, or still open and not past it.
const judged = cases.filter((c) => c.d8DueAt);
const onTime = judged.filter((c) =>
	c.closedAt ? Date.parse(c.closedAt) <= Date.parse(c.d8DueAt) : now <= Date.parse(c.d8DueAt),
).length;
const containmentLate = cases
	.filter((c) => c.stage === 'D0' || c.stage === 'D1' || c.stage === 'D2')
	.filter((c) => c.d3DueAt && now > Date.parse(c.d3DueAt)).length;
const bar = (share, color) =>
	'<div style="background:' +
	color +
	';height:14px;width:' +
	Math.max(2, Math.round(share * 300)) +
	'px"></div>';
const rows = pareto
	.map(
		(p) =>
			'<tr><td style="padding:4px 8px">' +
			p.category +
			'</td><td style="padding:4px 8px;text-align:right">' +
			p.count +
			'</td><td style="padding:4px 8px">' +
			bar(p.share, '#1f77b4') +
			'</td><td style="padding:4px 8px;text-align:right">' +
			Math.round(p.cumulativeShare * 100) +
			' %</td></tr>',
	)
	.join('');
const list = (pairs) => pairs.map(([k, v]) => k + ': ' + v).join(', ');
const html =
	'<div style="font-family:Arial,sans-serif;font-size:14px"><h2 style="margin:0 0 8px">Complaint Pareto, last ' +
	settings.windowDays +
	' days</h2>' +
	'<p>' +
	cases.length +
	' complaints. 8D on time: ' +
	(judged.length ? Math.round((onTime / judged.length) * 100) + ' %' : 'n/a') +
	' (' +
	onTime +
	' of ' +
	judged.length +
	'). Containment overdue: ' +
	containmentLate +
	'.</p>' +
	'<table style="border-collapse:collapse"><tr><th style="text-align:left;padding:4px 8px">Category</th><th style="padding:4px 8px">Count</th><th style="text-align:left;padding:4px 8px">Share</th><th style="padding:4px 8px">Cumulative</th></tr>' +
	rows +
	'</table>' +
	'<p><b>By severity:</b> ' +
	list(count('severity')) +
	'<br><b>By customer:</b> ' +
	list(count('customer').slice(0, 10)) +
	'</p></div>';
return [
	{
		json: {
			windowDays: Number(settings.windowDays),
			complaints: cases.length,
			pareto,
			bySeverity: Object.fromEntries(count('severity')),
			byCustomer: Object.fromEntries(count('customer')),
			eightD: {
				judged: judged.length,
				onTime,
				onTimeRate: judged.length ? onTime / judged.length : null,
				containmentOverdue: containmentLate,
			},
			html,
		},
	},
];
