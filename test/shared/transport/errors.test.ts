import nock from 'nock';

import { ScaleTask } from '../../../nodes/ScaleTask/ScaleTask.node';
import { authorizationFor, TEST_API_KEY, TEST_BASE_URL } from '../../harness/constants';
import { useNock } from '../../harness/nock';
import { runNode } from '../../harness/run-node';
import { networkError, taskParams } from '../../harness/scale-params';

useNock();

const getTask = () =>
	runNode({
		nodeType: new ScaleTask(),
		parameters: taskParams('get', { taskId: 't1', options: { maxRetries: 1 } }),
	});

/** The API key, raw or inside its Basic header, must never appear in an error. */
function expectNoSecret(value: unknown) {
	const text = JSON.stringify(value);
	expect(text).not.toContain(TEST_API_KEY);
	expect(text).not.toContain(authorizationFor(TEST_API_KEY).slice('Basic '.length));
}

describe('API failures become NodeApiErrors that say what happened and how to fix it', () => {
	test.each([
		[400, 'Please include an attachment or attachments parameter.', /invalid/],
		[401, 'Unauthorized', /API key/],
		[402, 'Task type not enabled', /not enabled on your Scale account/],
		[404, 'Task with that ID not found.', /Test and live API keys see separate data/],
		[409, 'Duplicate', /already exists/],
	])('HTTP %p', async (status, scaleMessage, howToFix) => {
		const scope = nock(TEST_BASE_URL).get('/task/t1').reply(status, { status_code: status, error: scaleMessage });

		const { error } = await getTask();

		scope.done();
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(scaleMessage);
		expect(error?.description).toMatch(howToFix);
		expect(error?.httpCode).toBe(String(status));
		expect((error?.context as { itemIndex?: number })?.itemIndex).toBe(0);
		expectNoSecret(error);
	});

	test('an HTML error page from a proxy gives a readable message after the retries', async () => {
		const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
		const scope = nock(TEST_BASE_URL).get('/task/t1').times(2).reply(502, html, { 'Content-Type': 'text/html' });

		const { error } = await getTask();

		scope.done();
		expect(error?.message).toBe('Unexpected response: 502 Bad Gateway (after 1 retry)');
		expect(error?.httpCode).toBe('502');
	});

	test('a 200 whose body is not JSON is an error, never a silent empty item', async () => {
		nock(TEST_BASE_URL).get('/task/t1').reply(200, '<html>login</html>', { 'Content-Type': 'text/html' });

		const { error } = await getTask();

		expect(error?.message).toBe('Scale answered HTTP 200 with a body that is not JSON');
		expect(error?.description).toMatch(/proxy/);
	});

	test('a proxy that echoes the Authorization header does not leak the key', async () => {
		const echoed = `<pre>Authorization: ${authorizationFor(TEST_API_KEY)}</pre>`;
		nock(TEST_BASE_URL).get('/task/t1').times(2).reply(500, echoed);

		const { error } = await getTask();

		expect(error?.message).toMatch(/Basic \[redacted\]/);
		expectNoSecret(error);
	});

	test('an unreachable host names the network error and the credential field to check', async () => {
		nock(TEST_BASE_URL).get('/task/t1').times(2).replyWithError(networkError('ECONNREFUSED'));

		const { error } = await getTask();

		expect(error?.message).toBe('Could not reach Scale: ECONNREFUSED (after 1 retry)');
		expect(error?.description).toMatch(/Base URL/);
		expectNoSecret(error);
	});
});
