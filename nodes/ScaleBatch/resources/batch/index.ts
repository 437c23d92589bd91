import type { INodeProperties } from 'n8n-workflow';

import { mergeSharedFields, requestOptionsCollection } from '../../../shared/descriptions';
import * as create from './create';
import * as finalize from './finalize';
import * as get from './get';
import * as getAll from './getAll';
import * as getStatus from './getStatus';
import * as setMetadata from './setMetadata';

// Operation values are stored in users' workflows: never rename one.
const operations = [create, finalize, get, getAll, getStatus, setMetadata];

export const batchDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['batch'] } },
		options: operations.map((operation) => operation.option),
		default: 'create',
	},
	...mergeSharedFields(operations.flatMap((operation) => operation.description)),
	requestOptionsCollection(),
];
