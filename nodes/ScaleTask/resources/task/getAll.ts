import type { IExecutePaginationFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { simplifyField, simplifyTask } from '../../../shared/output';
import { cursorPagesOrTimeWindows, scaleRouting } from '../../../shared/transport';
import { taskFilters } from './taskFilters';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many tasks',
	description: 'List tasks, newest first, with filters',
	routing: scaleRouting(
		{ method: 'GET', url: '/tasks' },
		cursorPagesOrTimeWindows(
			(context: IExecutePaginationFunctions) =>
				context.getNodeParameter('options.exportMode', EXPORT_SEQUENTIAL) === EXPORT_PARALLEL_TIME_WINDOWS,
		),
		{ output: { postReceive: [simplifyTask] } },
	),
};

const EXPORT_SEQUENTIAL = 'sequential';
const EXPORT_PARALLEL_TIME_WINDOWS = 'parallelTimeWindows';

/** Options → Export Mode (Get Many with Return All). */
export const exportModeOption: INodeProperties = {
	displayName: 'Export Mode',
	name: 'exportMode',
	type: 'options',
	displayOptions: { show: { '/operation': ['getAll'], '/returnAll': [true] } },
	options: [
		{
			name: 'Sequential',
			value: EXPORT_SEQUENTIAL,
			description: 'Walk Scale\'s cursor one page at a time',
		},
		{
			name: 'Parallel Time Windows',
			value: EXPORT_PARALLEL_TIME_WINDOWS,
			description:
				'Split the created-at range into windows and fetch them at once (up to Max Concurrent Requests), merged newest first with no duplicate and no gap. Faster for large exports.',
		},
	],
	default: EXPORT_SEQUENTIAL,
	description: 'How Return All fetches the tasks',
};

export const description: INodeProperties[] = [
	...returnAllAndLimit({ resource: ['task'], operation: ['getAll'] }),
	...updateDisplayOptions({ show: { resource: ['task'], operation: ['getAll'] } }, taskFilters),
	simplifyField({ resource: ['task'], operation: ['getAll'] }, true),
];
