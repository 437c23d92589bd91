import { sleep } from 'n8n-workflow';

/**
 * Bounds the requests in flight for one node run and lets a rate-limit answer pause them all:
 * when Scale says 429, every request of the run waits, not just the one that was told.
 */
export class RequestGate {
	private active = 0;

	private readonly queue: Array<() => void> = [];

	private resumeAt = 0;

	constructor(readonly maxConcurrent: number) {}

	async acquire(): Promise<void> {
		if (this.active < this.maxConcurrent && this.queue.length === 0) {
			this.active++;
		} else {
			// release() hands its slot straight to the longest waiter, so `active` stays counted.
			await new Promise<void>((resolve) => this.queue.push(resolve));
		}
		for (let wait = this.resumeAt - Date.now(); wait > 0; wait = this.resumeAt - Date.now()) {
			await sleep(wait);
		}
	}

	release(): void {
		const next = this.queue.shift();
		if (next) next();
		else this.active--;
	}

	pauseFor(ms: number): void {
		this.resumeAt = Math.max(this.resumeAt, Date.now() + ms);
	}
}
