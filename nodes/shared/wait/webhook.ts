import type {
	IDataObject,
	INodeExecutionData,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { CALLBACK_AUTH_HEADER, hasCallbackAuthKey } from '../callback-auth';
import { CREDENTIAL_TYPE, RequestGate, requestOptions, scaleBaseUrl, scaleRequest } from '../transport';
import type { CreateAndWaitSpec } from './spec';
import { isFinished } from './spec';

/**
 * Served on this execution's resume URL while it waits (`…/webhook-waiting/<executionId>/<nodeId>`):
 * n8n routes a request there to the waiting node's webhook with `restartWebhook` and the matching path.
 */
export const createAndWaitWebhooks: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	},
];

/** Resume-URL webhooks (restartWebhook) are never registered on activation: nothing to set up at Scale. */
export const createAndWaitWebhookMethods = {
	default: {
		async checkExists(): Promise<boolean> {
			return true;
		},
		async create(): Promise<boolean> {
			return true;
		},
		async delete(): Promise<boolean> {
			return true;
		},
	},
};

type ResponseWriter = { status(code: number): { json(body: unknown): unknown } };

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmptyString = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** Answers 200 without resuming: n8n keeps the execution waiting in its database. */
const keepWaiting = (message: string): IWebhookResponseData => ({ webhookResponse: { message } });

/**
 * The tasks this execution waits for, in input-item order. They are the node's input items while it waits
 * (createAndWait stored them on its execution-stack entry, which n8n hands to the webhook as input).
 */
function waitingItems(context: IWebhookFunctions): INodeExecutionData[] {
	const items = context.evaluateExpression('{{ $input.all() }}', 0);
	return Array.isArray(items) ? (items as INodeExecutionData[]) : [];
}

interface RequestSettings {
	baseUrl: string;
	gate: RequestGate;
	maxConcurrent: number;
	maxRetries: number;
}

/** The node's Options for the requests a callback makes (reading tasks, downloading files). */
async function requestSettings(context: IWebhookFunctions): Promise<RequestSettings> {
	const { maxConcurrent, maxRetries } = requestOptions(context);
	return {
		baseUrl: scaleBaseUrl(await context.getCredentials(CREDENTIAL_TYPE)),
		gate: new RequestGate(maxConcurrent),
		maxConcurrent,
		maxRetries,
	};
}

/**
 * Every task of the wait, fetched from Scale — or undefined as soon as one is still open. Tasks are checked
 * in random order, in waves that grow to Max Concurrent Requests, so while many are open a callback costs
 * about one request, and the whole wait about n·ln(n), in whatever order Scale finishes them.
 */
async function allTasksIfFinished(
	context: IWebhookFunctions,
	spec: CreateAndWaitSpec,
	settings: RequestSettings,
	waiting: INodeExecutionData[],
	called: { index: number; task?: IDataObject },
): Promise<Array<IDataObject | undefined> | undefined> {
	const requestSettings = { safety: 'idempotent' as const, maxRetries: settings.maxRetries, gate: settings.gate };
	const fetchTask = async (index: number) => {
		const request = spec.readTask(String(waiting[index].json.task_id), settings.baseUrl);
		return (await scaleRequest(context, request, requestSettings)).body as IDataObject;
	};
	const finished = (task: IDataObject | undefined) => isFinished(spec, task);

	const tasks: Array<IDataObject | undefined> = new Array(waiting.length);
	if (called.task) tasks[called.index] = called.task;
	const others = waiting
		.map((item, index) => (index !== called.index && nonEmptyString(item.json.task_id) ? index : -1))
		.filter((index) => index !== -1);
	for (let i = others.length - 1; i > 0; i--) {
		const j = Math.floor(Math.random() * (i + 1));
		[others[i], others[j]] = [others[j], others[i]];
	}
	for (let start = 0, wave = 1; start < others.length; start += wave, wave = Math.min(wave * 2, settings.maxConcurrent)) {
		const batch = others.slice(start, start + wave);
		const fetched = await Promise.all(batch.map(fetchTask));
		batch.forEach((index, k) => (tasks[index] = fetched[k]));
		if (!fetched.every(finished)) return undefined;
	}
	tasks[called.index] ??= await fetchTask(called.index);
	return tasks;
}

/**
 * Handles a callback on the resume URL. Only a callback carrying the credential's Callback Auth Key counts
 * (401 otherwise, and the execution keeps waiting); a verified callback is answered 200, so Scale does
 * not retry it — unless Scale itself cannot be asked about the other tasks (after the transport's retries):
 * then n8n answers 5xx and Scale's retry of the callback decides the wait later, instead of losing the resume. The execution resumes only when every task of the wait has finished — decided anew on
 * each callback by asking Scale, because n8n stores nothing from a callback that does not resume it.
 * Scale's callback body is `{task_id, status, task}` on v1 and v2 alike.
 */
export async function createAndWaitWebhook(
	context: IWebhookFunctions,
	spec: CreateAndWaitSpec,
): Promise<IWebhookResponseData> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	if (!hasCallbackAuthKey(context.getHeaderData()[CALLBACK_AUTH_HEADER], credentials.callbackAuthKey)) {
		(context.getResponseObject() as unknown as ResponseWriter)
			.status(401)
			.json({ message: 'Unauthorized: missing or invalid scale-callback-auth header' });
		return { noWebhookResponse: true };
	}

	const body = context.getBodyData() as unknown;
	const task = isObject(body) && isObject(body.task) ? body.task : undefined;
	const taskId = isObject(body) ? (nonEmptyString(body.task_id) ?? nonEmptyString(task?.task_id)) : undefined;
	const waiting = waitingItems(context);
	const index = taskId === undefined ? -1 : waiting.findIndex((item) => item.json.task_id === taskId);
	if (index === -1) return keepWaiting('Ignored: not a task this execution waits for');
	if (!isFinished(spec, { status: (isObject(body) ? body.status : undefined) ?? task?.status })) {
		return keepWaiting('Received: the task is not finished yet');
	}

	const settings = await requestSettings(context);
	const tasks = await allTasksIfFinished(context, spec, settings, waiting, {
		index,
		task: task?.task_id === taskId ? task : undefined,
	});
	if (!tasks) return keepWaiting('Received: still waiting for other tasks');

	const simplify = context.getNodeParameter('simplify', true) as boolean;
	const output = await Promise.all(
		waiting.map(async (item, itemIndex): Promise<INodeExecutionData> => {
			const pairedItem = { item: itemIndex };
			const finished = tasks[itemIndex];
			// Items whose task could not be created (Continue On Fail) go on as they were.
			if (!finished) return { json: item.json, pairedItem };
			const json = spec.shapeTask(finished, simplify);
			try {
				const binary = await spec.filesOf?.(context, finished, { ...settings, itemIndex });
				return binary ? { json, binary, pairedItem } : { json, pairedItem };
			} catch (error) {
				// Scale's callback is answered 200 all the same (a refused one is retried for a day): the task
				// goes on, saying which file could not be fetched.
				return { json: { ...json, filesError: (error as Error).message }, pairedItem };
			}
		}),
	);
	return { workflowData: [output] };
}
