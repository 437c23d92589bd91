/**
 * The unit suite against n8n's 1.x engine: `n8n-core` and `n8n-workflow` resolve to the pair that n8n 1.123.81
 * ships (n8n-core 1.122.48, n8n-workflow 1.120.31), taken from the 1.x end-to-end runtime (e2e/runtime/n8n1),
 * which the global setup installs into ~/.cache/n8n-nodes-scaleapi/n8n1 on first use.
 */
const { homedir } = require('node:os');
const { join } = require('node:path');

const base = require('./jest.config');

const cache = process.env.SCALEAPI_E2E_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-scaleapi');
const modules = join(cache, 'n8n1', 'node_modules');

module.exports = {
	...base,
	globalSetup: '<rootDir>/e2e/runtime/n8n1/install.ts',
	moduleNameMapper: { '^(n8n-core|n8n-workflow)$': `${modules}/$1` },
	// The package checks (npm pack, linters) do not depend on the engine; they run in the 2.x suite. Three harnesses
	// replay 2.x-only engine paths and are not run here: the polling trigger's (2.41's PollContext and poll budget),
	// the credential test's (2.41's credential-tester rules) and Create and Wait's (Task and GenAI) one-node replay of 2.41's waiting
	// webhooks; Create and Wait runs on 1.x end to end instead (e2e/wait.e2e.test.ts in test:e2e:n8n1).
	testPathIgnorePatterns: [
		'/node_modules/',
		'<rootDir>/test/verify/',
		'<rootDir>/test/ScalePollingTrigger/',
		'<rootDir>/test/credentials/credential-test.test.ts',
		'<rootDir>/test/ScaleTask/createAndWait.test.ts',
		'<rootDir>/test/ScaleGenAi/createAndWait.test.ts',
	],
	// n8n-core 1.x starts an SSH-client cleanup interval that is never unref'd.
	forceExit: true,
};
