import { ScaleTrigger } from '../../nodes/ScaleTrigger/ScaleTrigger.node';
import { DEFAULT_CREDENTIALS, hookWebhookUrl, runHook, WEBHOOK_ID } from '../harness/run-webhook';
import { trigger } from './helpers';

const withoutKey = { apiKey: DEFAULT_CREDENTIALS.apiKey, baseUrl: DEFAULT_CREDENTIALS.baseUrl };

describe('Scale Trigger: activation (webhookMethods.default in a real HookContext)', () => {
	it.each([false, true])('fails without a Callback Auth Key, saying where to find it (test URL: %s)', async (isTest) => {
		const error = await runHook({ nodeType: trigger, method: 'create', credentials: withoutKey, isTest }).then(
			() => undefined,
			(thrown: unknown) => thrown as { message: string; description?: string },
		);

		expect(error).toBeDefined();
		expect(error!.message).toMatch(/no Callback Auth Key/);
		expect(error!.description).toContain('dashboard → API Keys → Live Callback Auth Key');
		expect(error!.description).toMatch(/turn off "Verify Callback Auth Key"/);
	});

	it('fails with an empty Callback Auth Key', async () => {
		await expect(
			runHook({ nodeType: trigger, method: 'create', credentials: { ...withoutKey, callbackAuthKey: '' } }),
		).rejects.toThrow(/no Callback Auth Key/);
	});

	it('succeeds with a Callback Auth Key', async () => {
		await expect(runHook({ nodeType: trigger, method: 'create' })).resolves.toBe(true);
	});

	it('succeeds without a key when verification is turned off explicitly', async () => {
		await expect(
			runHook({
				nodeType: trigger,
				method: 'create',
				parameters: { verifyCallbackAuth: false },
				credentials: withoutKey,
			}),
		).resolves.toBe(true);
	});

	it('checkExists and delete have nothing to do at Scale and report success', async () => {
		await expect(runHook({ nodeType: trigger, method: 'checkExists', credentials: withoutKey })).resolves.toBe(true);
		await expect(runHook({ nodeType: trigger, method: 'delete', credentials: withoutKey })).resolves.toBe(true);
	});

	it('serves the callback on <webhookId>/callback under the test and production bases', () => {
		expect(hookWebhookUrl(trigger, false)).toBe(`https://n8n.example.com/webhook/${WEBHOOK_ID}/callback`);
		expect(hookWebhookUrl(trigger, true)).toBe(`https://n8n.example.com/webhook-test/${WEBHOOK_ID}/callback`);
	});
});

describe('Scale Trigger: description', () => {
	const { description } = new ScaleTrigger();

	it('is a webhook trigger answering on receipt', () => {
		expect(description.name).toBe('scaleTrigger');
		expect(description.displayName).toContain('Trigger');
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'callback' },
		]);
	});

	it('verifies by default and says what turning verification off means', () => {
		const verify = description.properties.find((property) => property.name === 'verifyCallbackAuth');
		expect(verify?.type).toBe('boolean');
		expect(verify?.default).toBe(true);
		expect(verify?.description).toMatch(/anyone who knows the URL can start the workflow/);
	});

	it('tells the user where to paste the production URL', () => {
		const panel = description.triggerPanel as { header?: string };
		expect(panel.header).toMatch(/Scale Task → Additional Fields → Callback URL/);
		expect(panel.header).toMatch(/production URL/);
	});
});
