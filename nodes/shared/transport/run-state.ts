import type { IExecuteFunctions, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { RequestGate } from './gate';
import { CREDENTIAL_TYPE, scaleBaseUrl } from './request';

export const DEFAULT_MAX_CONCURRENT_REQUESTS = 5;
export const DEFAULT_MAX_RETRIES = 5;

/**
 * What the items of one node run share (see the header of ./index.ts): the concurrency gate, the
 * preparation barrier, and the first invalid item.
 */
export interface NodeRunState {
	gate: RequestGate;
	maxRetries: number;
	invalidInput?: { itemIndex: number; message: string };
	/** Errors of items whose preparation (a preSend) failed, thrown by that item's executor. */
	preparationErrors: Map<number, Error>;
	/** Resolves once every input item of the run has been prepared (or has failed preparing). */
	allItemsPrepared: Promise<void>;
	/** Counts an item as prepared; the last one opens the barrier. */
	itemPrepared(itemIndex: number): void;
	/** The credential's base URL, read once per run. */
	baseUrl?: Promise<string>;
}

// One entry per node run: RoutingNode hands every ExecuteSingleContext of a run the same executeData object
// (n8n-core routing-node.js `runNode`; pinned by test/shared/transport/barrier.test.ts).
const runs = new WeakMap<object, NodeRunState>();

type RunContext = IExecuteSingleFunctions | IExecuteFunctions;

/** A context that reads a node parameter by name (per item where the context is an item's, e.g. RoutingNode's). */
type ParameterReader = Pick<IExecuteSingleFunctions, 'getNodeParameter'>;

function readNumberOption(context: ParameterReader, name: string, fallback: number): number {
	const value = Number(context.getNodeParameter(`options.${name}`, fallback) ?? fallback);
	return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Options → Max Concurrent Requests (at least 1) and Max Retries; invalid values fall back to the defaults. */
export function requestOptions(context: ParameterReader): { maxConcurrent: number; maxRetries: number } {
	return {
		maxConcurrent: Math.max(1, readNumberOption(context, 'maxConcurrentRequests', DEFAULT_MAX_CONCURRENT_REQUESTS)),
		maxRetries: readNumberOption(context, 'maxRetries', DEFAULT_MAX_RETRIES),
	};
}

/**
 * How many items this run has: RoutingNode runs one request chain per item of the first main (or AI tool) input.
 * With Settings → Execute Once the engine hands RoutingNode only the first item, while executeData still holds
 * them all (n8n-core workflow-execute.js `handleExecuteOnce`).
 */
function inputItemCount(context: RunContext): number | undefined {
	const data = context.getExecuteData()?.data as Record<string, Array<INodeExecutionData[] | null>> | undefined;
	const items = (data?.main ?? data?.ai_tool)?.[0];
	if (!Array.isArray(items)) return undefined;
	return context.getNode().executeOnce === true ? Math.min(1, items.length) : items.length;
}

/**
 * The barrier counts items instead of waiting for a timer tick: RoutingNode may sleep between items while
 * preparing them (Request Options → Batching), so "one tick later" is not "all prepared". It opens when every
 * item has reached its executor (a failed preSend does not stop it: see guardPreparation). With Continue On Fail an invalid
 * item does not stop the others, so there is nothing to wait for.
 */
function preparationBarrier(context: RunContext): Pick<NodeRunState, 'allItemsPrepared' | 'itemPrepared'> {
	const expected = context.continueOnFail() ? undefined : inputItemCount(context);
	if (expected === undefined || expected <= 1) {
		return { allItemsPrepared: Promise.resolve(), itemPrepared: () => {} };
	}
	const prepared = new Set<number>();
	let open: () => void = () => {};
	const allItemsPrepared = new Promise<void>((resolve) => (open = resolve));
	// No timer opens it: when RoutingNode fails on an item while preparing it (an expression error), it throws
	// and abandons the run, and the items already waiting here must then never be sent.
	return {
		allItemsPrepared,
		itemPrepared: (itemIndex) => {
			prepared.add(itemIndex);
			if (prepared.size >= expected) open();
		},
	};
}

export function nodeRunState(context: RunContext): NodeRunState {
	const key = context.getExecuteData() as object;
	let state = runs.get(key);
	if (!state) {
		const { maxConcurrent, maxRetries } = requestOptions(context as ParameterReader);
		state = {
			gate: new RequestGate(maxConcurrent),
			maxRetries,
			preparationErrors: new Map(),
			...preparationBarrier(context),
		};
		runs.set(key, state);
	}
	return state;
}

/** The base URL for this run's requests, from the credential (read once, shared by all items). */
export async function runBaseUrl(context: RunContext): Promise<string> {
	const state = nodeRunState(context);
	state.baseUrl ??= context.getCredentials(CREDENTIAL_TYPE).then(scaleBaseUrl);
	return await state.baseUrl;
}

/** Remembers an invalid item so that, unless the node continues on fail, no item of the run is sent. */
export function recordInvalidInput(context: RunContext, itemIndex: number, message: string): void {
	if (context.continueOnFail()) return;
	const state = nodeRunState(context);
	if (!state.invalidInput || itemIndex < state.invalidInput.itemIndex) {
		state.invalidInput = { itemIndex, message };
	}
}
