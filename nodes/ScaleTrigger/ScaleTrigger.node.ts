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
import { CREDENTIAL_TYPE, scaleRequest } from '../shared/transport';
import { knownTaskTypeOptions } from '../shared/taskTypes';
import type { CallbackEvent } from './events';
import { batchItem, CALLBACK_EVENTS, classifyCallback, nonEmptyString, taskItem } from './events';

/** The header Scale sets on every callback; its value is the account's Live Callback Auth Key. */
export const CALLBACK_AUTH_HEADER = 'scale-callback-auth';

export const MISSING_KEY_MESSAGE =
	'The Scale credential has no Callback Auth Key, so the Scale Trigger cannot tell Scale\'s callbacks from forged ones. Scale shows the key on its dashboard under API Keys → Live Callback Auth Key.';

export const MISSING_KEY_DESCRIPTION =
	'Copy the key from Scale\'s dashboard → API Keys → Live Callback Auth Key into the credential\'s "Callback Auth Key" field, or turn off "Verify Callback Auth Key" on this trigger to accept unverified callbacks (anyone who knows the URL can then start the workflow).';

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

interface CallbackFilters {
	taskTypes?: string[];
	projects?: unknown;
	batches?: unknown;
}

interface TriggerOptions {
	fetchBatch?: boolean;
}

/** Whether every set filter matches; an unset or empty filter passes everything, a value it needs but lacks fails. */
function passesFilters(checks: Array<[string[], unknown]>): boolean {
	return checks.every(
		([allowed, actual]) => allowed.length === 0 || (typeof actual === 'string' && allowed.includes(actual)),
	);
}

/** The small JSON body Scale gets back: it only needs a 2xx, people reading logs need to know what happened. */
function acknowledgement(event: CallbackEvent, started: boolean): IDataObject {
	return { received: true, event, started };
}

/** Reads the completed batch through the shared transport; a failure goes into the item, never to Scale. */
async function fetchBatch(context: IWebhookFunctions, name: string): Promise<IDataObject> {
	try {
		const response = await scaleRequest(
			context,
			{ method: 'GET', url: `/batches/${encodeURIComponent(name)}` },
			{ safety: 'idempotent', maxRetries: 2 },
		);
		return { batchDetails: response.body as IDataObject };
	} catch (error) {
		return { batchDetailsError: (error as Error).message };
	}
}

