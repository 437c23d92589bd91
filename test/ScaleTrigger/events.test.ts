import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { authorizationFor } from '../harness/constants';
import { DEFAULT_CREDENTIALS, runWebhook } from '../harness/run-webhook';
import { ALL_EVENTS, callbackBody, goodHeaders, trigger } from './helpers';

const COMPLETED_AT = '2026-11-28T12:00:00.000Z';
const audit = (result: string, auditedAt: string) => ({
	audited_by: 'reviewer@example.com',
	audited_at: auditedAt,
	audit_time_secs: 12,
	audit_result: result,
	audit_source: 'customer',
});

/** One body of every kind Scale sends, as its docs describe them. */
const KINDS: Array<[string, IDataObject]> = [
	['taskCompleted', callbackBody({ completed_at: COMPLETED_AT }, { status: 'completed' })],
	[
		'taskErrored',
		callbackBody(
			{ status: 'error', response: { error: 'One or more attachments could not be downloaded.', attachments: [] } },
			{ status: 'error' },
		),
	],
	[
		'taskAudited',
		callbackBody({ completed_at: COMPLETED_AT, audits: [audit('rejected', '2026-11-28T13:00:00.000Z')] }),
	],
	['taskRecalled', callbackBody({ status: 'pending', completed_at: COMPLETED_AT }, { status: 'pending' })],
	['taskCanceled', callbackBody({ status: 'canceled' })],
	['batchCompleted', { batch: 'batch-2026-11-28', status: 'completed', stats: { completed: 20, canceled: 3, error: 5 } }],
];

async function deliver(body: IDataObject, parameters: IDataObject = {}) {
	return await runWebhook({ nodeType: trigger, parameters, body, headers: goodHeaders });
}

describe('Scale Trigger: every callback kind', () => {
	it.each(KINDS)('%s: starts the workflow when selected, one item naming the event', async (event, body) => {
		const result = await deliver(body, { events: [event] });

		expect(result.statusCode).toBe(200);
		expect(JSON.parse(result.responseBody)).toEqual({ received: true, event, started: true });
		expect(result.workflowData?.[0]).toHaveLength(1);
		expect(result.workflowData?.[0][0].json.event).toBe(event);
	});

	it.each(KINDS)('%s: answered 200 without starting anything when not selected', async (event, body) => {
		const others = ALL_EVENTS.filter((other) => other !== event);
		const result = await deliver(body, { events: others });

		expect(result.statusCode).toBe(200);
		expect(result.writtenByNode).toBe(false);
		expect(result.workflowData).toBeUndefined();
		expect(JSON.parse(result.responseBody)).toEqual({ received: true, event, started: false });
	});

	it('every verified, well-formed kind gets a 2xx with the default events too', async () => {
		const results = await Promise.all(KINDS.map(([, body]) => deliver(body)));
		expect(results.map((result) => result.statusCode)).toEqual(KINDS.map(() => 200));
		// Only the default (Task Completed) starts the workflow.
		expect(results.map((result) => result.workflowData !== undefined)).toEqual([true, false, false, false, false, false]);
	});

	it('Task Audited: the outcome and the audit are in the item', async () => {
		const [, body] = KINDS[2];
		const result = await deliver(body, { events: ['taskAudited'] });
		const item = result.workflowData![0][0].json;

		expect(item).toMatchObject({
			event: 'taskAudited',
			task_id: '5c84d0fe958593004f13e5ba',
			status: 'completed',
			audit_result: 'rejected',
			audit: audit('rejected', '2026-11-28T13:00:00.000Z'),
		});
	});

	it('Task Audited: an explicit audit object in the body wins', async () => {
		const body = callbackBody({}, { audit: { audit_result: 'fixed', audited_by: 'a@example.com' } });
		const result = await deliver(body, { events: ['taskAudited'] });
		expect(result.workflowData?.[0][0].json).toMatchObject({ audit_result: 'fixed' });
	});

	it('a completion after a recall is a completion, even though the task carries an older audit', async () => {
		const body = callbackBody({
			completed_at: '2026-11-29T09:00:00.000Z',
			audits: [audit('rejected', '2026-11-28T13:00:00.000Z')],
		});
		const result = await deliver(body, { events: ['taskCompleted'] });
		expect(result.workflowData?.[0][0].json.event).toBe('taskCompleted');
	});

	it('Batch Completed: batch name, status and stats in the item, filtered by batch name', async () => {
		const [, body] = KINDS[5];
		const result = await deliver(body, { events: ['batchCompleted'], filters: { batches: 'batch-2026-11-28' } });
		expect(result.workflowData?.[0][0].json).toEqual({
			event: 'batchCompleted',
			batch: 'batch-2026-11-28',
			status: 'completed',
			stats: { completed: 20, canceled: 3, error: 5 },
		});

		const other = await deliver(body, { events: ['batchCompleted'], filters: { batches: 'another-batch' } });
		expect(other.statusCode).toBe(200);
		expect(other.workflowData).toBeUndefined();
	});

	it('Batch Completed: task-type filters do not apply to a batch', async () => {
		const [, body] = KINDS[5];
		const result = await deliver(body, { events: ['batchCompleted'], filters: { taskTypes: ['categorization'] } });
		expect(result.workflowData?.[0]).toHaveLength(1);
	});
});

