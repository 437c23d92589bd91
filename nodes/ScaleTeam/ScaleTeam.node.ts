import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { SCALE_API_CREDENTIAL } from '../../credentials/ScaleApi.credentials';
import { requestOptionsCollection, scaleRequestDefaults } from '../shared/descriptions';
import { teammateOperations } from './resources/teammate';

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
		credentials: [{ name: SCALE_API_CREDENTIAL, required: true }],
		requestDefaults: scaleRequestDefaults,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Teammate', value: 'teammate' }],
				default: 'teammate',
			},
			...teammateOperations,
			requestOptionsCollection(),
		],
	};
}
