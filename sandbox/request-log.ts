import type { RequestLogEntry } from './types';

/** Request log readable by tests; keeps the newest `max` entries. */
export class RequestLog {
	private readonly entries: RequestLogEntry[] = [];
	private nextId = 1;

	constructor(private max: number) {}

	setMax(max: number): void {
		this.max = max;
	}

	add(entry: Omit<RequestLogEntry, 'id'>): RequestLogEntry {
		const logged: RequestLogEntry = { id: this.nextId++, ...entry };
		this.entries.push(logged);
		// Trim in chunks so the splice cost is amortised.
		if (this.entries.length > this.max + Math.max(100, this.max >> 3)) this.entries.splice(0, this.entries.length - this.max);
		return logged;
	}

	/** Entries with id > `sinceId` (all by default). */
	list(sinceId = 0): RequestLogEntry[] {
		if (sinceId <= 0) return [...this.entries];
		return this.entries.filter((entry) => entry.id > sinceId);
	}

	clear(): void {
		this.entries.length = 0;
	}
}
