import type { IDataObject } from 'n8n-workflow';

import type { RequestLogEntry } from '../../../../sandbox/server';
import { runTask as runTaskNode } from '../../../ScaleTask/helpers';
import { SANDBOX_API_KEY } from '../../../harness/constants';

export const CREATE_PATH = /^\/v1\/task\/imageannotation$/;

/** Runs Scale Task against a base URL (the sandbox or the fault proxy in front of it) with the sandbox's key. */
export const runTaskAt = (baseUrl: string, operation: string, parameters: IDataObject, items?: IDataObject[], continueOnFail = false) =>
	runTaskNode(operation, parameters, { items, continueOnFail, baseUrl, apiKey: SANDBOX_API_KEY });

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
