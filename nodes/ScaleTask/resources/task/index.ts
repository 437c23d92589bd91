import type { INodeProperties } from 'n8n-workflow';

import { resourceOperations } from '../../../shared/descriptions';
import * as addTags from './addTags';
import * as audit from './audit';
import * as cancel from './cancel';
import * as clearUniqueId from './clearUniqueId';
import * as count from './count';
import * as create from './create';
import * as createEvaluationTask from './createEvaluationTask';
import * as createTrainingTask from './createTrainingTask';
import * as deleteTags from './deleteTags';
import * as get from './get';
import * as getAll from './getAll';
import * as setMetadata from './setMetadata';
import * as setTags from './setTags';
import * as updateUniqueId from './updateUniqueId';

export const taskOperations: INodeProperties[] = resourceOperations(
	'task',
	[
		addTags,
		audit,
		cancel,
		clearUniqueId,
		count,
		create,
		createEvaluationTask,
		createTrainingTask,
		deleteTags,
		get,
		getAll,
		setMetadata,
		setTags,
		updateUniqueId,
	],
	'create',
);

/** The task operations' own entries in the node's Options. */
export const taskOptions: INodeProperties[] = [
	{
		displayName: 'On Duplicate',
		name: 'onDuplicate',
		type: 'options',
		displayOptions: { show: { '/operation': ['create'] } },
		options: [
			{ name: 'Error', value: 'error', description: 'Fail the item with Scale\'s 409' },
			{
				name: 'Return Existing Task',
				value: 'returnExisting',
				description: 'Output the task that already has this unique ID, so re-running an import never fails',
			},
		],
		default: 'error',
		description: 'What to do when a task with the same unique ID already exists',
	},
	getAll.exportModeOption,
];
