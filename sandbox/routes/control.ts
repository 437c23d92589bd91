import { badRequest } from '../errors';
import { parseNonNegativeInt } from '../query';
import { route, type Route, type RouteContext } from '../router';
import type { JsonObject, SandboxOptions, ScriptedFault } from '../types';
import { isPlainObject } from '../validate';

/**
 * Control API for out-of-process tests, under /_sandbox (no auth, no latency, no faults, not logged).
 * Paths here are relative to /_sandbox.
 */
export const controlRoutes: Route[] = [
	route('GET', 'health', () => ({ ok: true })),
	route('GET', 'requests', ({ core, query }) =>
		core.log.page(parseNonNegativeInt('since', query.get('since')) ?? 0, parseNonNegativeInt('limit', query.get('limit')) ?? undefined),
	),
	route('GET', 'requests/usage', ({ core }) => core.log.usage()),
	route('DELETE', 'requests', ({ core }) => {
		core.log.clear();
		return { ok: true };
	}),
	route('POST', 'reset', ({ core }) => {
		core.reset();
		return { ok: true };
	}),
	route('GET', 'options', ({ core }) => core.options),
	route('GET', 'persistence', ({ core }) => core.persistence?.report() ?? { file: null }),
	route('POST', 'options', setOptions),
	route('GET', 'faults', ({ core }) => core.faults.pending()),
	route('POST', 'faults', injectFaults),
	route('DELETE', 'faults', ({ core }) => {
		core.faults.clearQueue();
		return [];
	}),
	route('GET', 'tasks', ({ core }) => core.state.taskOrder.map((record) => record.json)),
	route('POST', 'tasks/:taskId/complete', ({ core, params, body }) => {
		const response = isPlainObject(body) && isPlainObject(body.response) ? (body.response as JsonObject) : undefined;
		return core.tasks.complete(core.tasks.get(params.taskId), response).json;
	}),
	route('POST', 'tasks/:taskId/error', ({ core, params, body }) => {
		const message = isPlainObject(body) && typeof body.message === 'string' ? body.message : undefined;
		return core.tasks.fail(core.tasks.get(params.taskId), message).json;
	}),
	route('POST', 'tasks/:taskId/audit', auditTask),
	route('POST', 'tasks/:taskId/recall', ({ core, params }) => core.tasks.recall(core.tasks.get(params.taskId)).json),
	route('GET', 'callbacks', ({ core }) => core.callbacks.attempts),
];

/** Scale's own QA audits a completed task: body `{accepted: boolean, fixed?: boolean, comments?: string}`. */
function auditTask({ core, params, body }: RouteContext): unknown {
	const record = core.tasks.get(params.taskId);
	if (!isPlainObject(body) || typeof body.accepted !== 'boolean') throw badRequest('Body must be {"accepted": true|false} (optionally "fixed": true, "comments").');
	if (body.fixed !== undefined && typeof body.fixed !== 'boolean') throw badRequest('fixed must be a boolean');
	if (body.comments !== undefined && body.comments !== null && typeof body.comments !== 'string') throw badRequest('comments must be a string');
	return core.tasks.audit(record, { accepted: body.accepted, fixed: body.fixed === true, comments: (body.comments as string | null | undefined) ?? null, source: 'scale' }).json;
}

function setOptions({ core, body }: RouteContext): unknown {
	if (!isPlainObject(body)) throw badRequest('Body must be a JSON object of sandbox options.');
	try {
		return core.setOptions(body as SandboxOptions);
	} catch (error) {
		throw badRequest(error instanceof Error ? error.message : String(error));
	}
}

/** Body: an array of scripted faults, or `{faults: [...]}`. Answers the queue. */
function injectFaults({ core, body }: RouteContext): unknown {
	const list = Array.isArray(body) ? body : isPlainObject(body) && Array.isArray(body.faults) ? body.faults : undefined;
	if (!list) throw badRequest('Body must be an array of faults or {faults: [...]}.');
	try {
		core.faults.enqueue(list as ScriptedFault[]);
	} catch (error) {
		throw badRequest(error instanceof Error ? error.message : String(error));
	}
	return core.faults.pending();
}
