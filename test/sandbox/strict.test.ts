import type { Sandbox } from '../../sandbox/server';
import { optionsFromFlags, parseFlags } from '../../sandbox/cli';
import { call, createTask, withSandbox, type Loose } from './helpers';

const TASK_BODY = JSON.stringify({ attachment: 'https://example.com/a.jpg', attachment_type: 'image', geometries: { box: { objects_to_annotate: ['car'] } } });

/** Scale refuses what clients get wrong; the sandbox does too unless told to be lenient. */
describe('sandbox: strict like Scale (default)', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await withSandbox();
	});
	afterAll(() => sandbox.close());

	it('refuses a JSON body sent as text/plain or without a Content-Type (400 naming it); nothing is created', async () => {
		const plain = await call(sandbox, 'POST', 'task/imageannotation', { rawBody: TASK_BODY, headers: { 'content-type': 'text/plain' } });
		expect(plain.status).toBe(400);
		expect(plain.body.error).toMatch(/Content-Type: application\/json.*text\/plain/);
		const none = await call(sandbox, 'POST', 'task/imageannotation', { rawBody: new TextEncoder().encode(TASK_BODY) });
		expect(none.status).toBe(400);
		expect(none.body.error).toMatch(/no Content-Type/);
		expect(sandbox.tasks()).toHaveLength(0);
	});

	it('takes application/json (with charset), +json types, form-urlencoded bodies, and bodiless POSTs of any type', async () => {
		const json = await call(sandbox, 'POST', 'task/imageannotation', { rawBody: TASK_BODY, headers: { 'content-type': 'application/json; charset=utf-8' } });
		expect(json.status).toBe(200);
		const vendor = await call(sandbox, 'POST', 'projects', { rawBody: JSON.stringify({ name: 'vendor', type: 'imageannotation' }), headers: { 'content-type': 'application/vnd.api+json' } });
		expect(vendor.status).toBe(200);
		const form = await call(sandbox, 'POST', 'projects', { rawBody: 'name=form&type=imageannotation', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		expect(form.status).toBe(200);
		await call(sandbox, 'POST', 'batches', { body: { project: 'form', name: 'bodiless' } });
		expect((await call(sandbox, 'POST', 'batches/bodiless/finalize', { headers: { 'content-type': 'text/plain' } })).status).toBe(200);
	});

	it('refuses unknown query parameters, naming them and what the endpoint takes', async () => {
		const tasks = await call(sandbox, 'GET', 'tasks?projct=x&limit=1');
		expect(tasks.status).toBe(400);
		expect(tasks.body.error).toMatch(/Unknown query parameter projct for GET \/v1\/tasks; it takes .*project/);
		const teams = await call(sandbox, 'GET', 'teams?x=1&y=2');
		expect(teams.body.error).toMatch(/Unknown query parameters x, y .*it takes none/);
		const task = await createTask(sandbox);
		expect((await call(sandbox, 'POST', `task/${task.task_id}/cancel?clear_unique_id=true`)).status).toBe(200);
		expect((await call(sandbox, 'POST', `task/${task.task_id}/setMetadata?force=1`, { body: {} })).status).toBe(400);
		const listed = await call(sandbox, 'GET', 'tasks?limit=1&include_attachment_url=True&project=form&status=pending&tags=a&tags=b');
		expect(listed.status).toBe(200);
		expect((await call(sandbox, 'GET', 'batches?project=form&exclude_archived=False&offset=0')).status).toBe(200);
		expect((await call(sandbox, 'GET', 'projects?archived=false')).status).toBe(200);
	});

	it('binds a next_token to the filters it was issued for', async () => {
		for (let index = 0; index < 3; index++) await createTask(sandbox, { project: 'form' });
		const first = await call(sandbox, 'GET', 'tasks?project=form&limit=1');
		expect(first.body.next_token).toEqual(expect.any(String));
		const same = await call(sandbox, 'GET', `tasks?limit=2&project=form&next_token=${first.body.next_token}`);
		expect(same.status).toBe(200);
		expect(same.body.docs).toHaveLength(2);
		const other = await call(sandbox, 'GET', `tasks?project=form&status=completed&limit=1&next_token=${first.body.next_token}`);
		expect(other.status).toBe(400);
		expect(other.body.error).toMatch(/next_token was issued for different filters/);
		const none = await call(sandbox, 'GET', `tasks?limit=1&next_token=${first.body.next_token}`);
		expect(none.status).toBe(400);
	});
});

describe('sandbox: lenient option and --lenient', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await withSandbox({ lenient: true });
	});
	afterAll(() => sandbox.close());

	it('accepts text/plain JSON, unknown query parameters and a next_token reused with other filters', async () => {
		expect((await call(sandbox, 'POST', 'task/imageannotation', { rawBody: TASK_BODY, headers: { 'content-type': 'text/plain' } })).status).toBe(200);
		for (let index = 0; index < 2; index++) await createTask(sandbox);
		expect((await call(sandbox, 'GET', 'teams?x=1')).status).toBe(200);
		const first = await call(sandbox, 'GET', 'tasks?limit=1');
		const other = await call(sandbox, 'GET', `tasks?limit=1&status=pending&next_token=${first.body.next_token}`);
		expect(other.status).toBe(200);
		expect(other.body.docs.map((doc: Loose) => doc.task_id)).not.toContain(first.body.docs[0].task_id);
	});

	it('can be switched at run time and from the command line', async () => {
		sandbox.setOptions({ lenient: false });
		expect((await call(sandbox, 'GET', 'teams?x=1')).status).toBe(400);
		sandbox.setOptions({ lenient: true });
		expect(optionsFromFlags(parseFlags(['--lenient'])).lenient).toBe(true);
		expect(optionsFromFlags(parseFlags([])).lenient).toBeUndefined();
		expect(() => optionsFromFlags(parseFlags(['--lenient=maybe']))).toThrow(/--lenient/);
	});
});
