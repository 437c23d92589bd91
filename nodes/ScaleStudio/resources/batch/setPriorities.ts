import type { IExecuteSingleFunctions, INodeProperties, INodePropertyOptions, PreSendAction } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalidInput, requiredList } from '../../../shared/input';
import { scaleRouting } from '../../../shared/transport';

/** Sends `{batches: [{name}, …]}` in the order given; a name listed twice is refused before sending. */
const sendBatchOrder: PreSendAction = async function (this: IExecuteSingleFunctions, requestOptions) {
	const names = requiredList(this, 'batches', 'Batch Names');
	const repeated = names.find((name, index) => names.indexOf(name) !== index);
	if (repeated !== undefined) invalidInput(this, 'Batch Names', `lists "${repeated}" more than once`);
	requestOptions.body = { batches: names.map((name) => ({ name })) };
	return requestOptions;
};

export const option: INodePropertyOptions = {
	name: 'Set Priorities',
	value: 'setPriorities',
	action: 'Set the priorities of studio batches',
	description: 'Order the pending Studio batches; outputs every pending batch in the new order',
	routing: scaleRouting({ method: 'POST', url: '/studio/batches/set_priorities' }),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['batch'], operation: ['setPriorities'] } },
	[
		{
			displayName: 'Batch Names',
			name: 'batches',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. urgent-batch, batch-2026-11-28',
			description:
				'Every pending Studio batch, highest priority first: comma-separated, or an expression returning a list. Scale refuses a list that leaves out a pending batch.',
			routing: { send: { preSend: [sendBatchOrder] } },
		},
	],
);
