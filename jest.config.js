/** Three layers: `unit` (lib/, fast), `nodes` (built nodes run by n8n-core's engine), `e2e` (a real n8n). */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];

/** @type {import('jest').Config} */
module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
		},
		{
			displayName: 'nodes',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/tests/nodes/**/*.test.ts'],
			setupFiles: ['<rootDir>/tests/nodes/setup-env.js'],
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
			setupFiles: ['<rootDir>/tests/nodes/setup-env.js'],
			globalSetup: '<rootDir>/tests/e2e/global-setup.js',
			globalTeardown: '<rootDir>/tests/e2e/global-teardown.js',
		},
	],
};
