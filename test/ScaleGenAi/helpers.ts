import type { IDataObject } from 'n8n-workflow';

import { ScaleGenAi } from '../../nodes/ScaleGenAi/ScaleGenAi.node';
import type { ExpectedReply } from '../harness/nock';
import { interceptAt } from '../harness/nock';
import { scaleNodeRunner } from '../harness/run-node';

/** v2 lives beside v1: the test credential's `https://api.scale.com/v1` gives `https://api.scale.com/v2`. */
export const SCALE_ORIGIN = 'https://api.scale.com';

/** Intercepts `method path` on the v2 root (any query), one reply per expected request, recording each request. */
export function interceptV2(method: string, path: string, ...replies: ExpectedReply[]) {
	return interceptAt(SCALE_ORIGIN, method, path, ...replies);
}

/** Runs the Scale GenAI node: `runGenAi('task', 'get', { … }, { baseUrl })`. */
export const runGenAi = scaleNodeRunner(ScaleGenAi);

/** A completed v2 chat task with one thread of two turns (Scale's Task model). */
export function genAiTask(overrides: IDataObject = {}): IDataObject {
	return {
		task_id: 'task_1',
		project: 'proj_1',
		batch: 'batch_1',
		status: 'completed',
		created_at: '2026-11-28T10:00:00.000Z',
		completed_at: '2026-11-28T11:00:00.000Z',
		metadata: { source: 'n8n' },
		threads: [
			{
				id: 'thread_1',
				turns: [
					{
						id: 'turn_1',
						messages: [
							{ role: 'user', content: { text: 'What is 2 + 2?' }, source_id: 'src', annotations: [] },
							{ role: 'assistant', content: { text: '4' }, source_id: 'model', annotations: [] },
						],
						annotations: [{ id: 'a1', key: 'correct', type: 'boolean', value: true }],
						rubrics: [],
					},
					{
						id: 'turn_2',
						messages: [
							{ role: 'user', content: { text: 'And times 3?' }, source_id: 'src', annotations: [] },
							{
								role: 'assistant',
								content: { chunks: [{ type: 'text', text: '1' }, { type: 'text', text: '2' }] },
								source_id: 'model',
								annotations: [{ id: 'a2', key: 'helpfulness', type: 'integer', value: 5 }],
							},
						],
						annotations: [],
						rubrics: [],
					},
				],
				submissions: [],
				annotations: [{ id: 'a3', key: 'overall', type: 'text', value: 'good' }],
			},
		],
		...overrides,
	};
}

/** genAiTask() as Simplify outputs it. */
export function simplifiedGenAiTask(overrides: IDataObject = {}): IDataObject {
	const rest = genAiTask();
	delete rest.threads;
	return {
		...rest,
		turns: [
			{
				turn: 1,
				prompt: 'What is 2 + 2?',
				response: '4',
				annotations: { correct: true },
				messages: [
					{ role: 'user', text: 'What is 2 + 2?' },
					{ role: 'assistant', text: '4' },
				],
			},
			{
				turn: 2,
				prompt: 'And times 3?',
				response: '12',
				annotations: { helpfulness: 5 },
				messages: [
					{ role: 'user', text: 'And times 3?' },
					{ role: 'assistant', text: '12' },
				],
			},
		],
		annotations: { overall: 'good' },
		...overrides,
	};
}
