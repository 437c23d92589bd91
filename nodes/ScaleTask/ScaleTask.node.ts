import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { SCALE_API_CREDENTIAL } from '../../credentials/ScaleApi.credentials';
import { requestOptionsCollection, scaleRequestDefaults } from '../shared/descriptions';
import { searchBatches, searchProjects } from '../shared/listSearch';
import { taskOperations, taskOptions } from './resources/task';

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
		credentials: [{ name: SCALE_API_CREDENTIAL, required: true }],
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
			...taskOperations,
			requestOptionsCollection(taskOptions),
		],
	};

	methods = { listSearch: { searchProjects, searchBatches } };
}
