import nock from 'nock';

import { AWKWARD_NAME } from '../harness/constants';
import { expectJsonRequest, interceptScale, useNock } from '../harness/nock';
import { expectSuccess, jsonOf } from '../harness/run-node';
import { byName } from '../harness/scale-params';
import { AWKWARD_PATH, runProject, scaleProject } from './helpers';

useNock();

/** A 5xx whose Retry-After of 0 s makes the retry immediate. */
const lost = (status: number) => ({
	status,
	body: { status_code: status, error: 'Internal error' },
	headers: { 'content-type': 'application/json', 'retry-after': '0' },
});
const conflict = { status: 409, body: { status_code: 409, error: 'A project with this name already exists' } };

const DEFAULT_CREATE_BODY = {
	type: 'imageannotation',
	name: AWKWARD_NAME,
	params: null,
	rapid: false,
	studio: false,
	datasetId: null,
};

const create = (parameters: object = {}) => runProject('project', 'create', { name: AWKWARD_NAME, ...parameters });

describe('Project → Create (POST /projects)', () => {
	test('defaults: params null, rapid/studio false, datasetId null; output is the project', async () => {
		const created = scaleProject();
		const { scope, requests } = interceptScale('POST', '/projects', { body: created });

		const run = await create();

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], { method: 'POST', path: '/projects', body: DEFAULT_CREATE_BODY });
		expect(jsonOf(run.items)).toEqual([created]);
	});

	test('every field set: params object, rapid, studio and datasetId (camelCase)', async () => {
		const created = scaleProject({ type: 'textcollection' });
		const { scope, requests } = interceptScale('POST', '/projects', { body: created });

		const run = await create({
			taskType: 'textcollection',
			params: '{"instruction": "Write a caption", "fields": [{"type": "text"}]}',
			rapid: true,
			studio: true,
			datasetId: ' ds-42 ',
		});

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: '/projects',
			body: {
				type: 'textcollection',
				name: AWKWARD_NAME,
				params: { instruction: 'Write a caption', fields: [{ type: 'text' }] },
				rapid: true,
				studio: true,
				datasetId: 'ds-42',
			},
		});
		expect(jsonOf(run.items)).toEqual([created]);
	});

	test('Custom Task Type sends the typed type', async () => {
		const { scope, requests } = interceptScale('POST', '/projects', { body: scaleProject({ type: 'audiotranscription' }) });

		const run = await create({ taskType: '__custom', customTaskType: 'audiotranscription' });

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: '/projects',
			body: { ...DEFAULT_CREATE_BODY, type: 'audiotranscription' },
		});
	});

	test('500 then 409: the project the lost attempt created is recovered by GET, exactly 2 creates sent', async () => {
		const created = scaleProject();
		const creates = interceptScale('POST', '/projects', lost(500), conflict);
		const lookup = interceptScale('GET', AWKWARD_PATH, { body: created });

		const run = await create();

		expectSuccess(run);
		creates.scope.done();
		lookup.scope.done();
		expect(creates.requests).toHaveLength(2);
		creates.requests.forEach((request) =>
			expectJsonRequest(request, { method: 'POST', path: '/projects', body: DEFAULT_CREATE_BODY }),
		);
		expect(lookup.requests).toHaveLength(1);
		expectJsonRequest(lookup.requests[0], { method: 'GET', path: AWKWARD_PATH });
		expect(jsonOf(run.items)).toEqual([created]);
	});

	test('500 then 409 for a name held by a project of another type: the 409 is not hidden', async () => {
		const creates = interceptScale('POST', '/projects', lost(500), conflict);
		const lookup = interceptScale('GET', AWKWARD_PATH, { body: scaleProject({ type: 'categorization' }) });

		const run = await create();

		creates.scope.done();
		lookup.scope.done();
		expect(creates.requests).toHaveLength(2);
		expect(run.error?.message).toMatch(/^A project with this name already exists/);
		expect(run.error?.httpCode).toBe('409');
		expect(run.items).toEqual([]);
	});

	test('a plain 409 fails with Scale\'s message, without any lookup or retry', async () => {
		const { scope, requests } = interceptScale('POST', '/projects', conflict);
		const lookup = interceptScale('GET', AWKWARD_PATH, { body: scaleProject() });

		const run = await create();

		scope.done();
		expect(requests).toHaveLength(1);
		expect(lookup.requests).toHaveLength(0);
		expect(run.error?.message).toBe('A project with this name already exists');
		expect(run.error?.httpCode).toBe('409');
	});

	test('invalid Parameters JSON, an empty name or an empty custom type fail the item and send nothing', async () => {
		const { requests } = interceptScale('POST', '/projects', { body: scaleProject() });

		const badJson = await create({ params: '{"instruction": ' });
		expect(badJson.error?.message).toMatch(/^"Parameters" is not valid JSON \([^)]*\) \[item 0\]$/);
		expect(badJson.error?.message.match(/not valid JSON/g)).toHaveLength(1);

		const notObject = await create({ params: '[1, 2]' });
		expect(notObject.error?.message).toBe('"Parameters" must be a JSON object, like {"key": "value"} [item 0]');

		const noName = await create({ name: '  ' });
		expect(noName.error?.message).toBe('"Project Name" is empty [item 0]');

		const noType = await create({ taskType: '__custom', customTaskType: ' ' });
		expect(noType.error?.message).toBe('"Custom Task Type" is empty [item 0]');

		expect(requests).toHaveLength(0);
		expect(nock.pendingMocks()).toHaveLength(1);
	});
});

