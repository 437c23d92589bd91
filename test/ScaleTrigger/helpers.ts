import type { IDataObject } from 'n8n-workflow';

import { ScaleTrigger } from '../../nodes/ScaleTrigger/ScaleTrigger.node';
import { DEFAULT_CREDENTIALS } from '../harness/run-webhook';

export const trigger = new ScaleTrigger();

export const CALLBACK_KEY = DEFAULT_CREDENTIALS.callbackAuthKey as string;

export const ALL_EVENTS = [
	'taskCompleted',
	'taskErrored',
	'taskAudited',
	'taskRecalled',
	'taskCanceled',
	'batchCompleted',
];

export const goodHeaders = { 'scale-callback-auth': CALLBACK_KEY };

/** A Scale task callback as the docs show it: `{ task, response, task_id }` (+ `status` sometimes). */
export function callbackBody(task: IDataObject = {}, extra: IDataObject = {}): IDataObject {
	const fullTask: IDataObject = {
		task_id: '5c84d0fe958593004f13e5ba',
		type: 'imageannotation',
		status: 'completed',
		project: 'street-signs',
		batch: 'batch-2026-11-28',
		callback_url: 'https://n8n.example.com/webhook/0b7c6f4e/callback',
		params: { attachment: 'https://example.com/a.jpg', attachment_type: 'image' },
		response: { annotations: [{ label: 'stop sign', left: 1, top: 2, width: 3, height: 4 }] },
		metadata: { source: 'camera-7' },
		...task,
	};
	return { task: fullTask, response: fullTask.response, task_id: fullTask.task_id, ...extra };
}
