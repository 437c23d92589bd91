import { createPrng, seedFromString } from './prng';
import type { JsonObject, TaskJson } from './types';

/** A plausible completed-task `response` for the task's type, deterministic per task id. */
export function plausibleResponse(task: TaskJson): JsonObject {
	const random = createPrng(seedFromString(task.task_id));
	const builder = RESPONSE_BUILDERS[task.type] ?? genericResponse;
	return builder(task.params, random, task);
}

type Random = () => number;
type ResponseBuilder = (params: JsonObject, random: Random, task: TaskJson) => JsonObject;

const round = (value: number): number => Math.round(value * 10) / 10;
const pick = <T>(values: readonly T[], random: Random): T => values[Math.floor(random() * values.length)];

/** Label names from `objects_to_annotate` (strings or `{choice}` objects) or `geometries.*.objects_to_annotate`. */
function labelsOf(params: JsonObject): string[] {
	const direct = toLabels(params.objects_to_annotate);
	if (direct.length > 0) return direct;
	const geometries = asObject(params.geometries);
	const nested = Object.values(geometries).flatMap((geometry) => toLabels(asObject(geometry).objects_to_annotate));
	return nested.length > 0 ? nested : ['object'];
}

function toLabels(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return value
		.map((entry) => (typeof entry === 'string' ? entry : asObject(entry).choice))
		.filter((entry): entry is string => typeof entry === 'string');
}

function asObject(value: unknown): JsonObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

function geometryKinds(params: JsonObject, fallback: string): string[] {
	const kinds = Object.keys(asObject(params.geometries));
	return kinds.length > 0 ? kinds : [fallback];
}

function shape(kind: string, label: string, random: Random, index: number): JsonObject {
	const uuid = `sandbox-${index}-${Math.floor(random() * 1e9).toString(16)}`;
	const x = round(random() * 800);
	const y = round(random() * 600);
	switch (kind) {
		case 'polygon':
			return { type: 'polygon', label, uuid, vertices: [{ x, y }, { x: x + 40, y }, { x: x + 20, y: y + 35 }] };
		case 'line':
			return { type: 'line', label, uuid, vertices: [{ x, y }, { x: x + 60, y: y + 10 }] };
		case 'point':
			return { type: 'point', label, uuid, x, y };
		case 'ellipse':
			return { type: 'ellipse', label, uuid, x, y, rx: 20, ry: 12, rotation: 0 };
		case 'cuboid':
			return { type: 'cuboid', label, uuid, points: [{ x, y }, { x: x + 50, y: y + 40 }], edges: [] };
		default:
			return { type: 'box', label, uuid, left: x, top: y, width: round(20 + random() * 100), height: round(20 + random() * 100) };
	}
}

function imageAnnotations(fallbackKind: string): ResponseBuilder {
	return (params, random) => {
		const labels = labelsOf(params);
		const kinds = geometryKinds(params, fallbackKind);
		const count = 1 + Math.floor(random() * 3);
		const annotations = Array.from({ length: count }, (_, index) =>
			shape(pick(kinds, random), pick(labels, random), random, index),
		);
		return { annotations };
	};
}

function cuboids3d(params: JsonObject, random: Random): JsonObject {
	const labels = labelsOf(params);
	const annotations = Array.from({ length: 2 }, (_, index) => ({
		uuid: `sandbox-cuboid-${index}`,
		label: pick(labels, random),
		type: 'cuboid',
		position: { x: round(random() * 50), y: round(random() * 50), z: 0 },
		dimensions: { x: 4.5, y: 1.9, z: 1.6 },
		yaw: round(random() * 3.14),
	}));
	return { annotations };
}

function categorization(params: JsonObject, random: Random): JsonObject {
	const categories = Array.isArray(params.categories) ? params.categories.filter((c) => typeof c === 'string') : [];
	return { category: categories.length > 0 ? pick(categories as string[], random) : 'category_1' };
}

