// What the editor test opens and expects, in one table: the panels (node + parameters) it screenshots and
// the fields each must show. Field names are display names, as a user reads them. When a panel changes,
// change it here; docs/screenshots/ and the README's pictures follow from the `screenshot` names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { PACKAGE_NAME, PACKAGE_ROOT } from './n8n';

export interface PanelCase {
	/** File name in docs/screenshots/. */
	screenshot: string;
	/** What the picture shows (README alt text). */
	caption: string;
	/** The node's name on the canvas and in the panel's title. */
	title: string;
	/** The node's type name without the package prefix, e.g. "scaleTask". */
	node: string;
	parameters: Record<string, unknown>;
	/** Fields the panel must show, by display name. */
	fields: string[];
	/** Texts to click before the screenshot (e.g. to unfold a section). */
	unfold?: string[];
	/** Fields that must appear in this order (n8n's guidelines: required first, Additional Fields, Options last). */
	order: string[];
}

/** Scale Task › Create for one task type: its own fields, then Additional Fields and Options last. */
function createTaskPanel(
	label: string,
	taskType: string,
	typeFields: Record<string, unknown>,
	typeFieldNames: string[],
	caption: string,
): PanelCase {
	return {
		screenshot: `scale-task-create-${label.toLowerCase().replace(/ /g, '-')}.png`,
		title: `Create ${label} Task`,
		caption,
		node: 'scaleTask',
		parameters: {
			resource: 'task',
			operation: 'create',
			taskType,
			project: { __rl: true, mode: 'name', value: 'Demo project' },
			...typeFields,
		},
		fields: ['Credential', 'Task Type', 'Project', 'Batch', 'Attachment Type', 'Attachment', ...typeFieldNames, 'Additional Fields', 'Options'],
		order: ['Task Type', ...typeFieldNames, 'Additional Fields', 'Options'],
	};
}

export const PANELS: PanelCase[] = [
	createTaskPanel(
		'Image Annotation',
		'imageannotation',
		{
			attachmentType: 'image',
			attachment: 'https://example.com/street.jpg',
			geometries: { box: { objectsToAnnotate: 'car, pedestrian' } },
		},
		['Geometries'],
		'Scale Task › Create, Image Annotation: the attachment first, box labels as fields, no JSON',
	),
	createTaskPanel(
		'Categorization',
		'categorization',
		{
			attachmentType: 'text',
			attachment: 'I love this product, but shipping was slow.',
			categories: ['positive', 'negative', 'mixed'],
			allowMultiple: true,
		},
		['Categories'],
		'Scale Task › Create, Categorization: three categories, several allowed',
	),
	{
		screenshot: 'scale-task-get-many-filters.png',
		title: 'Get Completed Tasks',
		caption: 'Scale Task › Get Many: Return All and Limit first, then the filters',
		node: 'scaleTask',
		parameters: {
			resource: 'task',
			operation: 'getAll',
			returnAll: false,
			limit: 50,
			project: { __rl: true, mode: 'name', value: 'Demo project' },
			filters: { status: 'completed', type: 'imageannotation' },
		},
		fields: ['Return All', 'Limit', 'Project', 'Filters', 'Status', 'Task Type'],
		order: ['Return All', 'Limit', 'Filters'],
	},
	{
		screenshot: 'scale-batch-create.png',
		title: 'Create Batch',
		caption: 'Scale Batch › Create: project and name, optional fields in Additional Fields',
		node: 'scaleBatch',
		parameters: {
			resource: 'batch',
			operation: 'create',
			project: { __rl: true, mode: 'name', value: 'Demo project' },
			name: 'batch-2026-11-29',
		},
		fields: ['Project', 'Batch Name', 'Additional Fields'],
		order: ['Project', 'Batch Name', 'Additional Fields'],
	},
	{
		screenshot: 'scale-project-create.png',
		title: 'Create Project',
		caption: 'Scale Project › Create',
		node: 'scaleProject',
		parameters: { resource: 'project', operation: 'create', name: 'Street scenes', taskType: 'imageannotation' },
		fields: ['Project Name', 'Task Type'],
		order: ['Project Name', 'Task Type'],
	},
	{
		screenshot: 'scale-team-invite.png',
		title: 'Invite Teammates',
		caption: 'Scale Team › Invite',
		node: 'scaleTeam',
		parameters: { resource: 'teammate', operation: 'invite', emails: 'ana@example.com, bo@example.com' },
		fields: ['Emails', 'Role'],
		order: ['Emails', 'Role'],
	},
	{
		screenshot: 'scale-studio-assignment-add.png',
		title: 'Assign Labelers',
		caption: 'Scale Studio › Assignment › Add',
		node: 'scaleStudio',
		parameters: { resource: 'assignment', operation: 'add', emails: 'ana@example.com', projects: 'Demo project' },
		fields: ['Emails', 'Projects'],
		order: ['Emails', 'Projects'],
	},
	{
		screenshot: 'scale-genai-create-chat-task.png',
		title: 'Create Chat Task',
		caption: 'Scale GenAI › Task › Create Chat Task: project, batch and the template variables as fields',
		node: 'scaleGenAi',
		parameters: {
			resource: 'task',
			operation: 'create',
			project: { __rl: true, mode: 'name', value: 'Chat evals' },
			templateVariables: { variable: [{ name: 'prompt', value: 'What is 2 + 2?' }, { name: 'model_response', value: '4' }] },
		},
		fields: ['Project', 'Batch', 'Template Variables', 'Variables', 'Additional Fields', 'Simplify', 'Options'],
		order: ['Project', 'Batch', 'Template Variables', 'Additional Fields', 'Simplify', 'Options'],
	},
	{
		screenshot: 'scale-genai-task-and-wait.png',
		title: 'Review Model Answer',
		caption: 'Scale GenAI Task and Wait: Create Chat Task\'s fields, then how long to wait for the human review',
		node: 'scaleGenAiWait',
		parameters: {
			resource: 'task',
			operation: 'createAndWait',
			project: { __rl: true, mode: 'name', value: 'Chat evals' },
			templateVariables: { variable: [{ name: 'prompt', value: '={{ $json.prompt }}' }, { name: 'model_response', value: '={{ $json.answer }}' }] },
		},
		fields: ['Project', 'Batch', 'Template Variables', 'Variables', 'Additional Fields', 'Simplify', 'Limit Wait Time', 'Amount', 'Unit', 'Options'],
		order: ['Project', 'Template Variables', 'Additional Fields', 'Simplify', 'Limit Wait Time', 'Options'],
	},
	{
		screenshot: 'scale-trigger.png',
		title: 'Scale Trigger',
		caption: 'Scale Trigger: the callback URL to give Scale, verification and filters',
		node: 'scaleTrigger',
		parameters: { verifyCallbackAuth: true, filters: { statuses: ['completed'] } },
		unfold: ['Webhook URLs'],
		fields: ['Verify Callback Auth Key', 'Filters'],
		order: ['Verify Callback Auth Key', 'Filters'],
	},
];

