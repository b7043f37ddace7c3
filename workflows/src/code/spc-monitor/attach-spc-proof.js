// Attaches the measurements of the D6 SPC proof to each case at D6 that names a characteristic:
// the 25 points before the fix (the chart shows the change) and every point after it, so the
// 8D Gate can pass D6 on the proof alone and the report document draws the after-fix chart.
// Run Once for All Items: the input is the qms_cases rows at D6; measurements from All measurements.
const BEFORE = 25;
const time = (s) => Date.parse(s);
const latest = (times) => times.filter(Boolean).sort((a, b) => time(b) - time(a))[0];
const measurements = $('All measurements')
	.all()
	.map((i) => i.json)
	.filter((r) => r.characteristic && Number.isFinite(Number(r.value)) && r.measuredAt)
	.sort((a, b) => time(a.measuredAt) - time(b.measuredAt));
const now = new Date().toISOString();
const out = [];
for (const item of $input.all()) {
	const row = item.json;
	if (!row.report) continue;
	const report = JSON.parse(row.report);
	const d6 = report.disciplines && report.disciplines.D6;
	const spc = d6 && d6.spc;
	if (!spc || !spc.characteristic) continue;
	const fixedAt = spc.fixedAt || latest((d6.actions || []).map((a) => a.implementedAt));
	if (!fixedAt) continue;
	const series = measurements.filter((r) => r.characteristic === spc.characteristic);
	const before = series.filter((r) => time(r.measuredAt) < time(fixedAt)).slice(-BEFORE);
	const after = series.filter((r) => time(r.measuredAt) >= time(fixedAt));
	spc.measurements = [...before, ...after].map((r) => ({
		at: r.measuredAt,
		value: Number(r.value),
	}));
	if (!spc.unit && series.length && series[0].unit) spc.unit = series[0].unit;
	const id = 'D6-SPC';
	report.evidence = (report.evidence || []).filter((e) => e.id !== id);
	report.evidence.push({
		id,
		discipline: 'D6',
		kind: 'measurement',
		name: `SPC monitor: ${after.length} measurements of ${spc.characteristic} since the fix of ${fixedAt}`,
		addedAt: now,
	});
	out.push({ json: { caseId: row.caseId, report, pointsAfterFix: after.length } });
}
return out;
