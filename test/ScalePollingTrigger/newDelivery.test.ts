import nock from 'nock';

import { ScalePollingTrigger } from '../../nodes/ScalePollingTrigger/ScalePollingTrigger.node';
import { EXPECTED_AUTH, TEST_API_KEY } from '../harness/constants';
import { useNock } from '../harness/nock';
import { Poller } from '../harness/run-poll';

const auth = EXPECTED_AUTH;
const delivery = (id: string, deliveredAt: string) => ({
	id,
	name: `delivery ${id}`,
	task_count: 10,
	delivered_at: deliveredAt,
	project: 'proj_1',
});

describe('Scale Polling Trigger: New GenAI Delivery (GET /v2/deliveries)', () => {
	useNock();

	const poller = (baseUrl = 'https://api.scale.com/v1') =>
		new Poller({
			nodeType: new ScalePollingTrigger(),
			parameters: { event: 'newDelivery', project: { mode: 'name', value: 'GenAI chat' } },
			credentials: { apiKey: TEST_API_KEY, baseUrl },
		});

	it('emits each new delivery once, asking by delivered_after at the v2 root of the credential\'s base URL', async () => {
		const trigger = poller();
		const queries: Array<Record<string, string>> = [];
		const serve = (body: { deliveries: object[] }) =>
			nock('https://api.scale.com', { reqheaders: { authorization: auth } })
				.get('/v2/deliveries')
				.query((query) => {
					queries.push(query as Record<string, string>);
					return true;
				})
				.reply(200, body);

		serve({ deliveries: [] });
		expect((await trigger.poll()).returned).toBeNull();
		const start = Date.parse(queries[0].delivered_after);

		const a = delivery('d1', new Date(start + 1000).toISOString());
		const b = delivery('d2', new Date(start + 2000).toISOString());
		serve({ deliveries: [b, a] });
		expect((await trigger.poll()).items.map((item) => item.json)).toEqual([a, b]);

		const c = delivery('d3', new Date(start + 2000).toISOString());
		serve({ deliveries: [c, b, a] });
		expect((await trigger.poll()).items.map((item) => item.json.id)).toEqual(['d3']);

		serve({ deliveries: [c, b, a] });
		expect((await trigger.poll()).returned).toBeNull();

		expect(queries.every((query) => query.project_name === 'GenAI chat')).toBe(true);
		// Asked from just before the previous mark, so equal times and late listings are not missed.
		expect(Date.parse(queries[3].delivered_after)).toBeLessThan(start + 2000);
	});

	it('keeps a gateway prefix: …/scale/v1 serves v2 at …/scale/v2', async () => {
		const scope = nock('https://gateway.example.com').get('/scale/v2/deliveries').query(true).reply(200, { deliveries: [] });
		await poller('https://gateway.example.com/scale/v1/').poll();
		expect(scope.isDone()).toBe(true);
	});

	it('"Fetch Test Event" shows the latest delivery without moving the cursor', async () => {
		nock('https://api.scale.com')
			.get('/v2/deliveries')
			.query({ project_name: 'GenAI chat' })
			.reply(200, { deliveries: [delivery('old', '2026-01-01T00:00:00.000Z'), delivery('new', '2026-02-01T00:00:00.000Z')] });
		const trigger = poller();
		const sample = await trigger.poll('manual', 'manual');
		expect(sample.items.map((item) => item.json.id)).toEqual(['new']);
		expect(trigger.staticData).toEqual({});
	});

	it('requires a project, and says so', async () => {
		const trigger = new Poller({
			nodeType: new ScalePollingTrigger(),
			parameters: { event: 'newDelivery' },
			credentials: { apiKey: TEST_API_KEY },
		});
		await expect(trigger.poll()).rejects.toThrow('"Project" is required for New GenAI Delivery');
	});
});
