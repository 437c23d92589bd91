import nock from 'nock';

import { ScaleTask } from '../../../nodes/ScaleTask/ScaleTask.node';
import { TEST_BASE_URL } from '../../harness/constants';
import { useNock } from '../../harness/nock';
import { runNode } from '../../harness/run-node';
import { scaleTask, sleepMs, taskParams } from '../../harness/scale-params';

useNock();

/** n8n's own Request Options → Batching, which the loader adds to every declarative node. */
const batching = (batchSize: number, batchInterval: number) => ({ batching: { batch: { batchSize, batchInterval } } });

/** Answers POST /task/<id>/setMetadata, recording the order and the most requests in flight at once. */
function serveSetMetadata() {
	const stats = { sent: [] as string[], inFlight: 0, maxInFlight: 0 };
	nock(TEST_BASE_URL)
		.post(/^\/v1\/task\/[\w-]+\/setMetadata$/)
		.times(100)
		.reply(async (uri) => {
			const id = uri.split('/')[3];
			stats.sent.push(id);
			stats.inFlight++;
			stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
			await sleepMs(5);
			stats.inFlight--;
			return [200, scaleTask(id)];
		});
	return stats;
}

const setMetadata = (extra = {}) =>
	taskParams('setMetadata', { taskId: '={{ $json.id }}', metadata: '={{ $json.metadata }}', ...extra });

const items = (count: number, invalidAt?: number) =>
	Array.from({ length: count }, (_, index) => ({
		id: `t${index}`,
		metadata: index === invalidAt ? '{broken' : `{"n": ${index}}`,
	}));

describe('nothing is sent while an item of the run is unprepared or invalid', () => {
	test('the harness shows the nodes as real n8n loads them (Request Options added)', () => {
		const node = new ScaleTask();
		return runNode({ nodeType: node, parameters: setMetadata(), items: [] }).then(() => {
			expect(node.description.properties.map((property) => property.name)).toContain('requestOptions');
		});
	});

	test('Batching 1 item per 100 ms, last of 3 items invalid: no request at all, the run names the item', async () => {
		const stats = serveSetMetadata();
		const run = await runNode({
			nodeType: new ScaleTask(),
			parameters: setMetadata({ requestOptions: batching(1, 100) }),
			items: items(3, 2),
		});
		expect(stats.sent).toEqual([]);
		expect(run.error?.message).toMatch(/"Metadata" is not valid JSON.*\[item 2\]|item 2/);
	});

	test('Batching with valid items: every item sent exactly once, at most Max Concurrent Requests at a time', async () => {
		const stats = serveSetMetadata();
		const run = await runNode({
			nodeType: new ScaleTask(),
			parameters: setMetadata({ requestOptions: batching(2, 20), options: { maxConcurrentRequests: 2 } }),
			items: items(8),
		});
		expect(run.error).toBeUndefined();
		expect([...stats.sent].sort()).toEqual(items(8).map((item) => item.id).sort());
		expect(stats.maxInFlight).toBeLessThanOrEqual(2);
		expect(run.items.map((item) => item.pairedItem)).toEqual(items(8).map((_, item) => ({ item })));
	});

	test('Timeout in Request Options does not open the barrier early: invalid middle item, nothing sent', async () => {
		const stats = serveSetMetadata();
		const run = await runNode({
			nodeType: new ScaleTask(),
			parameters: setMetadata({ requestOptions: { timeout: 5000, ...batching(1, 30) } }),
			items: items(4, 1),
		});
		expect(stats.sent).toEqual([]);
		expect(run.error).toBeDefined();
	});

	test('an expression that fails inside a field (not a validation message) still stops the run without hanging', async () => {
		const stats = serveSetMetadata();
		const run = await runNode({
			nodeType: new ScaleTask(),
			parameters: taskParams('setMetadata', {
				taskId: '={{ $json.id }}',
				metadata: '={{ $json.id === "t2" ? $("No Such Node").item.json.x : $json.metadata }}',
				requestOptions: batching(1, 20),
			}),
			items: items(3),
		});
		expect(stats.sent).toEqual([]);
		expect(run.error).toBeDefined();
		// The items that were waiting when the run failed are never sent later either.
		await sleepMs(4000);
		expect(stats.sent).toEqual([]);
	});
});

test('Execute Once with 3 input items: the one item the engine runs is sent, the barrier does not wait for the others', async () => {
	const stats = serveSetMetadata();
	const run = await runNode({ nodeType: new ScaleTask(), parameters: setMetadata(), items: items(3), executeOnce: true });
	expect(run.error).toBeUndefined();
	expect(stats.sent).toEqual(['t0']);
	expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
}, 10_000);
