/** The fail-safe workflow fixtures in-process (tests/e2e/nodes.test.ts runs them in a real n8n). */
import gateRegular from './fixtures/failsafe-gate-regular-output.json';
import spcErrorOutput from './fixtures/failsafe-spc-error-output.json';
import { FAIL_SAFE_FIXTURES } from './failSafe';
import { runWorkflow, type WorkflowFixture } from './harness';

describe('fail-safe fixtures', () => {
	it.each([
		['failsafe-gate-regular-output.json', gateRegular],
		['failsafe-spc-error-output.json', spcErrorOutput],
	])('%s', async (file, fixture) => {
		const run = await runWorkflow(fixture as unknown as WorkflowFixture);
		expect(run.error).toBeUndefined();
		FAIL_SAFE_FIXTURES[file](run);
	});
});
