import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import * as ts from 'typescript';

import { spawnSandbox } from '../../sandbox/spawn';

const SANDBOX_SOURCE = join(__dirname, '../../sandbox');
let built: string | undefined;

/** Transpiles sandbox/**.ts to CommonJS once per test file (fast: no type check) and answers the path of cli.js. */
export function buildSandboxCli(): string {
	if (built) return built;
	const out = mkdtempSync(join(tmpdir(), 'scale-sandbox-build-'));
	const walk = (from: string, to: string): void => {
		mkdirSync(to, { recursive: true });
		for (const entry of readdirSync(from, { withFileTypes: true })) {
			if (entry.isDirectory()) walk(join(from, entry.name), join(to, entry.name));
			else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
				const { outputText } = ts.transpileModule(readFileSync(join(from, entry.name), 'utf8'), {
					compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
				});
				writeFileSync(join(to, entry.name.replace(/\.ts$/, '.js')), outputText);
			}
		}
	};
	walk(SANDBOX_SOURCE, out);
	built = join(out, 'cli.js');
	return built;
}

export interface SandboxChild {
	child: ChildProcess;
	url: string;
	origin: string;
	stderr: () => string;
	/** Resident set size of the sandbox process in bytes (Linux /proc). */
	rss(): number;
	stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the CLI in its own process with these flags and resolves once it is listening. */
export async function startSandboxProcess(flags: string[]): Promise<SandboxChild> {
	const { child, url } = await spawnSandbox(buildSandboxCli(), ['--port', '0', ...flags], ['ignore', 'pipe', 'pipe']);
	let errors = '';
	child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
		else child.once('exit', (code) => resolve(code));
	});
	return {
		child,
		url,
		origin: url.replace(/\/v1$/, ''),
		stderr: () => errors,
		rss: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024,
		stop: async (signal = 'SIGTERM') => {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			return exited;
		},
	};
}
