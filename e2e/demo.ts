import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PACKAGE_ROOT } from './n8n';

/** The credential every example uses, pointing at a sandbox. */
export function sandboxCredential(baseUrl: string, apiKey: string, callbackAuthKey: string) {
	return {
		id: 'scaleSandboxCred',
		name: 'Scale sandbox',
		type: 'scaleApi',
		data: { apiKey, baseUrl, callbackAuthKey },
	};
}

export const EXAMPLE_FILES = {
	createBatchAndTasks: 'create-batch-and-tasks.json',
	callbackToSlack: 'callback-to-slack.json',
	exportToS3: 'export-completed-tasks-to-s3.json',
	genAiExport: 'genai-export-deliveries.json',
	batchCompletedExport: 'batch-completed-export.json',
	reviewLlmOutput: 'review-llm-output.json',
	reviewLlmOutputGenAi: 'review-llm-output-genai.json',
} as const;

export type ExampleName = keyof typeof EXAMPLE_FILES;

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; disabled?: boolean; webhookId?: string; parameters: Record<string, unknown> }>;
	[key: string]: unknown;
}

export function loadExample(name: ExampleName): WorkflowJson {
	return JSON.parse(readFileSync(join(PACKAGE_ROOT, 'examples', EXAMPLE_FILES[name]), 'utf8')) as WorkflowJson;
}

/** The example with the nodes that need outside services (Slack, S3) disabled, for runs without internet. */
export function withNodesDisabled(workflow: WorkflowJson, types: string[]): WorkflowJson {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) => (types.includes(node.type) ? { ...node, disabled: true } : node)),
	};
}

/** Node types in the examples that talk to a service outside this machine, with the service's name. */
const OUTSIDE_SERVICES: Record<string, string> = {
	'n8n-nodes-base.slack': 'Slack',
	'n8n-nodes-base.awsS3': 'AWS S3',
};

/** The example nodes that need the user's own credential for an outside service (Slack, S3, …). */
export function nodesNeedingOwnCredentials(): Array<{ workflow: string; node: string; service: string }> {
	return (Object.keys(EXAMPLE_FILES) as ExampleName[]).flatMap((name) => {
		const workflow = loadExample(name);
		return workflow.nodes
			.filter((node) => node.type in OUTSIDE_SERVICES)
			.map((node) => ({ workflow: workflow.name, node: node.name, service: OUTSIDE_SERVICES[node.type] }));
	});
}
