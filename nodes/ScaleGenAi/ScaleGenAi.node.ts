import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { requestOptionsCollection, scaleActionNode } from '../shared/descriptions';
import { guardPreparation } from '../shared/transport';
import { searchGenAiBatches, searchGenAiProjects } from './listSearch';
import { annotationOperations } from './resources/annotation';
import { batchOperations } from './resources/batch';
import { datasetOperations } from './resources/dataset';
import { deliveryOperations } from './resources/delivery';
import { downloadFilesOption, simplifyField } from './resources/output';
import { projectOperations } from './resources/project';
import { schemaOperations } from './resources/schema';
import { taskOperations } from './resources/task';

interface Operation {
	option: { value: string | number | boolean; name: string; routing?: unknown };
	description: INodeProperties[];
}

/** One resource: its Operation list, its fields, and Simplify on the operations that output tasks. */
function resource(name: string, operations: Operation[], defaultOperation: string, taskOutputs: string[] = []) {
	const properties: INodeProperties[] = [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [name] } },
			options: operations.map((operation) => operation.option) as INodeProperties['options'],
			default: defaultOperation,
		},
		// Not folded with mergeSharedFields: a folded field moves to its first operation's place, which put
		// Return All above Project here. The editor shows each operation its fields in their own order.
		...operations.flatMap((operation) => operation.description),
	];
	if (taskOutputs.length > 0) properties.push(simplifyField({ resource: [name], operation: taskOutputs }));
	return properties;
}

export class ScaleGenAi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Scale GenAI',
		name: 'scaleGenAi',
		icon: { light: 'file:../../icons/scale.svg', dark: 'file:../../icons/scale.dark.svg' },
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Chat tasks, batches, deliveries and datasets of Scale AI\'s GenAI Data Engine (API v2)',
		defaults: { name: 'Scale GenAI' },
		usableAsTool: true,
		...scaleActionNode,
		properties: guardPreparation([
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Annotation', value: 'annotation' },
					{ name: 'Batch', value: 'batch' },
					{ name: 'Dataset', value: 'dataset' },
					{ name: 'Delivery', value: 'delivery' },
					{ name: 'Project', value: 'project' },
					{ name: 'Schema', value: 'schema' },
					{ name: 'Task', value: 'task' },
				],
				default: 'task',
			},
			...resource('task', taskOperations, 'create', ['create', 'get', 'getAll', 'setMetadata']),
			...resource('batch', batchOperations, 'create'),
			...resource('project', projectOperations, 'getAll'),
			...resource('delivery', deliveryOperations, 'getAll', ['get', 'getTasks']),
			...resource('dataset', datasetOperations, 'getTasks', ['getDelivery', 'getTask', 'getTasks']),
			...resource('annotation', annotationOperations, 'get'),
			...resource('schema', schemaOperations, 'get'),
			requestOptionsCollection([downloadFilesOption]),
		]),
	};

	methods = { listSearch: { searchGenAiProjects, searchGenAiBatches } };
}
