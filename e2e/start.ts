// `npm start`: the whole loop on one machine, no Scale account, no internet beyond the npm registry.
// Builds are done by the npm script; this starts the Scale sandbox and a real n8n with the package and
// the examples, and prints where to log in.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox } from '../sandbox/server';
import { loadExample, sandboxCredential } from './demo';
import { N8nInstance } from './n8n';
import { ensureN8nRuntime } from './runtime';

const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.SCALE_SANDBOX_PORT ?? 4010);
const API_KEY = 'test_sandbox_key';
const CALLBACK_AUTH_KEY = 'sandbox_callback_auth_key';
const OWNER = { email: 'demo@example.com', password: 'Demo-pass-1', firstName: 'Scale', lastName: 'Demo' };

async function main() {
	const runtime = ensureN8nRuntime();
	const demoDir = join(runtime.cacheDir, 'demo');
	mkdirSync(demoDir, { recursive: true });

	const sandbox = await startSandbox({
		port: SANDBOX_PORT,
		apiKeys: [API_KEY],
		callbackAuthKey: CALLBACK_AUTH_KEY,
		completionDelayMs: 5000,
		seedTasks: { count: 25, project: 'Demo project' },
		persistFile: join(demoDir, 'sandbox-state.json'),
	});

	const n8n = new N8nInstance({
		runtime,
		userFolder: join(demoDir, 'n8n-user'),
		port: N8N_PORT,
		encryptionKey: 'n8n-nodes-scaleapi-demo-key',
		owner: OWNER,
		logFile: join(demoDir, 'n8n.log'),
	});
	n8n.installPackage();
	await n8n.importCredentials([sandboxCredential(sandbox.url, API_KEY, CALLBACK_AUTH_KEY)]);
	for (const name of ['createBatchAndTasks', 'callbackToSlack', 'exportToS3', 'genAiExport'] as const) {
		await n8n.importWorkflow(loadExample(name));
	}
	await n8n.publish(loadExample('callbackToSlack').id);
	await n8n.start();

	process.stdout.write(
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

	const stop = async () => {
		await n8n.stop();
		await sandbox.close();
		process.exit(0);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
	process.stderr.write(`npm start failed: ${error.stack ?? error.message}\n`);
	process.exit(1);
});
