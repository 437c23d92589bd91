import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { scaleRequest } from '../shared/transport';
import type { ScaleRequest } from '../shared/transport';

export const PAGE_LIMIT = 100;

/** Polls are light: a failed request is retried a couple of times, then the next poll tries again. */
const MAX_RETRIES = 2;

export interface PollFilters {
	project?: string;
	batch?: string;
	taskTypes: string[];
}

export async function getJson(context: IPollFunctions, request: Omit<ScaleRequest, 'method'>): Promise<IDataObject> {
	const response = await scaleRequest(context, { method: 'GET', ...request }, { safety: 'idempotent', maxRetries: MAX_RETRIES });
	return (response.body ?? {}) as IDataObject;
}

export function docsOf(page: IDataObject, key = 'docs'): IDataObject[] {
	const docs = page[key];
	return Array.isArray(docs) ? (docs as IDataObject[]) : [];
}

/** When a poll should stop fetching pages and leave the rest to the next poll (half the engine's budget). */
export function pollDeadline(context: IPollFunctions, startedAt: number): number {
	const budget = typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : 5 * 60_000;
	return startedAt + budget / 2;
}

/** "Fetch Test Event" found nothing to show: say what to do rather than show an empty output. */
export function nothingYet(context: IPollFunctions, what: string): never {
	throw new NodeOperationError(context.getNode(), `No ${what} in this Scale account yet (with the filters set)`, {
		description: `"Fetch Test Event" shows the most recent ${what}. Once there is one in Scale, fetch again, or publish the workflow: it then starts for each new one.`,
	});
}

export const iso = (ms: number) => new Date(ms).toISOString();
