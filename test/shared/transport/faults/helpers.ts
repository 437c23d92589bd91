import type { IDataObject } from 'n8n-workflow';

import { ScaleTask } from '../../../../nodes/ScaleTask/ScaleTask.node';
import type { RequestLogEntry } from '../../../../sandbox/server';
import { runNode } from '../../../harness/run-node';
import { taskParams } from '../../../harness/scale-params';

export const API_KEY = 'test_sandbox_key';

export const CREATE_PATH = /^\/v1\/task\/imageannotation$/;

/** Runs Scale Task against a base URL (the sandbox or the fault proxy in front of it). */
export function runTask(baseUrl: string, operation: string, parameters: IDataObject, items?: IDataObject[], continueOnFail = false) {
	return runNode({
		nodeType: new ScaleTask(),
		parameters: taskParams(operation, parameters),
		items,
		continueOnFail,
		credentials: { apiKey: API_KEY, baseUrl },
	});
}

/** Create Task parameters: one image task per item, attachment (and optionally unique ID) from the item. */
export function createParameters(withUniqueId: boolean, options: IDataObject = {}): IDataObject {
	return {
		taskType: 'imageannotation',
		attachment: '={{ $json.url }}',
		geometries: { box: { objectsToAnnotate: 'car' } },
		additionalFields: withUniqueId ? { uniqueId: '={{ $json.uid }}' } : {},
		options,
	};
}

export const createItems = (count: number) =>
	Array.from({ length: count }, (_, index) => ({ url: `https://example.com/${index}.jpg`, uid: `row-${index}` }));

export const countBy = <T>(values: T[]) => {
	const counts = new Map<T, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return counts;
};

export const creates = (log: RequestLogEntry[]) => log.filter((entry) => entry.method === 'POST' && CREATE_PATH.test(entry.path));
