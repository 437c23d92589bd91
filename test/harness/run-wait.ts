import { WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

import type { RunNodeOptions, TestWorkflow } from './run-node';
import { createTestWorkflow } from './run-node';
import { FakeResponse } from './run-webhook';

/**
 * An execution that a node put to wait, as n8n keeps it: the run data serialised the way its database
 * stores it, so every callback and the deadline start again from that stored copy (as after a restart).
 */
export interface WaitingExecution {
	setup: TestWorkflow;
	options: RunNodeOptions;
	/** The first run, which ended in the waiting state. */
	run: IRun;
	/** The node's output while waiting (what the editor shows). */
	items: INodeExecutionData[];
	/** `run.data` as stored. A callback that does not resume the execution leaves it unchanged. */
	stored: string;
	/** The execution's resume token (`$execution.resumeUrl`'s `signature`). */
	resumeToken: string;
}

function toExecutionData(items: IDataObject[]): INodeExecutionData[] {
	return items.map((json, index) => ({ json, pairedItem: { item: index } }));
}

const outputOf = (run: IRun, nodeName: string) =>
	run.data.resultData.runData[nodeName]?.at(-1)?.data?.main?.[0] ?? [];

/** Runs the node in n8n-core's WorkflowExecute until the execution is put to wait (or ends). */
export async function runUntilWaiting(options: RunNodeOptions & { items?: IDataObject[] }): Promise<WaitingExecution> {
	const setup = createTestWorkflow(options);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: setup.node, data: { main: [toExecutionData(options.items ?? [{}])] }, source: null },
			],
		},
	});
	const run = await new WorkflowExecute(setup.additionalData, 'manual', runExecutionData).processRunExecutionData(
		setup.workflow,
	);
	return {
		setup,
		options,
		run,
		items: outputOf(run, setup.node.name),
		stored: JSON.stringify(run.data),
		resumeToken: String(run.data.resumeToken),
	};
}

export interface CallbackResult {
	statusCode: number;
	responseBody: string;
	/** The run that continued the execution, when the callback resumed it. */
	resumed?: IRun;
	/** The node's output after resuming ([] when not resumed). */
	output: INodeExecutionData[];
}

/** Continues the stored execution with this stack entry data, as n8n does once it resumes. */
async function continueExecution(waiting: WaitingExecution, data: IRunExecutionData): Promise<IRun> {
	const { setup } = waiting;
	return await new WorkflowExecute(setup.additionalData, 'manual', data).processRunExecutionData(setup.workflow);
}

/**
 * A POST to the execution's resume URL for the node, handled the way n8n 2.41's WaitingWebhooks does once
 * the resume token matched (`n8n/dist/webhooks/waiting-webhooks.js`, `webhook-helpers.js`): load the stored
 * execution, disable the waiting node, run its `restartWebhook` webhook in a real WebhookContext with the
 * stored run data; no `workflowData` → answer and keep the stored execution as it was; `workflowData` →
 * it becomes the waiting node's stack entry data and WorkflowExecute continues the execution.
 */
export async function deliverCallback(
	waiting: WaitingExecution,
	call: { body: unknown; headers?: Record<string, string> },
): Promise<CallbackResult> {
	const { setup } = waiting;
	const nodeType = waiting.options.nodeType;
	const description = nodeType.description.webhooks?.find((webhook) => webhook.restartWebhook === true);
	if (!description || !nodeType.webhook) throw new Error('the node has no restartWebhook webhook');
	const path = setup.workflow.expression.getSimpleParameterValue(setup.node, description.path, 'internal', {});
	if (path !== setup.node.id) throw new Error(`the waiting webhook's path is ${String(path)}, not the node ID`);

	const data = JSON.parse(waiting.stored) as IRunExecutionData;
	data.executionData!.nodeExecutionStack[0].node.disabled = true;
	data.waitTill = undefined;

	const headers = Object.fromEntries(
		Object.entries({ 'content-type': 'application/json', ...call.headers }).map(([name, value]) => [
			name.toLowerCase(),
			value,
		]),
	);
	const response = new FakeResponse();
	const additionalData = {
		...setup.additionalData,
		httpRequest: {
			method: 'POST',
			url: `/webhook-waiting/${String(setup.additionalData.executionId)}/${setup.node.id}?signature=${waiting.resumeToken}`,
			headers,
			body: call.body,
			query: { signature: waiting.resumeToken },
			params: {},
			rawBody: Buffer.from(JSON.stringify(call.body ?? null)),
		},
		httpResponse: response,
	} as unknown as IWorkflowExecuteAdditionalData;
	const webhookData: IWebhookData = {
		httpMethod: 'POST',
		node: setup.node.name,
		path: setup.node.id,
		webhookDescription: description,
		workflowId: setup.workflow.id,
		workflowExecuteAdditionalData: additionalData,
		isTest: false,
	};
	const context = new WebhookContext(setup.workflow, setup.node, additionalData, 'manual', webhookData, [], data);
	const returned: IWebhookResponseData = await nodeType.webhook.call(context);

	if (returned.noWebhookResponse === true) {
		if (!response.finished) throw new Error('noWebhookResponse without a written response leaves Scale waiting');
		return { statusCode: response.statusCode, responseBody: response.body, output: [] };
	}
	if (returned.workflowData === undefined) {
		response.status(200).json(returned.webhookResponse ?? { message: 'Webhook call received' });
		return { statusCode: response.statusCode, responseBody: response.body, output: [] };
	}
	response.status(200).json({ message: 'Workflow was started' });
	const entry = data.executionData!.nodeExecutionStack[0];
	entry.data.main = returned.workflowData;
	entry.metadata = { ...entry.metadata, forwardAllOutputs: true };
	const resumed = await continueExecution(waiting, data);
	return {
		statusCode: response.statusCode,
		responseBody: response.body,
		resumed,
		output: outputOf(resumed, setup.node.name),
	};
}

/** The deadline passed: n8n's WaitTracker runs the stored execution again (the node re-runs disabled). */
export async function resumeAtDeadline(waiting: WaitingExecution): Promise<{ run: IRun; output: INodeExecutionData[] }> {
	const run = await continueExecution(waiting, JSON.parse(waiting.stored) as IRunExecutionData);
	return { run, output: outputOf(run, waiting.setup.node.name) };
}
