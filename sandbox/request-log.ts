import type { RequestLogEntry } from './types';

/** Bytes counted per entry besides its body (method, path, query, headers, numbers): a deliberate overestimate. */
const ENTRY_OVERHEAD_BYTES = 1024;
const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;
/** A page of the log stops before this many (estimated) bytes, so one GET never answers hundreds of MB. */
const PAGE_BYTES = 8 * 1024 * 1024;

export interface RequestLogLimits {
	/** Entries kept (oldest dropped). */
	maxEntries: number;
	/** Estimated bytes kept (oldest dropped). */
	maxBytes: number;
	/** A body bigger than this (as JSON) is logged as a preview of this many characters plus its original size. */
	maxBodyBytes: number;
}

export interface RequestLogPage {
	requests: RequestLogEntry[];
	/** Pass as `since` to get the next page. */
	next_since: number;
	has_more: boolean;
}

/** Request log readable by tests, bounded in entries and bytes; large bodies are kept as previews. */
export class RequestLog {
	private readonly entries: RequestLogEntry[] = [];
	private readonly sizes: number[] = [];
	private head = 0;
	private bytes = 0;
	private nextId = 1;

	constructor(private limits: RequestLogLimits) {}

	setLimits(limits: RequestLogLimits): void {
		this.limits = limits;
		this.trim();
	}

	add(entry: Omit<RequestLogEntry, 'id'>): RequestLogEntry {
		const logged: RequestLogEntry = { id: this.nextId++, ...entry };
		this.entries.push(logged);
		this.sizes.push(ENTRY_OVERHEAD_BYTES);
		this.bytes += ENTRY_OVERHEAD_BYTES;
		this.trim();
		return logged;
	}

	/**
	 * Sets an entry's body from the raw bytes: the parsed JSON (`logged`) when the body is small, a multipart summary
	 * as is, else a preview string of `maxBodyBytes` characters with `bodyTruncated`. `bodySize` is the original size.
	 */
	setBody(entry: RequestLogEntry, logged: unknown, raw: Buffer, isSummary: boolean): void {
		entry.bodySize = raw.length;
		if (raw.length === 0) return;
		const max = this.limits.maxBodyBytes;
		if (isSummary) {
			entry.body = logged;
			this.grow(entry, Math.min(JSON.stringify(logged).length, max));
		} else if (raw.length > max) {
			entry.body = raw.subarray(0, max).toString('utf8');
			entry.bodyTruncated = true;
			this.grow(entry, max);
		} else {
			entry.body = logged === undefined ? raw.toString('utf8') : logged;
			this.grow(entry, raw.length);
		}
	}

	/** All entries (copy), oldest first. */
	list(): RequestLogEntry[] {
		return this.entries.slice(this.head);
	}

	/** Entries with id > `sinceId`, oldest first, at most `limit` and about PAGE_BYTES. */
	page(sinceId = 0, limit = DEFAULT_PAGE): RequestLogPage {
		const count = Math.max(1, Math.min(limit, MAX_PAGE));
		let index = this.indexAfter(sinceId);
		const requests: RequestLogEntry[] = [];
		let bytes = 0;
		for (; index < this.entries.length && requests.length < count; index++) {
			bytes += this.sizes[index];
			if (requests.length > 0 && bytes > PAGE_BYTES) break;
			requests.push(this.entries[index]);
		}
		const last = requests.at(-1)?.id ?? Math.max(sinceId, 0);
		return { requests, next_since: last, has_more: index < this.entries.length };
	}

	/** What the log holds now (the control API reports it). */
	usage(): { entries: number; bytes: number } {
		return { entries: this.entries.length - this.head, bytes: this.bytes };
	}

	clear(): void {
		this.entries.length = 0;
		this.sizes.length = 0;
		this.head = 0;
		this.bytes = 0;
	}

	private grow(entry: RequestLogEntry, by: number): void {
		const index = this.indexAfter(entry.id - 1);
		if (this.entries[index] !== entry) return;
		this.sizes[index] += by;
		this.bytes += by;
		this.trim();
	}

	private indexAfter(sinceId: number): number {
		// Ids are consecutive, so the position is arithmetic.
		const first = this.entries[this.head]?.id;
		if (first === undefined) return this.entries.length;
		return Math.min(this.entries.length, this.head + Math.max(0, sinceId - first + 1));
	}

	/** Drops the oldest entries past either bound; the array is compacted in chunks so trimming stays O(1) amortised. */
	private trim(): void {
		const { maxEntries, maxBytes } = this.limits;
		while (this.head < this.entries.length && (this.entries.length - this.head > maxEntries || this.bytes > maxBytes)) {
			this.bytes -= this.sizes[this.head];
			this.head++;
		}
		if (this.head >= 256 || (this.head > 0 && this.head > this.entries.length >> 1)) {
			this.entries.splice(0, this.head);
			this.sizes.splice(0, this.head);
			this.head = 0;
		}
	}
}
