import { badRequest, notFound } from '../errors';
import { route, type Route, type RouteContext } from '../router';
import type { JsonObject } from '../types';
import { isPlainObject, objectBody, optionalBoolean, optionalString, requiredString } from '../validate';
import type { V2Batch, V2Project, V2TaskRecord } from './model';
import type { V2State } from './state';

/** A handler's answer: JSON (200), or a redirect. */
export type V2Answer = { redirect: string } | unknown;

export interface V2RouteContext extends RouteContext {
	v2: V2State;
}

const v2Route = (method: string, path: string, handler: (context: V2RouteContext) => V2Answer): Route =>
	route(method, path, handler as (context: RouteContext) => unknown);

const PAGE_MAX = 100;

function paramOf(query: URLSearchParams, name: string): string | undefined {
	const value = query.get(name);
	return value === null || value === '' ? undefined : value;
}

/** `limit` (1–100, default 100) and `next_token` (an opaque offset) over a list. */
function page<T>(query: URLSearchParams, items: T[]): { items: T[]; next_token?: string } {
	const rawLimit = paramOf(query, 'limit');
	const limit = rawLimit === undefined ? PAGE_MAX : Number(rawLimit);
	if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX) throw badRequest('limit must be an integer from 1 to 100.');
	const token = paramOf(query, 'next_token');
	let offset = 0;
	if (token !== undefined) {
		offset = Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^offset:/, ''));
		if (!Number.isInteger(offset) || offset < 0) throw badRequest('next_token is not valid.');
	}
	const slice = items.slice(offset, offset + limit);
	const next = offset + slice.length;
	return next < items.length ? { items: slice, next_token: Buffer.from(`offset:${next}`).toString('base64url') } : { items: slice };
}

function timeFilter<T>(items: T[], query: URLSearchParams, name: string, timeOf: (item: T) => unknown): T[] {
	const after = paramOf(query, `${name}_after`);
	const before = paramOf(query, `${name}_before`);
	const parse = (raw: string, key: string) => {
		const ms = Date.parse(raw);
		if (Number.isNaN(ms)) throw badRequest(`${key} is not a valid date-time.`);
		return ms;
	};
	const afterMs = after === undefined ? undefined : parse(after, `${name}_after`);
	const beforeMs = before === undefined ? undefined : parse(before, `${name}_before`);
	return items.filter((item) => {
		const ms = Date.parse(String(timeOf(item) ?? ''));
		if (afterMs !== undefined && !(ms > afterMs)) return false;
		if (beforeMs !== undefined && !(ms < beforeMs)) return false;
		return true;
	});
}

/** Validated `expand` values (repeated keys; a bracketed `expand[0]=` is refused like an unknown parameter). */
function expandOf(query: URLSearchParams, allowed: string[]): Set<string> {
	for (const key of query.keys()) {
		if (/\[\d*\]$/.test(key)) throw badRequest(`Unknown query parameter ${key}: send arrays as repeated keys (expand=a&expand=b).`);
	}
	const values = query.getAll('expand');
	const unknown = values.find((value) => !allowed.includes(value));
	if (unknown !== undefined) throw badRequest(`expand must be one of ${allowed.join(', ')}; got ${unknown}.`);
	return new Set(values);
}

function optsOf(query: URLSearchParams): void {
	const allowed = ['annotation_details', 'attachment_details', 'model_parameters', 'submissions'];
	const unknown = query.getAll('opts').find((value) => !allowed.includes(value));
	if (unknown !== undefined) throw badRequest(`opts must be one of ${allowed.join(', ')}; got ${unknown}.`);
}

function taskJson(v2: V2State, record: V2TaskRecord, expand: Set<string>): JsonObject {
	const json: JsonObject = { ...record.json };
	if (expand.has('project')) json.project = v2.projects.get(record.json.project);
	if (expand.has('batch') && record.json.batch) json.batch = v2.batches.get(String(record.json.batch));
	return json;
}

function batchJson(v2: V2State, batch: V2Batch, expand: Set<string>): JsonObject {
	return expand.has('project') ? { ...batch, project: v2.projects.get(batch.project) } : { ...batch };
}

function projectFromQuery(v2: V2State, query: URLSearchParams): V2Project | undefined {
	const id = paramOf(query, 'project_id');
	const name = paramOf(query, 'project_name');
	return id || name ? v2.project(id, name) : undefined;
}

function batchFromQuery(v2: V2State, query: URLSearchParams): V2Batch | undefined {
	const id = paramOf(query, 'batch_id');
	const name = paramOf(query, 'batch_name');
	return id || name ? v2.batch(id, name) : undefined;
}

