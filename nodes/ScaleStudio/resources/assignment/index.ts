import type { INodeProperties } from 'n8n-workflow';

import * as add from './add';
import * as getAll from './getAll';
import * as remove from './remove';
import { mergeSharedFields } from '../../../shared/descriptions';

// Operation values are stored in users' workflows: never rename one.
const operations = [add, getAll, remove];

export const assignmentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['assignment'] } },
		options: operations.map((operation) => operation.option),
		default: 'getAll',
	},
	...mergeSharedFields(operations.flatMap((operation) => operation.description)),
];
