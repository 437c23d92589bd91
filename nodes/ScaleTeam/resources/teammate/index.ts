import type { INodeProperties } from 'n8n-workflow';

import { mergeSharedFields, requestOptionsCollection } from '../../../shared/descriptions';
import * as getAll from './getAll';
import * as invite from './invite';
import * as updateRole from './updateRole';

// Operation values are stored in users' workflows: never rename one.
const operations = [getAll, invite, updateRole];

export const teammateDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['teammate'] } },
		options: operations.map((operation) => operation.option),
		default: 'getAll',
	},
	...mergeSharedFields(operations.flatMap((operation) => operation.description)),
	requestOptionsCollection(),
];
