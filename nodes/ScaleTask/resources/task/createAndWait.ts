import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, WAIT_INDEFINITELY } from 'n8n-workflow';

import { createOnce, CREDENTIAL_TYPE, sendItemRequest } from '../../../shared/transport';
// The creation fields, route and unique-ID lookup of Create: Create and Wait sends exactly what Create sends.
import { createTaskOnce, description as createFields, option as createOption } from './create';
import { isFinished, shapeTask } from './createAndWaitOutput';
import { createRequestForItem, itemContext } from './createAndWaitRequest';

export const OPERATION = 'createAndWait';

const show = { resource: ['task'], operation: [OPERATION] };

export const option: INodePropertyOptions = {
	name: 'Create and Wait',
	value: OPERATION,
	action: 'Create a task and wait for its result',
	description: 'Create a task, pause the workflow until Scale calls back with the result, then continue with it',
};

/** Create's fields, shown for this operation too (mergeSharedFields folds them into one entry per field). */
export const creationFields: INodeProperties[] = createFields.map((field) => ({
	...field,
	displayOptions: { ...field.displayOptions, show: { ...field.displayOptions?.show, operation: [OPERATION] } },
}));

const UNIT_MS: Record<string, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

export const description: INodeProperties[] = [
	{
		displayName:
			'The workflow pauses here until Scale calls back for every task (completed, error or canceled), then continues with the tasks. Scale must reach n8n\'s public webhook URL, and the credential needs the Callback Auth Key. The Callback URL field is replaced by this execution\'s resume URL.',
		name: 'createAndWaitNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	...creationFields,
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description:
			'Whether to return only the main task fields (ID, status, type, project, batch, unique ID, metadata, response, created and completed time) instead of the whole task',
	},
	{
		displayName: 'Limit Wait Time',
		name: 'limitWaitTime',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description:
			'Whether to stop waiting at some point. The node then outputs each task still open with "timedOut": true, as it was when created.',
	},
	{
		displayName: 'Limit Type',
		name: 'limitType',
		type: 'options',
		displayOptions: { show: { ...show, limitWaitTime: [true] } },
		options: [
			{ name: 'After Time Interval', value: 'afterTimeInterval', description: 'Waits for a certain amount of time' },
			{ name: 'At Specified Time', value: 'atSpecifiedTime', description: 'Waits until a date and time' },
		],
		default: 'afterTimeInterval',
		description: 'When to stop waiting for Scale',
	},
	{
		displayName: 'Amount',
		name: 'resumeAmount',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		displayOptions: { show: { ...show, limitWaitTime: [true], limitType: ['afterTimeInterval'] } },
		default: 24,
		description: 'How long to wait',
	},
	{
		displayName: 'Unit',
		name: 'resumeUnit',
		type: 'options',
		displayOptions: { show: { ...show, limitWaitTime: [true], limitType: ['afterTimeInterval'] } },
		options: [
			{ name: 'Minutes', value: 'minutes' },
			{ name: 'Hours', value: 'hours' },
			{ name: 'Days', value: 'days' },
		],
		default: 'hours',
		description: 'The unit of Amount',
	},
	{
		displayName: 'Max Date and Time',
		name: 'maxDateAndTime',
		type: 'dateTime',
		displayOptions: { show: { ...show, limitWaitTime: [true], limitType: ['atSpecifiedTime'] } },
		default: '',
		description: 'When to stop waiting for Scale',
	},
];

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

/**
 * A 409 on a unique ID after a lost answer is the task our earlier attempt created — it carries this
 * execution's callback URL. Any other task with that unique ID calls back elsewhere, so this node could
 * never hear from it: that stays a conflict.
 */
const sendCreate = createOnce({
	...createTaskOnce,
	recover: {
		findInList: {
			url: '/tasks',
			query: 'unique_id',
			isSameRequest: (existing, requested) => existing.callback_url === requested.callback_url,
		},
	},
});

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
 * execution to wait. The node's webhook() decides on each callback whether every task has finished.
 *
 * n8n keeps nothing of a node between putting an execution to wait and resuming it except the execution
 * data: on resume — by a callback or at the deadline — it re-runs the node *disabled*, passing on the
 * items of the node's execution-stack entry (n8n-core WorkflowExecute.handleWaitingState / runNode). So the
 * tasks to wait for are stored there, as the items to output if the wait times out; the webhook reads them
 * back as its input items.
 */
export async function createAndWait(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const node = this.getNode();
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
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
	const waitTill = waitDeadline(this);
	const callbackUrl = resumeUrlFor(this);
	const simplify = this.getNodeParameter('simplify', 0, true) as boolean;

	// Every item's request is built (and validated) before any is sent, as Create does.
	const failed = new Map<number, unknown>();
	const requests: Array<{ item: number; request: Awaited<ReturnType<typeof createRequestForItem>> }> = [];
	for (let item = 0; item < items.length; item++) {
		try {
			const request = await createRequestForItem(this, item, createOption.routing, creationFields);
			request.body = { ...(request.body as IDataObject), callback_url: callbackUrl };
			requests.push({ item, request });
		} catch (error) {
			const failure = asNodeError(node, error, item);
			if (!this.continueOnFail()) throw failure;
			failed.set(item, failure);
		}
	}

	// All creates at once: the run's request gate bounds how many are in flight.
	const created = new Map<number, IDataObject>();
	const outcomes = await Promise.allSettled(
		requests.map(async ({ item, request }) => {
			const { results } = await sendItemRequest(itemContext(this, item), sendCreate, request);
			created.set(item, results[0]);
		}),
	);
	outcomes.forEach((outcome, index) => {
		if (outcome.status === 'fulfilled') return;
		const failure = asNodeError(node, outcome.reason, requests[index].item);
		if (!this.continueOnFail()) throw failure;
		failed.set(requests[index].item, failure);
	});

	const output = (timedOut: boolean) =>
		items.map((_, item): INodeExecutionData => {
			const task = created.get(item);
			if (!task) return errorItem(failed.get(item), item);
			const json = shapeTask(task, simplify);
			return { json: timedOut && !isFinished(task) ? { ...json, timedOut: true } : json, pairedItem: { item } };
		});

	// Nothing left to hear from (every task failed to create or was final at once): no wait.
	if ([...created.values()].every(isFinished)) return [output(false)];

	this.getExecuteData().data = { main: [output(true)] };
	await this.putExecutionToWait(waitTill);
	return [output(false)];
}
