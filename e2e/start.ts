// `npm start`: the whole loop on one machine, no Scale account, no internet beyond the npm registry.
// Builds are done by the npm script; this starts the Scale sandbox and a real n8n with the package and
// the examples, and prints where to log in.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { startSandbox } from '../sandbox/server';
import { EXAMPLE_FILES, loadExample, nodesNeedingOwnCredentials, sandboxCredential } from './demo';
import type { ExampleName } from './demo';
import { N8nInstance } from './n8n';
import { cacheDir, ensureN8nRuntime } from './runtime';

/** The ports, each overridable from the environment (README, "Try it in 2 commands"). */
const PORTS = [
	{ variable: 'N8N_PORT', what: 'n8n', port: Number(process.env.N8N_PORT ?? 5678) },
	{ variable: 'SCALE_SANDBOX_PORT', what: 'the Scale sandbox', port: Number(process.env.SCALE_SANDBOX_PORT ?? 4010) },
];
// n8n's task broker (it runs the Code node) listens on a second port, by default n8n's own + 1.
PORTS.push({
	variable: 'N8N_RUNNERS_BROKER_PORT',
	what: "n8n's task runner broker",
	port: Number(process.env.N8N_RUNNERS_BROKER_PORT ?? PORTS[0].port + 1),
});
const [N8N_PORT, SANDBOX_PORT, BROKER_PORT] = PORTS.map(({ port }) => port);

const API_KEY = 'test_sandbox_key';
const CALLBACK_AUTH_KEY = 'sandbox_callback_auth_key';
const OWNER = { email: 'demo@example.com', password: 'Demo-pass-1', firstName: 'Scale', lastName: 'Demo' };
/** Example (b) is published (active) when it is first imported, so the sandbox's callbacks start it. */
const PUBLISHED_EXAMPLE: ExampleName = 'callbackToSlack';

/** A problem the user can fix, reported as one line without a stack trace. */
class StartError extends Error {}

function say(line = '') {
	process.stdout.write(`${line}\n`);
}

async function ensurePortFree({ variable, what, port }: (typeof PORTS)[number]): Promise<void> {
	if (!Number.isInteger(port) || port <= 0 || port > 65535) {
		throw new StartError(`${variable}=${process.env[variable]} is not a port number (1-65535).`);
	}
	await new Promise<void>((resolve, reject) => {
		const probe = createServer();
		probe.once('error', (error: NodeJS.ErrnoException) =>
			reject(
				error.code === 'EADDRINUSE'
					? new StartError(
							`Port ${port} (${what}) is already in use — is npm start already running? Stop it, or choose another port: ${variable}=${port + 10} npm start`,
						)
					: error,
			),
		);
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
	});
}

async function main() {
	const outside = nodesNeedingOwnCredentials();
	say(`Scale nodes in a local n8n: n8n on port ${N8N_PORT} (N8N_PORT), Scale sandbox on port ${SANDBOX_PORT} (SCALE_SANDBOX_PORT).`);
	if (outside.length > 0) {
		say('These example nodes reach services outside this machine and fail until you add your own credential:');
		for (const { workflow, node, service } of outside) say(`  - "${node}" (${service}) in "${workflow}"`);
		say('Everything else runs here: the Scale nodes talk to the sandbox.');
	}
	for (const port of PORTS) await ensurePortFree(port);

	const runtime = ensureN8nRuntime();
	const demoDir = process.env.SCALEAPI_DEMO_DIR ?? join(cacheDir(), 'demo');
	mkdirSync(demoDir, { recursive: true });

	const sandbox = await startSandbox({
		port: SANDBOX_PORT,
		apiKeys: [API_KEY],
		callbackAuthKey: CALLBACK_AUTH_KEY,
		completionDelayMs: 5000,
		seedTasks: { count: 25, project: 'Demo project' },
		seedStudio: true,
		persistFile: join(demoDir, 'sandbox-state.json'),
	});

	const n8n = new N8nInstance({
		runtime,
		userFolder: join(demoDir, 'n8n-user'),
		port: N8N_PORT,
		brokerPort: BROKER_PORT,
		encryptionKey: 'n8n-nodes-scaleapi-demo-key',
		owner: OWNER,
		logFile: join(demoDir, 'n8n.log'),
	});
	const stop = async () => {
		say('Stopping n8n and the sandbox…');
		await n8n.stop();
		await sandbox.close();
		process.exit(0);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);

	n8n.installPackage();
	// The sandbox credential is rewritten on every start so that its base URL follows SCALE_SANDBOX_PORT.
	say('Preparing n8n (credential and examples)…');
	await n8n.importCredentials([sandboxCredential(sandbox.url, API_KEY, CALLBACK_AUTH_KEY)]);
	// Examples are imported only when absent: a user's edits to them survive every later start.
	const present = new Set(await n8n.workflowIds());
	const missing = (Object.keys(EXAMPLE_FILES) as ExampleName[]).filter((name) => !present.has(loadExample(name).id));
	for (const name of missing) await n8n.importWorkflow(loadExample(name));
	if (missing.includes(PUBLISHED_EXAMPLE)) await n8n.publish(loadExample(PUBLISHED_EXAMPLE).id);
	if (missing.length < Object.keys(EXAMPLE_FILES).length) say('Examples already in n8n are kept as you left them.');

	say('Starting n8n…');
	try {
		await n8n.start();
		await n8n.login();
	} catch (error) {
		throw new StartError(`n8n did not start (${(error as Error).message}); its log is ${join(demoDir, 'n8n.log')}`);
	}

	say(
		[
			'',
			`  n8n with the Scale nodes:  ${n8n.url}`,
			`  log in:                    ${OWNER.email} / ${OWNER.password}`,
			`  Scale sandbox (API v1):    ${sandbox.url}   (API key ${API_KEY})`,
			`  Scale sandbox (API v2):    ${sandbox.origin}/v2   (GenAI demo project, seeded deliveries)`,
			'',
			'  Open "Scale: create a batch, one task per row, finalize" and execute it; about 5 s later the',
			'  sandbox completes the tasks and calls back "Scale: on task completion, post to Slack".',
			`  n8n's log: ${join(demoDir, 'n8n.log')}. Stop with Ctrl+C.`,
			'',
		].join('\n'),
	);
}

main().catch((error: Error) => {
	process.stderr.write(error instanceof StartError ? `${error.message}\n` : `npm start failed: ${error.stack ?? error.message}\n`);
	process.exit(1);
});
