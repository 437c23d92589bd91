import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { scaleRequestDefaults } from '../shared/descriptions';
import { searchBatches, searchProjects } from '../shared/listSearch';
import { taskDescription } from './resources/task';

export class ScaleTask implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Scale Task',
		name: 'scaleTask',
		icon: { light: 'file:../../icons/scale.svg', dark: 'file:../../icons/scale.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Create, find and manage labeling tasks in Scale AI',
		defaults: { name: 'Scale Task' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'scaleApi', required: true }],
		requestDefaults: scaleRequestDefaults,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Task', value: 'task' }],
				default: 'task',
			},
			...taskDescription,
		],
	};

	methods = { listSearch: { searchProjects, searchBatches } };
}
