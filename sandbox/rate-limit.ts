/** Token bucket: holds up to one second of requests, refills continuously. */
export class TokenBucket {
	private tokens: number;
	private refilledAt: number;

	constructor(private readonly requestsPerSecond: number) {
		this.tokens = requestsPerSecond;
		this.refilledAt = performance.now();
	}

	/** Takes a token; returns 0 when allowed, else the whole seconds to wait (at least 1) for Retry-After. */
	take(now = performance.now()): number {
		const elapsedSeconds = (now - this.refilledAt) / 1000;
		this.tokens = Math.min(this.requestsPerSecond, this.tokens + elapsedSeconds * this.requestsPerSecond);
		this.refilledAt = now;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return 0;
		}
		return Math.max(1, Math.ceil((1 - this.tokens) / this.requestsPerSecond));
	}
}
