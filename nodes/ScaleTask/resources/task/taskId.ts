import type { INodeProperties } from 'n8n-workflow';

import { requireValue } from '../../../shared/input';
import { pathSegmentExpression } from '../../../shared/paths';

/** What follows `/task/<id>` for each operation that addresses one task. */
const PATH_AFTER_ID: Record<string, string> = {
	addTags: '/tags',
	audit: '/audit',
	cancel: '/cancel',
	clearUniqueId: '/unique_id',
	deleteTags: '/tags',
	setMetadata: '/setMetadata',
	setTags: '/tags',
	updateUniqueId: '/unique_id',
};

/**
 * The Task ID locator. It builds the request's URL itself, because n8n hands a resource locator's extracted
 * value to routing only as `$value`; one definition for every operation keeps one property entry per node.
 */
export const taskIdField: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The task_id Scale gave the task',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchTasks', searchable: true },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 5c84d0fe958593004f13e5ba',
		},
	],
	routing: {
		request: {
			url: `={{ "/task/" + ${pathSegmentExpression('$value')} + (${JSON.stringify(PATH_AFTER_ID)}[$parameter.operation] ?? "") }}`,
		},
		send: { preSend: [requireValue('taskId', 'Task ID')] },
	},
};
