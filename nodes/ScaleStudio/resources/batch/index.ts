import type { INodeProperties } from 'n8n-workflow';

import * as assign from './assign';
import * as getAll from './getAll';
import * as resetPriorities from './resetPriorities';
import * as setPriorities from './setPriorities';
import { mergeSharedFields } from '../../../shared/descriptions';

// Operation values are stored in users' workflows: never rename one.
const operations = [assign, getAll, resetPriorities, setPriorities];

export const batchDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['batch'] } },
		options: operations.map((operation) => operation.option),
		default: 'getAll',
	},
	...mergeSharedFields(operations.flatMap((operation) => operation.description)),
];