describe('Project → Get (GET /projects/{name})', () => {
	test('the name is percent-encoded in the path; no query or body; output is the project', async () => {
		const project = scaleProject();
		const { scope, requests } = interceptScale('GET', AWKWARD_PATH, { body: project });

		const run = await runProject('project', 'get', { project: byName(AWKWARD_NAME) });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], { method: 'GET', path: AWKWARD_PATH });
		expect(jsonOf(run.items)).toEqual([project]);
	});

	test('From List mode and a name per input item: one request per item, outputs in input order', async () => {
		const first = interceptScale('GET', '/projects/a%26b', { body: scaleProject({ name: 'a&b' }), delayMs: 50 });
		const second = interceptScale('GET', '/projects/c%3Fd%23e', { body: scaleProject({ name: 'c?d#e' }) });

		const run = await runProject(
			'project',
			'get',
			{ project: { __rl: true, mode: 'list', value: '={{ $json.project }}' } },
			{ items: [{ project: 'a&b' }, { project: 'c?d#e' }] },
		);

		expectSuccess(run);
		first.scope.done();
		second.scope.done();
		expectJsonRequest(first.requests[0], { method: 'GET', path: '/projects/a%26b' });
		expectJsonRequest(second.requests[0], { method: 'GET', path: '/projects/c%3Fd%23e' });
		expect(jsonOf(run.items).map((project) => project.name)).toEqual(['a&b', 'c?d#e']);
	});

	test('a 404 fails with Scale\'s message', async () => {
		interceptScale('GET', AWKWARD_PATH, { status: 404, body: { status_code: 404, error: 'Project not found' } });

		const run = await runProject('project', 'get', { project: byName(AWKWARD_NAME) });

		expect(run.error?.message).toBe('Project not found');
		expect(run.error?.httpCode).toBe('404');
	});

	test('an empty project fails the item and sends nothing', async () => {
		const { requests } = interceptScale('GET', '/projects/', { body: scaleProject() });

		const run = await runProject('project', 'get', { project: byName('={{ "" }}') });

		expect(run.error?.message).toBe('"Project" is empty [item 0]');
		expect(requests).toHaveLength(0);
	});
});