function fieldsFrom(params: JsonObject): JsonObject {
	const fields = asObject(params.fields);
	const keys = Object.keys(fields);
	return Object.fromEntries((keys.length > 0 ? keys : ['text']).map((key) => [key, `Sandbox value for ${key}`]));
}

function chat(params: JsonObject): JsonObject {
	const prompt = typeof params.instruction === 'string' ? params.instruction : 'the prompt';
	return {
		responses: [
			{ role: 'user', content: `Sandbox prompt about ${prompt}` },
			{ role: 'assistant', content: 'Sandbox assistant answer.' },
		],
	};
}

function namedEntities(params: JsonObject, random: Random): JsonObject {
	const text = typeof params.text === 'string' ? params.text : 'Scale AI is in San Francisco';
	const labels = labelsOf({ objects_to_annotate: params.labels ?? params.objects_to_annotate });
	const end = Math.min(text.length, 8);
	return { annotations: [{ label: pick(labels, random), start: 0, end, text: text.slice(0, end) }] };
}

function video(params: JsonObject, random: Random, task: TaskJson): JsonObject {
	const frames = Array.isArray(params.attachments) ? params.attachments.length : 3;
	return {
		annotations: { url: 'https://sandbox.scale.local/annotations/video.json' },
		events: [],
		frames: Array.from({ length: frames }, (_, index) => ({
			frame: index,
			annotations: imageAnnotations('box')(params, random, task).annotations,
		})),
	};
}

function segmentation(params: JsonObject): JsonObject {
	const labels = labelsOf({ objects_to_annotate: params.labels ?? params.objects_to_annotate });
	return {
		annotations: {
			combined: { image: 'https://sandbox.scale.local/segmentation/combined.png', indexedImage: 'https://sandbox.scale.local/segmentation/indexed.png' },
			labeled: Object.fromEntries(labels.map((label) => [label, []])),
			unlabeled: null,
		},
		labelMapping: Object.fromEntries(labels.map((label, index) => [label, { color: '#ff0000', index: index + 1 }])),
	};
}

function genericResponse(params: JsonObject, random: Random, task: TaskJson): JsonObject {
	return { result: `sandbox ${task.type} result`, score: round(random()), fields: fieldsFrom(params) };
}

const RESPONSE_BUILDERS: Record<string, ResponseBuilder> = {
	annotation: imageAnnotations('box'),
	imageannotation: imageAnnotations('box'),
	pointannotation: imageAnnotations('point'),
	lineannotation: imageAnnotations('line'),
	laneannotation: imageAnnotations('line'),
	polygonannotation: imageAnnotations('polygon'),
	cuboidannotation: imageAnnotations('cuboid'),
	segmentannotation: segmentation,
	lidarsegmentation: segmentation,
	lidarannotation: cuboids3d,
	lidartopdown: cuboids3d,
	lidarlinking: cuboids3d,
	sensorfusion: cuboids3d,
	videocuboidannotation: cuboids3d,
	videoannotation: video,
	videoboxannotation: video,
	videoplaybackannotation: video,
	federal2dvideoannotation: video,
	categorization,
	comparison: (params, random) => ({ ...categorization(params, random), fields: fieldsFrom(params) }),
	transcription: (params) => ({ fields: fieldsFrom(params), repeatable_fields: {} }),
	documenttranscription: (params) => ({ fields: fieldsFrom(params) }),
	documentmodel: (params) => ({ fields: fieldsFrom(params), pages: [] }),
	datacollection: (params) => ({ fields: fieldsFrom(params) }),
	textcollection: (params) => ({ fields: fieldsFrom(params) }),
	namedentityrecognition: namedEntities,
	chat,
	chatexperimental: chat,
	chatlite: chat,
	multichat: chat,
	multistage: (params, random, task) => ({ stages: [genericResponse(params, random, task)] }),
};
