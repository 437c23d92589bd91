import type { SandboxCore } from '../core';
import { badRequest, conflict, notFound } from '../errors';
import { objectId } from '../ids';
import { route, type Route, type RouteContext } from '../router';
import type { BatchRecord, ProjectGroupJson, ProjectRecord } from '../types';
import { isPlainObject, objectBody, requiredString, requiredStringArray, stringArray } from '../validate';
import { getBatch, getProject } from './lookup';

/** Studio: spec §1 rows 33–42, §3.6–3.7. */
export const studioRoutes: Route[] = [
	route('GET', 'studio/assignments', ({ core }) => assignments(core)),
	route('POST', 'studio/assignments/add', (context) => changeAssignments(context, true)),
	route('POST', 'studio/assignments/remove', (context) => changeAssignments(context, false)),
	route('GET', 'studio/projects/:project/groups', ({ core, params }) => getProject(core, params.project).groups),
	route('POST', 'studio/projects/:project/groups', createGroup),
	route('PUT', 'studio/projects/:project/groups/:group', updateGroup),
	route('GET', 'studio/batches', ({ core }) => studioBatches(core)),
	route('PUT', 'studio/batches/:batch', assignGroups),
	route('POST', 'studio/batches/set_priorities', setPriorities),
	route('POST', 'studio/batches/reset_priorities', ({ core }) => {
		core.state.studioPriority = null;
		core.markDirty();
		return studioBatches(core);
	}),
];

function assignments(core: SandboxCore): Record<string, string[]> {
	return Object.fromEntries(core.state.assignments);
}

function changeAssignments({ core, body: rawBody }: RouteContext, add: boolean): unknown {
	const body = objectBody(rawBody);
	const emails = requiredStringArray(body, 'emails');
	const projects = requiredStringArray(body, 'projects');
	for (const project of projects) getProject(core, project);
	for (const email of emails) {
		const current = core.state.assignments.get(email) ?? [];
		const next = add ? [...new Set([...current, ...projects])] : current.filter((project) => !projects.includes(project));
		if (next.length > 0) core.state.assignments.set(email, next);
		else core.state.assignments.delete(email);
	}
	core.markDirty();
	return assignments(core);
}

function createGroup({ core, params, body: rawBody }: RouteContext): unknown {
	const project = getProject(core, params.project);
	const body = objectBody(rawBody);
	const name = requiredString(body, 'name');
	const emails = requiredStringArray(body, 'emails');
	if (project.groups.some((group) => group.name === name)) throw conflict(`A group with name "${name}" already exists.`);
	const group: ProjectGroupJson = { id: objectId(), name, numWorkers: 0, isSingleton: false, workers: [] };
	setWorkers(group, emails);
	project.groups.push(group);
	core.markDirty();
	return group;
}

function updateGroup({ core, params, body: rawBody }: RouteContext): unknown {
	const project = getProject(core, params.project);
	const group = findGroup(project, params.group);
	const body = objectBody(rawBody);
	const add = body.add_emails === undefined || body.add_emails === null ? [] : stringArray(body.add_emails, 'add_emails');
	const remove = body.remove_emails === undefined || body.remove_emails === null ? [] : stringArray(body.remove_emails, 'remove_emails');
	const current = group.workers.map((worker) => worker.email);
	setWorkers(group, [...current, ...add].filter((email) => !remove.includes(email)));
	core.markDirty();
	return group;
}

function setWorkers(group: ProjectGroupJson, emails: string[]): void {
	const byEmail = new Map(group.workers.map((worker) => [worker.email, worker]));
	group.workers = [...new Set(emails)].map((email) => byEmail.get(email) ?? { id: objectId(), email });
	group.numWorkers = group.workers.length;
}

function findGroup(project: ProjectRecord, name: string): ProjectGroupJson {
	const group = project.groups.find((candidate) => candidate.name === name);
	if (!group) throw notFound(`Group "${name}" not found in project "${project.json.name}".`);
	return group;
}

/**
 * Pending (not completed) batches of Studio projects only: custom priority first, otherwise calibration batches then
 * creation order.
 */
function pendingBatches(core: SandboxCore): BatchRecord[] {
	const pending = [...core.state.batches.values()].filter(
		(batch) => batch.json.status !== 'completed' && core.state.projects.get(batch.json.project)?.json.studio === true,
	);
	const priority = core.state.studioPriority;
	if (priority) {
		const rank = new Map(priority.map((name, index) => [name, index]));
		return pending.sort((a, b) => (rank.get(a.json.name) ?? Infinity) - (rank.get(b.json.name) ?? Infinity) || a.seq - b.seq);
	}
	return pending.sort((a, b) => Number(b.json.calibration_batch) - Number(a.json.calibration_batch) || a.seq - b.seq);
}

function studioBatches(core: SandboxCore): unknown[] {
	return pendingBatches(core).map((batch, index) => studioBatch(core, batch, index + 1));
}

function studioBatch(core: SandboxCore, batch: BatchRecord, priority?: number): unknown {
	const project = getProject(core, batch.json.project);
	const { pending, completed, error, canceled } = batch.counts;
	return {
		id: batch.id,
		name: batch.json.name,
		projectId: project.json.id,
		projectName: project.json.name,
		batchType: batch.json.calibration_batch ? 'Calibration' : 'Production',
		total: pending + completed + error + canceled,
		completed,
		groups: batch.studioGroups.map((name) => {
			const group = project.groups.find((candidate) => candidate.name === name);
			return { id: group?.id ?? name, name };
		}),
		...(priority !== undefined ? { studioPriority: priority } : {}),
	};
}

/** PUT sets (does not add) the batch's groups; every group must exist in the batch's project. */
function assignGroups({ core, params, body: rawBody }: RouteContext): unknown {
	const batch = getBatch(core, params.batch);
	const groups = requiredStringArray(objectBody(rawBody), 'groups');
	const project = getProject(core, batch.json.project);
	for (const name of groups) findGroup(project, name);
	batch.studioGroups = [...new Set(groups)];
	core.markDirty();
	const position = pendingBatches(core).indexOf(batch);
	return studioBatch(core, batch, position === -1 ? undefined : position + 1);
}

/** `batches: [{name}]` must list every pending batch exactly once. */
function setPriorities({ core, body: rawBody }: RouteContext): unknown {
	const body = objectBody(rawBody);
	if (!Array.isArray(body.batches)) throw badRequest('Missing required parameter: batches');
	const names = body.batches.map((entry) => {
		if (!isPlainObject(entry) || typeof entry.name !== 'string') throw badRequest('batches must be an array of {name}');
		return entry.name;
	});
	const pending = new Set(pendingBatches(core).map((batch) => batch.json.name));
	const unique = new Set(names);
	const complete = unique.size === names.length && unique.size === pending.size && names.every((name) => pending.has(name));
	if (!complete) throw badRequest('batches must list every pending batch exactly once.');
	core.state.studioPriority = names;
	core.markDirty();
	return studioBatches(core);
}
