import { RequestGate } from '../../../nodes/shared/transport/gate';

/** Acquires `count` slots without waiting for them: resolves each slot's promise as it is granted. */
function request(gate: RequestGate, log: { inFlight: number; max: number }) {
	return gate.acquire().then((ticket) => {
		log.inFlight++;
		log.max = Math.max(log.max, log.inFlight);
		return {
			done(outcome: 'ok' | '429') {
				log.inFlight--;
				if (outcome === 'ok') gate.succeeded();
				else gate.rateLimited(0, ticket);
				gate.release();
			},
		};
	});
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the run gate adapts to rate limits (AIMD)', () => {
	test('a 429 halves the requests in flight; successes grow it back one at a time to Max Concurrent Requests', async () => {
		const gate = new RequestGate(4);
		const log = { inFlight: 0, max: 0 };
		const first = await Promise.all([1, 2, 3, 4].map(() => request(gate, log)));
		expect(log.max).toBe(4);

		first[0].done('429');
		expect(gate.currentLimit).toBe(2);
		// The other three were sent before the decrease: their 429s must not shrink it again.
		first[1].done('429');
		expect(gate.currentLimit).toBe(2);

		// Twelve more requests wait: none is let in while the two sent before the 429 are still in flight.
		const waiting = Array.from({ length: 12 }, () => request(gate, log));
		await tick();
		expect(log.inFlight).toBe(2);
		first[2].done('ok');
		await tick();
		expect(log.inFlight).toBe(2);
		first[3].done('ok');
		await tick();
		expect(gate.currentLimit).toBe(3);
		expect(log.inFlight).toBe(3);

		const limits: number[] = [];
		for (const pending of waiting) {
			const slot = await pending;
			slot.done('ok');
			limits.push(gate.currentLimit);
			await tick();
		}
		expect(limits[limits.length - 1]).toBe(4);
		expect(limits).toEqual([...limits].sort((a, b) => a - b));
		expect(log.inFlight).toBe(0);
	});

	test('never below one request in flight', async () => {
		const gate = new RequestGate(2);
		const log = { inFlight: 0, max: 0 };
		for (let round = 0; round < 4; round++) (await request(gate, log)).done('429');
		expect(gate.currentLimit).toBe(1);
		const slot = await request(gate, log);
		slot.done('ok');
		expect(gate.currentLimit).toBe(2);
	});
});
