import type { IDataObject } from 'n8n-workflow';

import { runWebhook } from '../harness/run-webhook';
import { callbackBody, goodHeaders, trigger } from './helpers';

async function deliver(filters: IDataObject, body: IDataObject) {
	return await runWebhook({ nodeType: trigger, parameters: { filters }, body, headers: goodHeaders });
}

function expectStarted(result: Awaited<ReturnType<typeof deliver>>, taskId = '5c84d0fe958593004f13e5ba') {
	expect(result.statusCode).toBe(200);
	expect(result.workflowData?.[0]).toHaveLength(1);
	expect(result.workflowData?.[0][0].json.task_id).toBe(taskId);
}

/** Dropped: answered 200 (Scale does not retry), no execution, nothing written by the node. */
function expectDropped(result: Awaited<ReturnType<typeof deliver>>) {
	expect(result.returned).toEqual({});
	expect(result.workflowData).toBeUndefined();
	expect(result.writtenByNode).toBe(false);
	expect(result.statusCode).toBe(200);
	expect(JSON.parse(result.responseBody)).toEqual({ message: 'Webhook call received' });
}

describe('Scale Trigger: filters', () => {
	describe('statuses', () => {
		const filters = { statuses: ['completed', 'canceled'] };

		it('passes a callback whose task status is listed', async () => {
			expectStarted(await deliver(filters, callbackBody({ status: 'completed' })));
		});

		it('drops a callback whose task status is not listed', async () => {
			expectDropped(await deliver(filters, callbackBody({ status: 'error' })));
		});

		it('prefers the top-level status over the task status', async () => {
			expectDropped(await deliver(filters, callbackBody({ status: 'completed' }, { status: 'error' })));
			expectStarted(await deliver({ statuses: ['error'] }, callbackBody({ status: 'completed' }, { status: 'error' })));
		});

		it('drops a callback without any status when the filter is set', async () => {
			expectDropped(await deliver(filters, callbackBody({ status: undefined })));
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
		const filters = { statuses: ['completed'], taskTypes: ['imageannotation'], projects: 'street-signs' };
		expectStarted(await deliver(filters, callbackBody()));
		expectDropped(await deliver(filters, callbackBody({ type: 'categorization' })));
	});

	it('passes everything when filters are empty', async () => {
		const filters = { statuses: [], taskTypes: [], projects: '', batches: '' };
		expectStarted(await deliver(filters, callbackBody({ status: 'pending', type: 'chat', project: 'x', batch: 'y' })));
	});

	it('checks the key before filtering: a forged filtered-out callback still gets 401', async () => {
		const result = await runWebhook({
			nodeType: trigger,
			parameters: { filters: { statuses: ['error'] } },
			body: callbackBody(),
			headers: { 'scale-callback-auth': 'forged' },
		});
		expect(result.statusCode).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});
});
