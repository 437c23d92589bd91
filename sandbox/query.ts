import { badRequest } from './errors';

/** Query booleans arrive as `true`/`True` (requests capitalises Python booleans) or `false`/`False`. */
export function parseBoolean(name: string, raw: string | null): boolean | undefined {
	if (raw === null || raw === '') return undefined;
	const lower = raw.toLowerCase();
	if (lower === 'true' || lower === '1') return true;
	if (lower === 'false' || lower === '0') return false;
	throw badRequest(`Invalid boolean for ${name}: ${raw}`);
}

export function parseNonNegativeInt(name: string, raw: string | null): number | undefined {
	if (raw === null || raw === '') return undefined;
	if (!/^\d+$/.test(raw)) throw badRequest(`${name} must be a non-negative integer`);
	return Number(raw);
}

/** Values of a key that may be repeated and/or comma-separated. */
export function listValues(query: URLSearchParams, name: string, splitCommas: boolean): string[] {
	const values = query.getAll(name);
	const parts = splitCommas ? values.flatMap((value) => value.split(',')) : values;
	return parts.map((value) => value.trim()).filter((value) => value !== '');
}

/** Query as a plain object for the request log: repeated keys become arrays. */
export function queryToObject(query: URLSearchParams): Record<string, string | string[]> {
	const result: Record<string, string | string[]> = {};
	for (const [key, value] of query) {
		const existing = result[key];
		if (existing === undefined) result[key] = value;
		else if (Array.isArray(existing)) existing.push(value);
		else result[key] = [existing, value];
	}
	return result;
}
