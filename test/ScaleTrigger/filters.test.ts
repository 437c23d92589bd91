import type { IDataObject } from 'n8n-workflow';

import { runWebhook } from '../harness/run-webhook';
import { ALL_EVENTS, callbackBody, goodHeaders, trigger } from './helpers';

async function deliver(filters: IDataObject, body: IDataObject, events: string[] = ALL_EVENTS) {
	return await runWebhook({ nodeType: trigger, parameters: { events, filters }, body, headers: goodHeaders });
}

function expectStarted(result: Awaited<ReturnType<typeof deliver>>, taskId = '5c84d0fe958593004f13e5ba') {
	expect(result.statusCode).toBe(200);
	expect(result.workflowData?.[0]).toHaveLength(1);
	expect(result.workflowData?.[0][0].json.task_id).toBe(taskId);
}

/** Dropped: answered 200 with an acknowledgement (Scale does not retry), no execution, nothing written by the node. */
function expectDropped(result: Awaited<ReturnType<typeof deliver>>) {
	expect(result.workflowData).toBeUndefined();
	expect(result.writtenByNode).toBe(false);
	expect(result.statusCode).toBe(200);
	expect(JSON.parse(result.responseBody)).toEqual({ received: true, event: expect.any(String), started: false });
}

describe('Scale Trigger: filters', () => {
	describe('events', () => {
		it('passes a callback whose event is selected', async () => {
			expectStarted(await deliver({}, callbackBody({ status: 'error' }), ['taskErrored']));
		});

		it('drops a callback whose event is not selected', async () => {
			expectDropped(await deliver({}, callbackBody({ status: 'error' }), ['taskCompleted']));
		});

		it('prefers the top-level status over the task status', async () => {
			expectDropped(await deliver({}, callbackBody({ status: 'completed' }, { status: 'error' }), ['taskCompleted']));
			expectStarted(await deliver({}, callbackBody({ status: 'completed' }, { status: 'error' }), ['taskErrored']));
		});

		it('reads a callback without any status as a completion, as in Scale\'s own example', async () => {
			expectStarted(await deliver({}, callbackBody({ status: undefined }), ['taskCompleted']));
		});
	});

	describe('task types', () => {
		const filters = { taskTypes: ['imageannotation', 'categorization'] };

		it('passes a callback of a listed task type', async () => {
			expectStarted(await deliver(filters, callbackBody({ type: 'categorization' })));
		});

		it('drops a callback of another task type', async () => {
			expectDropped(await deliver(filters, callbackBody({ type: 'textcollection' })));
		});
	});

	describe('project names', () => {
		it('passes a callback of a listed project (comma-separated text, spaces trimmed)', async () => {
			expectStarted(await deliver({ projects: 'receipts , street-signs' }, callbackBody({ project: 'street-signs' })));
		});

		it('drops a callback of another project', async () => {
			expectDropped(await deliver({ projects: 'receipts, invoices' }, callbackBody({ project: 'street-signs' })));
		});

		it('accepts a list from an expression', async () => {
			const filters = { projects: '={{ ["receipts", "street-signs"] }}' };
			expectStarted(await deliver(filters, callbackBody({ project: 'street-signs' })));
			expectDropped(await deliver(filters, callbackBody({ project: 'invoices' })));
		});
	});

	describe('batch names', () => {
		it('passes a callback of a listed batch', async () => {
			expectStarted(await deliver({ batches: 'batch-2026-11-28' }, callbackBody({ batch: 'batch-2026-11-28' })));
		});

		it('drops a callback of another batch, and one whose task has no batch', async () => {
			expectDropped(await deliver({ batches: 'batch-2026-11-28' }, callbackBody({ batch: 'batch-2026-11-29' })));
			expectDropped(await deliver({ batches: 'batch-2026-11-28' }, callbackBody({ batch: undefined })));
		});

		it('accepts a list from an expression', async () => {
			const filters = { batches: '={{ ["batch-a", "batch-2026-11-28"] }}' };
			expectStarted(await deliver(filters, callbackBody({ batch: 'batch-2026-11-28' })));
			expectDropped(await deliver(filters, callbackBody({ batch: 'batch-b' })));
		});
	});

	it('needs every set filter to match', async () => {
		const filters = { taskTypes: ['imageannotation'], projects: 'street-signs' };
		expectStarted(await deliver(filters, callbackBody()));
		expectDropped(await deliver(filters, callbackBody({ type: 'categorization' })));
	});

	it('passes everything when filters are empty', async () => {
		const filters = { taskTypes: [], projects: '', batches: '' };
		expectStarted(await deliver(filters, callbackBody({ status: 'pending', type: 'chat', project: 'x', batch: 'y' })));
	});

	it('checks the key before filtering: a forged filtered-out callback still gets 401', async () => {
		const result = await runWebhook({
			nodeType: trigger,
			parameters: { events: ['taskErrored'] },
			body: callbackBody(),
			headers: { 'scale-callback-auth': 'forged' },
		});
		expect(result.statusCode).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});
});
