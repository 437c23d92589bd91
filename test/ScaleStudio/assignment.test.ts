import { EXPECTED_AUTH } from '../harness/constants';
import { expectJsonRequest, interceptScale, useNock } from '../harness/nock';
import { expectSuccess, jsonOf } from '../harness/run-node';
import { runStudio } from './helpers';

useNock();

const assignments = {
	'ana@example.com': ['Street signs', 'Q4 / cars'],
	'bo@example.com': ['Q4 / cars'],
};
const assignmentItems = [
	{ email: 'ana@example.com', projects: ['Street signs', 'Q4 / cars'] },
	{ email: 'bo@example.com', projects: ['Q4 / cars'] },
];

describe('Assignment → Get Many', () => {
	test('GET /studio/assignments; the email → projects map becomes one item per teammate', async () => {
		const { scope, requests } = interceptScale('GET', '/studio/assignments', { body: assignments });

		const run = await runStudio('assignment', 'getAll');

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], { method: 'GET', path: '/studio/assignments' });
		expect(requests[0].rawBody).toBe('');
		expect(jsonOf(run.items)).toEqual(assignmentItems);
	});

	test('no assignments gives no items', async () => {
		const { scope } = interceptScale('GET', '/studio/assignments', { body: {} });

		const run = await runStudio('assignment', 'getAll');

		expectSuccess(run);
		scope.done();
		expect(run.items).toEqual([]);
	});

	test('an answer that is not a map fails with a clear error instead of odd items', async () => {
		const { scope } = interceptScale('GET', '/studio/assignments', { body: ['ana@example.com'] });

		const run = await runStudio('assignment', 'getAll');

		scope.done();
		expect(run.error?.message).toMatch(/map of teammates to projects/);
		expect(run.items).toEqual([]);
	});
});

describe.each([
	['add', '/studio/assignments/add'],
	['remove', '/studio/assignments/remove'],
])('Assignment → %s', (operation, path) => {
	test(`POST ${path} with {emails, projects} from comma-separated text; one item per teammate`, async () => {
		const { scope, requests } = interceptScale('POST', path, { body: assignments });

		const run = await runStudio('assignment', operation, {
			emails: 'ana@example.com, bo@example.com',
			projects: ' Street signs ,Q4 / cars',
		});

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], {
			method: 'POST',
			path,
			body: { emails: ['ana@example.com', 'bo@example.com'], projects: ['Street signs', 'Q4 / cars'] },
		});
		expect(jsonOf(run.items)).toEqual(assignmentItems);
	});

	test('emails and projects from expressions returning lists (a project name may contain a comma)', async () => {
		const { scope, requests } = interceptScale('POST', path, { body: { 'cy@example.com': ['Cars, trucks'] } });

		const run = await runStudio(
			'assignment',
			operation,
			{ emails: '={{ $json.emails }}', projects: '={{ $json.projects }}' },
			{ items: [{ emails: ['cy@example.com'], projects: ['Cars, trucks'] }] },
		);

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], {
			method: 'POST',
			path,
			body: { emails: ['cy@example.com'], projects: ['Cars, trucks'] },
		});
		expect(requests[0].headers.authorization).toBe(EXPECTED_AUTH);
		expect(jsonOf(run.items)).toEqual([{ email: 'cy@example.com', projects: ['Cars, trucks'] }]);
	});

	test.each([
		[{ emails: '={{ [] }}', projects: 'Street signs' }, /"Emails" needs at least one value/],
		[{ emails: 'ana@example.com', projects: ' ' }, /"Projects" needs at least one value/],
		[{ emails: 'ana', projects: 'Street signs' }, /"Emails" has "ana", which is not an email address/],
	])('invalid input %j fails the item naming the field, and nothing is sent', async (parameters, message) => {
		const { scope, requests } = interceptScale('POST', path, { body: assignments });

		const run = await runStudio('assignment', operation, parameters);

		expect(run.error?.message).toMatch(message);
		expect(requests).toEqual([]);
		expect(scope.isDone()).toBe(false);
	});
});
