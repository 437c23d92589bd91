import { ScaleTeam } from '../../nodes/ScaleTeam/ScaleTeam.node';
import { authorizationFor, EXPECTED_AUTH, TEST_API_KEY } from '../harness/constants';
import { expectJsonRequest, interceptScale, useNock } from '../harness/nock';
import { expectSuccess, jsonOf } from '../harness/run-node';
import { runTeam, teammate } from './helpers';

useNock();

const team = [teammate('ana@example.com', 'manager'), teammate('bo@example.com'), teammate('cy@example.com', 'member')];

describe('Scale Team node description', () => {
	test('teammate resource with Get Many, Invite and Update Role; roles are Scale\'s TeammateRole values', () => {
		const { description } = new ScaleTeam();
		const operation = description.properties.find((property) => property.name === 'operation');
		expect(operation?.options?.map((option) => 'value' in option && option.value)).toEqual([
			'getAll',
			'invite',
			'updateRole',
		]);
		const roles = description.properties.filter((property) => property.name === 'role');
		expect(roles).toHaveLength(2);
		for (const role of roles) {
			expect(role.options?.map((option) => 'value' in option && option.value).sort()).toEqual([
				'admin',
				'labeler',
				'manager',
				'member',
			]);
		}
		expect(description.usableAsTool).toBe(true);
		expect(EXPECTED_AUTH).toBe(authorizationFor(TEST_API_KEY));
	});
});

describe('Teammate → Get Many', () => {
	test('Limit keeps the first teammates (Scale sends the whole team at once); Return All keeps all', async () => {
		const { scope } = interceptScale('GET', '/teams', { body: team }, { body: team });

		const limited = await runTeam('getAll', { returnAll: false, limit: 2 });
		const all = await runTeam('getAll', { returnAll: true, limit: 1 });

		expectSuccess(limited);
		scope.done();
		expect(jsonOf(limited.items)).toEqual(team.slice(0, 2));
		expect(jsonOf(all.items)).toEqual(team);
	});

	test('GET /teams without query or body; one output item per teammate', async () => {
		const { scope, requests } = interceptScale('GET', '/teams', { body: team });

		const run = await runTeam('getAll');

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], { method: 'GET', path: '/teams' });
		expect(requests[0].rawBody).toBe('');
		expect(jsonOf(run.items)).toEqual(team);
	});

	test('an empty team gives no items', async () => {
		const { scope } = interceptScale('GET', '/teams', { body: [] });

		const run = await runTeam('getAll');

		expectSuccess(run);
		scope.done();
		expect(run.items).toEqual([]);
	});
});

describe.each([
	['invite', '/teams/invite'],
	['updateRole', '/teams/set_role'],
])('Teammate → %s', (operation, path) => {
	test(`POST ${path} with {emails, team_role} from comma-separated emails; one item per teammate`, async () => {
		const { scope, requests } = interceptScale('POST', path, { body: team });

		const run = await runTeam(operation, { emails: ' ana@example.com,bo@example.com , ,', role: 'manager' });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], {
			method: 'POST',
			path,
			body: { emails: ['ana@example.com', 'bo@example.com'], team_role: 'manager' },
		});
		expect(requests[0].headers.authorization).toBe(authorizationFor(TEST_API_KEY));
		expect(jsonOf(run.items)).toEqual(team);
	});

	test('emails from an expression returning a list, one request per item', async () => {
		const a = interceptScale('POST', path, { body: [teammate('ana@example.com')], delayMs: 50 });
		const b = interceptScale('POST', path, { body: [teammate('cy@example.com', 'member')] });

		const run = await runTeam(
			operation,
			{ emails: '={{ $json.people }}', role: '={{ $json.role }}' },
			{
				items: [
					{ people: ['ana@example.com', 'bo@example.com'], role: 'labeler' },
					{ people: ['cy@example.com'], role: 'member' },
				],
			},
		);

		expectSuccess(run);
		a.scope.done();
		b.scope.done();
		const bodies = [...a.requests, ...b.requests].map((request) => request.body);
		expect(bodies).toEqual(
			expect.arrayContaining([
				{ emails: ['ana@example.com', 'bo@example.com'], team_role: 'labeler' },
				{ emails: ['cy@example.com'], team_role: 'member' },
			]),
		);
		expect(bodies).toHaveLength(2);
		expect(jsonOf(run.items).map((json) => json.email).sort()).toEqual(['ana@example.com', 'cy@example.com']);
	});

	test.each(['labeler', 'member', 'manager', 'admin'])('role %s is sent as team_role', async (role) => {
		const { scope, requests } = interceptScale('POST', path, { body: team });

		const run = await runTeam(operation, { emails: 'ana@example.com', role });

		expectSuccess(run);
		scope.done();
		expect(requests[0].body).toEqual({ emails: ['ana@example.com'], team_role: role });
	});

	test('no emails fails the item naming "Emails", and nothing is sent', async () => {
		const { scope, requests } = interceptScale('POST', path, { body: team });

		const run = await runTeam(operation, { emails: ' , ', role: 'member' });

		expect(run.error?.message).toMatch(/"Emails" needs at least one value \[item 0\]/);
		expect(requests).toEqual([]);
		expect(scope.isDone()).toBe(false);
	});

	test('a value that is not an email address fails the item; a valid item of the same run is not sent either', async () => {
		const { scope, requests } = interceptScale('POST', path, { body: team }, { body: team });

		const run = await runTeam(
			operation,
			{ emails: '={{ $json.emails }}', role: 'member' },
			{ items: [{ emails: 'ana@example.com' }, { emails: ['bo@example.com', 'bo.example.com'] }] },
		);

		expect(run.error?.message).toMatch(/"Emails" has "bo\.example\.com", which is not an email address \[item 1\]/);
		expect(requests).toEqual([]);
		expect(scope.isDone()).toBe(false);
	});
});
