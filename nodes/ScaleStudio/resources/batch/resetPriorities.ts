import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';

export const option: INodePropertyOptions = {
	name: 'Reset Priorities',
	value: 'resetPriorities',
	action: 'Reset the priorities of studio batches',
	description:
		'Go back to the default order (calibration batches first, then by creation date); outputs every pending batch in that order',
	routing: scaleRouting({ method: 'POST', url: '/studio/batches/reset_priorities' }),
};

export const description: INodeProperties[] = [];
