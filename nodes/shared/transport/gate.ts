import { sleep } from 'n8n-workflow';

/**
 * Bounds the requests in flight for one node run and adapts to Scale's rate limit:
 * - a 429 pauses every request of the run (not just the one that was told) for the Retry-After time, and
 *   halves how many may be in flight, since the limit is shared with whatever else uses the same API key
 *   (other runs, other workers of n8n's queue mode);
 * - each run of `limit` successes in a row grows it by one again, up to Max Concurrent Requests.
 * That is TCP's additive-increase / multiplicative-decrease: runs that share one limit settle just under it
 * instead of all bursting into it and losing their pause time.
 */
export class RequestGate {
	private active = 0;

	private readonly queue: Array<() => void> = [];

	private resumeAt = 0;

	/** How many requests may be in flight now: between 1 and maxConcurrent. */
	private limit: number;

	private successesAtLimit = 0;

	/** Tickets number the granted slots; 429s of requests granted before the last decrease do not shrink again. */
	private nextTicket = 0;

	private decreasedAtTicket = 0;

	constructor(readonly maxConcurrent: number) {
		this.limit = maxConcurrent;
	}

	get currentLimit(): number {
		return this.limit;
	}

	/** Waits for a slot; returns its ticket (pass it to rateLimited). */
	async acquire(): Promise<number> {
		if (this.active < this.limit && this.queue.length === 0) {
			this.active++;
		} else {
			// release() hands its slot straight to the longest waiter, so `active` stays counted.
			await new Promise<void>((resolve) => this.queue.push(resolve));
		}
		for (let wait = this.resumeAt - Date.now(); wait > 0; wait = this.resumeAt - Date.now()) {
			await sleep(wait);
		}
		return this.nextTicket++;
	}

	release(): void {
		const next = this.active <= this.limit ? this.queue.shift() : undefined;
		if (next) next();
		else this.active--;
	}

	succeeded(): void {
		if (this.limit >= this.maxConcurrent) return;
		if (++this.successesAtLimit >= this.limit) {
			this.limit++;
			this.successesAtLimit = 0;
			// A slot has opened: let a waiter in.
			const next = this.active < this.limit ? this.queue.shift() : undefined;
			if (next) {
				this.active++;
				next();
			}
		}
	}

	/** A 429 for the request holding `ticket`: pause everyone for `ms`, and shrink once per congestion event. */
	rateLimited(ms: number, ticket: number): void {
		this.resumeAt = Math.max(this.resumeAt, Date.now() + ms);
		if (ticket < this.decreasedAtTicket) return;
		this.limit = Math.max(1, Math.floor(this.limit / 2));
		this.successesAtLimit = 0;
		this.decreasedAtTicket = this.nextTicket;
	}
}
