import type { IncomingHttpHeaders } from 'node:http';

/**
 * HTTP Basic with the API key as username (password ignored; the SDKs send it empty). With `bearer` (API v2, whose
 * generated client sends `Authorization: Bearer <key>`), a bearer token equal to a key is accepted too.
 */
export function isAuthorized(headers: IncomingHttpHeaders, apiKeys: readonly string[], bearer = false): boolean {
	const header = headers.authorization;
	if (!header) return false;
	const token = bearer ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
	if (token !== undefined) return apiKeys.includes(token);
	const match = /^Basic\s+(\S+)$/i.exec(header);
	if (!match) return false;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	const username = colon === -1 ? decoded : decoded.slice(0, colon);
	return username !== '' && apiKeys.includes(username);
}
