import type { INodeProperties } from 'n8n-workflow';

import { projectLocator } from '../../../shared/descriptions';
import { requireValue } from '../../../shared/input';
import { pathSegment, pathSegmentExpression } from '../../../shared/paths';

/** `/projects/<name>` (see paths.ts for the encoding). */
export function projectPath(name: string, suffix = ''): string {
	return `/projects/${pathSegment(name)}${suffix}`;
}

/**
 * The Project locator of the operations that address one project by name. The URL is built here, in the
 * locator itself, because n8n only hands a resource locator's extracted value to its own routing as `$value`.
 */
export function projectNameField(pathSuffix = ''): INodeProperties {
	return projectLocator({
		required: true,
		description: 'The project, by its name',
		routing: {
			request: { url: `={{ "/projects/" + ${pathSegmentExpression('$value')} + "${pathSuffix}" }}` },
			send: { preSend: [requireValue('project', 'Project')] },
		},
	});
}
