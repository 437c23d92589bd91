import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npm run verify` (scripts/verify.mjs) on the real package and on temporary copies with one planted violation
// each; the real tree is never changed. Each run packs and lints the package: tens of seconds.
const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'verify.mjs');
const RUN_TIMEOUT = 180_000;
const copies: string[] = [];

beforeAll(() => {
	if (!existsSync(join(ROOT, 'dist', 'nodes', 'ScaleTask', 'ScaleTask.node.js'))) {
		spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
	}
}, RUN_TIMEOUT);

afterAll(() => {
	for (const copy of copies) rmSync(copy, { recursive: true, force: true });
});

/** A copy of what `npm pack` and the linters read, sharing the real node_modules. */
function packageCopy(): string {
	const copy = mkdtempSync(join(tmpdir(), 'scaleapi-verify-plant-'));
	copies.push(copy);
	for (const entry of ['package.json', 'README.md', 'LICENSE.md', 'CHANGELOG.md', 'tsconfig.json', 'nodes', 'credentials', 'icons', 'dist']) {
		if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
	}
	symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
	return copy;
}

function verify(root: string): { status: number | null; output: string } {
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_config_')));
	const result = spawnSync(process.execPath, [SCRIPT, '--root', root], { encoding: 'utf8', env, timeout: RUN_TIMEOUT });
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const findingLines = (output: string) => output.split('\n').filter((line) => line.startsWith('✖'));

test(
	'passes with zero findings on the real package',
	() => {
		const { status, output } = verify(ROOT);

		expect(findingLines(output)).toEqual([]);
		expect(output).toMatch(/verify: 0 findings/);
		expect(status).toBe(0);
	},
	RUN_TIMEOUT,
);

test(
	'fails on a console.log in a node source, even behind an eslint-disable comment',
	() => {
		const copy = packageCopy();
		const file = join(copy, 'nodes', 'ScaleTask', 'ScaleTask.node.ts');
		appendFileSync(file, '\n// eslint-disable-next-line no-console\nconsole.log("planted");\n');

		const { status, output } = verify(copy);

		expect(status).toBe(1);
		const lines = findingLines(output);
		expect(lines).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/\[scanner: source\] nodes\/ScaleTask\/ScaleTask\.node\.ts:\d+:\d+ +no-console/),
				expect.stringMatching(/\[n8n-node lint\] nodes\/ScaleTask\/ScaleTask\.node\.ts:\d+:\d+ +no-console/),
			]),
		);
	},
	RUN_TIMEOUT,
);

test(
	'fails on a runtime dependency in package.json',
	() => {
		const copy = packageCopy();
		const manifestFile = join(copy, 'package.json');
		const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
		writeFileSync(manifestFile, JSON.stringify({ ...manifest, dependencies: { axios: '1.18.0' } }, null, 2));

		const { status, output } = verify(copy);

		expect(status).toBe(1);
		const lines = findingLines(output);
		expect(lines).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/\[package\.json\] .* dependencies: axios/),
				expect.stringMatching(/\[scanner: tarball\] package\.json:\d+:\d+ +@n8n\/community-nodes\/no-runtime-dependencies/),
			]),
		);
	},
	RUN_TIMEOUT,
);

test(
	'fails on a disallowed import and a timer in the built JavaScript',
	() => {
		const copy = packageCopy();
		const file = join(copy, 'dist', 'nodes', 'ScaleTask', 'ScaleTask.node.js');
		appendFileSync(file, '\nconst planted = require("fs");\nsetTimeout(() => planted.readFileSync("x"), 1);\n');

		const { status, output } = verify(copy);

		expect(status).toBe(1);
		const lines = findingLines(output);
		expect(lines).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/\[imports\] dist\/nodes\/ScaleTask\/ScaleTask\.node\.js:\d+ +loads "fs": file-system access/),
				expect.stringMatching(/\[globals\] dist\/nodes\/ScaleTask\/ScaleTask\.node\.js:\d+ +uses setTimeout/),
				expect.stringMatching(/\[scanner: tarball\] dist\/nodes\/ScaleTask\/ScaleTask\.node\.js:\d+:\d+ +@n8n\/community-nodes\/no-restricted-imports/),
			]),
		);
	},
	RUN_TIMEOUT,
);
