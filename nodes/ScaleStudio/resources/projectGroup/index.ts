import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as getAll from './getAll';
import * as update from './update';
import { mergeSharedFields } from '../../../shared/descriptions';

// Operation values are stored in users' workflows: never rename one.
const operations = [create, getAll, update];

export const projectGroupDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['projectGroup'] } },
		options: operations.map((operation) => operation.option),
		default: 'getAll',
	},
	...mergeSharedFields(operations.flatMap((operation) => operation.description)),
];