describe('Project → Get Many (GET /projects)', () => {
	test('Limit keeps the first projects; Return All keeps every one', async () => {
		const projects = [scaleProject({ name: 'one' }), scaleProject({ name: 'two' }), scaleProject({ name: 'three' })];
		const { scope } = interceptScale('GET', '/projects', { body: projects }, { body: projects });

		const limited = await runProject('project', 'getAll', { limit: 2 });
		const all = await runProject('project', 'getAll', { returnAll: true });

		expectSuccess(limited);
		scope.done();
		expect(jsonOf(limited.items)).toEqual(projects.slice(0, 2));
		expect(jsonOf(all.items)).toEqual(projects);
	});

	test('the bare array becomes one item per project; no query by default', async () => {
		const projects = [scaleProject({ name: 'one' }), scaleProject({ name: 'two', type: 'categorization' })];
		const { scope, requests } = interceptScale('GET', '/projects', { body: projects });

		const run = await runProject('project', 'getAll');

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], { method: 'GET', path: '/projects' });
		expect(jsonOf(run.items)).toEqual(projects);
	});

	test('Archived Projects: Only sends archived=true, Exclude archived=false, Include nothing', async () => {
		const { scope, requests } = interceptScale(
			'GET',
			'/projects',
			{ body: [scaleProject({ archived: true })] },
			{ body: [scaleProject({ archived: false })] },
			{ body: [scaleProject()] },
		);

		const only = await runProject('project', 'getAll', { archived: 'only' });
		const exclude = await runProject('project', 'getAll', { archived: 'exclude' });
		const include = await runProject('project', 'getAll', { archived: 'include' });

		[only, exclude, include].forEach(expectSuccess);
		scope.done();
		expect(requests).toHaveLength(3);
		expectJsonRequest(requests[0], { method: 'GET', path: '/projects', query: { archived: 'true' } });
		expectJsonRequest(requests[1], { method: 'GET', path: '/projects', query: { archived: 'false' } });
		expectJsonRequest(requests[2], { method: 'GET', path: '/projects' });
		expect(jsonOf(only.items)).toEqual([scaleProject({ archived: true })]);
		expect(jsonOf(exclude.items)).toEqual([scaleProject({ archived: false })]);
	});

	test('an empty list gives no items', async () => {
		const { scope } = interceptScale('GET', '/projects', { body: [] });

		const run = await runProject('project', 'getAll', { archived: 'include' });

		expectSuccess(run);
		scope.done();
		expect(run.items).toEqual([]);
	});
});

describe('Project → Update (POST /projects/{name}/setParams)', () => {
	const SET_PARAMS = `${AWKWARD_PATH}/setParams`;

	test('Patch, Instruction and the Parameters JSON in one body; output is the project', async () => {
		const updated = scaleProject({ param_history: [{ version: 1, instruction: 'New' }] });
		const { scope, requests } = interceptScale('POST', SET_PARAMS, { body: updated });

		const run = await runProject('project', 'update', {
			project: byName(AWKWARD_NAME),
			patch: false,
			instruction: 'New',
			params: '{"geometries": {"box": {"objects_to_annotate": ["sign"]}}, "instruction": "ignored", "patch": true}',
		});

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: SET_PARAMS,
			body: { geometries: { box: { objects_to_annotate: ['sign'] } }, patch: false, instruction: 'New' },
		});
		expect(jsonOf(run.items)).toEqual([updated]);
	});

	test('defaults: patch true, no instruction key, and an instruction from the Parameters JSON is kept', async () => {
		const { scope, requests } = interceptScale('POST', SET_PARAMS, { body: scaleProject() });

		const run = await runProject('project', 'update', {
			project: byName(AWKWARD_NAME),
			params: '{"instruction": "From JSON"}',
		});

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: SET_PARAMS,
			body: { instruction: 'From JSON', patch: true },
		});
	});

	test('only the defaults: the body is {patch: true}', async () => {
		const { scope, requests } = interceptScale('POST', SET_PARAMS, { body: scaleProject() });

		const run = await runProject('project', 'update', { project: byName(AWKWARD_NAME) });

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], { method: 'POST', path: SET_PARAMS, body: { patch: true } });
	});

	test('a setParams after a 503 is retried (it is a replace-style write)', async () => {
		const { scope, requests } = interceptScale('POST', SET_PARAMS, lost(503), { body: scaleProject() });

		const run = await runProject('project', 'update', { project: byName(AWKWARD_NAME), instruction: 'x' });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(2);
		requests.forEach((request) =>
			expectJsonRequest(request, { method: 'POST', path: SET_PARAMS, body: { patch: true, instruction: 'x' } }),
		);
	});
});

describe('Project → Get Template (GET /projects/{name}/taskTemplates)', () => {
	test('GET with the encoded name; output is the template', async () => {
		const template = {
			id: 'template-1',
			version: 3,
			created_at: '2026-11-28T10:00:00.000Z',
			updated_at: '2026-11-28T11:00:00.000Z',
			template_variables: ['prompt'],
			response_schema: { type: 'object' },
			auto_onboard_enabled: false,
		};
		const { scope, requests } = interceptScale('GET', `${AWKWARD_PATH}/taskTemplates`, { body: template });

		const run = await runProject('project', 'getTemplate', { project: byName(AWKWARD_NAME) });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], { method: 'GET', path: `${AWKWARD_PATH}/taskTemplates` });
		expect(jsonOf(run.items)).toEqual([template]);
	});
});
