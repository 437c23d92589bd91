import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { scaleRequestDefaults } from '../shared/descriptions';
import { guardPreparation } from '../shared/transport';
import { searchBatches, searchProjects } from '../shared/listSearch';
import { batchDescription } from './resources/batch';

export class ScaleBatch implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Scale Batch',
		name: 'scaleBatch',
		icon: { light: 'file:../../icons/scale.svg', dark: 'file:../../icons/scale.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Create, finalize and track batches of labeling tasks in Scale AI',
		defaults: { name: 'Scale Batch' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'scaleApi', required: true }],
		requestDefaults: scaleRequestDefaults,
		properties: guardPreparation([
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Batch', value: 'batch' }],
				default: 'batch',
			},
			...batchDescription,
		]),
	};

	methods = { listSearch: { searchProjects, searchBatches } };
}