function projectFromBody(v2: V2State, body: JsonObject, required: boolean): V2Project | undefined {
	const id = optionalString(body, 'project_id');
	const name = optionalString(body, 'project_name');
	if (!id && !name) {
		if (required) throw badRequest('Please provide project_id or project_name.');
		return undefined;
	}
	return v2.project(id, name);
}

function batchFromBody(v2: V2State, body: JsonObject): V2Batch {
	return v2.batch(optionalString(body, 'batch_id'), optionalString(body, 'batch_name'));
}

function metadataOf(body: JsonObject, required: boolean): JsonObject | undefined {
	const metadata = body.metadata;
	if (metadata === undefined || metadata === null) {
		if (required) throw badRequest('Missing required parameter: metadata');
		return undefined;
	}
	if (!isPlainObject(metadata)) throw badRequest('metadata must be a JSON object.');
	return metadata;
}

function deepMerge(target: JsonObject, source: JsonObject): JsonObject {
	const merged: JsonObject = { ...target };
	for (const [key, value] of Object.entries(source)) {
		merged[key] = isPlainObject(value) && isPlainObject(merged[key]) ? deepMerge(merged[key] as JsonObject, value) : value;
	}
	return merged;
}

function setMetadata(holder: { metadata: JsonObject }, body: JsonObject): void {
	const metadata = metadataOf(body, true)!;
	holder.metadata = optionalBoolean(body, 'merge') ? deepMerge(holder.metadata, metadata) : metadata;
}

const ordered = <T extends { created_at?: unknown }>(items: Iterable<T>) => [...items];

function deliveryTaskJson(v2: V2State, record: V2TaskRecord): JsonObject {
	return {
		task_id: record.json.task_id,
		created_at: record.json.created_at,
		delivery_id: record.deliveryId,
		delivered_at: record.deliveredAt,
		response_schema_id: 'schema_genai_demo',
		response: { threads: record.json.threads },
	};
}

function datasetTaskJson(v2: V2State, taskId: string, expand: Set<string>): JsonObject {
	const task = v2.datasetTasks.get(taskId);
	if (!task) throw notFound('Dataset task not found.');
	const json: JsonObject = { ...task };
	if (expand.has('dataset')) json.dataset = v2.datasets.get(task.dataset);
	if (expand.has('delivery')) json.delivery = v2.datasetDeliveries.get(task.delivery);
	return json;
}

