import type { IExecuteFunctions, IExecuteSingleFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { RequestGate } from './gate';
import { CREDENTIAL_TYPE, scaleBaseUrl } from './request';

export const DEFAULT_MAX_CONCURRENT_REQUESTS = 5;
export const DEFAULT_MAX_RETRIES = 5;

/** What the items of one node run share: the concurrency gate, and whether an item's input was invalid. */
export interface NodeRunState {
	gate: RequestGate;
	maxRetries: number;
	invalidInput?: { itemIndex: number; message: string };
	/** Resolves once every item has been prepared (and validated) by the engine. */
	allItemsPrepared: Promise<void>;
	/** The credential's base URL, read once per run. */
	baseUrl?: Promise<string>;
}

// One entry per node run: n8n hands all items of a run the same executeData object.
const runs = new WeakMap<object, NodeRunState>();

type RunContext = IExecuteSingleFunctions | IExecuteFunctions;

function readNumberOption(context: RunContext, name: string, fallback: number): number {
	const value = Number(
		(context as IExecuteSingleFunctions).getNodeParameter(`options.${name}`, fallback) ?? fallback,
	);
	return Number.isFinite(value) && value >= 0 ? value : fallback;
}

export function nodeRunState(context: RunContext): NodeRunState {
	const key = context.getExecuteData() as object;
	let state = runs.get(key);
	if (!state) {
		state = {
			gate: new RequestGate(
				Math.max(1, readNumberOption(context, 'maxConcurrentRequests', DEFAULT_MAX_CONCURRENT_REQUESTS)),
			),
			maxRetries: readNumberOption(context, 'maxRetries', DEFAULT_MAX_RETRIES),
			// The engine prepares every item synchronously before any request resolves; one timer tick later
			// all of them have been validated, so a bad item can stop the others before anything is sent.
			allItemsPrepared: sleep(0),
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
