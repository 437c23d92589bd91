/**
 * The transport: the only code of this package that talks HTTP.
 *
 * The path of a request (Scale Task › Create, as an example):
 * 1. `nodes/ScaleTask/resources/task/create.ts` — the fields' `routing` says what goes where in the request;
 *    its operation option carries `scaleRouting(request, createOnce({...}))` (./executor.ts).
 * 2. n8n's RoutingNode (n8n-core `routing-node.js`) evaluates the fields for one item, runs their preSend
 *    hooks (wrapped by ./preparation.ts), and — because scaleRouting sets `send.paginate` — hands the built
 *    request to `operations.pagination` instead of sending it.
 * 3. `runOperation` (./executor.ts) is that function, the one executor frame: barrier → prepare → the
 *    operation's send strategy (sendOnce, createOnce ./create-once.ts, cursorPages/offsetPages ./pages.ts,
 *    cursorPagesOrTimeWindows ./time-windows.ts) → items paired to the input item → the operation's postReceive.
 * 4. `scaleRequest` (./request.ts) sends each HTTP request: authentication, per-request retries, the run's
 *    gate (./gate.ts), create-once safety; failures become NodeApiErrors (./errors.ts, ./failures.ts).
 *
 * Create Task, walked: create.ts → (RoutingNode) → executor.ts `runOperation` → create-once.ts `createOnce`
 * → request.ts `scaleRequest` (gate.ts, failures.ts, errors.ts as leaves) → back in `runOperation` for pairing
 * and postReceive. Four files of ours on the path, each entered once; after a lost answer and a 409,
 * create-once.ts sends its recovery GET through `scaleRequest` again. The node folder hands the transport
 * data only (`createTaskOnce`: the unique key and where to look it up); nothing calls back into it.
 *
 * Two channels reach across the items of one run (./run-state.ts), both resting on how n8n-core's RoutingNode
 * runs a declarative node, and pinned by test/shared/transport/barrier.test.ts and test/shared/transport/concurrency.test.ts:
 * - the run's state is kept in a WeakMap keyed by the `executeData` object, which RoutingNode hands, the
 *   very same object, to every item's context of one run;
 * - the preparation barrier counts the run's input items (`executeData.data.main[0]`): no item is sent until
 *   every item has reached its executor or failed its preSend, whatever Request Options → Batching does
 *   (RoutingNode sleeps between batches while preparing), so one invalid item stops the whole run before
 *   anything is sent (unless Continue On Fail).
 */
export type { ConflictRecovery, CreateOnceOptions } from './create-once';
export { createOnce } from './create-once';
export type { Executor, PreparedRequest, SendOutcome, SendStrategy } from './executor';
export { resultLimit, runOperation, scaleRouting, sendItemRequest, sendOnce, sendOnceUpToLimit } from './executor';
export type { ScaleResponse } from './failures';
export { RequestGate } from './gate';
export { guardPreparation, preparationErrorOf } from './preparation';
export { cursorPages, offsetPages, PAGE_SIZE } from './pages';
export { cursorPagesOrTimeWindows } from './time-windows';
export type { ScaleRequest } from './request';
export { CREDENTIAL_TYPE, scaleBaseUrl, scaleRequest } from './request';
export { recordInvalidInput, requestOptions } from './run-state';
