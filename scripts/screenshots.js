/**
 * `npm run screenshots`: the README's pictures (docs/*.png, docs/templates/*.png) taken anew in a
 * real n8n by the e2e tests that take them (8D review form, Gage R&R study, the FMEA review
 * mail). The test suite itself keeps its screenshots in its work folder, so only this command
 * changes the committed images.
 */
const path = require('node:path');

const { bootstrap, root, run } = require('./toolchain');

bootstrap();
run('npm', ['run', 'build', '--silent']);
const screenshotTests = [
	'tests/e2e/templates.form.test.ts',
	'tests/e2e/templates.gage-rr.test.ts',
	'tests/e2e/templates.fmea.test.ts',
];
run('jest', ['--selectProjects', 'e2e', '--runInBand', ...screenshotTests], {
	env: { QMS_SCREENSHOTS_DIR: path.join(root, 'docs') },
});
console.log(`Screenshots written to ${path.join(root, 'docs')}`);
