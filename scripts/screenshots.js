/**
 * `npm run screenshots`: the README's pictures (docs/*.png, docs/templates/*.png) taken anew in a
 * real n8n by the 8D form e2e test (editor and form) and the FMEA review e2e test (its mail). The
 * test suite itself keeps its screenshots in its work folder, so only this command changes the
 * committed images.
 */
const path = require('node:path');

const { bootstrap, root, run } = require('./toolchain');

bootstrap();
run('npm', ['run', 'build', '--silent']);
run(
	'jest',
	[
		'--selectProjects',
		'e2e',
		'--runInBand',
		'tests/e2e/templates.form.test.ts',
		'tests/e2e/templates.fmea.test.ts',
	],
	{ env: { QMS_SCREENSHOTS_DIR: path.join(root, 'docs') } },
);
console.log(`Screenshots written to ${path.join(root, 'docs')}`);
