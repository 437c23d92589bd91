import { STUDIO_SEED } from '../../sandbox/seed-studio';
import type { Sandbox } from '../../sandbox/server';
import { optionsFromFlags, parseFlags } from '../../sandbox/cli';
import { call, withSandbox, type Loose } from './helpers';

describe('sandbox: seedStudio', () => {
	let sandbox: Sandbox;
	afterEach(() => sandbox?.close());

	it('seeds a Studio project with labelers, assignments, a group and pending Studio batches (and again after reset)', async () => {
		sandbox = await withSandbox({ seedStudio: true });
		for (let round = 0; round < 2; round++) {
			const project = await call(sandbox, 'GET', `projects/${encodeURIComponent(STUDIO_SEED.project)}`);
			expect(project.body).toMatchObject({ name: STUDIO_SEED.project, studio: true });
			const assignments = (await call(sandbox, 'GET', 'studio/assignments')).body;
			for (const email of STUDIO_SEED.labelers) expect(assignments[email]).toEqual([STUDIO_SEED.project]);
			const team = (await call(sandbox, 'GET', 'teams')).body;
			expect(team.filter((mate: Loose) => mate.role === 'labeler' && mate.isStudioLabeler).map((mate: Loose) => mate.email)).toEqual([...STUDIO_SEED.labelers]);
			const groups = (await call(sandbox, 'GET', `studio/projects/${encodeURIComponent(STUDIO_SEED.project)}/groups`)).body;
			expect(groups).toEqual([expect.objectContaining({ name: STUDIO_SEED.group, numWorkers: 2 })]);
			const batches = (await call(sandbox, 'GET', 'studio/batches')).body;
			expect(batches.map((batch: Loose) => batch.name).sort()).toEqual([...STUDIO_SEED.batches].sort());
			expect(batches.find((batch: Loose) => batch.name === STUDIO_SEED.batches[0])).toMatchObject({ projectName: STUDIO_SEED.project, total: 3, completed: 0, groups: [expect.objectContaining({ name: STUDIO_SEED.group })] });
			const tasks = (await call(sandbox, 'GET', `tasks?project=${encodeURIComponent(STUDIO_SEED.project)}`)).body;
			expect(tasks.docs.every((task: Loose) => task.status === 'pending')).toBe(true);
			sandbox.reset();
		}
	});

	it('is off by default, and --seed-studio turns it on', async () => {
		sandbox = await withSandbox();
		expect((await call(sandbox, 'GET', 'studio/batches')).body).toEqual([]);
		expect(optionsFromFlags(parseFlags(['--seed-studio'])).seedStudio).toBe(true);
		expect(optionsFromFlags(parseFlags([])).seedStudio).toBeUndefined();
	});
});
