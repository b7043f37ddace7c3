/**
 * Copies what `n8n-node build` (tsc + icons) does not: codex files next to each node, the
 * engines' JSON data (taxonomies, rule sets, schemas), the workflow templates, and the one font
 * the package ships (charts and PDF reports draw CJK text with it; lib/render/fonts.ts finds it).
 */
const { src, dest, parallel } = require('gulp');

function codexFiles() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

function engineData() {
	return src('lib/**/*.json').pipe(dest('dist/lib'));
}

function workflowTemplates() {
	return src('workflows/**/*.json').pipe(dest('dist/workflows'));
}

const FONT_PACKAGE = 'node_modules/@expo-google-fonts/noto-sans-sc';

function shippedFont() {
	return src(
		[`${FONT_PACKAGE}/400Regular/NotoSansSC_400Regular.ttf`, `${FONT_PACKAGE}/LICENSE_FONT`],
		{
			encoding: false,
		},
	).pipe(dest('dist/fonts'));
}

exports.build = parallel(codexFiles, engineData, workflowTemplates, shippedFont);
