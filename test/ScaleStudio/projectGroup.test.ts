import { AWKWARD_ENCODED, AWKWARD_NAME } from '../harness/constants';
import { expectJsonRequest, interceptScale, useNock } from '../harness/nock';
import { expectSuccess, jsonOf } from '../harness/run-node';
import { byName } from '../harness/scale-params';
import { projectGroup, runStudio } from './helpers';

useNock();

const GROUPS = `/studio/projects/${AWKWARD_ENCODED}/groups`;

describe('Project Group → Get Many', () => {
	test('GET /studio/projects/<encoded project>/groups; one item per group', async () => {
		const groups = [projectGroup('Night shift', ['ana@example.com']), projectGroup('Experts')];
		const { scope, requests } = interceptScale('GET', GROUPS, { body: groups });

		const run = await runStudio('projectGroup', 'getAll', { project: byName(AWKWARD_NAME) });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], { method: 'GET', path: GROUPS });
		expect(jsonOf(run.items)).toEqual(groups);
	});

	test('a project chosen from the list, and one from an expression per item', async () => {
		const a = interceptScale('GET', '/studio/projects/Street%20signs/groups', { body: [projectGroup('A')] });
		const b = interceptScale('GET', GROUPS, { body: [projectGroup('B')] });

		const run = await runStudio(
			'projectGroup',
			'getAll',
			{ project: { __rl: true, mode: 'list', value: '={{ $json.project }}' } },
			{ items: [{ project: 'Street signs' }, { project: AWKWARD_NAME }] },
		);

		expectSuccess(run);
		a.scope.done();
		b.scope.done();
		expectJsonRequest(a.requests[0], { method: 'GET', path: '/studio/projects/Street%20signs/groups' });
		expectJsonRequest(b.requests[0], { method: 'GET', path: GROUPS });
		expect(jsonOf(run.items).map((json) => json.name)).toEqual(['A', 'B']);
	});

	test('an empty project fails the item naming "Project", and nothing is sent', async () => {
		const { scope, requests } = interceptScale('GET', '/studio/projects//groups', { body: [] });

		const run = await runStudio('projectGroup', 'getAll', { project: byName('  ') });

		expect(run.error?.message).toMatch(/"Project" is empty \[item 0\]/);
		expect(requests).toEqual([]);
		expect(scope.isDone()).toBe(false);
	});
});

describe('Project Group → Create', () => {
	test('POST /studio/projects/<encoded project>/groups with {emails, name} from comma-separated emails', async () => {
		const created = projectGroup('Night shift', ['ana@example.com', 'bo@example.com']);
		const { scope, requests } = interceptScale('POST', GROUPS, { body: created });

		const run = await runStudio('projectGroup', 'create', {
			project: byName(AWKWARD_NAME),
			groupName: ' Night shift ',
			emails: 'ana@example.com,bo@example.com',
		});

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: GROUPS,
			body: { emails: ['ana@example.com', 'bo@example.com'], name: 'Night shift' },
		});
		expect(jsonOf(run.items)).toEqual([created]);
	});

	test('emails from an expression returning a list', async () => {
		const created = projectGroup('Experts', ['cy@example.com']);
		const { scope, requests } = interceptScale('POST', GROUPS, { body: created });

		const run = await runStudio(
			'projectGroup',
			'create',
			{ project: byName(AWKWARD_NAME), groupName: '={{ $json.group }}', emails: '={{ $json.people }}' },
			{ items: [{ group: 'Experts', people: ['cy@example.com'] }] },
		);

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: GROUPS,
			body: { emails: ['cy@example.com'], name: 'Experts' },
		});
		expect(jsonOf(run.items)).toEqual([created]);
	});

	test('a create whose answer is lost (500) is not sent again, since Scale may have made the group', async () => {
		const { scope, requests } = interceptScale(
			'POST',
			GROUPS,
			{ status: 500, body: { status_code: 500, error: 'Internal error' } },
			{ body: projectGroup('Experts') },
		);

		const run = await runStudio('projectGroup', 'create', {
			project: byName(AWKWARD_NAME),
			groupName: 'Experts',
			emails: 'cy@example.com',
			options: { maxRetries: 3 },
		});

		expect(run.error).toBeDefined();
		expect(requests).toHaveLength(1);
		expect(scope.isDone()).toBe(false);
	});

	test.each([
		[{ groupName: ' ', emails: 'ana@example.com' }, /"Group Name" is empty/],
		[{ groupName: 'Experts', emails: '={{ $json.nobody }}' }, /"Emails" needs at least one value/],
		[{ groupName: 'Experts', emails: 'ana@example' + '.com; bo@example.com' }, /"Emails" has .*not an email address/],
	])('invalid input %j fails the item naming the field, and nothing is sent', async (parameters, message) => {
		const { scope, requests } = interceptScale('POST', GROUPS, { body: projectGroup('Experts') });

		const run = await runStudio('projectGroup', 'create', { project: byName(AWKWARD_NAME), ...parameters });

		expect(run.error?.message).toMatch(message);
		expect(requests).toEqual([]);
		expect(scope.isDone()).toBe(false);
	});
});

describe('Project Group → Update', () => {
	const GROUP = `${GROUPS}/Night%20%2F%20shift`;

	test('PUT /studio/projects/<project>/groups/<group>, both names encoded, with {add_emails, remove_emails}', async () => {
		const updated = projectGroup('Night / shift', ['ana@example.com', 'bo@example.com']);
		const { scope, requests } = interceptScale('PUT', GROUP, { body: updated });

		const run = await runStudio('projectGroup', 'update', {
			project: byName(AWKWARD_NAME),
			groupName: 'Night / shift',
			addEmails: 'ana@example.com, bo@example.com',
			removeEmails: 'cy@example.com',
		});

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], {
			method: 'PUT',
			path: GROUP,
			body: { add_emails: ['ana@example.com', 'bo@example.com'], remove_emails: ['cy@example.com'] },
		});
		expect(jsonOf(run.items)).toEqual([updated]);
	});

	test('lists from expressions; an empty side is sent as an empty list', async () => {
		const { scope, requests } = interceptScale('PUT', GROUP, { body: projectGroup('Night / shift') });

		const run = await runStudio(
			'projectGroup',
			'update',
			{
				project: byName(AWKWARD_NAME),
				groupName: '={{ $json.group }}',
				addEmails: '={{ $json.add }}',
				removeEmails: '={{ $json.remove }}',
			},
			{ items: [{ group: 'Night / shift', add: [], remove: ['ana@example.com', 'bo@example.com'] }] },
		);

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], {
			method: 'PUT',
			path: GROUP,
			body: { add_emails: [], remove_emails: ['ana@example.com', 'bo@example.com'] },
		});
	});

	test.each([
		[{ groupName: 'Night / shift', addEmails: '', removeEmails: ' , ' }, /"Emails to Add" and "Emails to Remove" are both empty/],
		[{ groupName: '={{ "" }}', addEmails: 'ana@example.com' }, /"Group Name" is empty/],
		[{ groupName: 'Night / shift', removeEmails: 'not-an-address' }, /"Emails to Remove" has "not-an-address"/],
	])('invalid input %j fails the item naming the field, and nothing is sent', async (parameters, message) => {
		const { scope, requests } = interceptScale('PUT', GROUP, { body: projectGroup('Night / shift') });

		const run = await runStudio('projectGroup', 'update', { project: byName(AWKWARD_NAME), ...parameters });

		expect(run.error?.message).toMatch(message);
		expect(requests).toEqual([]);
		expect(scope.isDone()).toBe(false);
	});
});
