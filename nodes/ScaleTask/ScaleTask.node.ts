import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { requestOptionsCollection, resourceSelector, scaleActionNode } from '../shared/descriptions';
import { searchBatches, searchProjects, searchTasks } from '../shared/listSearch';
import { guardPreparation } from '../shared/transport';
import { taskOperations, taskOptions } from './resources/task';

export class ScaleTask implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Scale Task',
		name: 'scaleTask',
		icon: { light: 'file:../../icons/scale.svg', dark: 'file:../../icons/scale.dark.svg' },
		description: 'Create, find and manage labeling tasks in Scale AI',
		defaults: { name: 'Scale Task' },
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		usableAsTool: true,
		...scaleActionNode,
		properties: guardPreparation([
			resourceSelector([{ name: 'Task', value: 'task' }], 'task'),
			...taskOperations,
			requestOptionsCollection(taskOptions),
		]),
	};

	methods = { listSearch: { searchProjects, searchBatches, searchTasks } };
}
