import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// The GitHub workflows cannot run here; parse them and check what n8n's verification depends on.
const ROOT = join(__dirname, '..', '..');

interface Step {
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
}
interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, { 'runs-on': string; steps: Step[]; strategy?: { matrix: Record<string, unknown[]> } }>;
}

const workflow = (name: string) => parse(readFileSync(join(ROOT, '.github', 'workflows', name), 'utf8')) as Workflow;
const runs = (steps: Step[]) => steps.flatMap((step) => (step.run ? [step.run] : []));

test('ci.yml installs from the lockfile, runs the suite and the verification checks on pushes and pull requests', () => {
	const ci = workflow('ci.yml');

	expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
	expect(ci.permissions).toEqual({ contents: 'read' });
	const [job] = Object.values(ci.jobs);
	expect(job.steps.map((step) => step.uses).filter(Boolean)).toEqual(['actions/checkout@v4', 'actions/setup-node@v4']);
	expect(runs(job.steps)).toEqual(['npm ci', 'npm test', 'npm run verify']);
	expect(job.strategy?.matrix['node-version']).toEqual([20, 24]);
});

test('publish.yml publishes a version tag with npm provenance through OIDC trusted publishing', () => {
	const publish = workflow('publish.yml');

	expect(publish.on).toEqual({ push: { tags: ['*.*.*'] } });
	expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
	const [job] = Object.values(publish.jobs);
	const setupNode = job.steps.find((step) => step.uses === 'actions/setup-node@v4');
	expect(setupNode?.with).toMatchObject({ 'node-version': 24, 'registry-url': 'https://registry.npmjs.org' });
	const commands = runs(job.steps);
	expect(commands.slice(1)).toEqual(['npm ci', 'npm test', 'npm run verify', 'npm publish --provenance --access public']);
	expect(commands[0]).toContain('$GITHUB_REF_NAME');
	// No long-lived token: trusted publishing only.
	expect(JSON.stringify(publish)).not.toMatch(/NPM_TOKEN|NODE_AUTH_TOKEN/);
});

test('package.json carries the metadata the npm page and n8n verification read', () => {
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

	expect(manifest.repository.url).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
	const repo = manifest.repository.url.replace(/\.git$/, '');
	expect(manifest.homepage).toBe(`${repo}#readme`);
	expect(manifest.bugs.url).toBe(`${repo}/issues`);
	expect(manifest.author).toEqual({ name: expect.any(String), email: expect.stringContaining('@') });
	expect(manifest.files[0]).toBe('dist');
	expect(manifest.keywords).toContain('n8n-community-node-package');
	expect(manifest.dependencies).toBeUndefined();
	expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	expect(manifest.scripts.verify).toBe('npm run build && node scripts/verify.mjs');
});

test('CHANGELOG.md follows Keep a Changelog with an Unreleased section and the package version', () => {
	const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
	const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

	expect(changelog).toMatch(/keepachangelog\.com/);
	expect(changelog).toMatch(/^## \[Unreleased\]$/m);
	expect(changelog).toContain(`## [${version}]`);
});
