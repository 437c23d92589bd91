import { ScaleTrigger } from '../../nodes/ScaleTrigger/ScaleTrigger.node';
import { activateWebhook, DEFAULT_CREDENTIALS, hookWebhookUrl, runHook, WEBHOOK_ID } from '../harness/run-webhook';
import { trigger } from './helpers';

const withoutKey = { apiKey: DEFAULT_CREDENTIALS.apiKey, baseUrl: DEFAULT_CREDENTIALS.baseUrl };

describe('Scale Trigger: publishing, through the webhook lifecycle as n8n runs it (checkExists → create)', () => {
	it.each([false, true])(
		'refuses without a Callback Auth Key, saying where Scale shows it (test URL: %s)',
		async (isTest) => {
			const { called, error } = await activateWebhook({ nodeType: trigger, credentials: withoutKey, isTest });

			// checkExists answers false, so n8n goes on to create(), which refuses.
			expect(called).toEqual(['checkExists', 'create']);
			expect(error).toBeDefined();
			expect(error!.message).toMatch(/no Callback Auth Key/);
			expect(error!.message).toContain('dashboard under API Keys → Live Callback Auth Key');
			expect(error!.description).toMatch(/turn off "Verify Callback Auth Key"/);
		},
	);

	it('refuses with an empty Callback Auth Key', async () => {
		const { error } = await activateWebhook({ nodeType: trigger, credentials: { ...withoutKey, callbackAuthKey: '' } });
		expect(error?.message).toMatch(/no Callback Auth Key/);
	});

	it('publishes with a Callback Auth Key', async () => {
		await expect(activateWebhook({ nodeType: trigger })).resolves.toEqual({ called: ['checkExists', 'create'] });
	});

	it('publishes without a key when verification is turned off explicitly', async () => {
		const outcome = await activateWebhook({
			nodeType: trigger,
			parameters: { verifyCallbackAuth: false },
			credentials: withoutKey,
		});
		expect(outcome).toEqual({ called: ['checkExists', 'create'] });
	});

	it('checkExists always answers false (Scale has nothing to look up), delete has nothing to remove', async () => {
		await expect(runHook({ nodeType: trigger, method: 'checkExists' })).resolves.toBe(false);
		await expect(runHook({ nodeType: trigger, method: 'delete', credentials: withoutKey })).resolves.toBe(true);
	});

	it('serves the callback on <webhookId>/callback under the test and production bases', () => {
		expect(hookWebhookUrl(trigger, false)).toBe(`https://n8n.example.com/webhook/${WEBHOOK_ID}/callback`);
		expect(hookWebhookUrl(trigger, true)).toBe(`https://n8n.example.com/webhook-test/${WEBHOOK_ID}/callback`);
	});
});

describe('Scale Trigger: description', () => {
	const { description } = new ScaleTrigger();

	it('is a webhook trigger answering on receipt with its own acknowledgement', () => {
		expect(description.name).toBe('scaleTrigger');
		expect(description.displayName).toContain('Trigger');
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'callback', responseData: '' },
		]);
	});

	it('verifies by default and says what turning verification off means', () => {
		const verify = description.properties.find((property) => property.name === 'verifyCallbackAuth');
		expect(verify?.type).toBe('boolean');
		expect(verify?.default).toBe(true);
		expect(verify?.description).toMatch(/anyone who knows the URL can start the workflow/);
	});

	it('offers every callback kind as an event, Task Completed by default', () => {
		const events = description.properties.find((property) => property.name === 'events');
		expect(events?.type).toBe('multiOptions');
		expect(events?.default).toEqual(['taskCompleted']);
		expect((events?.options as Array<{ value: string }>).map((option) => option.value)).toEqual([
			'taskCompleted',
			'taskErrored',
			'taskAudited',
			'taskRecalled',
			'taskCanceled',
			'batchCompleted',
		]);
	});

	it('has one short notice: where the production URL goes and that the workflow must be published', () => {
		const panel = description.triggerPanel as { header?: string; activationHint?: string };
		expect(panel.header).toMatch(/production URL/);
		expect(panel.header).toMatch(/publish the workflow/);
		expect(panel.header).not.toMatch(/activate/i);
		expect(panel.activationHint).toBeUndefined();
		// No parameter notice repeating the panel (the only notice left warns about verification being off).
		const notices = description.properties.filter((property) => property.type === 'notice');
		expect(notices.map((notice) => notice.name)).toEqual(['unverifiedNotice']);
		expect(JSON.stringify(description)).not.toMatch(/\bactivate\b/i);
	});

	it('is findable in the node picker: a regular category and the words people search for', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const codex = require('../../nodes/ScaleTrigger/ScaleTrigger.node.json') as { categories: string[]; alias: string[] };
		expect(codex.categories).toEqual(['Development', 'Data & Storage']);
		expect(codex.alias).toEqual(
			expect.arrayContaining(['Scale AI', 'Scale', 'labeling', 'labelling', 'data labeling', 'annotation', 'human review']),
		);
	});
});
