import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { batchLocator, projectLocator } from '../shared/descriptions';
import { searchBatches, searchProjects } from '../shared/listSearch';
import { knownTaskTypeOptions } from '../shared/taskTypes';
import { newCursor, readCursor } from './cursor';
import {
	newBatchCursor,
	pollCompletedBatches,
	readBatchCursor,
	sampleCompletedBatch,
} from './events/batchCompleted';
import { pollCompletedTasks, sampleCompletedTask } from './events/newCompletedTask';
import { pollDeliveries, sampleDelivery } from './events/newDelivery';
import type { PollFilters } from './shared';
import { pollDeadline } from './shared';
import { CREDENTIAL_TYPE } from '../shared/transport';

type PollEvent = 'newCompletedTask' | 'batchCompleted' | 'newDelivery';

const forEvents = (...events: PollEvent[]) => ({ show: { event: events } });

function readFilters(context: IPollFunctions, event: PollEvent): PollFilters {
	const text = (name: string) => {
		const value = context.getNodeParameter(name, '', { extractValue: true }) as unknown;
		return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
	};
	return {
		project: text('project'),
		batch: event === 'newCompletedTask' ? text('batch') : undefined,
		taskTypes: event === 'newCompletedTask' ? (context.getNodeParameter('taskTypes', []) as string[]) : [],
	};
}

/** The backfill date, or undefined to start from the first poll. */
function startFrom(context: IPollFunctions): number | undefined {
	const { startFrom: raw } = context.getNodeParameter('options', {}) as IDataObject;
	if (raw === undefined || raw === null || raw === '') return undefined;
	const ms = Date.parse(String(raw));
	if (Number.isNaN(ms)) {
		throw new NodeOperationError(context.getNode(), `"Start From" is not a date: ${String(raw)}`, {
			description: 'Pick a date and time, or leave "Start From" empty to start from the moment the workflow is published.',
		});
	}
	return ms;
}

export class ScalePollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Scale Polling Trigger',
		name: 'scalePollingTrigger',
		icon: { light: 'file:../../icons/scale.svg', dark: 'file:../../icons/scale.dark.svg' },
		group: ['trigger'],
		version: 1,
		polling: true,
		subtitle:
			'={{ {"newCompletedTask": "New completed task", "batchCompleted": "Batch completed", "newDelivery": "New GenAI delivery"}[$parameter["event"]] }}',
		description:
			'Starts the workflow when Scale AI has new completed tasks, completed batches or GenAI deliveries, by checking on a schedule: no public URL needed',
		defaults: { name: 'Scale Polling Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'New Completed Task',
						value: 'newCompletedTask',
						description: 'One item per task completed since the previous check, each exactly once',
					},
					{
						name: 'Batch Completed',
						value: 'batchCompleted',
						description: 'One item per batch whose tasks are all done, with its task counts',
					},
					{
						name: 'New GenAI Delivery',
						value: 'newDelivery',
						description: 'One item per new delivery of a GenAI project (Scale API v2)',
					},
				],
				default: 'newCompletedTask',
			},
			projectLocator({
				description: 'Only tasks or batches of this project; leave empty for all',
				displayOptions: forEvents('newCompletedTask', 'batchCompleted'),
			}),
			projectLocator({
				description: 'The GenAI project whose deliveries to watch',
				required: true,
				displayOptions: forEvents('newDelivery'),
			}),
			batchLocator({
				description: 'Only tasks of this batch; leave empty for all',
				displayOptions: forEvents('newCompletedTask'),
			}),
			{
				displayName: 'Task Types',
				name: 'taskTypes',
				type: 'multiOptions',
				options: knownTaskTypeOptions,
				default: [],
				description: 'Only tasks of these types; leave empty for all',
				displayOptions: forEvents('newCompletedTask'),
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Start From',
						name: 'startFrom',
						type: 'dateTime',
						default: '',
						description:
							'Also emit what completed since this date when the workflow is published (backfill). Empty: start from the moment it is published.',
					},
				],
			},
		],
	};

	methods = { listSearch: { searchProjects, searchBatches } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event', 'newCompletedTask') as PollEvent;
		const filters = readFilters(this, event);
		if (event === 'newDelivery' && !filters.project) {
			throw new NodeOperationError(this.getNode(), '"Project" is required for New GenAI Delivery', {
				description: 'Scale lists deliveries per project: choose the GenAI project to watch.',
			});
		}

		// "Fetch Test Event": show a recent example from the account; the cursor is left alone.
		if (this.getMode() === 'manual') {
			const sample =
				event === 'newCompletedTask'
					? await sampleCompletedTask(this, filters)
					: event === 'batchCompleted'
						? await sampleCompletedBatch(this, filters)
						: await sampleDelivery(this, filters);
			return [sample];
		}

		const now = Date.now();
		const backfill = startFrom(this);
		// A cursor belongs to one event and set of filters; changing them starts afresh.
		const key = JSON.stringify({ event, ...filters, startFrom: backfill ?? null });
		const staticData = this.getWorkflowStaticData('node');
		let items: INodeExecutionData[];
		if (event === 'batchCompleted') {
			const cursor =
				readBatchCursor(staticData.cursor, key) ?? newBatchCursor(key, backfill ?? now, backfill !== undefined);
			const result = await pollCompletedBatches(this, filters, cursor, now);
			staticData.cursor = result.cursor as unknown as IDataObject;
			items = result.items;
		} else {
			const cursor = readCursor(staticData.cursor, key) ?? newCursor(key, backfill ?? now);
			const result =
				event === 'newCompletedTask'
					? await pollCompletedTasks(this, filters, cursor, pollDeadline(this, now))
					: await pollDeliveries(this, filters, cursor);
			staticData.cursor = result.cursor as unknown as IDataObject;
			items = result.items;
		}
		return items.length > 0 ? [items] : null;
	}
}
