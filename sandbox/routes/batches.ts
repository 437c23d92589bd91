import { BATCH_STATUSES, isOneOf } from '../enums';
import { badRequest, conflict } from '../errors';
import { parseBoolean, parseNonNegativeInt } from '../query';
import { newBatchRecord } from '../records';
import { route, type Route, type RouteContext } from '../router';
import { refreshBatchStatus } from '../state';
import { parseTimeFilter } from '../time';
import type { BatchRecord } from '../types';
import { isPlainObject, objectBody, optionalBoolean, optionalObject, optionalString, requiredString } from '../validate';
import { getBatch, getProject } from './lookup';

const MAX_BATCH_PAGE = 100;

/** The Python SDK's whitelist, plus the time filters Fern's client documents (accepted, not applied). */
const BATCH_LIST_QUERY = [
	'project',
	'status',
	'start_time',
	'end_time',
	'exclude_archived',
	'limit',
	'offset',
	'completed_after',
	'completed_before',
	'audited_after',
	'audited_before',
];

/** Batches: spec §1 rows 14–20, §3.2, §4.2. */
export const batchRoutes: Route[] = [
	route('POST', 'batches', createBatch),
	route('GET', 'batches', listBatches, { query: BATCH_LIST_QUERY }),
	route('GET', 'batches/:name', ({ core, params }) => getBatch(core, params.name).json),
	route('POST', 'batches/:name/finalize', finalizeBatch),
	route('GET', 'batches/:name/status', ({ core, params }) => batchStatus(getBatch(core, params.name))),
	route('POST', 'batches/:name/setMetadata', setBatchMetadata),
];

function createBatch({ core, body: rawBody }: RouteContext): unknown {
	const body = objectBody(rawBody);
	const projectName = requiredString(body, 'project');
	const name = requiredString(body, 'name');
	const project = getProject(core, projectName);
	if (core.state.batches.has(name)) throw conflict(`A batch with name "${name}" already exists.`);
	const batch = newBatchRecord(core.state, {
		name,
		project,
		callback: optionalString(body, 'callback'),
		calibration_batch: optionalBoolean(body, 'calibration_batch'),
		self_label_batch: optionalBoolean(body, 'self_label_batch'),
		metadata: optionalObject(body, 'metadata'),
	});
	core.state.addBatch(batch);
	core.markDirty();
	return batch.json;
}

/**
 * Staging batches start; started ones keep their status ("does nothing but returns 200", spec §3.2). Either way the
 * batch is now finalized, so its completion callback goes out once no task is pending (possibly right now).
 */
function finalizeBatch({ core, params }: RouteContext): unknown {
	const batch = getBatch(core, params.name);
	if (batch.json.status === 'staging') {
		batch.json.status = 'in_progress';
		refreshBatchStatus(batch);
	}
	batch.finalized = true;
	core.markDirty();
	core.tasks.notifyBatchIfDone(batch);
	return batch.json;
}

function batchStatus(batch: BatchRecord): unknown {
	return { status: batch.json.status, ...batch.counts };
}

function setBatchMetadata({ core, params, body }: RouteContext): unknown {
	const batch = getBatch(core, params.name);
	if (body !== undefined && !isPlainObject(body)) throw badRequest('Metadata must be a JSON object.');
	batch.json.metadata = body ?? {};
	core.markDirty();
	return batch.json;
}

/** Offset paging, newest first like Scale (and like GET /tasks). */
function listBatches({ core, query }: RouteContext): unknown {
	const project = query.get('project') || undefined;
	const status = query.get('status') || undefined;
	if (status !== undefined && !isOneOf(BATCH_STATUSES, status)) throw badRequest(`Invalid batch status: ${status}`);
	const startTime = query.get('start_time');
	const endTime = query.get('end_time');
	const from = startTime ? parseTimeFilter('start_time', startTime) : undefined;
	const to = endTime ? parseTimeFilter('end_time', endTime) : undefined;
	const excludeArchived = parseBoolean('exclude_archived', query.get('exclude_archived')) ?? false;
	const requested = parseNonNegativeInt('limit', query.get('limit'));
	const limit = Math.max(1, Math.min(requested ?? MAX_BATCH_PAGE, MAX_BATCH_PAGE));
	const offset = parseNonNegativeInt('offset', query.get('offset')) ?? 0;

	const matching = [...core.state.batches.values()].filter(
		(batch) =>
			(project === undefined || batch.json.project === project) &&
			(status === undefined || batch.json.status === status) &&
			(from === undefined || batch.createdMs >= from) &&
			(to === undefined || batch.createdMs < to) &&
			!(excludeArchived && batch.json.archived),
	);
	matching.sort((a, b) => b.seq - a.seq);
	return {
		docs: matching.slice(offset, offset + limit).map((batch) => batch.json),
		totalDocs: matching.length,
		limit,
		offset,
		has_more: offset + limit < matching.length,
	};
}
