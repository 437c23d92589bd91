import { resolveTaskType } from './enums';
import type { ResolvedOptions, SandboxOptions } from './types';

export const DEFAULT_API_KEY = 'test_sandbox_key';
export const DEFAULT_CALLBACK_AUTH_KEY = 'sandbox_callback_auth_key';

export function defaultOptions(): ResolvedOptions {
	return {
		port: 0,
		host: '127.0.0.1',
		apiKeys: [DEFAULT_API_KEY],
		callbackAuthKey: DEFAULT_CALLBACK_AUTH_KEY,
		latencyMs: 0,
		rateLimit: null,
		faults: { errorRate: 0, falseCreateRate: 0, dropConnectionRate: 0, nonJsonRate: 0, seed: 1 },
		completionDelayMs: null,
		callbackRetries: 3,
		callbackRetryDelayMs: 500,
		seedTasks: null,
		seedStudio: false,
		persistFile: null,
		maxLoggedRequests: 20000,
		maxLogBytes: 64 * 1024 * 1024,
		maxLoggedBodyBytes: 64 * 1024,
		maxBodyBytes: 100 * 1024 * 1024,
		lenient: false,
	};
}

/** Thrown for an option of the wrong type or out of range; the control API answers it with 400. */
export class OptionError extends TypeError {}

type Check = (value: unknown, name: string) => void;

const fail = (name: string, expected: string, value: unknown): never => {
	throw new OptionError(`${name} must be ${expected}, got ${JSON.stringify(value) ?? String(value)}`);
};

const integer = (min: number, max = Number.MAX_SAFE_INTEGER): Check => (value, name) => {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) fail(name, `an integer from ${min} to ${max}`, value);
};
const number = (min: number, max = Number.MAX_SAFE_INTEGER): Check => (value, name) => {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) fail(name, `a number from ${min} to ${max}`, value);
};
const text: Check = (value, name) => {
	if (typeof value !== 'string' || value === '') fail(name, 'a non-empty string', value);
};
const anyString: Check = (value, name) => {
	if (typeof value !== 'string') fail(name, 'a string', value);
};
const boolean: Check = (value, name) => {
	if (typeof value !== 'boolean') fail(name, 'true or false', value);
};
const nullable = (check: Check): Check => (value, name) => {
	if (value !== null) check(value, name);
};
const object = (fields: Record<string, Check>, required: string[] = []): Check => (value, name) => {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(name, 'an object', value);
	const record = value as Record<string, unknown>;
	for (const key of Object.keys(record)) {
		if (!(key in fields)) throw new OptionError(`${name}.${key} is not an option (known: ${Object.keys(fields).join(', ')})`);
		if (record[key] !== undefined) fields[key](record[key], `${name}.${key}`);
	}
	for (const key of required) if (record[key] === undefined) throw new OptionError(`${name}.${key} is required`);
};

const RATE = number(0, 1);
const ONE_HOUR_MS = 3_600_000;

/** Type and range of every option; `POST /_sandbox/options` and startSandbox check against it. */
const OPTION_CHECKS: Record<keyof SandboxOptions, Check> = {
	port: integer(0, 65535),
	host: text,
	apiKeys: (value, name) => {
		if (!Array.isArray(value) || value.length === 0 || value.some((key) => typeof key !== 'string' || key === '')) {
			fail(name, 'a non-empty array of non-empty strings', value);
		}
	},
	callbackAuthKey: anyString,
	latencyMs: number(0, ONE_HOUR_MS),
	rateLimit: nullable(object({ requestsPerSecond: number(Number.MIN_VALUE) }, ['requestsPerSecond'])),
	faults: object({ errorRate: RATE, falseCreateRate: RATE, dropConnectionRate: RATE, nonJsonRate: RATE, seed: integer(Number.MIN_SAFE_INTEGER) }),
	completionDelayMs: nullable(number(0, 24 * ONE_HOUR_MS)),
	callbackRetries: integer(0, 100),
	callbackRetryDelayMs: number(0, ONE_HOUR_MS),
	seedTasks: nullable(
		object(
			{
				count: integer(0, 1_000_000),
				project: text,
				batch: text,
				type: (value, name) => {
					if (typeof value !== 'string' || !resolveTaskType(value)) fail(name, 'a task type', value);
				},
			},
			['count', 'project'],
		),
	),
	seedStudio: boolean,
	persistFile: nullable(text),
	maxLoggedRequests: integer(0),
	maxLogBytes: integer(0),
	maxLoggedBodyBytes: integer(0),
	maxBodyBytes: integer(1),
	lenient: boolean,
};

/** Checks a partial: unknown keys, wrong types and out-of-range values throw an OptionError naming the option. */
export function validateOptions(partial: unknown): asserts partial is SandboxOptions {
	object(OPTION_CHECKS)(partial, 'options');
}

/** Applies a (checked) partial over resolved options; `faults` merges key by key, everything else replaces. */
export function mergeOptions(base: ResolvedOptions, partial: SandboxOptions): ResolvedOptions {
	validateOptions(partial);
	const next: ResolvedOptions = { ...base, faults: { ...base.faults } };
	for (const [key, value] of Object.entries(partial) as [keyof SandboxOptions, unknown][]) {
		if (value === undefined) continue;
		if (key === 'faults') Object.assign(next.faults, stripUndefined(value as object));
		else (next as unknown as Record<string, unknown>)[key] = value;
	}
	return next;
}

function stripUndefined(value: object): object {
	return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined));
}
