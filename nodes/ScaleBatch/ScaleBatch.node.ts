import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { requestOptionsCollection, resourceSelector, scaleActionNode } from '../shared/descriptions';
import { searchBatches, searchProjects } from '../shared/listSearch';
import { guardPreparation } from '../shared/transport';
import { batchOperations } from './resources/batch';

export class ScaleBatch implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Scale Batch',
		name: 'scaleBatch',
		icon: { light: 'file:../../icons/scale.svg', dark: 'file:../../icons/scale.dark.svg' },
		description: 'Create, finalize and track batches of labeling tasks in Scale AI',
		defaults: { name: 'Scale Batch' },
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		usableAsTool: true,
		...scaleActionNode,
		properties: guardPreparation([
			resourceSelector([{ name: 'Batch', value: 'batch' }], 'batch'),
			...batchOperations,
			requestOptionsCollection(),
		]),
	};

	methods = { listSearch: { searchProjects, searchBatches } };
}
