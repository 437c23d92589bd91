import { createHash } from 'node:crypto';

import { REVIEW_STATUSES, TASK_STATUSES, isOneOf, resolveTaskType } from './enums';
import { badRequest } from './errors';
import { listValues, parseBoolean, parseNonNegativeInt } from './query';
import type { SandboxState } from './state';
import { parseTimeFilter } from './time';
import type { TaskJson, TaskRecord } from './types';

export const MAX_PAGE_SIZE = 100;

export interface TaskListPage {
	docs: unknown[];
	total: number;
	limit: number;
	offset: number;
	has_more: boolean;
	next_token?: string;
}

interface TaskFilter {
	statuses?: Set<string>;
	types?: Set<string>;
	project?: string;
	batch?: string;
	uniqueIds?: string[];
	tags?: Set<string>;
	reviewStatuses?: Set<string>;
	createdFrom?: number;
	createdTo?: number;
	completedAfter?: number;
	completedBefore?: number;
	updatedAfter?: number;
	updatedBefore?: number;
}

/** Query parameters GET /tasks takes (the Python SDK's whitelist, plus the legacy `offset`). */
export const TASK_LIST_QUERY = [
	'start_time',
	'end_time',
	'status',
	'type',
	'project',
	'batch',
	'limit',
	'completed_before',
	'completed_after',
	'next_token',
	'customer_review_status',
	'tags',
	'updated_before',
	'updated_after',
	'unique_id',
	'include_attachment_url',
	'limited_response',
	'offset',
];

/** Parameters that do not change which tasks match, so they are left out of the total-count cache key. */
const PAGING_KEYS = new Set(['limit', 'next_token', 'offset', 'include_attachment_url', 'limited_response']);

/**
 * GET /v1/tasks (spec §1 row 11, §4.1): newest first (descending seq = created_at with a stable tie-break),
 * cursor paging by an opaque token that records the position of the last task returned. Tasks created while a
 * client pages are newer than the cursor, so they cause neither duplicates nor gaps.
 */
export class TaskLister {
	private readonly totals = new Map<string, { version: number; total: number }>();

	constructor(private readonly state: SandboxState) {}

	/** `lenient` accepts a next_token issued for other filters (the sandbox's old behaviour). */
	list(query: URLSearchParams, lenient = false): TaskListPage {
		const filter = parseFilter(query);
		const requested = parseNonNegativeInt('limit', query.get('limit'));
		if (requested === 0) throw badRequest('limit must be between 1 and 100');
		const limit = Math.min(requested ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
		const offset = parseNonNegativeInt('offset', query.get('offset')) ?? 0;
		const includeAttachmentUrl = parseBoolean('include_attachment_url', query.get('include_attachment_url')) ?? false;
		const limited = parseBoolean('limited_response', query.get('limited_response')) ?? false;
		const token = query.get('next_token');

		const candidates = this.candidates(filter);
		const filters = filterHash(query);
		let index = token ? lastIndexBefore(candidates, decodeToken(token, lenient ? undefined : filters)) : candidates.length - 1;
		let skipped = 0;
		const page: TaskRecord[] = [];
		let hasMore = false;
		for (; index >= 0; index--) {
			const record = candidates[index];
			if (!matches(record, filter)) continue;
			if (skipped < offset) {
				skipped++;
				continue;
			}
			if (page.length === limit) {
				hasMore = true;
				break;
			}
			page.push(record);
		}
		const result: TaskListPage = {
			docs: page.map((record) => present(record.json, limited, includeAttachmentUrl)),
			total: this.total(query, filter, candidates),
			limit,
			offset,
			has_more: hasMore,
		};
		if (hasMore) result.next_token = encodeToken(page[page.length - 1].seq, filters);
		return result;
	}

	/** The narrowest index that contains every possible match, in ascending seq order. */
	private candidates(filter: TaskFilter): TaskRecord[] {
		const { state } = this;
		if (filter.uniqueIds) {
			return filter.uniqueIds
				.map((uniqueId) => state.tasksByUniqueId.get(uniqueId))
				.filter((record): record is TaskRecord => record !== undefined)
				.sort((a, b) => a.seq - b.seq);
		}
		if (filter.batch !== undefined) return state.tasksByBatch.get(filter.batch) ?? [];
		if (filter.project !== undefined) return state.tasksByProject.get(filter.project) ?? [];
		return state.taskOrder;
	}

	/** Count of all matches; cached per filter until a task changes, so paging a large list stays O(limit) per page. */
	private total(query: URLSearchParams, filter: TaskFilter, candidates: TaskRecord[]): number {
		if (isIndexOnly(filter)) return candidates.length;
		const key = filterKey(query);
		const cached = this.totals.get(key);
		if (cached && cached.version === this.state.taskVersion) return cached.total;
		let total = 0;
		for (const record of candidates) if (matches(record, filter)) total++;
		if (this.totals.size > 256) this.totals.clear();
		this.totals.set(key, { version: this.state.taskVersion, total });
		return total;
	}
}

function parseFilter(query: URLSearchParams): TaskFilter {
	const filter: TaskFilter = {};
	const statuses = listValues(query, 'status', true);
	for (const status of statuses) if (!isOneOf(TASK_STATUSES, status)) throw badRequest(`Invalid status: ${status}`);
	if (statuses.length > 0) filter.statuses = new Set(statuses);
	const types = listValues(query, 'type', true).map((raw) => {
		const type = resolveTaskType(raw);
		if (!type) throw badRequest(`Invalid task type: ${raw}`);
		return type;
	});
	if (types.length > 0) filter.types = new Set(types);
	const reviews = listValues(query, 'customer_review_status', true);
	for (const review of reviews) if (!isOneOf(REVIEW_STATUSES, review)) throw badRequest(`Invalid customer_review_status: ${review}`);
	if (reviews.length > 0) filter.reviewStatuses = new Set(reviews);
	const tags = listValues(query, 'tags', false);
	if (tags.length > 0) filter.tags = new Set(tags);
	const uniqueIds = listValues(query, 'unique_id', false);
	if (uniqueIds.length > 0) filter.uniqueIds = uniqueIds;
	const project = query.get('project');
	if (project) filter.project = project;
	const batch = query.get('batch');
	if (batch) filter.batch = batch;
	filter.createdFrom = timeParam(query, 'start_time');
	filter.createdTo = timeParam(query, 'end_time');
	filter.completedAfter = timeParam(query, 'completed_after');
	filter.completedBefore = timeParam(query, 'completed_before');
	filter.updatedAfter = timeParam(query, 'updated_after');
	filter.updatedBefore = timeParam(query, 'updated_before');
	return filter;
}

function timeParam(query: URLSearchParams, name: string): number | undefined {
	const raw = query.get(name);
	return raw ? parseTimeFilter(name, raw) : undefined;
}

/** Lower bounds are inclusive, upper bounds exclusive. Tags match when the task has any of them. */
function matches(record: TaskRecord, filter: TaskFilter): boolean {
	const task = record.json;
	if (filter.statuses && !filter.statuses.has(task.status)) return false;
	if (filter.types && !filter.types.has(task.type)) return false;
	if (filter.project !== undefined && task.project !== filter.project) return false;
	if (filter.batch !== undefined && task.batch !== filter.batch) return false;
	if (filter.reviewStatuses && !filter.reviewStatuses.has(record.reviewStatus)) return false;
	if (filter.tags && !(task.tags ?? []).some((tag) => filter.tags!.has(tag))) return false;
	if (filter.createdFrom !== undefined && record.createdMs < filter.createdFrom) return false;
	if (filter.createdTo !== undefined && record.createdMs >= filter.createdTo) return false;
	if (filter.updatedAfter !== undefined && record.updatedMs < filter.updatedAfter) return false;
	if (filter.updatedBefore !== undefined && record.updatedMs >= filter.updatedBefore) return false;
	if (filter.completedAfter !== undefined || filter.completedBefore !== undefined) {
		if (record.completedMs === undefined) return false;
		if (filter.completedAfter !== undefined && record.completedMs < filter.completedAfter) return false;
		if (filter.completedBefore !== undefined && record.completedMs >= filter.completedBefore) return false;
	}
	return true;
}

/** True when the candidate index alone decides the match (only project and/or batch given, consistently). */
function isIndexOnly(filter: TaskFilter): boolean {
	const keys = Object.entries(filter).filter(([, value]) => value !== undefined).map(([key]) => key);
	if (keys.length === 0) return true;
	if (keys.length === 1 && (keys[0] === 'project' || keys[0] === 'batch')) return true;
	return false;
}

function filterKey(query: URLSearchParams): string {
	return [...query]
		.filter(([key]) => !PAGING_KEYS.has(key))
		.map(([key, value]) => `${key}=${value}`)
		.sort()
		.join('&');
}

/** Index of the last candidate older than the cursor (binary search on ascending seq), or -1. */
function lastIndexBefore(records: TaskRecord[], seq: number): number {
	let low = 0;
	let high = records.length - 1;
	let found = -1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		if (records[middle].seq < seq) {
			found = middle;
			low = middle + 1;
		} else high = middle - 1;
	}
	return found;
}

