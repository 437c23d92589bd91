#!/usr/bin/env node
// `npm run verify`: what n8n checks before it lists a community package as verified, run locally on what
// `npm publish` would upload. It packs the package, unpacks the tarball, and reports every finding of:
//   - n8n's scanner (`npx @n8n/scan-community-package`, scanner/scanner.mjs): its ESLint config over the source
//     (package.json, nodes/, credentials/) and over the tarball (**/*.js, package.json), inline disables ignored;
//   - n8n's node CLI lint (`n8n-node lint`, @n8n/node-cli dist/configs/eslint.js) over the shipped sources;
//   - the package.json rules of n8n's verification guidelines (no runtime dependencies, peer n8n-workflow "*", …);
//   - the built JavaScript: imports only from n8n-workflow, lodash, luxon, zod, p-limit, crypto or relative paths,
//     and no process/env, file system, child processes or timers.
// The provenance part of the scanner needs a published version; .github/workflows/publish.yml provides it.
// Usage: node scripts/verify.mjs [--root <package folder>]   (the package must be built: `npm run build`)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// eslint-plugin-n8n-nodes-base reads NODE_ENV when loaded and, under "test" (Jest sets it), checks file names
// against its own fixtures: load the linters only after clearing it.
if (process.env.NODE_ENV === 'test') delete process.env.NODE_ENV;
const { default: js } = await import('@eslint/js');
const { n8nCommunityNodesPlugin } = await import('@n8n/eslint-plugin-community-nodes');
const { ESLint } = await import('eslint');
const { defineConfig, globalIgnores } = await import('eslint/config');
const { createTypeScriptImportResolver } = await import('eslint-import-resolver-typescript');
const { default: importX } = await import('eslint-plugin-import-x');
const { default: n8nNodesBase } = await import('eslint-plugin-n8n-nodes-base');
const { default: ts } = await import('typescript');
const { default: tseslint } = await import('typescript-eslint');

const args = process.argv.slice(2);
const rootArg = args.indexOf('--root');
const root = resolve(rootArg >= 0 ? args[rootArg + 1] : join(dirname(fileURLToPath(import.meta.url)), '..'));

/** Modules the built nodes and credentials may load (n8n's verification guidelines). */
const ALLOWED_MODULES = /^(n8n-workflow|lodash(\/[\w./-]+)?|luxon|zod|p-limit|crypto|node:crypto)$/;
/** Globals n8n Cloud forbids in nodes (community-nodes `no-restricted-globals`, plus eval). */
const FORBIDDEN_GLOBALS = new Set([
	'process',
	'setTimeout',
	'setInterval',
	'setImmediate',
	'clearTimeout',
	'clearInterval',
	'clearImmediate',
	'global',
	'globalThis',
	'__dirname',
	'__filename',
	'eval',
]);
/** `n8n-node lint` in strict mode requires eslint.config.mjs to be exactly this template. */
const STRICT_ESLINT_TEMPLATE = "import { config } from '@n8n/node-cli/eslint'; export default config;";

const findings = [];
const warnings = [];
const finding = (check, where, message) => findings.push({ check, where, message });

/** n8n's scanner config (scan-community-package 0.32.0 `buildScanConfig`), with the plugins installed here. */
function scannerConfig() {
	return defineConfig(
		n8nCommunityNodesPlugin.configs.recommended,
		{ rules: { 'no-console': 'error' } },
		{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
		{ files: ['package.json'], rules: { ...n8nNodesBase.configs.community.rules } },
		{
			files: ['**/credentials/**/*.ts'],
			rules: {
				...n8nNodesBase.configs.credentials.rules,
				'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
				'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
			},
		},
		{
			files: ['**/nodes/**/*.ts'],
			rules: {
				...n8nNodesBase.configs.nodes.rules,
				'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
				'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
				'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
			},
		},
		{ files: ['**/*.json'], languageOptions: { parser: tseslint.parser } },
		{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
	);
}

/** `n8n-node lint`'s config (@n8n/node-cli 0.48.3 `createConfig(true)`, i.e. with the n8n Cloud rules). */
function nodeCliConfig() {
	const communityNodes = n8nCommunityNodesPlugin.configs.recommended;
	return tseslint.config(
		globalIgnores(['dist']),
		{
			files: ['**/*.ts'],
			extends: [js.configs.recommended, tseslint.configs.recommended, communityNodes, importX.configs['flat/recommended']],
			rules: { 'prefer-spread': 'off', 'no-console': 'error' },
		},
		{
			plugins: { 'n8n-nodes-base': n8nNodesBase },
			settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
		},
		{
			files: ['package.json'],
			extends: [communityNodes],
			rules: { ...n8nNodesBase.configs.community.rules },
			languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		},
		{
			files: ['./credentials/**/*.ts'],
			rules: {
				...n8nNodesBase.configs.credentials.rules,
				'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
				'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
			},
		},
		{
			files: ['./nodes/**/*.ts'],
			rules: {
				...n8nNodesBase.configs.nodes.rules,
				'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
				'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
				'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
			},
		},
	);
}

async function lint(check, cwd, patterns, config) {
	// allowInlineConfig: false, as the scanner does: an `eslint-disable` comment hides nothing.
	const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, allowInlineConfig: false });
	const results = await eslint.lintFiles(patterns);
	for (const result of results) {
		for (const message of result.messages) {
			const where = `${relative(cwd, result.filePath)}:${message.line ?? 0}:${message.column ?? 0}`;
			const text = `${message.ruleId ?? 'eslint'}: ${message.message}`;
			if (message.severity === 2 || message.fatal) finding(check, where, text);
			else warnings.push({ check, where, message: text });
		}
	}
	return results.length;
}

