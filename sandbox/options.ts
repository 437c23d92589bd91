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
		maxBodyBytes: 100 * 1024 * 1024,
	};
}

/** Applies a partial over resolved options; `faults` merges key by key, everything else replaces. */
export function mergeOptions(base: ResolvedOptions, partial: SandboxOptions): ResolvedOptions {
	const next: ResolvedOptions = { ...base, faults: { ...base.faults } };
	for (const [key, value] of Object.entries(partial) as [keyof SandboxOptions, unknown][]) {
		if (value === undefined) continue;
		if (key === 'faults') Object.assign(next.faults, stripUndefined(value as object));
		else (next as unknown as Record<string, unknown>)[key] = value;
	}
	validateOptions(next);
	return next;
}

function stripUndefined(value: object): object {
	return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined));
}

function validateOptions(options: ResolvedOptions): void {
	const rates = options.faults;
	for (const key of ['errorRate', 'falseCreateRate', 'dropConnectionRate', 'nonJsonRate'] as const) {
		const rate = rates[key];
		if (typeof rate !== 'number' || rate < 0 || rate > 1) throw new TypeError(`faults.${key} must be between 0 and 1`);
	}
	if (options.rateLimit !== null && !(options.rateLimit.requestsPerSecond > 0)) {
		throw new TypeError('rateLimit.requestsPerSecond must be > 0');
	}
	if (!Array.isArray(options.apiKeys) || options.apiKeys.length === 0) throw new TypeError('apiKeys must not be empty');
	if (!(options.latencyMs >= 0)) throw new TypeError('latencyMs must be >= 0');
	if (options.completionDelayMs !== null && !(options.completionDelayMs >= 0)) {
		throw new TypeError('completionDelayMs must be >= 0 or null');
	}
}
