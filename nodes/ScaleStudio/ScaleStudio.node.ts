import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsCollection, scaleRequestDefaults } from '../shared/descriptions';
import { guardPreparation } from '../shared/transport';
import { searchBatches, searchProjects } from '../shared/listSearch';
import { assignmentDescription } from './resources/assignment';
import { batchDescription } from './resources/batch';
import { projectGroupDescription } from './resources/projectGroup';

export class ScaleStudio implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Scale Studio',
		name: 'scaleStudio',
		icon: { light: 'file:../../icons/scale.svg', dark: 'file:../../icons/scale.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage Scale Studio labeler assignments, project groups and batch priorities',
		defaults: { name: 'Scale Studio' },
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
				options: [
					{ name: 'Assignment', value: 'assignment' },
					{ name: 'Batch', value: 'batch' },
					{ name: 'Project Group', value: 'projectGroup' },
				],
				default: 'assignment',
			},
			...assignmentDescription,
			...batchDescription,
			...projectGroupDescription,
			// One Options collection for every resource: how the shared transport sends requests.
			requestOptionsCollection(),
		]),
	};

	methods = { listSearch: { searchProjects, searchBatches } };
}