export class ScaleTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Scale Trigger',
		name: 'scaleTrigger',
		icon: { light: 'file:../../icons/scale.svg', dark: 'file:../../icons/scale.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["verifyCallbackAuth"] === false ? "Unverified callbacks" : "Verified callbacks" }}',
		description:
			'Starts the workflow when Scale AI calls back: a task completed, errored, audited, recalled or canceled, or a batch completed',
		defaults: { name: 'Scale Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'callback',
				// Empty, so n8n answers with the node's webhookResponse (a small JSON acknowledgement) instead of
				// its default 'firstEntryJson', which it would send as that literal text.
				responseData: '',
			},
		],
		eventTriggerDescription: 'Waiting for a callback from Scale',
		activationMessage: 'Callbacks Scale sends to the production URL now start this workflow.',
		triggerPanel: {
			header:
				'Paste the production URL below as the callback URL of your Scale tasks or batches, then publish the workflow: only a published workflow receives callbacks on the production URL.',
			executionsHelp: {
				inactive:
					'While you click "Listen for test event", the test URL receives callbacks for about two minutes, shown here.',
				active: 'Each callback Scale sends to the production URL starts an execution, listed under Executions.',
			},
		},
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [...CALLBACK_EVENTS],
				default: ['taskCompleted'],
				required: true,
				description:
					'Which callbacks start the workflow. Scale gets a 200 for every verified callback, so it does not resend the others.',
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
					'Callbacks that do not match are answered with 200 (so Scale does not resend them) and start no execution',
				options: [
					{
						displayName: 'Batch Names',
						name: 'batches',
						type: 'string',
						default: '',
						placeholder: 'e.g. batch-2026-11-28, batch-2026-11-29',
						description:
							'Only callbacks of tasks in these batches, or of these batches completing: comma-separated, or an expression returning a list',
					},
					{
						displayName: 'Project Names',
						name: 'projects',
						type: 'string',
						default: '',
						placeholder: 'e.g. street-signs, receipts',
						description:
							'Only callbacks of tasks or batches in these projects: comma-separated, or an expression returning a list. A batch completion names no project, so the trigger reads the batch from Scale to check it.',
					},
					{
						displayName: 'Task Types',
						name: 'taskTypes',
						type: 'multiOptions',
						options: knownTaskTypeOptions,
						default: [],
						description: 'Only callbacks of tasks of these types (does not apply to batch completions)',
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Fetch Full Batch',
						name: 'fetchBatch',
						type: 'boolean',
						default: false,
						description:
							'Whether to read a completed batch from Scale (project, callback, metadata, created_at) into "batchDetails". If Scale cannot be reached, the item says why in "batchDetailsError" and the workflow still starts.',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			// Scale has no API to register or list callback URLs, so there is nothing to look up. Answering
			// false makes n8n call create() on every publish, which is where a missing key is reported.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			// Nothing to register at Scale. Publishing only checks that callbacks can be verified, so a workflow
			// never goes live answering every callback with 401 while Scale retries for 24 hours.
			async create(this: IHookFunctions): Promise<boolean> {
				const verify = this.getNodeParameter('verifyCallbackAuth', true) as boolean;
				if (!verify) return true;
				const credentials = await this.getCredentials(CREDENTIAL_TYPE);
				if (!nonEmptyString(credentials.callbackAuthKey)) {
					throw new NodeOperationError(this.getNode(), MISSING_KEY_MESSAGE, {
						description: MISSING_KEY_DESCRIPTION,
					});
				}
				return true;
			},
			// Nothing to remove at Scale: callbacks to an unpublished workflow are answered 404 by n8n.
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const verify = this.getNodeParameter('verifyCallbackAuth', true) as boolean;
		if (verify) {
			const credentials = await this.getCredentials(CREDENTIAL_TYPE);
			const expected = nonEmptyString(credentials.callbackAuthKey);
			const received = nonEmptyString(this.getHeaderData()[CALLBACK_AUTH_HEADER]);
			// The key and the received header are never logged, echoed or put into the output.
			if (expected === undefined || received === undefined || !sameSecret(received, expected)) {
				return reject(this, 401, 'Unauthorized: missing or invalid scale-callback-auth header');
			}
		}

		const callback = classifyCallback(this.getBodyData() as unknown);
		if (callback.kind === 'malformed') return reject(this, 400, callback.message);

		// From here on every answer is 2xx: the callback is verified and well-formed, and Scale would resend
		// anything else for 24 hours.
		const events = this.getNodeParameter('events', ['taskCompleted']) as string[];
		const ignored: IWebhookResponseData = { webhookResponse: acknowledgement(callback.event, false) };
		if (!events.includes(callback.event)) return ignored;

		const filters = this.getNodeParameter('filters', {}) as CallbackFilters;
		const projects = toList(filters.projects);
		const batches = toList(filters.batches);
		let item: IDataObject;
		if (callback.kind === 'task') {
			const task = callback.task ?? {};
			const checks: Array<[string[], unknown]> = [
				[filters.taskTypes ?? [], task.type],
				[projects, task.project],
				[batches, task.batch],
			];
			if (!passesFilters(checks)) return ignored;
			item = taskItem(callback);
		} else {
			if (!passesFilters([[batches, callback.batch]])) return ignored;
			item = batchItem(callback);
			const options = this.getNodeParameter('options', {}) as TriggerOptions;
			if (options.fetchBatch === true || projects.length > 0) {
				Object.assign(item, await fetchBatch(this, callback.batch));
				const details = item.batchDetails as IDataObject | undefined;
				// Unknown project (Scale unreachable): start anyway, with the reason in the item, rather than drop it.
				if (details !== undefined && !passesFilters([[projects, details.project]])) return ignored;
			}
		}
		return {
			webhookResponse: acknowledgement(callback.event, true),
			workflowData: [this.helpers.returnJsonArray([item])],
		};
	}
}