describe('Scale Trigger: Batch Completed with the full batch, read through the shared transport', () => {
	const BATCH = 'batch 2026/11/28';
	const body = { batch: BATCH, status: 'completed', stats: { completed: 2, canceled: 0, error: 0 } };
	const batchJson = {
		name: BATCH,
		project: 'street-signs',
		status: 'completed',
		callback: 'https://n8n.example.com/webhook/x/callback',
		created_at: '2026-11-28T10:00:00.000Z',
		metadata: { owner: 'ops' },
	};
	const auth = authorizationFor(DEFAULT_CREDENTIALS.apiKey as string);

	beforeAll(() => {
		nock.disableNetConnect();
	});
	afterEach(() => {
		nock.cleanAll();
	});
	afterAll(() => nock.enableNetConnect());

	it('adds batchDetails from GET /batches/{name}, authenticated with the credential', async () => {
		const scope = nock('https://api.scale.com', { reqheaders: { authorization: auth } })
			.get(`/v1/batches/${encodeURIComponent(BATCH)}`)
			.reply(200, batchJson);

		const result = await deliver(body, { events: ['batchCompleted'], options: { fetchBatch: true } });

		expect(scope.isDone()).toBe(true);
		expect(result.workflowData?.[0][0].json).toEqual({
			event: 'batchCompleted',
			batch: BATCH,
			status: 'completed',
			stats: body.stats,
			batchDetails: batchJson,
		});
	});

	it('retries a 503 and still answers Scale 200', async () => {
		const scope = nock('https://api.scale.com')
			.get(`/v1/batches/${encodeURIComponent(BATCH)}`)
			.reply(503, { status_code: 503, error: 'busy' })
			.get(`/v1/batches/${encodeURIComponent(BATCH)}`)
			.reply(200, batchJson);

		const result = await deliver(body, { events: ['batchCompleted'], options: { fetchBatch: true } });

		expect(scope.isDone()).toBe(true);
		expect(result.statusCode).toBe(200);
		expect(result.workflowData?.[0][0].json.batchDetails).toEqual(batchJson);
	});

	it('when Scale cannot be read, starts the workflow anyway and says why (never refuses the callback)', async () => {
		nock('https://api.scale.com')
			.get(`/v1/batches/${encodeURIComponent(BATCH)}`)
			.reply(404, { status_code: 404, error: 'Batch not found' });

		const result = await deliver(body, { events: ['batchCompleted'], options: { fetchBatch: true } });

		expect(result.statusCode).toBe(200);
		const item = result.workflowData![0][0].json;
		expect(item.batchDetails).toBeUndefined();
		expect(item.batchDetailsError).toEqual(expect.any(String));
		expect(JSON.stringify(item)).not.toContain(DEFAULT_CREDENTIALS.apiKey as string);
	});

	it('a project filter reads the batch to learn its project', async () => {
		nock('https://api.scale.com').get(`/v1/batches/${encodeURIComponent(BATCH)}`).times(2).reply(200, batchJson);

		const match = await deliver(body, { events: ['batchCompleted'], filters: { projects: 'street-signs' } });
		expect(match.workflowData?.[0][0].json.batchDetails).toEqual(batchJson);

		const other = await deliver(body, { events: ['batchCompleted'], filters: { projects: 'receipts' } });
		expect(other.statusCode).toBe(200);
		expect(other.workflowData).toBeUndefined();
		expect(JSON.parse(other.responseBody)).toEqual({ received: true, event: 'batchCompleted', started: false });
	});

	it('does not call Scale unless asked to', async () => {
		const result = await deliver(body, { events: ['batchCompleted'] });
		expect(result.workflowData?.[0][0].json.batchDetails).toBeUndefined();
		expect(nock.pendingMocks()).toEqual([]);
	});
});
