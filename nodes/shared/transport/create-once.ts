import type { IDataObject, IExecutePaginationFunctions } from 'n8n-workflow';

import type { Executor, PreparedRequest } from './executors';
import { applyPostReceive, itemsFromBody, prepareRequest } from './executors';
import type { ScaleRequest } from './request';
import { scaleRequest } from './request';

/** Given the prepared create, how to find what conflicts with it on a 409 — or undefined if nothing can. */
export type ConflictLookup = (
	context: IExecutePaginationFunctions,
	prepared: PreparedRequest,
	body: IDataObject,
) => ((afterLostAnswer: boolean) => Promise<unknown>) | undefined;

/**
 * Sends a create at most once in effect. With a lookup, a 409 after a lost answer (5xx, dropped
 * connection) is resolved to the object an earlier attempt created; without one, only failures Scale
 * provably did not act on are retried.
 */
export function createOnce(
	what: string,
	lookup?: ConflictLookup,
	uniqueKey?: string,
	/** Turns the prepared request into the one sent (e.g. a multipart body built per attempt). */
	buildRequest?: (context: IExecutePaginationFunctions, prepared: PreparedRequest) => Promise<ScaleRequest>,
): Executor {
	return async function (this: IExecutePaginationFunctions, requestData) {
		const prepared = await prepareRequest(this, requestData.options);
		const body = (prepared.request.body ?? {}) as IDataObject;
		const request = buildRequest ? await buildRequest(this, prepared) : prepared.request;
		const response = await scaleRequest(this, request, {
			...prepared.settings,
			safety: 'createOnce',
			what,
			uniqueKey,
			recoverAfterConflict: lookup?.(this, prepared, body),
		});
		return await applyPostReceive(this, requestData, itemsFromBody(response.body), response);
	};
}

/**
 * For objects with unique names (batches, projects): after a lost answer, GET the object by name and
 * accept it when `isOurs` says it is what we asked for; a plain 409 stays a conflict.
 */
export function lookupByName(
	pathOf: (name: string) => string,
	isOurs: (existing: IDataObject, requested: IDataObject) => boolean,
): ConflictLookup {
	return (context, prepared, body) => async (afterLostAnswer) => {
		if (!afterLostAnswer) return undefined;
		const response = await scaleRequest(
			context,
			{ method: 'GET', url: pathOf(String(body.name ?? '')), extra: prepared.request.extra },
			{ ...prepared.settings, safety: 'idempotent' },
		);
		const existing = response.body as IDataObject;
		return isOurs(existing, body) ? existing : undefined;
	};
}
