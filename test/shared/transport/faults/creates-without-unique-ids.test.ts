import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { countBy, createItems, createParameters, creates, runTaskAt } from './helpers';

const ITEMS = 200;

/**
 * Creates without a unique ID while the sandbox answers ~10% of requests 500/503 without acting and ~5% of
 * creates with a "false 500" (task created, 500 answered). Neither can be told apart by the client, so
 * neither may be retried: no duplicate, and every unconfirmed item says so and how to check.
 */
describe('fault injection: creates without unique IDs under 5xx', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ faults: { errorRate: 0.1, falseCreateRate: 0.05, seed: 42 } });
	});
	afterAll(() => sandbox.close());

	test('no duplicate is created; unconfirmed items fail saying the task may or may not exist and how to check', async () => {
		const { items, error } = await runTaskAt(sandbox.url, 'create', createParameters(false), createItems(ITEMS), true);

		expect(error).toBeUndefined();
		expect(items).toHaveLength(ITEMS);
		const log = creates(sandbox.requests);
		// Each item was sent exactly once: a create that got a 5xx is never repeated.
		expect(log).toHaveLength(ITEMS);
		expect(countBy(log.map((entry) => (entry.body as { attachment: string }).attachment)).size).toBe(ITEMS);

		const statuses = countBy(log.map((entry) => entry.status));
		const falseCreates = log.filter((entry) => entry.fault === 'falseCreate500').length;
		const notActedOn = log.filter((entry) => entry.fault === 'error500' || entry.fault === 'error503').length;
		expect(falseCreates).toBeGreaterThan(0);
		expect(notActedOn).toBeGreaterThan(0);
		expect((statuses.get(500) ?? 0) + (statuses.get(503) ?? 0)).toBe(falseCreates + notActedOn);

		const failed = items.filter((item) => item.error);
		const succeeded = items.filter((item) => !item.error);
		expect(failed).toHaveLength(falseCreates + notActedOn);
		expect(succeeded).toHaveLength(ITEMS - falseCreates - notActedOn);
		for (const item of failed) {
			expect(item.error?.message).toMatch(/^The task may or may not have been created: Scale's answer was lost \(HTTP 50[03]\)$/);
			expect(item.error?.description).toMatch(/Look for it in Scale \(e\.g\. Get Many with the same project\) before running this item again/);
			expect(item.error?.description).toMatch(/set a Unique ID so that retries are safe/);
		}

		// The sandbox holds the confirmed tasks plus the false creates, each attachment at most once.
		const tasks = sandbox.tasks();
		expect(tasks).toHaveLength(succeeded.length + falseCreates);
		const attachments = countBy(tasks.map((task) => task.params.attachment as string));
		expect(Math.max(...attachments.values())).toBe(1);
		for (const item of succeeded) expect(sandbox.task(item.json.task_id as string)).toBeDefined();
	});
});
