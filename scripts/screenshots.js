/**
 * `npm run screenshots`: the README's pictures (docs/*.png, docs/templates/*.png) taken anew in a
 * real n8n by the form e2e tests (8D review, Gage R&R study). The test suite itself keeps its
 * screenshots in its work folder, so only this command changes the committed images.
 */
const path = require('node:path');

const { bootstrap, root, run } = require('./toolchain');

bootstrap();
run('npm', ['run', 'build', '--silent']);
const formTests = ['tests/e2e/templates.form.test.ts', 'tests/e2e/templates.gage-rr.test.ts'];
run('jest', ['--selectProjects', 'e2e', '--runInBand', ...formTests], {
	env: { QMS_SCREENSHOTS_DIR: path.join(root, 'docs') },
});
console.log(`Screenshots written to ${path.join(root, 'docs')}`);
