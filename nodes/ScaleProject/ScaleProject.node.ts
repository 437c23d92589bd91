import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { SCALE_API_CREDENTIAL } from '../../credentials/ScaleApi.credentials';
import { requestOptionsCollection, scaleRequestDefaults } from '../shared/descriptions';
import { searchProjects } from '../shared/listSearch';
import { fileOperations } from './resources/file';
import { projectOperations } from './resources/project';

export class ScaleProject implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Scale Project',
		name: 'scaleProject',
		icon: { light: 'file:../../icons/scale.svg', dark: 'file:../../icons/scale.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Create and configure Scale AI projects, and upload or import files for labeling',
		defaults: { name: 'Scale Project' },
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
					{ name: 'File', value: 'file' },
					{ name: 'Project', value: 'project' },
				],
				default: 'project',
			},
			...projectOperations,
			...fileOperations,
			requestOptionsCollection(),
		],
	};

	methods = { listSearch: { searchProjects } };
}
