import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { SCALE_API_CREDENTIAL } from '../../credentials/ScaleApi.credentials';
import { requestOptionsCollection, scaleRequestDefaults } from '../shared/descriptions';
import { searchBatches, searchProjects } from '../shared/listSearch';
import { assignmentOperations } from './resources/assignment';
import { studioBatchOperations } from './resources/batch';
import { projectGroupOperations } from './resources/projectGroup';

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
		credentials: [{ name: SCALE_API_CREDENTIAL, required: true }],
		requestDefaults: scaleRequestDefaults,
		properties: [
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
			...assignmentOperations,
			...studioBatchOperations,
			...projectGroupOperations,
			requestOptionsCollection(),
		],
	};

	methods = { listSearch: { searchProjects, searchBatches } };
}