/** Every /v2 route of Scale's GenAI API (paths relative to /v2), as the Python SDK's `client.v2` calls them. */
export const v2Routes: Route[] = [
	v2Route('GET', 'task', ({ v2, query }) => {
		const expand = expandOf(query, ['project', 'batch']);
		optsOf(query);
		return taskJson(v2, v2.task(paramOf(query, 'task_id') ?? null), expand);
	}),
	v2Route('GET', 'tasks', ({ v2, query }) => {
		const expand = expandOf(query, ['project', 'batch']);
		optsOf(query);
		const project = projectFromQuery(v2, query);
		const batch = batchFromQuery(v2, query);
		if (!project && !batch) throw badRequest('Please provide a project (project_id or project_name) or a batch (batch_id or batch_name).');
		const status = paramOf(query, 'status');
		let records = [...v2.tasks.values()].filter(
			(record) =>
				(!project || record.json.project === project.id) &&
				(!batch || record.json.batch === batch.id) &&
				(!status || record.json.status === status),
		);
		records = timeFilter(records, query, 'completed', (record) => record.json.completed_at);
		const { items, next_token } = page(query, records);
		return { tasks: items.map((record) => taskJson(v2, record, expand)), ...(next_token ? { next_token } : {}) };
	}),
	v2Route('POST', 'task/chat', ({ v2, body }) => {
		const input = objectBody(body);
		const project = projectFromBody(v2, input, true)!;
		const batchGiven = input.batch_id !== undefined || input.batch_name !== undefined;
		const batch = batchGiven ? batchFromBody(v2, input) : undefined;
		const templateVariables = input.template_variables;
		if (templateVariables !== undefined && !isPlainObject(templateVariables)) throw badRequest('template_variables must be a JSON object.');
		const record = v2.createTask(project, batch, {
			templateVariables: templateVariables as JsonObject | undefined,
			metadata: metadataOf(input, false),
			callbackUrl: optionalString(input, 'callback_url'),
		});
		return record.json;
	}),
	v2Route('POST', 'task/metadata', ({ v2, body }) => {
		const input = objectBody(body);
		const record = v2.task(requiredString(input, 'task_id'));
		setMetadata(record.json, input);
		return record.json;
	}),
	v2Route('GET', 'batch', ({ v2, query }) => {
		const expand = expandOf(query, ['project']);
		return batchJson(v2, v2.batch(paramOf(query, 'batch_id'), paramOf(query, 'batch_name')), expand);
	}),
	v2Route('GET', 'batches', ({ v2, query }) => {
		const expand = expandOf(query, ['project']);
		const project = projectFromQuery(v2, query);
		const status = paramOf(query, 'status');
		let batches = ordered(v2.batches.values()).filter(
			(batch) => (!project || batch.project === project.id) && (!status || batch.status === status),
		);
		batches = timeFilter(batches, query, 'created', (batch) => batch.created_at);
		batches = timeFilter(batches, query, 'completed', (batch) => batch.completed_at);
		const { items, next_token } = page(query, batches);
		return { batches: items.map((batch) => batchJson(v2, batch, expand)), ...(next_token ? { next_token } : {}) };
	}),
	v2Route('POST', 'batch', ({ v2, body }) => {
		const input = objectBody(body);
		const name = requiredString(input, 'name');
		const project = projectFromBody(v2, input, true)!;
		return v2.createBatch(project, name, {
			staging: optionalBoolean(input, 'staging_batch'),
			callback: optionalString(input, 'callback'),
			metadata: metadataOf(input, false),
		});
	}),
	v2Route('POST', 'batch/finalize', ({ v2, body }) => v2.transition(batchFromBody(v2, objectBody(body)), 'finalize').batch),
	v2Route('POST', 'batch/pause', ({ v2, body }) => v2.transition(batchFromBody(v2, objectBody(body)), 'pause')),
	v2Route('POST', 'batch/resume', ({ v2, body }) => v2.transition(batchFromBody(v2, objectBody(body)), 'resume')),
	v2Route('POST', 'batch/cancel', ({ v2, body }) => v2.transition(batchFromBody(v2, objectBody(body)), 'cancel')),
	v2Route('POST', 'batch/metadata', ({ v2, body }) => {
		const input = objectBody(body);
		const batch = batchFromBody(v2, input);
		setMetadata(batch, input);
		return batch;
	}),
	v2Route('GET', 'project', ({ v2, query }) => v2.project(paramOf(query, 'project_id'), paramOf(query, 'project_name'))),
	v2Route('GET', 'projects', ({ v2, query }) => ({
		projects: timeFilter(ordered(v2.projects.values()), query, 'created', (project) => project.created_at),
	})),
	v2Route('GET', 'deliveries', ({ v2, query }) => {
		const expand = expandOf(query, ['project']);
		const project = projectFromQuery(v2, query);
		let deliveries = [...v2.deliveries.values()].filter((delivery) => !project || delivery.project === project.id);
		deliveries = timeFilter(deliveries, query, 'delivered', (delivery) => delivery.delivered_at);
		return {
			deliveries: deliveries.map((delivery) =>
				expand.has('project') ? { ...delivery, project: v2.projects.get(delivery.project) } : delivery,
			),
		};
	}),
	v2Route('GET', 'delivery', ({ v2, query }) => {
		const expand = expandOf(query, ['project', 'batch', 'delivery']);
		optsOf(query);
		const id = paramOf(query, 'delivery_id');
		const name = paramOf(query, 'delivery_name');
		let delivery;
		if (id) delivery = v2.deliveries.get(id);
		else if (name) {
			const project = projectFromQuery(v2, query);
			if (!project) throw badRequest('A delivery_name needs project_id or project_name.');
			delivery = [...v2.deliveries.values()].find((candidate) => candidate.name === name && candidate.project === project.id);
		} else throw badRequest('Please provide delivery_id, or delivery_name with a project.');
		if (!delivery) throw notFound('Delivery not found.');
		const { items, next_token } = page(query, v2.deliveredTasks(delivery.id));
		return {
			delivery: expand.has('delivery') ? delivery : delivery.id,
			tasks: items.map((record) => taskJson(v2, record, expand)),
			...(next_token ? { next_token } : {}),
		};
	}),
	v2Route('GET', 'delivery/tasks', ({ v2, query }) => {
		const project = projectFromQuery(v2, query);
		if (!project) throw badRequest('Please provide project_id or project_name.');
		const deliveryId = paramOf(query, 'delivery_id');
		const status = paramOf(query, 'status');
		let records = [...v2.tasks.values()].filter(
			(record) =>
				record.deliveryId !== undefined &&
				record.json.project === project.id &&
				(!deliveryId || record.deliveryId === deliveryId) &&
				(!status || record.json.status === status),
		);
		records = timeFilter(records, query, 'completed', (record) => record.json.completed_at);
		const { items, next_token } = page(query, records);
		return { docs: items.map((record) => deliveryTaskJson(v2, record)), total: items.length, ...(next_token ? { next_token } : {}) };
	}),
	v2Route('GET', 'schema', ({ v2, query }) => {
		const id = paramOf(query, 'schema_id');
		if (!id) throw badRequest('Missing required parameter: schema_id');
		const json = v2.schemas.get(id);
		if (json === undefined) throw notFound('Schema not found.');
		return { schema: { id, json } };
	}),
	v2Route('GET', 'annotation', ({ v2, query }) => {
		const id = paramOf(query, 'annotation_id');
		if (!id) throw badRequest('Missing required parameter: annotation_id');
		return v2.annotation(id);
	}),
	v2Route('GET', 'datasets', ({ v2 }) => ({ datasets: [...v2.datasets.values()] })),
	v2Route('GET', 'datasets/deliveries', ({ v2, query }) => {
		const expand = expandOf(query, ['dataset']);
		const datasetId = paramOf(query, 'dataset_id');
		let deliveries = [...v2.datasetDeliveries.values()].filter((delivery) => !datasetId || delivery.dataset === datasetId);
		deliveries = timeFilter(deliveries, query, 'delivered', (delivery) => delivery.delivered_at);
		return {
			deliveries: deliveries.map((delivery) =>
				expand.has('dataset') ? { ...delivery, dataset: v2.datasets.get(delivery.dataset) } : delivery,
			),
		};
	}),
	v2Route('GET', 'datasets/delivery', ({ v2, query }) => {
		const expand = expandOf(query, ['dataset', 'delivery']);
		const id = paramOf(query, 'delivery_id');
		if (!id) throw badRequest('Missing required parameter: delivery_id');
		const delivery = v2.datasetDeliveries.get(id);
		if (!delivery) throw notFound('Dataset delivery not found.');
		const tasks = [...v2.datasetTasks.values()].filter((task) => task.delivery === id);
		const { items, next_token } = page(query, tasks);
		return {
			delivery: expand.has('delivery') ? delivery : delivery.id,
			tasks: items.map((task) => datasetTaskJson(v2, task.task_id, expand)),
			...(next_token ? { next_token } : {}),
		};
	}),
	v2Route('GET', 'datasets/task', ({ v2, query }) => {
		const expand = expandOf(query, ['dataset', 'delivery']);
		const id = paramOf(query, 'task_id');
		if (!id) throw badRequest('Missing required parameter: task_id');
		return datasetTaskJson(v2, id, expand);
	}),
	v2Route('GET', 'datasets/tasks', ({ v2, query }) => {
		const expand = expandOf(query, ['dataset', 'delivery']);
		const datasetId = paramOf(query, 'dataset_id');
		const deliveryId = paramOf(query, 'delivery_id');
		let tasks = [...v2.datasetTasks.values()].filter(
			(task) => (!datasetId || task.dataset === datasetId) && (!deliveryId || task.delivery === deliveryId),
		);
		tasks = timeFilter(tasks, query, 'delivered', (task) => v2.datasetDeliveries.get(task.delivery)?.delivered_at);
		const { items, next_token } = page(query, tasks);
		return { tasks: items.map((task) => datasetTaskJson(v2, task.task_id, expand)), ...(next_token ? { next_token } : {}) };
	}),
	v2Route('GET', 'datasets/task/:taskId/response_url/:attachmentId', ({ v2, params }) => {
		if (!v2.datasetTasks.has(params.taskId)) throw notFound('Dataset task not found.');
		if (!v2.files.has(params.attachmentId)) throw notFound('Attachment not found.');
		// Scale answers with a 302 to signed storage; the sandbox's "storage" needs no API key.
		return { redirect: `/_sandbox/v2/files/${encodeURIComponent(params.attachmentId)}` };
	}),
];

