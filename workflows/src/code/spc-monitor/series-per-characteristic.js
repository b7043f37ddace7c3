// One item per characteristic with its values in time order (the last 100 points).
// Run Once for All Items: the input is every row of qms_measurements.
const byCharacteristic = new Map();
const rows = $input
	.all()
	.map((i) => i.json)
	.filter((r) => r.characteristic && r.value !== null && r.value !== undefined);
rows.sort((a, b) => String(a.measuredAt).localeCompare(String(b.measuredAt)) || a.id - b.id);
for (const r of rows) {
	const list = byCharacteristic.get(r.characteristic) || [];
	list.push(r);
	byCharacteristic.set(r.characteristic, list);
}
return [...byCharacteristic.entries()].map(([characteristic, list]) => {
	const last = list.slice(-100);
	const latest = last[last.length - 1];
	return {
		json: {
			characteristic,
			line: latest.line || '',
			unit: latest.unit || '',
			values: last.map((r) => Number(r.value)),
			lastMeasuredAt: latest.measuredAt,
		},
	};
});
