// the files, not lib/render's index: that would load vega, which this synchronous chart does not use
import { SHIPPED_FONT_FAMILY } from '../../render/fonts';
import { rasterizeSvg } from '../../render/rasterize';
import { escapeHtml } from '../../shared/html';
import type { SpcProofResult } from '../spcProof';
import { readableNumber } from './format';

/** An image of the document. */
export interface ChartImage {
	svg: string;
	png: Buffer;
	width: number;
	height: number;
}

const WIDTH = 640;
const HEIGHT = 260;
const PLOT = { left: 52, right: 96, top: 34, bottom: 30 };
const COLORS = {
	line: '#1f3b57',
	center: '#2ca02c',
	limit: '#d62728',
	spec: '#e08a00',
	grid: '#e5e7eb',
};

/** Round tick steps: 1, 2 or 5 times a power of ten, about `count` of them over the range. */
function ticks(min: number, max: number, count: number): number[] {
	const raw = (max - min) / count;
	const power = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
	const out: number[] = [];
	for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step)
		out.push(Number(t.toPrecision(12)));
	return out;
}

/**
 * The individuals chart of the points after the D6 fix, as SVG and PNG (drawn synchronously with
 * the shipped font, so the characteristic's name shows in Chinese too): the points, their center
 * line and control limits, the specification limits, and the points that reported a rule in red.
 * Undefined when there is no chart (fewer than 2 points after the fix).
 *
 * @example
 * const image = spcProofChart(evaluateSpcProof(report)!, '焊接拉力 weld pull force — after the fix');
 * image?.png; // PNG bytes, 1280 x 520
 */
export function spcProofChart(proof: SpcProofResult, title: string): ChartImage | undefined {
	const chart = proof.chart;
	if (!chart) return undefined;
	const values = chart.points;
	const ucl = typeof chart.ucl === 'number' ? chart.ucl : Math.max(...chart.ucl);
	const lcl = typeof chart.lcl === 'number' ? chart.lcl : Math.min(...chart.lcl);
	const levels = [
		...values,
		ucl,
		lcl,
		...[proof.lsl, proof.usl].filter((v): v is number => v !== undefined),
	];
	let min = Math.min(...levels);
	let max = Math.max(...levels);
	const pad = (max - min) * 0.08 || 1;
	min -= pad;
	max += pad;
	const w = WIDTH - PLOT.left - PLOT.right;
	const h = HEIGHT - PLOT.top - PLOT.bottom;
	const x = (i: number) =>
		PLOT.left + (values.length === 1 ? w / 2 : (i / (values.length - 1)) * w);
	const y = (v: number) => PLOT.top + ((max - v) / (max - min)) * h;
	const signalled = new Set(
		chart.violations.filter((v) => v.chart === 'primary').map((v) => v.index),
	);
	const font = `font-family="${SHIPPED_FONT_FAMILY}"`;
	const parts: string[] = [
		`<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
		`<text x="${PLOT.left}" y="20" ${font} font-size="13" fill="#111827">${escapeHtml(title)}</text>`,
	];
	for (const t of ticks(min, max, 5)) {
		parts.push(
			`<line x1="${PLOT.left}" x2="${PLOT.left + w}" y1="${y(t)}" y2="${y(t)}" stroke="${COLORS.grid}"/>`,
			`<text x="${PLOT.left - 6}" y="${y(t) + 4}" ${font} font-size="10" text-anchor="end" fill="#4b5563">${readableNumber(t, 6)}</text>`,
		);
	}
	// a label at point 1 and every 5th (10th ... for long series)
	const step = Math.ceil(values.length / 50) * 5;
	for (let i = 0; i < values.length; i += i === 0 ? step - 1 : step) {
		parts.push(
			`<text x="${x(i)}" y="${PLOT.top + h + 16}" ${font} font-size="10" text-anchor="middle" fill="#4b5563">${i + 1}</text>`,
		);
	}
	const level = (v: number, color: string, label: string, dash = '') =>
		parts.push(
			`<line x1="${PLOT.left}" x2="${PLOT.left + w}" y1="${y(v)}" y2="${y(v)}" stroke="${color}" stroke-width="1.2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
			`<text x="${PLOT.left + w + 6}" y="${y(v) + 4}" ${font} font-size="10" fill="${color}">${escapeHtml(label)} ${readableNumber(v, 4)}</text>`,
		);
	level(chart.center, COLORS.center, 'CL');
	level(ucl, COLORS.limit, 'UCL', '5 3');
	level(lcl, COLORS.limit, 'LCL', '5 3');
	if (proof.usl !== undefined) level(proof.usl, COLORS.spec, 'USL');
	if (proof.lsl !== undefined) level(proof.lsl, COLORS.spec, 'LSL');
	parts.push(
		`<polyline fill="none" stroke="${COLORS.line}" stroke-width="1.2" points="${values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}"/>`,
		...values.map(
			(v, i) =>
				`<circle cx="${x(i)}" cy="${y(v)}" r="2.6" fill="${signalled.has(i) ? COLORS.limit : COLORS.line}"/>`,
		),
		`<rect x="${PLOT.left}" y="${PLOT.top}" width="${w}" height="${h}" fill="none" stroke="#9ca3af"/>`,
	);
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${parts.join('')}</svg>`;
	return { svg, png: rasterizeSvg(svg, { scale: 2 }), width: WIDTH, height: HEIGHT };
}
