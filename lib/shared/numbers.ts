/**
 * A number given as a number or as numeric text (CSV files and forms hand over text): "0.29" and
 * " 12 " become numbers, anything else comes back unchanged for the engine to reject by name.
 *
 * @example
 * numericText('0.29'); // 0.29
 * numericText('n/a');  // 'n/a'
 */
export function numericText(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const trimmed = value.trim();
	const n = Number(trimmed);
	return trimmed !== '' && Number.isFinite(n) ? n : value;
}
