import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { SCALE_BASE_URL_EXPRESSION } from '../credentials/ScaleApi.credentials';

/**
 * Baseline (b): what a plain declarative node (or the HTTP Request node) does — RoutingNode builds one
 * request per item and sends them all at once, with no retries and no pagination hook.
 */
export class PlainScaleCreate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Plain Scale Create',
		name: 'plainScaleCreate',
		group: ['transform'],
		version: 1,
		description: 'Baseline: declarative create with no executor hook',
		defaults: { name: 'Plain Scale Create' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'scaleApi', required: true }],
		requestDefaults: { baseURL: SCALE_BASE_URL_EXPRESSION, headers: { Accept: 'application/json' } },
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Create',
						value: 'create',
						action: 'Create a task',
						routing: { request: { method: 'POST', url: '/task/imageannotation' } },
					},
				],
				default: 'create',
			},
			{
				displayName: 'Attachment',
				name: 'attachment',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'attachment' } },
			},
			{
				displayName: 'Unique ID',
				name: 'uniqueId',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'unique_id' } },
			},
		],
	};
}

/**
 * The engine's floor for Get Task: a plain declarative node with one field, sent by RoutingNode itself
 * (no executor hook, no retries, no gate). Per-item CPU of Scale Task › Get is reported against it.
 */
export class PlainScaleGet implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Plain Scale Get',
		name: 'plainScaleGet',
		group: ['transform'],
		version: 1,
		description: 'Baseline: declarative get with one field',
		defaults: { name: 'Plain Scale Get' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'scaleApi', required: true }],
		requestDefaults: { baseURL: SCALE_BASE_URL_EXPRESSION, headers: { Accept: 'application/json' } },
		properties: [
			{
				displayName: 'Task ID',
				name: 'taskId',
				type: 'string',
				default: '',
				routing: { request: { method: 'GET', url: '={{ "/task/" + encodeURIComponent($value) }}' } },
			},
		],
	};
}

/**
 * The plain Get with as many hidden property entries as Scale Task has: what RoutingNode's per-item walk over
 * every property entry costs by itself (each entry's value and display conditions are evaluated per item).
 */
export class PlainScaleGetWide extends PlainScaleGet {
	constructor(hiddenProperties: number) {
		super();
		const hidden = Array.from({ length: hiddenProperties }, (_, index) => ({
			displayName: `Hidden ${index}`,
			name: `hidden${index}`,
			type: 'string' as const,
			default: '',
			displayOptions: { show: { taskId: ['never-shown'] } },
			routing: { send: { type: 'body' as const, property: `hidden${index}` } },
		}));
		this.description = { ...this.description, properties: [...this.description.properties, ...hidden] };
	}
}
