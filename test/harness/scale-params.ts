import type { IDataObject } from 'n8n-workflow';

/** A resource locator value as n8n stores it. */
export const byName = (value: string) => ({ __rl: true, mode: 'name', value });

export const authorizationFor = (apiKey: string) =>
	`Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;

export function taskParams(operation: string, extra: IDataObject = {}): IDataObject {
	return { resource: 'task', operation, ...extra };
}

/** A Scale task object as the API returns it. */
export function scaleTask(id: string, extra: IDataObject = {}): IDataObject {
	return {
		task_id: id,
		type: 'imageannotation',
		status: 'pending',
		created_at: '2026-11-28T10:00:00.000Z',
		params: {},
		metadata: {},
		...extra,
	};
}

export const sleepMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An error like the one Node's http client raises for a failed connection. */
export const networkError = (code: string) => Object.assign(new Error(`${code} (simulated)`), { code });
