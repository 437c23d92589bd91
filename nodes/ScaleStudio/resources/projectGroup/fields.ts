import type { INodeProperties } from 'n8n-workflow';

import { projectLocator } from '../../../shared/descriptions';
import { requireValue } from '../../../shared/input';
import { pathSegmentExpression } from '../../../shared/paths';

/** `/studio/projects/<project>/groups`, for the project locator's `$value` (n8n extracts locator values only there). */
export const GROUPS_PATH = `"/studio/projects/" + ${pathSegmentExpression('$value')} + "/groups"`;

/** The Studio project whose groups the operation works on; it sets the request's path to `url`. */
export function groupsProject(url: string): INodeProperties {
	return projectLocator({
		required: true,
		description: 'The Studio project the groups belong to',
		routing: {
			request: { url },
			send: { preSend: [requireValue('project', 'Project')] },
		},
	});
}
