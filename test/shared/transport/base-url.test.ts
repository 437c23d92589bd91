import nock from 'nock';

import { ScaleTask } from '../../../nodes/ScaleTask/ScaleTask.node';
import { authorizationFor, TEST_API_KEY } from '../../harness/constants';
import { useNock } from '../../harness/nock';
import { jsonOf, runNode } from '../../harness/run-node';
import { scaleTask, taskParams } from '../../harness/scale-params';

useNock();

const getTask = (credentials: Record<string, string>) =>
	runNode({ nodeType: new ScaleTask(), parameters: taskParams('get', { taskId: 't1' }), credentials });

describe("the credential's Base URL", () => {
	test('a gateway URL with a path and trailing slashes is used as given, without the slashes', async () => {
		const scope = nock('https://gateway.example.com')
			.matchHeader('authorization', authorizationFor(TEST_API_KEY))
			.get('/scale/v1/task/t1')
			.reply(200, scaleTask('t1'));

		const { items, error } = await getTask({ apiKey: TEST_API_KEY, baseUrl: 'https://gateway.example.com/scale/v1//' });

		expect(error).toBeUndefined();
		scope.done();
		expect(jsonOf(items)[0].task_id).toBe('t1');
	});

	test('an empty Base URL falls back to Scale', async () => {
		const scope = nock('https://api.scale.com').get('/v1/task/t1').reply(200, scaleTask('t1'));

		const { error } = await getTask({ apiKey: TEST_API_KEY, baseUrl: '' });

		expect(error).toBeUndefined();
		scope.done();
	});
});
