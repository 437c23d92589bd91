import { createHash, timingSafeEqual } from 'crypto';

/** The header Scale sets on every callback; its value is the account's Live Callback Auth Key. */
export const CALLBACK_AUTH_HEADER = 'scale-callback-auth';

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether a callback's `scale-callback-auth` header carries the credential's Callback Auth Key, compared in
 * constant time (both sides are hashed first, so the lengths always match). Missing on either side is false.
 */
export function hasCallbackAuthKey(received: unknown, expected: unknown): boolean {
	const header = Array.isArray(received) ? received[0] : received;
	if (typeof header !== 'string' || header === '' || typeof expected !== 'string' || expected === '') return false;
	return timingSafeEqual(sha256(header), sha256(expected));
}
