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
