import { resolveTaskType } from '../enums';
import { badRequest, conflict } from '../errors';
import { parseBoolean } from '../query';
import { newProjectRecord } from '../records';
import { route, type Route, type RouteContext } from '../router';
import { isoTime } from '../time';
import { objectBody, optionalBoolean, optionalObject, optionalString, requiredString } from '../validate';
import { getProject } from './lookup';

/** Project types that have task templates (spec §1 row 25). */
const TEMPLATE_TYPES = new Set(['chat', 'chatexperimental', 'chatlite', 'multichat', 'textcollection']);

/** Projects: spec §1 rows 21–25, §3.3. */
export const projectRoutes: Route[] = [
	route('POST', 'projects', createProject),
	route('GET', 'projects', listProjects, { query: ['archived'] }),
	route('GET', 'projects/:name', ({ core, params }) => getProject(core, params.name).json),
	route('POST', 'projects/:name/setParams', setParams),
	route('GET', 'projects/:name/taskTemplates', taskTemplate),
];

function createProject({ core, body: rawBody }: RouteContext): unknown {
	const body = objectBody(rawBody);
	const name = requiredString(body, 'name');
	const rawType = requiredString(body, 'type');
	const type = resolveTaskType(rawType);
	if (!type) throw badRequest(`Invalid task type: ${rawType}`);
	if (core.state.projects.has(name)) throw conflict(`A project with name "${name}" already exists.`);
	const project = newProjectRecord(core.state, {
		name,
		type,
		params: optionalObject(body, 'params'),
		rapid: optionalBoolean(body, 'rapid'),
		studio: optionalBoolean(body, 'studio'),
		datasetId: optionalString(body, 'datasetId'),
	});
	core.state.projects.set(name, project);
	core.markDirty();
	return project.json;
}

/** Bare array (spec §4.3); `archived=true|false` filters. */
function listProjects({ core, query }: RouteContext): unknown {
	const archived = parseBoolean('archived', query.get('archived'));
	return [...core.state.projects.values()]
		.map((project) => project.json)
		.filter((project) => archived === undefined || project.archived === archived);
}

/** Appends a param_history entry; `patch: true` merges over the previous params, otherwise they are replaced. */
function setParams({ core, params, body: rawBody }: RouteContext): unknown {
	const project = getProject(core, params.name);
	const { patch, ...changes } = objectBody(rawBody);
	const history = project.json.param_history;
	const previous = history.at(-1) ?? {};
	const { version: previousVersion, ...previousParams } = previous;
	delete previousParams.created_at;
	const version = typeof previousVersion === 'number' ? previousVersion + 1 : history.length;
	const base = patch === true || patch === 'true' || patch === 'True' ? previousParams : {};
	history.push({ ...base, ...changes, version, created_at: isoTime(Date.now()) });
	core.markDirty();
	return project.json;
}

function taskTemplate({ core, params }: RouteContext): unknown {
	const project = getProject(core, params.name);
	if (!TEMPLATE_TYPES.has(project.json.type)) {
		throw badRequest(`Project "${project.json.name}" of type ${project.json.type} has no task template.`);
	}
	const latest = project.json.param_history.at(-1) ?? {};
	const templateVariables = latest.template_variables;
	return {
		id: `${project.json.id}-template`,
		version: typeof latest.version === 'number' ? latest.version : 0,
		created_at: project.json.created_at,
		updated_at: typeof latest.created_at === 'string' ? latest.created_at : project.json.created_at,
		template_variables: templateVariables !== null && typeof templateVariables === 'object' ? templateVariables : {},
		response_schema: latest.response_schema ?? null,
		auto_onboard_enabled: false,
	};
}
