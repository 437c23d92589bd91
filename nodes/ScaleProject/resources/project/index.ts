import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as get from './get';
import * as getAll from './getAll';
import * as getTemplate from './getTemplate';
import * as update from './update';
import { mergeSharedFields } from '../../../shared/descriptions';

// Operation values are stored in users' workflows: never rename one.
const operations = [create, get, getAll, getTemplate, update];

export const projectDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['project'] } },
		options: operations.map((operation) => operation.option),
		default: 'get',
	},
	...mergeSharedFields(operations.flatMap((operation) => operation.description)),
];
