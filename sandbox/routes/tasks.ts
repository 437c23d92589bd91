import { resolveTaskType, type TaskType } from '../enums';
import { badRequest, conflict } from '../errors';
import { parseBoolean } from '../query';
import { route, type Route, type RouteContext } from '../router';
import type { TaskRecord } from '../types';
import { TASK_LIST_QUERY } from '../task-list';
import { isPlainObject, optionalString, requiredString, stringArray } from '../validate';

/** Tasks: spec §1 rows 1–11. */
export const taskRoutes: Route[] = [
	route('POST', 'task/:type', createTask, { isTaskCreate: true }),
	route('GET', 'task/:taskId', ({ core, params }) => core.tasks.get(params.taskId).json),
	route('POST', 'task/:taskId/cancel', cancelTask, { query: ['clear_unique_id'] }),
	route('POST', 'task/:taskId/audit', auditTask),
	route('POST', 'task/:taskId/unique_id', setUniqueId),
	route('DELETE', 'task/:taskId/unique_id', clearUniqueId),
	route('POST', 'task/:taskId/setMetadata', setMetadata),
	route('POST', 'task/:taskId/tags', (context) => changeTags(context, (_current, given) => given)),
	route('PUT', 'task/:taskId/tags', (context) => changeTags(context, (current, given) => [...current, ...given])),
	route('DELETE', 'task/:taskId/tags', (context) =>
		changeTags(context, (current, given) => current.filter((tag) => !given.includes(tag))),
	),
	route('GET', 'tasks', ({ core, query }) => core.lister.list(query, core.options.lenient), { query: TASK_LIST_QUERY }),
];

export function taskTypeParam(raw: string): TaskType {
	const type = resolveTaskType(raw);
	if (!type) throw badRequest(`Invalid task type: ${raw}`);
	return type;
}

function createTask({ core, params, body }: RouteContext): unknown {
	return core.tasks.create(taskTypeParam(params.type), body).json;
}

function cancelTask({ core, params, query }: RouteContext): unknown {
	const record = core.tasks.get(params.taskId);
	const clearUniqueId = parseBoolean('clear_unique_id', query.get('clear_unique_id')) ?? false;
	return core.tasks.cancel(record, clearUniqueId).json;
}

function auditTask({ core, params, body }: RouteContext): unknown {
	const record = core.tasks.get(params.taskId);
	if (!isPlainObject(body) || typeof body.accepted !== 'boolean') throw badRequest('Missing required parameter: accepted (boolean)');
	const comments = body.comments === undefined || body.comments === null ? null : optionalString(body, 'comments');
	return core.tasks.audit(record, { accepted: body.accepted, comments, source: 'customer' }).json;
}

function setUniqueId({ core, params, body }: RouteContext): unknown {
	const record = core.tasks.get(params.taskId);
	if (!isPlainObject(body)) throw badRequest('Missing required parameter: unique_id');
	const uniqueId = requiredString(body, 'unique_id');
	const owner = core.state.tasksByUniqueId.get(uniqueId);
	if (owner && owner !== record) throw conflict(`The unique_id ("${uniqueId}") is already used for a different task.`);
	core.state.setUniqueId(record, uniqueId);
	return saved(core, record);
}

function clearUniqueId({ core, params }: RouteContext): unknown {
	const record = core.tasks.get(params.taskId);
	core.state.setUniqueId(record, undefined);
	return saved(core, record);
}

/** The body is the metadata itself; an empty object arrives as no body (spec §6.3 body quirk). */
function setMetadata({ core, params, body }: RouteContext): unknown {
	const record = core.tasks.get(params.taskId);
	if (body !== undefined && !isPlainObject(body)) throw badRequest('Metadata must be a JSON object.');
	record.json.metadata = body ?? {};
	core.state.touchTask(record);
	return saved(core, record);
}

/** Tags bodies are bare JSON arrays; an empty array arrives as no body. */
function changeTags({ core, params, body }: RouteContext, combine: (current: string[], given: string[]) => string[]): unknown {
	const record = core.tasks.get(params.taskId);
	const given = body === undefined ? [] : stringArray(body, 'tags');
	record.json.tags = [...new Set(combine(record.json.tags ?? [], given))];
	core.state.touchTask(record);
	return saved(core, record);
}

function saved(core: RouteContext['core'], record: TaskRecord): unknown {
	core.markDirty();
	return record.json;
}
