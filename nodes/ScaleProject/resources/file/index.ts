import type { INodeProperties } from 'n8n-workflow';

import * as importFile from './import';
import * as upload from './upload';
import { mergeSharedFields } from '../../../shared/descriptions';

// Operation values are stored in users' workflows: never rename one.
const operations = [importFile, upload];

export const fileDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: operations.map((operation) => operation.option),
		default: 'upload',
	},
	...mergeSharedFields(operations.flatMap((operation) => operation.description)),
];
