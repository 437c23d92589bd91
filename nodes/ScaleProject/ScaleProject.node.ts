import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsCollection, scaleRequestDefaults } from '../shared/descriptions';
import { searchProjects } from '../shared/listSearch';
import { fileDescription } from './resources/file';
import { projectDescription } from './resources/project';

import { guardPreparation } from '../shared/transport';

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
		credentials: [{ name: 'scaleApi', required: true }],
		requestDefaults: scaleRequestDefaults,
		properties: guardPreparation([
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
			...projectDescription,
			...fileDescription,
			// One Options collection for every resource: how the shared transport sends requests.
			requestOptionsCollection(),
		]),
	};

	methods = { listSearch: { searchProjects } };
}
