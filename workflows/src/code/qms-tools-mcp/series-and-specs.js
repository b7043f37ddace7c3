// The characteristic's latest 100 measurements in time order, with its spec limits if known.
// Run Once for All Items: the input is every row of the characteristic.
const rows = $input
	.all()
	.map((item) => item.json)
	.filter((row) => row.value !== null && row.value !== undefined);
rows.sort((a, b) => String(a.measuredAt).localeCompare(String(b.measuredAt)) || a.id - b.id);
const latest = rows.slice(-100);
const first = latest[0];
const last = latest[latest.length - 1];
const specs = $('Spec limits').first().json.specs[first.characteristic] || {};
return [
	{
		json: {
			characteristic: first.characteristic,
			unit: last.unit || '',
			values: latest.map((row) => Number(row.value)),
			firstMeasuredAt: first.measuredAt,
			lastMeasuredAt: last.measuredAt,
			...specs,
		},
	},
];
