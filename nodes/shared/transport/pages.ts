import type { IDataObject, IExecutePaginationFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { PreparedRequest, SendOutcome, SendStrategy } from './executor';
import { resultLimit } from './executor';
import type { ScaleResponse } from './failures';
import type { ScaleRequest } from './request';
import { scaleRequest } from './request';

export const PAGE_SIZE = 100;

/** One list page: its items under `itemsKey` (`docs` in v1), or an error saying who probably answered. */
export function listPage(
	context: IExecutePaginationFunctions,
	body: unknown,
	itemIndex: number,
	itemsKey = 'docs',
): IDataObject {
	if (!body || typeof body !== 'object' || !Array.isArray((body as IDataObject)[itemsKey])) {
		throw new NodeApiError(context.getNode(), { error: 'unexpected list' }, {
			message: `Scale answered a list request without a "${itemsKey}" array`,
			description: 'A proxy or gateway may have answered instead of Scale: check the Base URL in the credential.',
			itemIndex,
		});
	}
	return body as IDataObject;
}

export interface CursorOptions {
	/** Where a page keeps its items: `docs` in v1, a per-resource key (`tasks`, `batches`…) in v2. */
	itemsKey?: string;
	/** The page-size query parameter (`limit` in v1 and v2). */
	limitParameter?: string;
}

/**
 * Walks `next_token` cursor pages of one request until done or `limit` is reached, keeping every filter on
 * every page. A cursor that comes back twice ends with an error rather than a loop.
 */
export async function walkCursor(
	context: IExecutePaginationFunctions,
	request: ScaleRequest,
	settings: PreparedRequest['settings'],
	limit: number,
	{ itemsKey = 'docs', limitParameter = 'limit' }: CursorOptions = {},
): Promise<SendOutcome> {
	const results: IDataObject[] = [];
	const seenTokens = new Set<string>();
	let nextToken: string | undefined;
	let response: ScaleResponse;
	do {
		const qs: IDataObject = { ...request.qs, [limitParameter]: Math.min(PAGE_SIZE, limit - results.length) };
		if (nextToken) qs.next_token = nextToken;
		response = await scaleRequest(context, { ...request, qs }, { ...settings, safety: 'idempotent' });
		const page = listPage(context, response.body, settings.itemIndex, itemsKey);
		const docs = page[itemsKey] as IDataObject[];
		results.push(...docs.slice(0, limit - results.length));
		// v1 says has_more; v2 pages end when no next_token comes back.
		const more = (page.has_more ?? Boolean(page.next_token)) && docs.length > 0;
		nextToken = more ? (page.next_token as string | undefined) : undefined;
		if (more && !nextToken) {
			throw new NodeApiError(context.getNode(), { error: 'missing cursor' }, {
				message: 'Scale said more results exist but sent no next_token',
				description: `${results.length} results were fetched before this happened. Narrow the filters or try again.`,
				itemIndex: settings.itemIndex,
			});
		}
		if (nextToken && seenTokens.has(nextToken)) {
			throw new NodeApiError(context.getNode(), { error: 'repeated cursor' }, {
				message: 'Scale sent the same next_token twice, so paging stopped to avoid an endless loop',
				description: `${results.length} results were fetched before the repeat. Try again later; if it persists, narrow the filters.`,
				itemIndex: settings.itemIndex,
			});
		}
		if (nextToken) seenTokens.add(nextToken);
	} while (nextToken && results.length < limit);
	return { results, response };
}

/** Cursor pages (GET /tasks, every v2 list) up to Return All / Limit. */
export function cursorPages(options: CursorOptions = {}): SendStrategy {
	return async (context, { request, settings }) =>
		await walkCursor(context, request, settings, resultLimit(context), options);
}

/** Offset pages (GET /batches: `offset`, `limit`, `totalDocs`, `has_more`) up to Return All / Limit. */
export function offsetPages(): SendStrategy {
	return async (context, { request, settings }) => {
		const limit = resultLimit(context);
		const results: IDataObject[] = [];
		let response: ScaleResponse;
		for (let offset = 0; ; ) {
			const qs: IDataObject = { ...request.qs, offset, limit: Math.min(PAGE_SIZE, limit - results.length) };
			response = await scaleRequest(context, { ...request, qs }, { ...settings, safety: 'idempotent' });
			const page = listPage(context, response.body, settings.itemIndex);
			const docs = page.docs as IDataObject[];
			results.push(...docs.slice(0, limit - results.length));
			offset += docs.length;
			const total = Number(page.totalDocs ?? page.total);
			if (results.length >= limit || !page.has_more || docs.length === 0) break;
			if (Number.isFinite(total) && offset >= total) break;
		}
		return { results, response };
	};
}
