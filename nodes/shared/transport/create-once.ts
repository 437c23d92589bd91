import type { IDataObject, IExecutePaginationFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { PreparedRequest, SendStrategy } from './executor';
import type { ScaleRequest } from './request';
import { scaleRequest } from './request';

/**
 * How to find what an earlier, unanswered attempt created, once Scale answers 409 for the body's unique key:
 * - `findInList`: GET `url` with `?<query>=<key>` and take the first of its `docs` (tasks: `/tasks?unique_id=`,
 *   as the Python SDK's create_task does after a conflict);
 * - `getByKey`: GET `url(key)`, accepted when `isSameRequest` says it is what we asked for (batch and project
 *   names are unique per team, so another project's batch of that name is a real conflict);
 * - `none`: Scale has no lookup by this key (file reference IDs): the item fails saying that the object was
 *   most likely stored, instead of storing it twice.
 */
export type ConflictRecovery =
	| {
			findInList: {
				url: string;
				query: string;
				/** Whether the found object is what this request asked for (default: any object holding the key). */
				isSameRequest?: (existing: IDataObject, requested: IDataObject) => boolean;
			};
			/**
			 * The node parameter and value that turn a plain 409 (no lost answer) into the existing object, e.g.
			 * `{ parameter: 'options.onDuplicate', value: 'returnExisting' }`.
			 */
			returnExistingWhen?: { parameter: string; value: string };
	  }
	| { getByKey: { url: (key: string) => string; isSameRequest: (existing: IDataObject, requested: IDataObject) => boolean } }
	| { none: true };

export interface CreateOnceOptions {
	/** What is created, for errors ("task", "batch"). */
	what: string;
	/** The body property that makes the create unique (`unique_id`, `name`, `reference_id`) and its field label. */
	uniqueKey?: { property: string; label: string };
	/** How a 409 on that key is resolved after a lost answer. Without a key value nothing can be looked up. */
	recover?: ConflictRecovery;
	/** Turns the prepared request into the one sent (e.g. a multipart body built per attempt). */
	buildRequest?: (context: IExecutePaginationFunctions, prepared: PreparedRequest) => Promise<ScaleRequest>;
}

function recoverAfterConflict(
	context: IExecutePaginationFunctions,
	prepared: PreparedRequest,
	options: CreateOnceOptions,
): ((afterLostAnswer: boolean) => Promise<unknown>) | undefined {
	const { uniqueKey, recover } = options;
	const body = (prepared.request.body ?? {}) as IDataObject;
	const key = uniqueKey ? body[uniqueKey.property] : undefined;
	if (!recover || !uniqueKey || typeof key !== 'string' || key === '') return undefined;
	const get = async (url: string, qs?: IDataObject) =>
		(
			await scaleRequest(
				context,
				{ method: 'GET', url, qs, extra: prepared.request.extra },
				{ ...prepared.settings, safety: 'idempotent' },
			)
		).body as IDataObject;

	if ('findInList' in recover) {
		const { url, query } = recover.findInList;
		return async (afterLostAnswer) => {
			// Read the option only when a 409 arrives: evaluating a parameter per item is not free in n8n.
			const when = recover.returnExistingWhen;
			const returnExisting = () => when !== undefined && context.getNodeParameter(when.parameter, null) === when.value;
			if (!afterLostAnswer && !returnExisting()) return undefined;
			const docs = (await get(url, { [query]: key })).docs;
			const existing = Array.isArray(docs) && docs.length > 0 ? (docs[0] as IDataObject) : undefined;
			const isSameRequest = recover.findInList.isSameRequest ?? (() => true);
			return existing && isSameRequest(existing, body) ? existing : undefined;
		};
	}
	if ('getByKey' in recover) {
		return async (afterLostAnswer) => {
			if (!afterLostAnswer) return undefined;
			const existing = await get(recover.getByKey.url(key));
			return recover.getByKey.isSameRequest(existing, body) ? existing : undefined;
		};
	}
	return async (afterLostAnswer) => {
		if (!afterLostAnswer) return undefined;
		throw new NodeApiError(
			context.getNode(),
			{ status_code: 409, error: `duplicate ${uniqueKey.property} after a lost answer` } as JsonObject,
			{
				message: `The ${options.what} was most likely stored by an earlier attempt whose answer was lost: Scale now reports ${uniqueKey.label} "${key}" as taken`,
				description: `Nothing was stored twice. Find the ${options.what} in Scale by its ${uniqueKey.label} instead of sending it again.`,
				httpCode: '409',
				itemIndex: prepared.settings.itemIndex,
			},
		);
	};
}

/**
 * Sends a create at most once in effect. With a unique key and a recovery, a 409 after a lost answer (5xx,
 * dropped connection) is resolved to the object an earlier attempt created; otherwise only failures Scale
 * provably did not act on are retried, and an ambiguous one fails saying the object may exist.
 */
export function createOnce(options: CreateOnceOptions): SendStrategy {
	return async (context, prepared) => {
		const request = options.buildRequest ? await options.buildRequest(context, prepared) : prepared.request;
		const response = await scaleRequest(context, request, {
			...prepared.settings,
			safety: 'createOnce',
			what: options.what,
			uniqueKey: options.uniqueKey?.label,
			recoverAfterConflict: recoverAfterConflict(context, prepared, options),
		});
		const body = response.body;
		return { results: [body && typeof body === 'object' ? (body as IDataObject) : {}], response };
	};
}
