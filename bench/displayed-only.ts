import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { ScaleTask } from '../nodes/ScaleTask/ScaleTask.node';
import { option as getOption } from '../nodes/ScaleTask/resources/task/get';
import { sendItemRequest, sendOnce } from '../nodes/shared/transport';
import { createRequestForItem, itemContext } from '../nodes/shared/wait';
import { asLoadedByN8n } from '../test/harness/run-node';

/**
 * Experiment (bench only): Scale Task › Get with the same description, but evaluated the way a
 * `customOperations` entry would — only the displayed fields of the chosen operation, through the same
 * field definitions (nodes/shared/wait/request.ts), sent through the same transport. Measures what the
 * per-item cost would be if RoutingNode's walk over every property entry were skipped.
 */
const loaded = asLoadedByN8n(new ScaleTask()).description;
// Without requestDefaults and with execute(), n8n runs it as a programmatic node.
const programmatic: INodeTypeDescription = { ...loaded };
delete programmatic.requestDefaults;

export class DisplayedOnlyScaleGet implements INodeType {
	description: INodeTypeDescription = { ...programmatic, name: 'displayedOnlyScaleGet', displayName: 'Displayed-only Scale Get' };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const fields = loaded.properties;
		const strategy = sendOnce();
		const items = this.getInputData();
		const output = await Promise.all(
			items.map(async (_, item) => {
				const request = await createRequestForItem(this, item, getOption.routing, fields);
				const { results } = await sendItemRequest(itemContext(this, item), strategy, request);
				return results.map((json): INodeExecutionData => ({ json, pairedItem: { item } }));
			}),
		);
		return [output.flat()];
	}
}
