import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { requestOptionsCollection, resourceSelector, scaleActionNode } from '../shared/descriptions';
import { searchBatches, searchProjects } from '../shared/listSearch';
import { guardPreparation } from '../shared/transport';
import { assignmentOperations } from './resources/assignment';
import { studioBatchOperations } from './resources/batch';
import { projectGroupOperations } from './resources/projectGroup';

export class ScaleStudio implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Scale Studio',
		name: 'scaleStudio',
		icon: { light: 'file:../../icons/scale.svg', dark: 'file:../../icons/scale.dark.svg' },
		description: 'Manage Scale Studio labeler assignments, project groups and batch priorities',
		defaults: { name: 'Scale Studio' },
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		usableAsTool: true,
		...scaleActionNode,
		properties: guardPreparation([
			resourceSelector(
				[
					{ name: 'Assignment', value: 'assignment' },
					{ name: 'Batch', value: 'batch' },
					{ name: 'Project Group', value: 'projectGroup' },
				],
				'assignment',
			),
			...assignmentOperations,
			...studioBatchOperations,
			...projectGroupOperations,
			requestOptionsCollection(),
		]),
	};

	methods = { listSearch: { searchProjects, searchBatches } };
}
