import { badRequest } from './errors';
import type { JsonObject } from './types';

export function isPlainObject(value: unknown): value is JsonObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The body as an object; a missing body counts as `{}` so the required-field checks answer 400. */
export function objectBody(body: unknown): JsonObject {
	if (body === undefined) return {};
	if (!isPlainObject(body)) throw badRequest('Request body must be a JSON object.');
	return body;
}

export function requiredString(body: JsonObject, name: string): string {
	const value = body[name];
	if (typeof value !== 'string' || value.trim() === '') throw badRequest(`Missing required parameter: ${name}`);
	return value;
}

export function optionalString(body: JsonObject, name: string): string | undefined {
	const value = body[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw badRequest(`${name} must be a string`);
	return value;
}

export function optionalBoolean(body: JsonObject, name: string): boolean | undefined {
	const value = body[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'True') return true;
	if (value === 'false' || value === 'False') return false;
	throw badRequest(`${name} must be a boolean`);
}

export function optionalObject(body: JsonObject, name: string): JsonObject | undefined {
	const value = body[name];
	if (value === undefined || value === null) return undefined;
	if (!isPlainObject(value)) throw badRequest(`${name} must be an object`);
	return value;
}

export function stringArray(value: unknown, name: string): string[] {
	if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string')) {
		throw badRequest(`${name} must be an array of strings`);
	}
	return value as string[];
}

export function requiredStringArray(body: JsonObject, name: string): string[] {
	if (body[name] === undefined || body[name] === null) throw badRequest(`Missing required parameter: ${name}`);
	return stringArray(body[name], name);
}
