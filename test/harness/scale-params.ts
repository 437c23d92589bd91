import type { IDataObject } from 'n8n-workflow';

/** Resource locator values as n8n stores them: typed by name, typed as an ID, and empty as the editor stores it. */
export const byName = (value: string) => ({ __rl: true, mode: 'name', value });
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const emptyLocator = () => ({ __rl: true, mode: 'list', value: '' });

export function taskParams(operation: string, extra: IDataObject = {}): IDataObject {
	return { resource: 'task', operation, ...extra };
}

/**
 * A task object as Scale returns it: `scaleTask({ status: 'completed' })`, or `scaleTask('t1', { … })` when a
 * test needs tasks with distinct IDs.
 */
export function scaleTask(idOrOverrides: string | IDataObject = {}, extra: IDataObject = {}): IDataObject {
	const overrides: IDataObject = typeof idOrOverrides === 'string' ? { task_id: idOrOverrides, ...extra } : { ...idOrOverrides, ...extra };
	return {
		task_id: '5c84d0fe958593004f13e5ba',
		type: 'imageannotation',
		status: 'pending',
		created_at: '2026-01-02T03:04:05.678Z',
		params: {},
		metadata: {},
		...overrides,
	};
}

export const sleepMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An error like the one Node's http client raises for a failed connection. */
export const networkError = (code: string) => Object.assign(new Error(`${code} (simulated)`), { code });
