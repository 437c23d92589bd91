import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { scaleRequestDefaults } from '../shared/descriptions';
import { teammateDescription } from './resources/teammate';

import { guardPreparation } from '../shared/transport';

export class ScaleTeam implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Scale Team',
		name: 'scaleTeam',
		icon: { light: 'file:../../icons/scale.svg', dark: 'file:../../icons/scale.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'List, invite and manage the roles of your Scale AI teammates',
		defaults: { name: 'Scale Team' },
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
				options: [{ name: 'Teammate', value: 'teammate' }],
				default: 'teammate',
			},
			...teammateDescription,
		]),
	};
}
