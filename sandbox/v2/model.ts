import { createHash } from 'node:crypto';

import { objectId } from '../ids';
import { createPrng, seedFromString } from '../prng';
import type { JsonObject } from '../types';

/** V2 objects as Scale's GenAI API returns them (Python SDK `scaleapi/api_client/v2/models`). */
export interface V2Project extends JsonObject {
	id: string;
	name: string;
	created_at: string;
	types: string[];
	models: string[];
}

export interface V2Batch extends JsonObject {
	id: string;
	name: string;
	project: string;
	created_at: string;
	status: 'staging' | 'in_progress' | 'completed' | 'paused' | 'cancelled';
	metadata: JsonObject;
}

export interface V2Task extends JsonObject {
	task_id: string;
	project: string;
	status: 'pending' | 'completed' | 'canceled' | 'error' | 'deleted';
	created_at: string;
	metadata: JsonObject;
	threads: JsonObject[];
}

export interface V2Delivery extends JsonObject {
	id: string;
	name: string;
	task_count: number;
	delivered_at: string;
	project: string;
}

export interface V2DatasetDelivery extends JsonObject {
	id: string;
	name: string;
	delivered_at: string;
	dataset: string;
	metadata: { task_count: number; turn_count: number };
}

export interface V2DatasetTask extends JsonObject {
	task_id: string;
	dataset: string;
	delivery: string;
	response: JsonObject;
}

export interface V2File {
	id: string;
	name: string;
	mimeType: string;
	data: Buffer;
}

/** A task's internal bookkeeping next to its JSON. */
export interface V2TaskRecord {
	json: V2Task;
	templateVariables: JsonObject;
	callbackUrl?: string;
	deliveryId?: string;
	deliveredAt?: string;
	timer?: NodeJS.Timeout;
}

export const RESPONSE_SCHEMA = {
	type: 'object',
	properties: {
		correct: { type: 'boolean', description: 'Is the final answer correct?' },
		helpfulness: { type: 'integer', minimum: 1, maximum: 5 },
		rewrite: { type: 'string', description: 'A better response, when needed' },
	},
	required: ['correct', 'helpfulness'],
};

const REPLIES = [
	'Here is a concise answer, with the key steps explained.',
	'The short answer is yes; the details depend on the context you gave.',
	'I would approach it in three steps: clarify, draft, then verify.',
	'That is a common question. The answer below covers the main cases.',
];

function annotation(key: string, type: string, value: unknown, title: string): JsonObject {
	return { id: `annotation_${objectId()}`, key, type, title, value };
}

/**
 * A plausible completed thread for a chat task: the prompt from the template variables, the model's answer
 * (or a generated one), a rewrite turn, and annotations on the turns and the thread — repeatable per task ID.
 */
export function completedThreads(taskId: string, variables: JsonObject, completedAt: string): JsonObject[] {
	const random = createPrng(seedFromString(taskId));
	const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)];
	const prompt = typeof variables.prompt === 'string' ? variables.prompt : 'Explain the difference between a list and a tuple in Python.';
	const modelAnswer =
		typeof variables.model_response === 'string' ? variables.model_response : pick(REPLIES);
	const helpfulness = 1 + Math.floor(random() * 5);
	const correct = helpfulness >= 3;
	const message = (role: string, text: string, annotations: JsonObject[] = []) => ({
		role,
		content: { text },
		source_id: role === 'assistant' ? 'model' : 'contributor',
		annotations,
	});
	const rewrite = correct ? modelAnswer : `${modelAnswer} (Rewritten by the reviewer to be accurate and complete.)`;
	return [
		{
			id: `thread_${objectId()}`,
			turns: [
				{
					id: `turn_${objectId()}`,
					messages: [message('user', prompt), message('assistant', modelAnswer)],
					annotations: [
						annotation('correct', 'boolean', correct, 'Is the answer correct?'),
						annotation('helpfulness', 'integer', helpfulness, 'How helpful is the answer (1–5)?'),
					],
					rubrics: [],
				},
				{
					id: `turn_${objectId()}`,
					messages: [message('user', 'Please improve the answer if needed.'), message('assistant', rewrite)],
					annotations: [annotation('rewrite', 'text', rewrite, 'Rewritten answer')],
					rubrics: [],
				},
			],
			submissions: [{ submitted_at: completedAt, contributor_id: `contributor_${Math.floor(random() * 1000)}` }],
			annotations: [annotation('overall', 'category', pick(['great', 'good', 'needs work']), 'Overall quality')],
		},
	];
}

/** Every annotation inside a task's threads (for GET /v2/annotation). */
export function annotationsOf(threads: JsonObject[]): JsonObject[] {
	const found: JsonObject[] = [];
	const visit = (value: unknown): void => {
		if (Array.isArray(value)) value.forEach(visit);
		else if (value && typeof value === 'object') {
			const object = value as JsonObject;
			if (Array.isArray(object.annotations)) found.push(...(object.annotations as JsonObject[]));
			for (const [key, child] of Object.entries(object)) if (key !== 'annotations') visit(child);
		}
	};
	visit(threads);
	return found;
}

/** A stable 24-hex id from a name (seeded objects keep their IDs across restarts and resets). */
export function stableId(prefix: string, name: string): string {
	return `${prefix}_${createHash('sha1').update(name).digest('hex').slice(0, 24)}`;
}
