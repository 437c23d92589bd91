/**
 * The high-water mark a poll keeps in the node's static data, so that across polls nothing is emitted twice
 * and nothing is missed:
 * - `floor`: nothing older is ever emitted (the first poll's "now", or the backfill date);
 * - `mark`: the newest completion (or delivery) time seen by a poll that read every page;
 * - `seen`: the ids emitted (or known) with a time not older than `mark - OVERLAP_MS`, with that time.
 * Each poll asks Scale for everything since `mark - OVERLAP_MS` and skips the ids in `seen`. The overlap
 * catches records Scale lists late, records sharing a timestamp with the mark (at a page boundary or
 * completed in the same millisecond right after a poll), and small clock differences; `seen` keeps it from
 * emitting anything twice.
 */
export const OVERLAP_MS = 5 * 60_000;

export interface Cursor {
	/** What the cursor was made for (event and filters); a different one starts afresh. */
	key: string;
	floor: number;
	mark: number;
	seen: Record<string, number>;
}

export interface Timed {
	id: string;
	ms: number;
}

export function newCursor(key: string, floor: number): Cursor {
	return { key, floor, mark: floor, seen: {} };
}

/** The cursor in static data, if it was made for this key and has the expected shape. */
export function readCursor(stored: unknown, key: string): Cursor | undefined {
	if (typeof stored !== 'object' || stored === null) return undefined;
	const cursor = stored as Partial<Cursor>;
	if (cursor.key !== key || typeof cursor.floor !== 'number' || typeof cursor.mark !== 'number') return undefined;
	if (typeof cursor.seen !== 'object' || cursor.seen === null) return undefined;
	return cursor as Cursor;
}

/**
 * The lower time bound to ask Scale for, one millisecond early so that an inclusive and an exclusive
 * `…_after` filter both return a record at exactly the bound.
 */
export function queryFrom(cursor: Cursor): number {
	return Math.max(cursor.floor, cursor.mark - OVERLAP_MS) - 1;
}

/**
 * Folds one poll's records into the cursor and returns those to emit, oldest first. `complete` is false when
 * the poll stopped before the last page: then the mark stays where it was, so the next poll reads the rest.
 */
export function advance<T extends Timed>(
	cursor: Cursor,
	records: T[],
	complete: boolean,
): { cursor: Cursor; fresh: T[] } {
	const seen = { ...cursor.seen };
	const fresh: T[] = [];
	let newest = cursor.mark;
	for (const record of records) {
		newest = Math.max(newest, record.ms);
		if (record.ms < cursor.floor || record.id in seen) continue;
		seen[record.id] = record.ms;
		fresh.push(record);
	}
	const next: Cursor = { key: cursor.key, floor: cursor.floor, mark: complete ? newest : cursor.mark, seen };
	// Only what the next query can return needs remembering.
	const from = queryFrom(next);
	for (const [id, ms] of Object.entries(seen)) {
		if (ms < from) delete seen[id];
	}
	fresh.sort((a, b) => a.ms - b.ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return { cursor: next, fresh };
}

/** Milliseconds of an ISO time from Scale, or undefined. */
export function timeOf(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}
