/** Tests run from TypeScript sources; `npm run typecheck:test` type-checks them, so ts-jest only transpiles. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	setupFiles: ['<rootDir>/test/setup/env.ts', '<rootDir>/test/setup/quiet-logs.ts'],
	setupFilesAfterEnv: ['<rootDir>/test/setup/nock.ts'],
	testTimeout: 30000,
};
