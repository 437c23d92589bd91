import { createHash, timingSafeEqual } from 'crypto';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { toList } from '../shared/input';
import { TASK_TYPES } from '../ScaleTask/resources/task/taskTypes';

/** The header Scale sets on every callback; its value is the account's Live Callback Auth Key. */
export const CALLBACK_AUTH_HEADER = 'scale-callback-auth';

export const MISSING_KEY_MESSAGE =
	'The Scale credential has no Callback Auth Key, so the Scale Trigger cannot tell Scale\'s callbacks from forged ones';

export const MISSING_KEY_DESCRIPTION =
	'Copy the key from Scale\'s dashboard → API Keys → Live Callback Auth Key into the credential\'s "Callback Auth Key" field, or turn off "Verify Callback Auth Key" on this trigger to accept unverified callbacks (anyone who knows the URL can then start the workflow).';

const CALLBACK_STATUSES = ['canceled', 'completed', 'error', 'pending'] as const;

type ResponseWriter = { status(code: number): { json(body: unknown): unknown } };

/** Answers the request directly; n8n sends nothing more when the node returns `noWebhookResponse`. */
function reject(context: IWebhookFunctions, code: number, message: string): IWebhookResponseData {
	(context.getResponseObject() as unknown as ResponseWriter).status(code).json({ message });
	return { noWebhookResponse: true };
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Compares in constant time: both sides are hashed first, so the lengths always match. */
function sameSecret(received: string, expected: string): boolean {
	return timingSafeEqual(sha256(received), sha256(expected));
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

interface CallbackFilters {
	statuses?: string[];
	taskTypes?: string[];
	projects?: unknown;
	batches?: unknown;
}

/** Whether the callback passes every filter that is set; an unset or empty filter passes everything. */
function passesFilters(filters: CallbackFilters, status: unknown, task: IDataObject): boolean {
	const checks: Array<[string[], unknown]> = [
		[filters.statuses ?? [], status],
		[filters.taskTypes ?? [], task.type],
		[toList(filters.projects), task.project],
		[toList(filters.batches), task.batch],
	];
	return checks.every(
		([allowed, actual]) => allowed.length === 0 || (typeof actual === 'string' && allowed.includes(actual)),
	);
}

export class ScaleTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Scale Trigger',
		name: 'scaleTrigger',
		icon: { light: 'file:../../icons/scale.svg', dark: 'file:../../icons/scale.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["verifyCallbackAuth"] === false ? "Unverified task callbacks" : "Task callbacks" }}',
		description: 'Starts the workflow when Scale AI sends a task callback (completed, error, audit, recall)',
		defaults: { name: 'Scale Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'scaleApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'callback' }],
		eventTriggerDescription: 'Waiting for a callback from Scale',
		activationMessage:
			'Scale callbacks sent to the production URL will now start this workflow. Make sure your tasks use it as their callback URL.',
		triggerPanel: {
			header:
				'Copy the production URL below and paste it as the callback URL of your tasks (Scale Task → Additional Fields → Callback URL), of your batches, or as the default callback URL of your Scale projects or account. Scale has no API to register it, so n8n cannot do this for you.',
			executionsHelp: {
				inactive:
					'The test URL listens for about two minutes after you click "Listen for test event": create or complete a task whose callback URL is the test URL to see its data here. For real use, put the production URL in Scale and activate the workflow; each callback then starts an execution, listed under Executions.',
				active:
					'The workflow is active: every callback Scale sends to the production URL starts an execution, listed under Executions. The test URL only works while you listen for a test event.',
			},
			activationHint:
				'Once you have put the production URL into Scale, activate the workflow so callbacks start it. Scale retries a callback that is not answered with a 2xx status up to 20 times over 24 hours.',
		},
		properties: [
			{
				displayName:
					'Scale sends a callback when a task is completed, fails, is audited or is recalled. Paste the production URL shown above as the task\'s Callback URL.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Verify Callback Auth Key',
				name: 'verifyCallbackAuth',
				type: 'boolean',
				default: true,
				description:
					'Whether to accept only callbacks whose scale-callback-auth header matches the credential\'s Callback Auth Key. Turning this off means anyone who knows the URL can start the workflow.',
			},
			{
				displayName:
					'Verification is off: anyone who knows this workflow\'s URL can start it with made-up task data',
				name: 'unverifiedNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { verifyCallbackAuth: [false] } },
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				description:
					'Callbacks that do not match are answered with 200 (so Scale does not retry) and start no execution',
				options: [
					{
						displayName: 'Batch Names',
						name: 'batches',
						type: 'string',
						default: '',
						placeholder: 'e.g. batch-2026-11-28, batch-2026-11-29',
						description:
							'Only callbacks of tasks in these batches: comma-separated, or an expression returning a list',
					},
					{
						displayName: 'Project Names',
						name: 'projects',
						type: 'string',
						default: '',
						placeholder: 'e.g. street-signs, receipts',
						description:
							'Only callbacks of tasks in these projects: comma-separated, or an expression returning a list',
					},
					{
						displayName: 'Statuses',
						name: 'statuses',
						type: 'multiOptions',
						options: CALLBACK_STATUSES.map((status) => ({
							name: status.charAt(0).toUpperCase() + status.slice(1),
							value: status,
						})),
						default: [],
						description: 'Only callbacks with these task statuses',
					},
					{
						displayName: 'Task Types',
						name: 'taskTypes',
						type: 'multiOptions',
						options: TASK_TYPES.map((type) => ({ name: type, value: type })),
						default: [],
						description: 'Only callbacks of tasks of these types',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			// Scale has no API to register or list callback URLs: the user pastes the URL as a task's
			// callback_url, so there is nothing to look up remotely.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			// Nothing to register at Scale. Activation only checks that callbacks can be verified.
			async create(this: IHookFunctions): Promise<boolean> {
				const verify = this.getNodeParameter('verifyCallbackAuth', true) as boolean;
				if (!verify) return true;
				const credentials = await this.getCredentials('scaleApi');
				if (!nonEmptyString(credentials.callbackAuthKey)) {
					throw new NodeOperationError(this.getNode(), MISSING_KEY_MESSAGE, {
						description: MISSING_KEY_DESCRIPTION,
					});
				}
				return true;
			},
			// Nothing to remove at Scale: callbacks to a deactivated workflow are answered 404 by n8n.
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const verify = this.getNodeParameter('verifyCallbackAuth', true) as boolean;
		if (verify) {
			const credentials = await this.getCredentials('scaleApi');
			const expected = nonEmptyString(credentials.callbackAuthKey);
			const received = nonEmptyString(this.getHeaderData()[CALLBACK_AUTH_HEADER]);
			// The key and the received header are never logged, echoed or put into the output.
			if (expected === undefined || received === undefined || !sameSecret(received, expected)) {
				return reject(this, 401, 'Unauthorized: missing or invalid scale-callback-auth header');
			}
		}

		const body = this.getBodyData() as unknown;
		const task = isObject(body) && isObject(body.task) ? body.task : undefined;
		const taskId = isObject(body) ? (nonEmptyString(body.task_id) ?? nonEmptyString(task?.task_id)) : undefined;
		if (!isObject(body) || taskId === undefined) {
			return reject(this, 400, 'Bad request: expected a Scale task callback (JSON with task_id)');
		}

		const status = body.status ?? task?.status;
		const filters = this.getNodeParameter('filters', {}) as CallbackFilters;
		if (!passesFilters(filters, status, task ?? {})) {
			// Answered 200 by n8n, so Scale marks the callback delivered and does not retry it.
			return {};
		}

		const item: IDataObject = {
			task_id: taskId,
			status: status ?? null,
			response: body.response ?? task?.response ?? null,
			task: task ?? null,
		};
		for (const [key, value] of Object.entries(body)) {
			if (!(key in item)) item[key] = value;
		}
		return { workflowData: [this.helpers.returnJsonArray([item])] };
	}
}
