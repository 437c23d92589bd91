import { badRequest, notFound } from '../errors';
import { objectId } from '../ids';
import { route, type Route, type RouteContext } from '../router';
import { checkRequiredParams } from '../tasks';
import type { QualityTaskJson } from '../types';
import { objectBody, optionalString } from '../validate';
import { taskTypeParam } from './tasks';

/** Evaluation and training tasks of Rapid projects: spec §1 rows 28–29, §3.8. */
export const qualityRoutes: Route[] = [
	route('POST', 'evaluation_tasks/:type', (context) => createQualityTask(context, 'evaluation'), { isTaskCreate: true }),
	route('POST', 'training_tasks/:type', (context) => createQualityTask(context, 'training'), { isTaskCreate: true }),
];

function createQualityTask({ core, params, body: rawBody }: RouteContext, kind: QualityTaskJson['kind']): unknown {
	const type = taskTypeParam(params.type);
	const body = objectBody(rawBody);
	if (body.expected_response === undefined || body.expected_response === null) {
		throw badRequest('Missing required parameter: expected_response');
	}
	checkRequiredParams(type, body);
	const project = optionalString(body, 'project');
	// Evaluation and training tasks are Rapid quality tasks: Scale takes them only in a Rapid project.
	if (project === undefined) throw badRequest(`Missing required parameter: project (${kind} tasks belong to a Rapid project)`);
	const record = core.state.projects.get(project);
	if (!record) throw notFound(`Project with name "${project}" not found.`);
	if (!record.json.rapid) throw badRequest(`Project "${project}" is not a Rapid project; ${kind} tasks can only be created in Rapid projects.`);
	const { expected_response, initial_response, ...taskParams } = body;
	const task: QualityTaskJson = {
		id: objectId(),
		kind,
		type,
		...(project !== undefined ? { project } : {}),
		created_at: new Date().toISOString(),
		expected_response,
		...(kind === 'evaluation' && initial_response !== undefined ? { initial_response } : {}),
		params: taskParams,
	};
	core.state.qualityTasks.push(task);
	core.markDirty();
	return task;
}
