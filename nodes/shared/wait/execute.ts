import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, WAIT_INDEFINITELY } from 'n8n-workflow';

import { CREDENTIAL_TYPE, sendItemRequest } from '../transport';
import { createRequestForItem, itemContext } from './request';
import type { CreateAndWaitSpec } from './spec';
import { isFinished } from './spec';

const UNIT_MS: Record<string, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

/** When the wait ends without every callback (n8n's Wait-node "Limit Wait Time"). */
function waitDeadline(context: IExecuteFunctions): Date {
	if (!(context.getNodeParameter('limitWaitTime', 0, true) as boolean)) return WAIT_INDEFINITELY;
	const node = context.getNode();
	if (context.getNodeParameter('limitType', 0, 'afterTimeInterval') === 'atSpecifiedTime') {
		const at = new Date(String(context.getNodeParameter('maxDateAndTime', 0, '')));
		if (Number.isNaN(at.getTime())) {
			throw new NodeOperationError(node, '"Max Date and Time" is not a valid date (item 0)', {
				description: 'Pick a date and time, or choose Limit Type "After Time Interval". Nothing was sent to Scale.',
			});
		}
		return at;
	}
	const amount = Number(context.getNodeParameter('resumeAmount', 0, 24));
	const unit = UNIT_MS[String(context.getNodeParameter('resumeUnit', 0, 'hours'))] ?? UNIT_MS.hours;
	if (!Number.isFinite(amount) || amount <= 0) {
		throw new NodeOperationError(node, '"Amount" must be a number above 0 (item 0)', {
			description: 'Set how long to wait for Scale, or turn off "Limit Wait Time". Nothing was sent to Scale.',
		});
	}
	return new Date(Date.now() + amount * unit);
}

/**
 * This execution's resume URL for this node: `$execution.resumeUrl` (n8n's webhook-waiting base URL, the
 * execution ID and, from n8n 1.1xx on, the execution's resume token in `?signature=`) with the node ID as
 * the path n8n matches against the node's `restartWebhook` webhook (`path: '={{ $nodeId }}'`).
 */
export function resumeUrlFor(context: IExecuteFunctions): string {
	const url = new URL(String(context.evaluateExpression('{{ $execution.resumeUrl }}', 0)));
	url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(context.getNode().id)}`;
	return url.toString();
}

/** The transport and the field hooks throw n8n's node errors already; anything else is wrapped with its item. */
const asNodeError = (node: INode, error: unknown, itemIndex: number) =>
	error instanceof NodeApiError || error instanceof NodeOperationError
		? error
		: new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });

const errorItem = (error: unknown, item: number): INodeExecutionData => ({
	json: { error: error instanceof Error ? error.message : String(error) },
	pairedItem: { item },
});

/**
 * Creates one task per input item with this execution's resume URL as `callback_url`, then puts the
 * execution to wait. The node's webhook() (./webhook) decides on each callback whether every task has
 * finished.
 *
 * n8n keeps nothing of a node between putting an execution to wait and resuming it except the execution
 * data: on resume — by a callback or at the deadline — it re-runs the node *disabled*, passing on the
 * items of the node's execution-stack entry (n8n-core WorkflowExecute.handleWaitingState / runNode). So the
 * tasks to wait for are stored there, as the items to output if the wait times out; the webhook reads them
 * back as its input items.
 */
export async function createAndWait(context: IExecuteFunctions, spec: CreateAndWaitSpec): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const node = context.getNode();
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	if (typeof credentials.callbackAuthKey !== 'string' || credentials.callbackAuthKey === '') {
		throw new NodeOperationError(
			node,
			'The Scale credential has no Callback Auth Key, so Create and Wait cannot tell Scale\'s callbacks from forged ones',
			{
				description:
					'Copy the key from Scale\'s dashboard → API Keys → Live Callback Auth Key into the credential\'s "Callback Auth Key" field. Nothing was sent to Scale.',
			},
		);
	}
	const waitTill = waitDeadline(context);
	const callbackUrl = resumeUrlFor(context);
	const simplify = context.getNodeParameter('simplify', 0, true) as boolean;

	// Every item's request is built (and validated) before any is sent, as Create does.
	const failed = new Map<number, unknown>();
	const requests: Array<{ item: number; request: Awaited<ReturnType<typeof createRequestForItem>> }> = [];
	for (let item = 0; item < items.length; item++) {
		try {
			const request = await createRequestForItem(context, item, spec.createRouting, spec.creationFields);
			request.body = { ...(request.body as IDataObject), callback_url: callbackUrl };
			requests.push({ item, request });
		} catch (error) {
			const failure = asNodeError(node, error, item);
			if (!context.continueOnFail()) throw failure;
			failed.set(item, failure);
		}
	}

	// All creates at once: the run's request gate bounds how many are in flight.
	const created = new Map<number, IDataObject>();
	const outcomes = await Promise.allSettled(
		requests.map(async ({ item, request }) => {
			const { results } = await sendItemRequest(itemContext(context, item), spec.sendCreate, request);
			created.set(item, results[0]);
		}),
	);
	outcomes.forEach((outcome, index) => {
		if (outcome.status === 'fulfilled') return;
		const failure = asNodeError(node, outcome.reason, requests[index].item);
		if (!context.continueOnFail()) throw failure;
		failed.set(requests[index].item, failure);
	});

	const output = (timedOut: boolean) =>
		items.map((_, item): INodeExecutionData => {
			const task = created.get(item);
			if (!task) return errorItem(failed.get(item), item);
			const json = spec.shapeTask(task, simplify);
			return { json: timedOut && !isFinished(spec, task) ? { ...json, timedOut: true } : json, pairedItem: { item } };
		});

	// Nothing left to hear from (every task failed to create or was final at once): no wait.
	if ([...created.values()].every((task) => isFinished(spec, task))) return [output(false)];

	context.getExecuteData().data = { main: [output(true)] };
	await context.putExecutionToWait(waitTill);
	return [output(false)];
}
