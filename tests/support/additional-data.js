'use strict';

/**
 * The `additionalData` n8n-core's WorkflowExecute needs to run a workflow outside an n8n server:
 * valid URLs, no credentials, sub-workflows or task runners. Shared by the node test harness and
 * bench/hostile/nodes-large.js.
 *
 * @example
 * new WorkflowExecute(testAdditionalData(hooks, 'node-tests'), 'manual').run({ workflow, startNode, pinData });
 */
function testAdditionalData(hooks, userId) {
	const base = 'http://127.0.0.1:5678';
	const unsupported = (what) => () => {
		throw new Error(`${what} is not available here`);
	};
	return {
		hooks,
		credentialsHelper: { getParentTypes: () => [], authenticate: unsupported('credentials') },
		executeWorkflow: unsupported('sub-workflows'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: unsupported('task runners'),
		logAiEvent: () => {},
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: base,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		userId,
	};
}

module.exports = { testAdditionalData };
