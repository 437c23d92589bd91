import type { IDataObject, INodeExecutionData, INodeProperties, PostReceiveAction } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { emailsField } from '../../../shared/fields';
import { sendRequiredList } from '../../../shared/input';

export const labelerEmailsField = emailsField('Email addresses of the labelers');

export const projectsField: INodeProperties = {
	displayName: 'Projects',
	name: 'projects',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. Street signs, Q4 / cars',
	description: 'Names of the Studio projects: comma-separated, or an expression returning a list',
	routing: { send: { preSend: [sendRequiredList('projects', 'Projects', 'projects')] } },
};

/** Scale answers `{ "<email>": ["project", …] }`; the node outputs one item per teammate instead. */
export const assignmentItems: PostReceiveAction = async function (_items, response) {
	const body = response.body as unknown;
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		throw new NodeApiError(this.getNode(), { error: 'unexpected answer' }, {
			message: 'Scale answered without the expected map of teammates to projects',
			description: 'A proxy or gateway may have answered instead of Scale: check the Base URL in the credential.',
			itemIndex: this.getItemIndex(),
		});
	}
	return Object.entries(body as IDataObject).map(
		([email, projects]): INodeExecutionData => ({
			json: { email, projects: Array.isArray(projects) ? projects : [] },
		}),
	);
};
