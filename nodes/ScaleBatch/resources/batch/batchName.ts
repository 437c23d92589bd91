import type { INodeProperties } from 'n8n-workflow';

import { batchLocator } from '../../../shared/descriptions';
import { requireValue } from '../../../shared/input';
import { pathSegmentExpression } from '../../../shared/paths';

/**
 * The Batch locator of the operations that address one batch by name. The URL is built here, in the
 * locator itself, because n8n only hands a resource locator's extracted value to its own routing as `$value`
 * (see paths.ts for the encoding).
 */
export function batchNameField(pathSuffix = ''): INodeProperties {
	return batchLocator({
		required: true,
		description: 'The batch, by its name',
		routing: {
			request: { url: `={{ "/batches/" + ${pathSegmentExpression('$value')} + "${pathSuffix}" }}` },
			send: { preSend: [requireValue('batch', 'Batch')] },
		},
	});
}
