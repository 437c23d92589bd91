import crypto from 'crypto';

import { CALLBACK_AUTH_HEADER } from '../../nodes/ScaleTrigger/ScaleTrigger.node';
import { DEFAULT_CREDENTIALS, runWebhook } from '../harness/run-webhook';
import { CALLBACK_KEY, callbackBody, goodHeaders, trigger } from './helpers';

describe('Scale Trigger: callback auth key verification', () => {
	it('starts the workflow with one item for a callback carrying the right scale-callback-auth header', async () => {
		const body = callbackBody({}, { status: 'completed', sent_at: '2026-11-28T12:00:00.000Z' });
		const result = await runWebhook({ nodeType: trigger, body, headers: goodHeaders });

		expect(result.statusCode).toBe(200);
		expect(result.writtenByNode).toBe(false);
		expect(result.workflowData).toHaveLength(1);
		const items = result.workflowData![0];
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			event: 'taskCompleted',
			task_id: '5c84d0fe958593004f13e5ba',
			status: 'completed',
			response: (body.task as { response: unknown }).response,
			task: body.task,
			sent_at: '2026-11-28T12:00:00.000Z',
		});
		// event, task id and response first, so Slack / S3 nodes can map them directly.
		expect(Object.keys(items[0].json).slice(0, 5)).toEqual(['event', 'task_id', 'status', 'response', 'task']);
		// Scale gets a small JSON acknowledgement, not n8n's literal 'firstEntryJson'.
		expect(JSON.parse(result.responseBody)).toEqual({ received: true, event: 'taskCompleted', started: true });
	});

	it('takes task_id and status from the task when the top level lacks them', async () => {
		const body = callbackBody({ status: 'error', response: { error: 'Attachment could not be fetched' } });
		delete body.task_id;
		const result = await runWebhook({
			nodeType: trigger,
			parameters: { events: ['taskErrored'] },
			body,
			headers: goodHeaders,
		});

		expect(result.workflowData?.[0][0].json).toMatchObject({
			task_id: '5c84d0fe958593004f13e5ba',
			status: 'error',
			response: { error: 'Attachment could not be fetched' },
		});
	});

	it('answers 401 and starts nothing when the header holds a wrong key', async () => {
		const result = await runWebhook({
			nodeType: trigger,
			body: callbackBody(),
			headers: { [CALLBACK_AUTH_HEADER]: `${CALLBACK_KEY}x` },
		});

		expect(result.statusCode).toBe(401);
		expect(result.writtenByNode).toBe(true);
		expect(result.returned).toEqual({ noWebhookResponse: true });
		expect(result.workflowData).toBeUndefined();
		expect(JSON.parse(result.responseBody)).toEqual({ message: expect.stringMatching(/scale-callback-auth/) });
	});

	it('answers 401 for a key of another length and for a prefix of the right key', async () => {
		for (const wrong of ['x', CALLBACK_KEY.slice(0, -1), CALLBACK_KEY.repeat(2)]) {
			const result = await runWebhook({
				nodeType: trigger,
				body: callbackBody(),
				headers: { [CALLBACK_AUTH_HEADER]: wrong },
			});
			expect(result.statusCode).toBe(401);
			expect(result.workflowData).toBeUndefined();
		}
	});

	it('answers 401 and starts nothing when the header is missing or empty', async () => {
		const variants: Array<Record<string, string>> = [{}, { [CALLBACK_AUTH_HEADER]: '' }];
		for (const headers of variants) {
			const result = await runWebhook({ nodeType: trigger, body: callbackBody(), headers });
			expect(result.statusCode).toBe(401);
			expect(result.returned).toEqual({ noWebhookResponse: true });
			expect(result.workflowData).toBeUndefined();
		}
	});

	it('compares SHA-256 digests of equal length with crypto.timingSafeEqual', async () => {
		const spy = jest.spyOn(crypto, 'timingSafeEqual');
		try {
			const result = await runWebhook({
				nodeType: trigger,
				body: callbackBody(),
				headers: { [CALLBACK_AUTH_HEADER]: 'short' },
			});
			expect(result.statusCode).toBe(401);
			expect(spy).toHaveBeenCalledTimes(1);
			const [received, expected] = spy.mock.calls[0] as [Buffer, Buffer];
			expect(received).toEqual(crypto.createHash('sha256').update('short').digest());
			expect(expected).toEqual(crypto.createHash('sha256').update(CALLBACK_KEY).digest());
		} finally {
			spy.mockRestore();
		}
	});

	it('reads the header case-insensitively, as Node lower-cases header names', async () => {
		const result = await runWebhook({
			nodeType: trigger,
			body: callbackBody(),
			headers: { 'Scale-Callback-Auth': CALLBACK_KEY },
		});
		expect(result.statusCode).toBe(200);
		expect(result.workflowData?.[0]).toHaveLength(1);
	});

	it('answers 401 when verification is on but the credential has no Callback Auth Key', async () => {
		const result = await runWebhook({
			nodeType: trigger,
			body: callbackBody(),
			headers: { [CALLBACK_AUTH_HEADER]: 'anything' },
			credentials: { apiKey: DEFAULT_CREDENTIALS.apiKey },
		});
		expect(result.statusCode).toBe(401);
		expect(result.workflowData).toBeUndefined();

		const emptyMatchesEmpty = await runWebhook({
			nodeType: trigger,
			body: callbackBody(),
			headers: { [CALLBACK_AUTH_HEADER]: '' },
			credentials: { apiKey: DEFAULT_CREDENTIALS.apiKey, callbackAuthKey: '' },
		});
		expect(emptyMatchesEmpty.statusCode).toBe(401);
		expect(emptyMatchesEmpty.workflowData).toBeUndefined();
	});

	it('accepts a callback without the header when verification is turned off', async () => {
		const result = await runWebhook({
			nodeType: trigger,
			parameters: { verifyCallbackAuth: false },
			body: callbackBody(),
			headers: {},
			credentials: { apiKey: DEFAULT_CREDENTIALS.apiKey },
		});
		expect(result.statusCode).toBe(200);
		expect(result.workflowData?.[0][0].json.task_id).toBe('5c84d0fe958593004f13e5ba');
	});

	it('verifies on the test URL too', async () => {
		const wrong = await runWebhook({ nodeType: trigger, body: callbackBody(), headers: {}, isTest: true });
		expect(wrong.statusCode).toBe(401);
		const right = await runWebhook({ nodeType: trigger, body: callbackBody(), headers: goodHeaders, isTest: true });
		expect(right.workflowData?.[0]).toHaveLength(1);
	});

	it('never puts the key into a response body or the output, whatever the outcome', async () => {
		const outcomes = await Promise.all([
			runWebhook({ nodeType: trigger, body: callbackBody(), headers: goodHeaders }),
			runWebhook({
				nodeType: trigger,
				body: callbackBody(),
				headers: { [CALLBACK_AUTH_HEADER]: 'forged-key-0123' },
			}),
			runWebhook({ nodeType: trigger, body: callbackBody(), headers: {} }),
			runWebhook({ nodeType: trigger, body: { nothing: true }, headers: goodHeaders }),
			runWebhook({
				nodeType: trigger,
				parameters: { events: ['taskErrored'] },
				body: callbackBody(),
				headers: goodHeaders,
			}),
		]);
		expect(outcomes.map((outcome) => outcome.statusCode)).toEqual([200, 401, 401, 400, 200]);
		for (const outcome of outcomes) {
			expect(outcome.responseBody).not.toContain(CALLBACK_KEY);
			expect(JSON.stringify(outcome.response.calls)).not.toContain(CALLBACK_KEY);
			expect(JSON.stringify(outcome.workflowData ?? null)).not.toContain(CALLBACK_KEY);
			// Nor is a received header value echoed back.
			expect(outcome.responseBody).not.toContain('forged-key-0123');
		}
	});
});
