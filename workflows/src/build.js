/**
 * Writes the shipped templates (workflows/*.json) from their modules in templates/. The JSON files
 * are the product and are committed; run `node workflows/src/build.js` after changing a module, a
 * Code-node program in code/ or shared.js (a unit test fails while the two differ).
 */
const fs = require('node:fs');
const path = require('node:path');

const modules = require('./templates');

const out = path.resolve(__dirname, '..');

/** Every template as [file name, workflow JSON text], in the order of templates/index.js. */
function buildAll() {
	return modules.map(({ file, build }) => [file, `${JSON.stringify(build(), null, '\t')}\n`]);
}

if (require.main === module) {
	const built = buildAll();
	for (const [file, json] of built) fs.writeFileSync(path.join(out, file), json);
	console.log(`wrote ${built.length} templates to ${out}`);
}

module.exports = { buildAll };
