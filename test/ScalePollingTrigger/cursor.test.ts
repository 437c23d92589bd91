import { advance, newCursor, OVERLAP_MS, queryFrom } from '../../nodes/ScalePollingTrigger/cursor';

const T = Date.parse('2026-11-29T10:00:00.000Z');
const record = (id: string, ms: number) => ({ id, ms });

describe('Scale Polling Trigger: the high-water mark', () => {
	it('asks from the overlap before the mark, one millisecond early, never before the floor', () => {
		expect(queryFrom(newCursor('k', T))).toBe(T - 1);
		expect(queryFrom({ ...newCursor('k', T), mark: T + 2 * OVERLAP_MS })).toBe(T + OVERLAP_MS - 1);
	});

	it('emits a record Scale lists late (older than the mark, inside the overlap) once', () => {
		const first = advance(newCursor('k', T), [record('a', T + 60_000)], true);
		const late = advance(first.cursor, [record('a', T + 60_000), record('b', T + 30_000)], true);
		expect(late.fresh.map((r) => r.id)).toEqual(['b']);
		expect(advance(late.cursor, [record('a', T + 60_000), record('b', T + 30_000)], true).fresh).toEqual([]);
	});

	it('never emits what completed before the floor', () => {
		expect(advance(newCursor('k', T), [record('old', T - 1)], true).fresh).toEqual([]);
	});

	it('keeps the mark when a poll stopped early, and forgets only ids the next query cannot return', () => {
		const cursor = { ...newCursor('k', T), mark: T + 10 * OVERLAP_MS };
		const partial = advance(cursor, [record('x', T + 20 * OVERLAP_MS)], false);
		expect(partial.cursor.mark).toBe(cursor.mark);
		const done = advance(partial.cursor, [record('y', T + 20 * OVERLAP_MS)], true);
		expect(done.cursor.mark).toBe(T + 20 * OVERLAP_MS);
		expect(Object.keys(done.cursor.seen).sort()).toEqual(['x', 'y']);
		const later = advance(done.cursor, [record('z', T + 30 * OVERLAP_MS)], true);
		expect(Object.keys(later.cursor.seen)).toEqual(['z']);
	});
});
