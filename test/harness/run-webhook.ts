import { HookContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { ScaleApi } from '../../credentials/ScaleApi.credentials';
import { TEST_API_KEY, TEST_BASE_URL } from './constants';
import { TestCredentialsHelper } from './credentials-helper';
import { PACKAGE_NAME } from './run-node';

export const WEBHOOK_ID = '0b7c6f4e-5e0b-4c3a-9d7e-2f1f3a8c9d10';
export const WEBHOOK_BASE_URL = 'https://n8n.example.com/webhook';
export const WEBHOOK_TEST_BASE_URL = 'https://n8n.example.com/webhook-test';

/** One call made on the fake HTTP response, in order. */
export interface ResponseCall {
	method: 'status' | 'writeHead' | 'setHeader' | 'json' | 'send' | 'end';
	args: unknown[];
}

/** A minimal express-like response that records what the node writes. */
export class FakeResponse {
	readonly calls: ResponseCall[] = [];

	statusCode = 200;

	headersSent = false;

	finished = false;

	readonly headers: Record<string, string> = {};

	/** Everything written as the body, as text. */
	body = '';

	status(code: number): this {
		this.calls.push({ method: 'status', args: [code] });
		this.statusCode = code;
		return this;
	}

	writeHead(code: number, headers?: Record<string, string>): this {
		this.calls.push({ method: 'writeHead', args: [code, headers] });
		this.statusCode = code;
		Object.assign(this.headers, headers ?? {});
		this.headersSent = true;
		return this;
	}

	setHeader(name: string, value: string): this {
		this.calls.push({ method: 'setHeader', args: [name, value] });
		this.headers[name.toLowerCase()] = value;
		return this;
	}

	json(body: unknown): this {
		this.calls.push({ method: 'json', args: [body] });
		this.headers['content-type'] ??= 'application/json';
		return this.finish(JSON.stringify(body));
	}

	send(body?: unknown): this {
		this.calls.push({ method: 'send', args: [body] });
		return this.finish(typeof body === 'string' || body === undefined ? (body ?? '') : JSON.stringify(body));
	}

	end(body?: unknown): this {
		this.calls.push({ method: 'end', args: [body] });
		return this.finish(body === undefined ? '' : String(body));
	}

	private finish(text: string): this {
		if (this.finished) throw new Error('the response was already sent');
		this.body += text;
		this.headersSent = true;
		this.finished = true;
		return this;
	}
}

export interface WebhookCall {
	nodeType: INodeType;
	parameters?: IDataObject;
	/** The Scale credential; a key is set unless given. */
	credentials?: ICredentialDataDecryptedObject;
	/** The parsed JSON body, as n8n's body parser leaves it on `req.body`. */
	body: unknown;
	/** Request headers; names are lower-cased as Node's http module does. */
	headers?: Record<string, string | string[]>;
	/** `true` runs it as a test-URL call ("Listen for test event"), `false` as the production URL. */
	isTest?: boolean;
}

export interface WebhookResult {
	/** What the node's `webhook()` returned. */
	returned: IWebhookResponseData;
	/** The workflow's trigger items, or undefined when no execution starts. */
	workflowData?: IWebhookResponseData['workflowData'];
	/** The HTTP status the caller (Scale) gets. */
	statusCode: number;
	/** The HTTP body the caller gets, as text. */
	responseBody: string;
	/** Whether the node wrote the response itself (`noWebhookResponse`). */
	writtenByNode: boolean;
	response: FakeResponse;
}

const CREDENTIAL_NAME = 'Scale account';

function nodeTypesOf(nodeType: INodeType): INodeTypes {
	const type = `${PACKAGE_NAME}.${nodeType.description.name}`;
	return {
		getByName: () => nodeType,
		getByNameAndVersion: (_type: string, version?: number) =>
			NodeHelpers.getVersionedNodeType(nodeType, version),
		getKnownTypes: () => ({ [type]: { className: nodeType.constructor.name, sourcePath: '' } }),
	} as INodeTypes;
}

function setUp(nodeType: INodeType, parameters: IDataObject, credentials: ICredentialDataDecryptedObject) {
	const node: INode = {
		id: 'trigger-under-test',
		name: nodeType.description.defaults.name ?? 'Trigger',
		type: `${PACKAGE_NAME}.${nodeType.description.name}`,
		typeVersion: nodeType.description.version as number,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters: parameters as INode['parameters'],
		credentials: { scaleApi: { id: '1', name: CREDENTIAL_NAME } },
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: nodeTypesOf(nodeType),
	});
	const additionalData = {
		executionId: undefined,
		credentialsHelper: new TestCredentialsHelper({ scaleApi: new ScaleApi() }, { scaleApi: credentials }),
		restApiUrl: 'https://n8n.example.com/rest',
		instanceBaseUrl: 'https://n8n.example.com',
		webhookBaseUrl: WEBHOOK_BASE_URL,
		webhookWaitingBaseUrl: 'https://n8n.example.com/webhook-waiting',
		webhookTestBaseUrl: WEBHOOK_TEST_BASE_URL,
		formWaitingBaseUrl: 'https://n8n.example.com/form-waiting',
		currentNodeExecutionIndex: 0,
		variables: {},
		// Optional hooks n8n-core checks for before using them.
		evalLlmMockHandler: undefined,
		currentNodeParameters: undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
	const description = nodeType.description.webhooks?.[0];
	if (!description) throw new Error(`${nodeType.description.name} declares no webhook`);
	return { node, workflow, additionalData, description };
}

function webhookDataOf(
	setup: ReturnType<typeof setUp>,
	isTest: boolean,
): IWebhookData {
	const { node, workflow, additionalData, description } = setup;
	return {
		httpMethod: description.httpMethod as IWebhookData['httpMethod'],
		node: node.name,
		path: `${WEBHOOK_ID}/${description.path as string}`,
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: WEBHOOK_ID,
		isTest,
	};
}

export const DEFAULT_CREDENTIALS: ICredentialDataDecryptedObject = {
	apiKey: TEST_API_KEY,
	baseUrl: TEST_BASE_URL,
	callbackAuthKey: 'cbauth_live_4f9d2c7a1b8e6f30',
};

/**
 * What n8n 2.41.1 answers for a started workflow in responseMode 'onReceived'
 * (packages/cli/src/webhooks/webhook-on-received-response-extractor.ts): the description's `responseData`
 * (default 'firstEntryJson', sent as that literal text), else the node's `webhookResponse`, else
 * `{"message":"Workflow was started"}`; 'noData' sends an empty body.
 */
function onReceivedAnswer(description: IWebhookDescription, returned: IWebhookResponseData): unknown {
	const responseData = description.responseData === undefined ? 'firstEntryJson' : description.responseData;
	if (responseData === 'noData') return '';
	if (responseData) return responseData;
	return returned.webhookResponse ?? { message: 'Workflow was started' };
}

/**
 * Runs the node's `webhook()` inside n8n-core's real WebhookContext, with an express-like request and a
 * recording response, then settles the HTTP answer the way n8n's webhook helpers do
 * (packages/cli/src/webhooks/webhook-helpers.ts): `noWebhookResponse` → whatever the node wrote;
 * no `workflowData` → 200 with `webhookResponse` or `{"message":"Webhook call received"}`; otherwise,
 * with responseMode 'onReceived', 200 `{"message":"Workflow was started"}` and the workflow runs.
 */
export async function runWebhook(call: WebhookCall): Promise<WebhookResult> {
	const { nodeType } = call;
	if (!nodeType.webhook) throw new Error(`${nodeType.description.name} has no webhook()`);
	const setup = setUp(nodeType, call.parameters ?? {}, call.credentials ?? DEFAULT_CREDENTIALS);
	const isTest = call.isTest ?? false;
	const headers = Object.fromEntries(
		Object.entries({ 'content-type': 'application/json', ...call.headers }).map(([name, value]) => [
			name.toLowerCase(),
			value,
		]),
	);
	const rawBody = Buffer.from(typeof call.body === 'string' ? call.body : JSON.stringify(call.body ?? null));
	const request = {
		method: 'POST',
		url: `/${isTest ? 'webhook-test' : 'webhook'}/${WEBHOOK_ID}/callback`,
		headers,
		body: call.body,
		query: {},
		params: {},
		rawBody,
	};
	const response = new FakeResponse();
	setup.additionalData.httpRequest = request as unknown as IWorkflowExecuteAdditionalData['httpRequest'];
	setup.additionalData.httpResponse = response as unknown as IWorkflowExecuteAdditionalData['httpResponse'];

	const mode: WorkflowExecuteMode = isTest ? 'manual' : 'webhook';
	const context = new WebhookContext(
		setup.workflow,
		setup.node,
		setup.additionalData,
		mode,
		webhookDataOf(setup, isTest),
		[],
		null,
	);
	const returned = await nodeType.webhook.call(context);

	if (returned.noWebhookResponse === true) {
		if (!response.finished) throw new Error('noWebhookResponse without a written response leaves Scale waiting');
		return {
			returned,
			workflowData: returned.workflowData,
			statusCode: response.statusCode,
			responseBody: response.body,
			writtenByNode: true,
			response,
		};
	}
	if (response.finished) throw new Error('the node wrote a response but did not return noWebhookResponse');
	const answer =
		returned.workflowData === undefined
			? (returned.webhookResponse ?? { message: 'Webhook call received' })
			: onReceivedAnswer(setup.description, returned);
	if (typeof answer === 'string') response.status(200).send(answer);
	else response.status(200).json(answer);
	return {
		returned,
		workflowData: returned.workflowData,
		statusCode: response.statusCode,
		responseBody: response.body,
		writtenByNode: false,
		response,
	};
}

export interface HookCall {
	nodeType: INodeType;
	method: 'checkExists' | 'create' | 'delete';
	parameters?: IDataObject;
	credentials?: ICredentialDataDecryptedObject;
	/** `true`: "Listen for test event" (mode manual); `false`: workflow activation (mode trigger). */
	isTest?: boolean;
}

/** Runs one of `webhookMethods.default` inside n8n-core's real HookContext. */
export async function runHook(call: HookCall): Promise<boolean> {
	const { nodeType } = call;
	const method = nodeType.webhookMethods?.default?.[call.method];
	if (!method) throw new Error(`${nodeType.description.name} has no webhookMethods.default.${call.method}`);
	const setup = setUp(nodeType, call.parameters ?? {}, call.credentials ?? DEFAULT_CREDENTIALS);
	const isTest = call.isTest ?? false;
	const mode: WorkflowExecuteMode = isTest ? 'manual' : 'trigger';
	const activation: WorkflowActivateMode = isTest ? 'manual' : 'activate';
	const context = new HookContext(
		setup.workflow,
		setup.node,
		setup.additionalData,
		mode,
		activation,
		webhookDataOf(setup, isTest),
	);
	return await method.call(context);
}

export interface ActivationCall {
	nodeType: INodeType;
	parameters?: IDataObject;
	credentials?: ICredentialDataDecryptedObject;
	isTest?: boolean;
}

/**
 * Publishing (or "Listen for test event") as n8n 2.41.1 runs a trigger's webhook lifecycle — the CLI's
 * WebhookService.createWebhookIfNotExists, which n8n-core does not export: `checkExists` in a real HookContext,
 * and `create` in a new one only when it answered false. Says which methods ran, in order, and what either threw
 * (a throw is what makes n8n refuse to publish, showing the error's message).
 */
export async function activateWebhook(
	call: ActivationCall,
): Promise<{ called: Array<'checkExists' | 'create'>; error?: Error & { description?: string } }> {
	const called: Array<'checkExists' | 'create'> = [];
	const run = async (method: 'checkExists' | 'create') => {
		called.push(method);
		return await runHook({ ...call, method });
	};
	try {
		if (!(await run('checkExists'))) await run('create');
		return { called };
	} catch (error) {
		return { called, error: error as Error & { description?: string } };
	}
}

/** The node's webhook URL as n8n-core computes it for a HookContext (test or production). */
export function hookWebhookUrl(nodeType: INodeType, isTest: boolean): string | undefined {
	const setup = setUp(nodeType, {}, DEFAULT_CREDENTIALS);
	const context = new HookContext(
		setup.workflow,
		setup.node,
		setup.additionalData,
		isTest ? 'manual' : 'trigger',
		isTest ? 'manual' : 'activate',
		webhookDataOf(setup, isTest),
	);
	return context.getNodeWebhookUrl('default');
}
