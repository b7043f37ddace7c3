import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

/**
 * What n8n's Code node (JavaScript, task runner) puts in scope of a program: the data proxy
 * ($input, $json, $('Node') ...), Luxon, and `items` / `item` of the two modes.
 */
const CODE_NODE_GLOBALS = Object.fromEntries(
	[
		'$',
		'$input',
		'$json',
		'$binary',
		'$node',
		'$items',
		'$now',
		'$today',
		'$workflow',
		'$execution',
		'$prevNode',
		'$runIndex',
		'$itemIndex',
		'$vars',
		'$parameter',
		'$jmespath',
		'$getWorkflowStaticData',
		'DateTime',
		'Duration',
		'Interval',
		'items',
		'item',
		'console',
	].map((name) => [name, 'readonly']),
);

/**
 * n8n's community-node rules without the n8n Cloud checks: the package has runtime
 * dependencies (natural, a Chinese segmenter, luxon ...) and ships for self-hosted n8n.
 */
export default [
	...configWithoutCloudSupport,
	{ ignores: ['.cache/**', '.n8n-local/**', 'coverage/**'] },
	{
		files: ['package.json'],
		rules: { '@n8n/community-nodes/no-runtime-dependencies': 'off' },
	},
	{
		// The engines are plain TypeScript without n8n: they throw plain Errors that the nodes wrap.
		files: ['lib/**/*.ts'],
		rules: { '@n8n/community-nodes/require-node-api-error': 'off' },
	},
	{
		// n8n resolves a versioned node's icon against the shell node's folder, where the rule
		// checks it; inside v1/ the same path would be reported missing.
		files: ['nodes/*/v*/**/*.ts'],
		rules: { '@n8n/community-nodes/icon-validation': 'off' },
	},
	{
		// Code-node programs of the templates: a function body (top-level return) with n8n's globals.
		files: ['workflows/src/code/**/*.js'],
		languageOptions: {
			sourceType: 'script',
			parserOptions: { ecmaFeatures: { globalReturn: true } },
			globals: CODE_NODE_GLOBALS,
		},
		rules: { 'no-undef': 'error', 'no-unused-vars': 'error', 'prefer-const': 'error' },
	},
	{
		files: ['workflows/src/**/*.js'],
		rules: { 'max-len': ['error', { code: 120, tabWidth: 4 }] },
	},
	{
		// Tests and benchmarks are not node code: they may read files, start processes, use
		// fixed test passwords, require, and print.
		files: ['tests/**/*.ts', 'bench/**/*.ts'],
		rules: {
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			'@n8n/community-nodes/no-hardcoded-secrets': 'off',
			'no-console': 'off',
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/require-node-api-error': 'off',
		},
	},
];
