import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';

import { itemError } from './errors';
import { nodeRunState, recordInvalidInput } from './run-state';

const GUARDED = Symbol('scale.guardedPreSend');

type GuardedPreSend = PreSendAction & { [GUARDED]?: true };

/**
 * Wraps a field's preSend so that its failure is seen by the run: the error is kept for the item's executor,
 * which throws it (or, with Continue On Fail, returns it as the item's error item, paired) once the barrier
 * opens, and without Continue On Fail the item stops the whole run. The preSend itself never rejects:
 * RoutingNode may still be preparing later items (sleeping for Batching), and a rejection then would be
 * unhandled until it collects the results.
 */
function guard(action: GuardedPreSend): GuardedPreSend {
	if (action[GUARDED]) return action;
	const guarded: GuardedPreSend = async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const itemIndex = this.getItemIndex();
		const state = nodeRunState(this);
		if (state.preparationErrors.has(itemIndex)) return options;
		try {
			return await action.call(this, options);
		} catch (error) {
			const nodeError = itemError(this.getNode(), error, itemIndex);
			state.preparationErrors.set(itemIndex, nodeError);
			recordInvalidInput(this, itemIndex, nodeError.message);
			return options;
		}
	};
	guarded[GUARDED] = true;
	return guarded;
}

type Described = INodeProperties | INodePropertyOptions | INodePropertyCollection;

function guardAll(entries: readonly Described[]): void {
	for (const entry of entries) {
		const send = 'routing' in entry ? entry.routing?.send : undefined;
		if (send?.preSend) send.preSend = send.preSend.map(guard);
		if ('options' in entry && Array.isArray(entry.options)) guardAll(entry.options as Described[]);
		if ('values' in entry && Array.isArray(entry.values)) guardAll(entry.values);
	}
}

/**
 * Every node of this package passes its properties through here (a test checks it): the preSend hooks
 * that validate and shape each item then report failures to the run's barrier (see ./index.ts).
 */
export function guardPreparation(properties: INodeProperties[]): INodeProperties[] {
	guardAll(properties);
	return properties;
}

/** Whether a preSend went through guardPreparation (for the test that checks every node). */
export const isGuardedPreSend = (action: PreSendAction) => (action as GuardedPreSend)[GUARDED] === true;

/**
 * A guarded preSend never throws (see guard); code operations that run the hooks themselves (Create and Wait)
 * ask here whether the item's preparation failed, and fail the item with that error.
 */
export function preparationErrorOf(context: IExecuteSingleFunctions, itemIndex: number): Error | undefined {
	return nodeRunState(context).preparationErrors.get(itemIndex);
}
