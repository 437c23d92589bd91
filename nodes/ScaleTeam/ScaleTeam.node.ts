import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { requestOptionsCollection, resourceSelector, scaleActionNode } from '../shared/descriptions';
import { guardPreparation } from '../shared/transport';
import { teammateOperations } from './resources/teammate';

export class ScaleTeam implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Scale Team',
		name: 'scaleTeam',
		icon: { light: 'file:../../icons/scale.svg', dark: 'file:../../icons/scale.dark.svg' },
		description: 'List, invite and manage the roles of your Scale AI teammates',
		defaults: { name: 'Scale Team' },
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		usableAsTool: true,
		...scaleActionNode,
		properties: guardPreparation([
			resourceSelector([{ name: 'Teammate', value: 'teammate' }], 'teammate'),
			...teammateOperations,
			requestOptionsCollection(),
		]),
	};
}