/** Every module a built file loads, and every use of a forbidden global, read from its syntax tree. */
function checkBuiltFile(file, label) {
	const text = readFileSync(file, 'utf8');
	const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
	const at = (node) => `${label}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
	const checkModule = (node, specifier) => {
		if (!specifier || !ts.isStringLiteralLike(specifier)) {
			finding('imports', at(node), 'a module loaded by a computed name (only literal imports can be checked)');
			return;
		}
		const name = specifier.text;
		if (name.startsWith('./') || name.startsWith('../') || ALLOWED_MODULES.test(name)) return;
		const kind = /^(node:)?(fs|fs\/promises)$/.test(name)
			? 'file-system access'
			: /^(node:)?child_process$/.test(name)
				? 'child processes'
				: 'a module outside the allowed list (n8n-workflow, lodash, luxon, zod, p-limit, crypto, relative paths)';
		finding('imports', at(node), `loads "${name}": ${kind}`);
	};
	const isReference = (node) => {
		const parent = node.parent;
		if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
		if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node)
			return false;
		if ((ts.isGetAccessor(parent) || ts.isSetAccessor(parent)) && parent.name === node) return false;
		return true;
	};
	const visit = (node) => {
		if (ts.isCallExpression(node)) {
			const callee = node.expression;
			if ((ts.isIdentifier(callee) && callee.text === 'require') || callee.kind === ts.SyntaxKind.ImportKeyword)
				checkModule(node, node.arguments[0]);
		} else if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
			checkModule(node, node.moduleSpecifier);
		} else if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && isReference(node)) {
			const what = node.text === 'process' ? 'process (environment, exit, …)' : node.text;
			finding('globals', at(node), `uses ${what}: nodes must not touch the environment, files or timers (use sleep from n8n-workflow)`);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
}

function checkPackageJson(manifest, tarballFiles, label) {
	const fail = (message) => finding('package.json', label, message);
	const deps = (field) => Object.keys(manifest[field] ?? {});
	for (const field of ['dependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies'])
		if (deps(field).length) fail(`${field}: ${deps(field).join(', ')} (a verified package has no runtime dependencies)`);
	const peers = manifest.peerDependencies ?? {};
	if (JSON.stringify(peers) !== JSON.stringify({ 'n8n-workflow': '*' }))
		fail(`peerDependencies must be exactly {"n8n-workflow": "*"}, found ${JSON.stringify(peers)}`);
	if (!/^(@[a-z0-9][\w.-]*\/)?n8n-nodes-[a-z0-9][\w.-]*$/.test(manifest.name ?? '')) fail(`name "${manifest.name}" must start with n8n-nodes-`);
	if (!(manifest.keywords ?? []).includes('n8n-community-node-package')) fail('keywords must include "n8n-community-node-package"');
	if (manifest.license !== 'MIT') fail(`license must be MIT, found ${manifest.license}`);
	if (!tarballFiles.some((file) => /^licen[cs]e(\.md|\.txt)?$/i.test(file))) fail('the tarball has no LICENSE file');
	if (!tarballFiles.some((file) => /^readme\.md$/i.test(file))) fail('the tarball has no README.md');
	const repo = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
	if (!/github\.com\//.test(repo ?? '')) fail('repository must name the public GitHub repository (the scanner reads the source from there)');
	if (!/^https:\/\//.test(manifest.homepage ?? '')) fail('homepage must be a URL');
	if (!/^https:\/\//.test(manifest.bugs?.url ?? manifest.bugs ?? '')) fail('bugs must give the issue tracker URL');
	if (!manifest.author?.name || !manifest.author?.email) fail('author needs a name and an email');
	if (!Array.isArray(manifest.files) || manifest.files.length === 0) fail('files must list what is published');
	if (!manifest.engines?.node) fail('engines.node must state the Node.js versions');
	const n8n = manifest.n8n ?? {};
	if (n8n.n8nNodesApiVersion !== 1) fail('n8n.n8nNodesApiVersion must be 1 (the only level n8n loads)');
	const listed = [...(n8n.nodes ?? []), ...(n8n.credentials ?? [])];
	if (!(n8n.nodes ?? []).length) fail('n8n.nodes lists no node');
	for (const path of listed) if (!tarballFiles.includes(path)) fail(`n8n section lists ${path}, which is not in the tarball`);
	for (const file of tarballFiles)
		if (/\.(node|credentials)\.js$/.test(file) && !listed.includes(file)) fail(`${file} is in the tarball but not listed in the n8n section`);
	if (n8n.strict === true) {
		const config = join(root, 'eslint.config.mjs');
		const current = existsSync(config) ? readFileSync(config, 'utf8').replace(/\s+/g, ' ').trim() : '';
		if (current !== STRICT_ESLINT_TEMPLATE)
			fail('n8n.strict is true but eslint.config.mjs is not the node CLI template: `n8n-node lint` exits 1');
	}
}

function checkTarballContents(files) {
	for (const file of files) {
		if (/\.(map|tsbuildinfo)$/.test(file) || /(^|\/)(test|__tests__)\/|\.test\.js$/.test(file))
			finding('tarball', file, 'development file in the published package (check `files` in package.json)');
		if (file.endsWith('.ts') && !file.endsWith('.d.ts')) finding('tarball', file, 'TypeScript source in the published package');
	}
}

function pack(into) {
	if (!existsSync(join(root, 'dist'))) {
		finding('build', 'dist/', 'missing: run `npm run build` before verifying');
		return undefined;
	}
	// Plain `npm pack`, as `npm publish` would upload; the outer `npm run`'s npm_config_* must not leak in.
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_config_')));
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', into], { cwd: root, env, encoding: 'utf8' });
	const [info] = JSON.parse(out.slice(out.indexOf('[')));
	const unpacked = join(into, 'package');
	execFileSync('tar', ['-xzf', join(into, info.filename), '-C', into]);
	return { info, unpacked, files: info.files.map((file) => file.path).sort() };
}

async function main() {
	const started = Date.now();
	const work = mkdtempSync(join(tmpdir(), 'scaleapi-verify-'));
	try {
		const packed = pack(work);
		const summary = [];
		if (packed) {
			const { info, unpacked, files } = packed;
			summary.push(`${info.filename}: ${files.length} files, ${Math.round(info.size / 1024)} kB`);
			checkTarballContents(files);
			checkPackageJson(JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8')), files, `${info.filename} package.json`);
			const builtJs = files.filter((file) => file.endsWith('.js'));
			for (const file of builtJs) checkBuiltFile(join(unpacked, file), file);
			summary.push(`imports/globals: ${builtJs.length} built files`);
			const count = await lint('scanner: tarball', unpacked, ['**/*.js', 'package.json'], scannerConfig());
			summary.push(`scanner on the tarball: ${count} files`);
		}
		const sourceCount = await lint(
			'scanner: source',
			root,
			['package.json', '{nodes,credentials}/**/*.{js,ts,json}'],
			scannerConfig(),
		);
		summary.push(`scanner on the source: ${sourceCount} files`);
		const cliCount = await lint('n8n-node lint', root, ['package.json', 'nodes/**/*.ts', 'credentials/**/*.ts'], nodeCliConfig());
		summary.push(`node CLI lint: ${cliCount} files`);

		for (const { check, where, message } of findings) console.log(`✖ [${check}] ${where}  ${message}`);
		for (const { check, where, message } of warnings) console.log(`⚠ [${check}] ${where}  ${message}`);
		const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
		if (manifest.n8n?.strict !== true)
			console.log(
				'ℹ n8n.strict is off: strict `n8n-node lint` requires the two-line template eslint.config.mjs, which lints every .ts file ' +
					'(test/, sandbox/, e2e/, bench/ too) with the n8n Cloud rules (no process, fs, timers); the shipped code gets those rules here.',
			);
		console.log(`verify: ${summary.join('; ')}; ${Math.round((Date.now() - started) / 1000)} s`);
		console.log(`verify: ${findings.length} findings, ${warnings.length} warnings`);
		process.exitCode = findings.length ? 1 : 0;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

await main();
