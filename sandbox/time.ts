import { badRequest } from './errors';

export function isoTime(ms: number): string {
	return new Date(ms).toISOString();
}

const NAIVE_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?$/;

/**
 * Parses a time filter. The SDKs send ISO-8601 or `YYYY-MM-DD HH:MM:SS.ffffff` without a zone, which Scale
 * treats as UTC (spec §4.1); Date.parse would read the latter as local time, so it is normalised first.
 */
export function parseTimeFilter(name: string, raw: string): number {
	const naive = NAIVE_DATE_TIME.exec(raw.trim());
	const text = naive ? `${naive[1]}T${naive[2]}${naive[3] ? `.${naive[3].slice(0, 3)}` : ''}Z` : raw.trim();
	const ms = Date.parse(text);
	if (Number.isNaN(ms)) throw badRequest(`Invalid date for ${name}: ${raw}`);
	return ms;
}