/** Control routes under /_sandbox/v2 (no auth, not logged), for tests and demos. */
export const v2ControlRoutes: Route[] = [
	v2Route('GET', 'state', ({ v2 }) => ({
		projects: [...v2.projects.values()],
		batches: [...v2.batches.values()],
		tasks: [...v2.tasks.values()].map((record) => ({ ...record.json, delivery_id: record.deliveryId, delivered_at: record.deliveredAt })),
		deliveries: [...v2.deliveries.values()],
		datasets: [...v2.datasets.values()],
		dataset_deliveries: [...v2.datasetDeliveries.values()],
		dataset_tasks: [...v2.datasetTasks.values()],
	})),
	v2Route('POST', 'reset', ({ v2 }) => {
		v2.reset();
		return { ok: true };
	}),
	v2Route('POST', 'tasks/:taskId/complete', ({ v2, params }) => v2.complete(v2.task(params.taskId)).json),
	/** Delivers the project's completed, undelivered tasks now: `{project_id | project_name, name?}`. */
	v2Route('POST', 'deliveries', ({ v2, body }) => {
		const input = objectBody(body);
		const project = projectFromBody(v2, input, true)!;
		const records = [...v2.tasks.values()].filter((record) => record.json.project === project.id);
		return v2.deliver(project, records, optionalString(input, 'name'));
	}),
];
