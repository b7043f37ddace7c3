/**
 * Asserts that `actual` rounds to `printed` at the precision the number was printed with: its
 * decimals (0.974 -> 3), or its significant digits when in exponent form (1.17448e-9 -> 6).
 */
export function expectPrinted(actual: number | undefined, printed: number, label = ''): void {
	const text = String(printed);
	const exp = /e([+-]\d+)$/.exec(text);
	let halfUnit: number;
	if (exp) {
		const mantissa = text.slice(0, exp.index).replace('-', '');
		const digits = mantissa.replace('.', '').length;
		halfUnit = 0.5 * 10 ** (Number(exp[1]) - digits + 1);
	} else {
		const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
		halfUnit = 0.5 * 10 ** -decimals;
	}
	if (actual === undefined || !(Math.abs(actual - printed) <= halfUnit * (1 + 1e-9))) {
		throw new Error(`${label}: got ${String(actual)}, published ${text} (+/- ${halfUnit})`);
	}
}
