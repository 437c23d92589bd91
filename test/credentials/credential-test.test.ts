import nock from 'nock';
import { ExecuteContext, RoutingNode } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INodeType, IAuthenticateRuleResponseCode } from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

import { ScaleApi } from '../../credentials/ScaleApi.credentials';
import { ScaleTask } from '../../nodes/ScaleTask/ScaleTask.node';
import { authorizationFor, TEST_API_KEY, TEST_BASE_URL } from '../harness/constants';
import { useNock } from '../harness/nock';
import { createTestWorkflow } from '../harness/run-node';

/**
 * The credential's Test, the way n8n's CredentialsTester runs it (n8n/dist/services/credentials-tester.service.js,
 * runRequestTest): a throw-away node whose only property routes the credential's test request, run by n8n-core's
 * real RoutingNode with the credential's real authentication. On a failure the tester reads
 * `error.cause.response.status`, shows the message of the `responseCode` rule with that status, or else the
 * bare status text.
 */
async function testCredential(credentials: ICredentialDataDecryptedObject): Promise<{ status: string; message: string }> {
	const credential = new ScaleApi();
	const probe: INodeType = {
		description: {
			...new ScaleTask().description,
			credentials: [{ name: credential.name, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: credential.test.request } },
			],
		},
	};
	const { workflow, node, additionalData } = createTestWorkflow({ nodeType: probe, parameters: {}, credentials });
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	try {
		await new RoutingNode(context, probe, { id: '1', name: 'Scale account', type: credential.name, data: credentials }).runNode();
		return { status: 'OK', message: 'Connection successful!' };
	} catch (error) {
		const status = (error as { cause?: { response?: { status?: number; statusText?: string } } }).cause?.response;
		const rule = (credential.test.rules as IAuthenticateRuleResponseCode[]).find((candidate) => candidate.properties.value === status?.status);
		return { status: 'Error', message: rule?.properties.message ?? status?.statusText ?? String(error) };
	}
}

useNock();

describe('Scale API credential → Test', () => {
	test('a valid key: one GET /batches?limit=1 with Basic auth (key as user name), and success', async () => {
		const scope = nock(TEST_BASE_URL, { reqheaders: { authorization: authorizationFor(TEST_API_KEY) } })
			.get('/batches')
			.query({ limit: 1 })
			.reply(200, { docs: [], totalDocs: 0, has_more: false });

		await expect(testCredential({ apiKey: TEST_API_KEY, baseUrl: TEST_BASE_URL })).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		scope.done();
	});

	test('a wrong key: Scale\'s 401 becomes advice about copying the key and test vs live keys', async () => {
		let requests = 0;
		nock(TEST_BASE_URL)
			.get('/batches')
			.query(true)
			.times(3)
			.reply(() => {
				requests++;
				return [401, { status_code: 401, error: 'Please provide a valid API key.' }];
			});

		const result = await testCredential({ apiKey: 'live_wrong', baseUrl: TEST_BASE_URL });

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Scale refused this API key \(401 Unauthorized/);
		expect(result.message).toMatch(/Test keys \(test_…\) and live keys \(live_…\) are separate/);
		expect(result.message).not.toContain('live_wrong');
		// n8n-core's authenticated request sends once more after a 401 (its credential-refresh path).
		expect(requests).toBeGreaterThanOrEqual(1);
	});

	test('a 403 says which Scale role can use API keys; a 404 points at the Base URL', async () => {
		nock(TEST_BASE_URL).get('/batches').query(true).reply(403, { status_code: 403, error: 'Forbidden' });
		expect((await testCredential({ apiKey: TEST_API_KEY, baseUrl: TEST_BASE_URL })).message).toMatch(/Manager role/);

		nock('https://gateway.example.com').get('/scale/batches').query(true).reply(404, 'Not Found');
		expect(
			(await testCredential({ apiKey: TEST_API_KEY, baseUrl: 'https://gateway.example.com/scale/' })).message,
		).toMatch(/^The Base URL does not lead to Scale's API/);
	});
});