const TOKEN_PREFIX = 'sbx1.';

/** Short digest of the filters a token was issued for (paging keys excluded), so it cannot be replayed on others. */
function filterHash(query: URLSearchParams): string {
	return createHash('sha256').update(filterKey(query)).digest('base64url').slice(0, 16);
}

function encodeToken(seq: number, filters: string): string {
	return TOKEN_PREFIX + Buffer.from(JSON.stringify({ before: seq, filters })).toString('base64url');
}

/** The cursor position; with `expectedFilters`, a token issued for other filters is refused. */
function decodeToken(token: string, expectedFilters: string | undefined): number {
	let decoded: { before?: unknown; filters?: unknown };
	try {
		if (!token.startsWith(TOKEN_PREFIX)) throw new Error('prefix');
		decoded = JSON.parse(Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8')) as typeof decoded;
		if (typeof decoded.before !== 'number' || !Number.isInteger(decoded.before)) throw new Error('shape');
	} catch {
		throw badRequest('Invalid next_token.');
	}
	if (expectedFilters !== undefined && decoded.filters !== expectedFilters) {
		throw badRequest('next_token was issued for different filters; send the same filters as the request that returned it.');
	}
	return decoded.before as number;
}

/** limited_response keeps only the keys the docs list; include_attachment_url adds signed-looking URLs. */
function present(task: TaskJson, limited: boolean, includeAttachmentUrl: boolean): unknown {
	if (limited) return { task_id: task.task_id, status: task.status, metadata: task.metadata, project: task.project };
	if (!includeAttachmentUrl) return task;
	const attachments = attachmentUrls(task);
	if (attachments.length === 0) return task;
	return {
		...task,
		attachmentS3Downloads: attachments.map((url) => ({
			attachmentURL: url,
			s3URL: `https://sandbox-s3.scale.local/${task.task_id}/${encodeURIComponent(url)}?X-Amz-Signature=sandbox`,
		})),
	};
}

function attachmentUrls(task: TaskJson): string[] {
	const { attachment, attachments } = task.params;
	const list = typeof attachment === 'string' ? [attachment] : Array.isArray(attachments) ? attachments : [];
	return list.filter((url): url is string => typeof url === 'string');
}
