import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { SCALE_API_CREDENTIAL } from '../../credentials/ScaleApi.credentials';
import { requestOptionsCollection, scaleRequestDefaults } from '../shared/descriptions';
import { searchBatches, searchProjects } from '../shared/listSearch';
import { batchOperations } from './resources/batch';

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
		credentials: [{ name: SCALE_API_CREDENTIAL, required: true }],
		requestDefaults: scaleRequestDefaults,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Batch', value: 'batch' }],
				default: 'batch',
			},
			...batchOperations,
			requestOptionsCollection(),
		],
	};

	methods = { listSearch: { searchProjects, searchBatches } };
}