/** The other screenshots the test takes (file name → README alt text). */
export const SCREENSHOTS = {
	actionPicker: { file: 'node-picker-action.png', caption: 'Searching "Scale" in "What happens next?"' },
	triggerPicker: { file: 'node-picker-trigger.png', caption: 'Searching "Scale" in "What triggers this workflow?"' },
	credential: { file: 'credential.png', caption: 'The Scale API credential, tested by n8n when saved' },
	executedExample: {
		file: 'example-executed.png',
		caption: 'Example (a) executed: a batch, one task per row, finalized',
	},
};

/** The words a user would type into the node picker to find Scale's nodes. */
export const PICKER_SEARCHES = ['Scale', 'Scale AI', 'labeling'];

export interface PackageNode {
	/** Full type name, e.g. "n8n-nodes-scaleapi.scaleTask". */
	type: string;
	name: string;
	displayName: string;
	isTrigger: boolean;
	properties: INodeProperties[];
}

/** Every node package.json declares (so nodes added later are covered), read from the built dist/. */
export function packageNodes(): PackageNode[] {
	const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	return manifest.n8n.nodes.map((file) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(join(PACKAGE_ROOT, file)) as Record<string, new () => unknown>;
		const NodeClass = Object.values(exported).find((value) => typeof value === 'function');
		if (!NodeClass) throw new Error(`${file} exports no node class`);
		const instance = new NodeClass() as {
			description: INodeTypeDescription;
			nodeVersions?: Record<number, { description: INodeTypeDescription }>;
		};
		// A versioned node describes itself per version; the editor adds its newest (default) version.
		const description = instance.nodeVersions
			? instance.nodeVersions[instance.description.defaultVersion ?? Math.max(...Object.keys(instance.nodeVersions).map(Number))]
					.description
			: instance.description;
		return {
			type: `${PACKAGE_NAME}.${description.name}`,
			name: description.name,
			displayName: description.displayName,
			isTrigger: description.group.includes('trigger'),
			properties: description.properties,
		};
	});
}

/** Every resource/operation pair a node offers (one panel each), from its description. */
export function operationsOf(node: PackageNode): Array<{ resource?: string; operation?: string; label: string }> {
	const resources = node.properties.find((property) => property.name === 'resource')?.options as
		| Array<{ name: string; value: string }>
		| undefined;
	const operationFields = node.properties.filter((property) => property.name === 'operation');
	if (operationFields.length === 0) return [{ label: node.displayName }];
	return (resources ?? [{ name: '', value: '' }]).flatMap((resource) => {
		const field = operationFields.find(
			(candidate) => !resource.value || (candidate.displayOptions?.show?.resource ?? []).includes(resource.value),
		);
		const operations = (field?.options ?? []) as Array<{ name: string; value: string }>;
		return operations.map((operation) => ({
			resource: resource.value || undefined,
			operation: operation.value,
			label: [node.displayName, resource.name, operation.name].filter(Boolean).join(' › '),
		}));
	});
}
