import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { requestOptionsCollection, resourceSelector, scaleActionNode } from '../shared/descriptions';
import { searchProjects } from '../shared/listSearch';
import { guardPreparation } from '../shared/transport';
import { fileOperations } from './resources/file';
import { projectOperations } from './resources/project';

export class ScaleProject implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Scale Project',
		name: 'scaleProject',
		icon: { light: 'file:../../icons/scale.svg', dark: 'file:../../icons/scale.dark.svg' },
		description: 'Create and configure Scale AI projects, and upload or import files for labeling',
		defaults: { name: 'Scale Project' },
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		usableAsTool: true,
		...scaleActionNode,
		properties: guardPreparation([
			resourceSelector([{ name: 'File', value: 'file' }, { name: 'Project', value: 'project' }], 'project'),
			...projectOperations,
			...fileOperations,
			requestOptionsCollection(),
		]),
	};

	methods = { listSearch: { searchProjects } };
}
