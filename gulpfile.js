/**
 * Copies what `n8n-node build` (tsc + icons) does not: codex files next to each node, the
 * engines' JSON data (taxonomies, rule sets, schemas) and the workflow templates.
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

exports.build = parallel(codexFiles, engineData, workflowTemplates);
