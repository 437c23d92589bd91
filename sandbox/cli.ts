#!/usr/bin/env node
/** Command line: `node build/sandbox/cli.js --port 4010 --latency 20 ...` (see --help). */
import { startSandbox } from './server';
import type { SandboxOptions } from './types';

const HELP = `Scale API v1 sandbox

Usage: node build/sandbox/cli.js [options]

  --port N                  listen port (default 4010; 0 = random)
  --host HOST               listen address (default 127.0.0.1)
  --api-key KEY             accepted API key; repeatable (default test_sandbox_key)
  --callback-auth-key KEY   scale-callback-auth header value (default sandbox_callback_auth_key)
  --latency MS              added to every /v1 response
  --rate-limit N            requests per second before 429 + Retry-After
  --error-rate F            fraction answered 500/503 without doing anything
  --false-create-rate F     fraction of task creates that create the task then answer 500
  --drop-connection-rate F  fraction whose connection is dropped mid-response
  --non-json-rate F         fraction answered 200 with an HTML body
  --fault-seed N            seed of the fault PRNG (default 1)
  --completion-delay MS     auto-complete tasks after MS (default: stay pending)
  --callback-retries N      retries after a failed callback (default 3)
  --callback-retry-delay MS delay between callback attempts (default 500)
  --seed-tasks N            create N completed tasks at start
  --seed-project NAME       project of the seeded tasks (default sandbox-seed)
  --seed-batch NAME         batch of the seeded tasks
  --seed-type TYPE          task type of the seeded tasks (default imageannotation)
  --seed-studio             seed a Studio project, labelers, assignments, a group and pending Studio batches
  --persist FILE            load/save state in FILE
  --lenient                 accept what Scale refuses (unknown query parameters, bodies not sent as JSON,
                            a next_token reused with other filters)
  --max-body-bytes N        largest request body (default 104857600; 413 above)
  --max-logged-requests N   request-log entries kept (default 20000)
  --max-log-bytes N         request-log size bound in bytes (default 67108864)
  --max-logged-body-bytes N bodies above this are logged as a preview plus their size (default 65536)
  --help                    this text
`;

type Flags = Map<string, string[]>;

/** `--name value` and `--name=value`; a flag followed by another flag (or nothing) is `true`. */
export function parseFlags(argv: string[]): Flags {
	const flags: Flags = new Map();
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index];
		if (!argument.startsWith('--')) throw new Error(`Unexpected argument: ${argument}`);
		const equals = argument.indexOf('=');
		let name: string;
		let value: string;
		if (equals !== -1) {
			name = argument.slice(2, equals);
			value = argument.slice(equals + 1);
		} else {
			name = argument.slice(2);
			const next = argv[index + 1];
			value = next === undefined || next.startsWith('--') ? 'true' : argv[++index];
		}
		flags.set(name, [...(flags.get(name) ?? []), value]);
	}
	return flags;
}

const KNOWN_FLAGS = new Set(HELP.match(/--[a-z-]+/g)!.map((flag) => flag.slice(2)));

export function optionsFromFlags(flags: Flags): SandboxOptions {
	for (const name of flags.keys()) if (!KNOWN_FLAGS.has(name)) throw new Error(`Unknown flag --${name} (see --help)`);
	const last = (name: string): string | undefined => flags.get(name)?.at(-1);
	const number = (name: string): number | undefined => {
		const raw = last(name);
		if (raw === undefined) return undefined;
		const value = Number(raw);
		if (!Number.isFinite(value)) throw new Error(`--${name} needs a number, got ${raw}`);
		return value;
	};
	/** `--name` alone (or `--name=true`) is true, `--name=false` false. */
	const flag = (name: string): boolean | undefined => {
		const raw = last(name);
		if (raw === undefined) return undefined;
		if (raw !== 'true' && raw !== 'false') throw new Error(`--${name} takes no value (or =true / =false), got ${raw}`);
		return raw === 'true';
	};
	const seedCount = number('seed-tasks');
	const rateLimit = number('rate-limit');
	return {
		port: number('port') ?? 4010,
		host: last('host'),
		apiKeys: flags.get('api-key'),
		callbackAuthKey: last('callback-auth-key'),
		latencyMs: number('latency'),
		rateLimit: rateLimit === undefined ? undefined : { requestsPerSecond: rateLimit },
		faults: {
			errorRate: number('error-rate'),
			falseCreateRate: number('false-create-rate'),
			dropConnectionRate: number('drop-connection-rate'),
			nonJsonRate: number('non-json-rate'),
			seed: number('fault-seed'),
		},
		completionDelayMs: number('completion-delay'),
		callbackRetries: number('callback-retries'),
		callbackRetryDelayMs: number('callback-retry-delay'),
		seedTasks: seedCount
			? { count: seedCount, project: last('seed-project') ?? 'sandbox-seed', batch: last('seed-batch'), type: last('seed-type') }
			: undefined,
		seedStudio: flag('seed-studio'),
		persistFile: last('persist'),
		lenient: flag('lenient'),
		maxBodyBytes: number('max-body-bytes'),
		maxLoggedRequests: number('max-logged-requests'),
		maxLogBytes: number('max-log-bytes'),
		maxLoggedBodyBytes: number('max-logged-body-bytes'),
	};
}

async function main(): Promise<void> {
	const flags = parseFlags(process.argv.slice(2));
	if (flags.has('help')) {
		process.stdout.write(HELP);
		return;
	}
	const sandbox = await startSandbox(optionsFromFlags(flags));
	process.stdout.write(`Scale sandbox listening on ${sandbox.url} (API key: ${sandbox.options.apiKeys[0]})\n`);
	// A sandbox is a long-running dev server: a bug in one request or callback is reported, not fatal.
	process.on('uncaughtException', (error) => process.stderr.write(`Scale sandbox: unexpected error (still serving): ${error.stack ?? String(error)}\n`));
	process.on('unhandledRejection', (error) => process.stderr.write(`Scale sandbox: unexpected error (still serving): ${String(error)}\n`));
	const stop = (): void => {
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	});
}
