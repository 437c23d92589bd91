import nock from 'nock';

import { ScaleTask } from '../../../nodes/ScaleTask/ScaleTask.node';
import { TEST_BASE_URL } from '../../harness/constants';
import { useNock } from '../../harness/nock';
import { jsonOf, runNode } from '../../harness/run-node';
import { scaleTask, sleepMs, taskParams } from '../../harness/scale-params';

useNock();

/** Answers GET /task/<id> after a short delay, counting how many requests are in flight at once. */
function serveTasksCountingInFlight(count: number) {
	const stats = { inFlight: 0, maxInFlight: 0, served: 0 };
	nock(TEST_BASE_URL)
		.get(/^\/v1\/task\/[\w-]+$/)
		.times(count)
		.reply(async (uri) => {
			stats.inFlight++;
			stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
			await sleepMs(2);
			stats.inFlight--;
			stats.served++;
			return [200, scaleTask(uri.split('/').pop() as string)];
		});
	return stats;
}

const items = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `task-${i}` }));

describe('bounded concurrency across input items', () => {
	test.each([
		[undefined, 5],
		[3, 3],
	])('1,000 items with Max Concurrent Requests %p: never more than %p in flight, all succeed, order kept', async (maxConcurrentRequests, expectedMax) => {
		const stats = serveTasksCountingInFlight(1000);

		const { items: output, error } = await runNode({
			nodeType: new ScaleTask(),
			parameters: taskParams('get', {
				taskId: '={{ $json.id }}',
				options: maxConcurrentRequests ? { maxConcurrentRequests } : {},
			}),
			items: items(1000),
		});

		expect(error).toBeUndefined();
		expect(stats.served).toBe(1000);
		expect(stats.maxInFlight).toBe(expectedMax);
		expect(jsonOf(output).map((task) => task.task_id)).toEqual(items(1000).map((item) => item.id));
		expect(output.map((item) => item.pairedItem)).toEqual(
			items(1000).map((_, index) => ({ item: index })),
		);
	}, 120_000);
});
