// The package as a user meets it in n8n's editor, in headless Chromium: the node picker finds every node,
// every operation's panel shows its fields with no label cut off, and the screenshots in docs/screenshots/
// (shown in the README) are taken from the same run.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import type { Browser } from './browser';
import { CHROMIUM, Editor, clippedTexts, launchBrowser } from './browser';
import { loadExample, sandboxCredential } from './demo';
import type { PackageNode } from './editor-panels';
import { PANELS, PICKER_SEARCHES, SCREENSHOTS, operationsOf, packageNodes } from './editor-panels';
import { N8nInstance, PACKAGE_NAME, PACKAGE_ROOT } from './n8n';
import { freePort } from './ports';
import { ensureN8nRuntime } from './runtime';

const API_KEY = 'test_editor_key';
const CALLBACK_AUTH_KEY = 'editor_callback_auth_key';
const OWNER = { email: 'editor@example.com', password: 'Editor-pass-1', firstName: 'Editor', lastName: 'Test' };
const CREDENTIAL = { scaleApi: { id: 'scaleSandboxCred', name: 'Scale sandbox' } };
const SCREENSHOT_DIR = process.env.SCALEAPI_SCREENSHOT_DIR ?? join(PACKAGE_ROOT, 'docs', 'screenshots');
const MANUAL_TRIGGER = {
	id: 'e2e-start',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

let sandbox: Sandbox;
let n8n: N8nInstance;
let userFolder: string;
let browser: Browser;
let editor: Editor;
let cookie: string;
const nodes = packageNodes();

/** Saves a workflow through n8n's REST API (as the editor does), Start connected to the first action, and returns its ID. */
async function saveWorkflow(name: string, workflowNodes: Array<{ name: string; type: string }>): Promise<string> {
	const first = workflowNodes.find((node) => node !== MANUAL_TRIGGER && !node.type.endsWith('Trigger'));
	const hasStart = workflowNodes.includes(MANUAL_TRIGGER);
	const saved = await n8n.rest<{ id: string }>(cookie, 'POST', '/workflows', {
		name,
		nodes: workflowNodes,
		connections: hasStart && first ? { [MANUAL_TRIGGER.name]: { main: [[{ node: first.name, type: 'main', index: 0 }]] } } : {},
		settings: { executionOrder: 'v1' },
	});
	return saved.id;
}

/** One canvas node of this package, laid out on a grid. */
function packageNode(name: string, type: string, parameters: Record<string, unknown>, index: number) {
	return {
		id: `e2e-${index}`,
		name,
		type,
		typeVersion: 1,
		position: [260 * (1 + (index % 5)), 200 * Math.floor(index / 5)],
		parameters,
		credentials: CREDENTIAL,
	};
}

function shot(file: string): string {
	return join(SCREENSHOT_DIR, file);
}

beforeAll(async () => {
	if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	const runtime = ensureN8nRuntime();
	sandbox = await startSandbox({
		apiKeys: [API_KEY],
		callbackAuthKey: CALLBACK_AUTH_KEY,
		completionDelayMs: null,
		seedTasks: { count: 5, project: 'Demo project' },
	});
	userFolder = mkdtempSync(join(tmpdir(), 'scaleapi-editor-'));
	n8n = new N8nInstance({
		runtime,
		userFolder,
		port: await freePort(),
		brokerPort: await freePort(),
		encryptionKey: 'scaleapi-editor-encryption-key',
		owner: OWNER,
		logFile: join(userFolder, 'n8n.log'),
	});
	n8n.installPackage();
	await n8n.importCredentials([sandboxCredential(sandbox.url, API_KEY, CALLBACK_AUTH_KEY)]);
	await n8n.start();
	cookie = await n8n.login();
	browser = await launchBrowser();
	editor = new Editor(browser.page, n8n.url);
	await editor.signIn(OWNER.email, OWNER.password);
}, 30 * 60_000);

afterAll(async () => {
	await browser?.close();
	await n8n?.stop();
	await sandbox?.close();
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

describe('the node picker', () => {
	const triggers = nodes.filter((node) => node.isTrigger).map((node) => node.displayName);
	const actions = nodes.filter((node) => !node.isTrigger).map((node) => node.displayName);

	test.each(PICKER_SEARCHES)('"What triggers this workflow?" lists every trigger of the package for "%s"', async (term) => {
		await editor.page.goto(`${n8n.url}/workflow/new`);
		const listed = await editor.searchPicker('trigger', term);
		if (term === 'Scale') await editor.screenshot(shot(SCREENSHOTS.triggerPicker.file));

		expect(triggers.length).toBeGreaterThan(0);
		// n8n's node creator lists a trigger without its " Trigger" suffix ("Scale", "Scale Polling").
		expect(triggers.filter((name) => !listed.includes(name) && !listed.includes(name.replace(/ Trigger$/, '')))).toEqual([]);
	});

	test.each(PICKER_SEARCHES)('"What happens next?" lists every action node of the package for "%s"', async (term) => {
		await editor.openWorkflow(await saveWorkflow(`Picker ${term}`, [MANUAL_TRIGGER]));
		const listed = await editor.searchPicker('action', term);
		if (term === 'Scale') await editor.screenshot(shot(SCREENSHOTS.actionPicker.file));

		expect(actions.length).toBeGreaterThan(0);
		expect(actions.filter((name) => !listed.includes(name))).toEqual([]);
	});
});

describe('panels', () => {
	test.each(PANELS.map((panel) => [panel.title, panel] as const))('%s shows its fields, none cut off', async (_title, panel) => {
		const node = nodes.find((candidate) => candidate.name === panel.node) as PackageNode;
		expect(node).toBeDefined();
		const canvas = node.isTrigger ? [] : [MANUAL_TRIGGER];
		await editor.openWorkflow(
			await saveWorkflow(panel.title, [...canvas, packageNode(panel.title, node.type, panel.parameters, 0)]),
		);
		const parameters = await editor.openNode(panel.title);
		for (const text of panel.unfold ?? []) await editor.page.getByText(text, { exact: true }).click();
		await editor.screenshotPanel(shot(panel.screenshot), parameters);

		const labels = await editor.fieldLabels(parameters);
		expect(panel.fields.filter((field) => !labels.includes(field))).toEqual([]);
		expect(labels.filter((label) => panel.order.includes(label))).toEqual(panel.order);
		expect(await clippedTexts(parameters)).toEqual([]);
		await editor.closeNode();
	});

	// Every operation of every node (not only the pictured ones): nothing in any panel is cut off.
	test.each(nodes.map((node) => [node.displayName, node] as const))(
		'every %s operation opens with no label cut off',
		async (_name, node) => {
			const operations = operationsOf(node);
			const canvas = operations.map(({ resource, operation, label }, index) =>
				packageNode(label, node.type, { ...(resource ? { resource } : {}), ...(operation ? { operation } : {}) }, index),
			);
			await editor.openWorkflow(await saveWorkflow(`All ${node.displayName} operations`, [MANUAL_TRIGGER, ...canvas]));

			const clipped: Record<string, unknown> = {};
			for (const { label } of operations) {
				const parameters = await editor.openNode(label);
				expect((await editor.fieldLabels(parameters)).length).toBeGreaterThan(1);
				const found = await clippedTexts(parameters);
				if (found.length > 0) clipped[label] = found;
				await editor.closeNode();
			}
			expect(clipped).toEqual({});
		},
		10 * 60_000,
	);

	test('the credential dialog shows its fields, none cut off, and n8n has tested the key', async () => {
		const [panel] = PANELS;
		await editor.openWorkflow(
			await saveWorkflow('Credential', [MANUAL_TRIGGER, packageNode(panel.title, `${PACKAGE_NAME}.${panel.node}`, panel.parameters, 0)]),
		);
		await editor.openNode(panel.title);
		await editor.page.getByTestId('credential-edit-button').click();
		const dialog = editor.page.getByTestId('editCredential-modal');
		await dialog.waitFor();
		await dialog.getByText('Connection tested successfully').waitFor({ timeout: 30_000 });
		await editor.screenshot(shot(SCREENSHOTS.credential.file));

		const labels = await editor.fieldLabels(dialog);
		expect(labels).toEqual(expect.arrayContaining(['API Key', 'Base URL', 'Callback Auth Key']));
		expect(await clippedTexts(dialog)).toEqual([]);
		await editor.page.keyboard.press('Escape');
	});
});

test('example (a) executes from the editor against the sandbox', async () => {
	const example = loadExample('createBatchAndTasks');
	const id = await n8n.rest<{ id: string }>(cookie, 'POST', '/workflows', example).then((saved) => saved.id);
	await editor.openWorkflow(id);
	await editor.page.getByTestId('execute-workflow-button').click();
	await editor.page.getByText('Workflow executed successfully').waitFor({ timeout: 90_000 });
	await editor.screenshot(shot(SCREENSHOTS.executedExample.file));

	const successful = editor.page.getByTestId('canvas-node').filter({ has: editor.page.getByTestId('canvas-node-status-success') });
	expect(await successful.count()).toBe(example.nodes.length);
	const tasks = sandbox.tasks().filter((task) => String(task.unique_id ?? '').endsWith('/row-3'));
	expect(tasks).toHaveLength(1);
	// The callback URL expression resolved to this n8n's webhook URL (no hard-coded port).
	expect(tasks[0].callback_url).toBe(n8n.webhookUrl('scale-demo-callback', 'callback'));
}, 180_000);
