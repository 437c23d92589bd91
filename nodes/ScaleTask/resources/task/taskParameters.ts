import type { IDataObject, IExecuteSingleFunctions, INodeProperties, PreSendAction } from 'n8n-workflow';

import { additionalFieldsCollection, optionalProjectAndBatch } from '../../../shared/descriptions';
import { customTaskTypeField, taskTypeField, taskTypeOf } from '../../../shared/fields';
import { bodyObject, invalidInput, mergeJsonObject, sendJsonObject, sendList, toList } from '../../../shared/input';
import { attachmentTypeOptions, CUSTOM_TASK_TYPE } from '../../../shared/taskTypes';

/*
 * The Create Task panel: Task Type, the attachment and the chosen type's own parameters (geometries,
 * categories, form fields, labels), Project and Batch, Additional Fields; resourceOperations puts required
 * fields first. Parameter shapes follow Scale's task docs (scale.com/docs/api-reference, "Create … Task").
 */

/** Task types whose item to label is one `attachment` (with `attachment_type`). */
const ONE_ATTACHMENT_TYPES = [
	'annotation',
	'categorization',
	'cuboidannotation',
	'documenttranscription',
	'imageannotation',
	'lineannotation',
	'pointannotation',
	'polygonannotation',
	'segmentannotation',
	'transcription',
	'videoplaybackannotation',
];

/** Task types that take a list of `attachments` (frames, pages, or the items to compare). */
const MANY_ATTACHMENTS_TYPES = ['comparison', 'textcollection', 'videoannotation', 'videoboxannotation', 'videocuboidannotation'];

const GEOMETRY_TYPES = ['imageannotation', 'videoannotation', 'videoplaybackannotation'];

type RequestOptions = Parameters<PreSendAction>[0];

function withBody(requestOptions: RequestOptions, add: IDataObject): RequestOptions {
	requestOptions.body = { ...bodyObject(requestOptions), ...add };
	return requestOptions;
}

const text = (context: IExecuteSingleFunctions, name: string) =>
	String(context.getNodeParameter(name, '') ?? '').trim();

/**
 * Sends `attachment_type` with `attachment` or `attachments` as the task type takes them. Text Collection
 * takes attachment objects (`{type, content}`); the other types take URLs (or the text itself).
 */
const sendAttachments: PreSendAction = async function (this: IExecuteSingleFunctions, requestOptions) {
	const taskType = taskTypeOf(this);
	const attachmentType = String(this.getNodeParameter('attachmentType', 'image'));
	const custom = this.getNodeParameter('taskType', '') === CUSTOM_TASK_TYPE;
	const add: IDataObject = {};
	// Empty values are left out rather than refused: Additional Parameters (JSON) may carry them.
	if (custom || ONE_ATTACHMENT_TYPES.includes(taskType)) {
		const attachment = text(this, 'attachment');
		if (attachment !== '') add.attachment = attachment;
	}
	if (custom || MANY_ATTACHMENTS_TYPES.includes(taskType)) {
		const attachments = toList(this.getNodeParameter('attachments', ''));
		if (attachments.length > 0) {
			add.attachments =
				taskType === 'textcollection'
					? attachments.map((content) => ({ type: attachmentType, content }))
					: attachments;
		}
	}
	// A custom type gets attachment_type only with an attachment; Text Collection carries it in each attachment.
	if (taskType !== 'textcollection' && (!custom || Object.keys(add).length > 0)) add.attachment_type = attachmentType;
	return withBody(requestOptions, add);
};

const showFor = (taskTypes: string[]) => ({ show: { taskType: taskTypes } });

const attachmentFields: INodeProperties[] = [
	{
		displayName: 'Attachment Type',
		name: 'attachmentType',
		type: 'options',
		options: attachmentTypeOptions,
		default: 'image',
		required: true,
		description: 'What the attachment is',
		displayOptions: showFor([...ONE_ATTACHMENT_TYPES, ...MANY_ATTACHMENTS_TYPES, CUSTOM_TASK_TYPE]),
		routing: { send: { preSend: [sendAttachments] } },
	},
	{
		displayName: 'Attachment',
		name: 'attachment',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://example.com/image.jpg',
		description: 'URL of the item to label (or the text itself, for Text)',
		displayOptions: showFor(ONE_ATTACHMENT_TYPES),
	},
	{
		displayName: 'Attachments',
		name: 'attachments',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://example.com/a.jpg, https://example.com/b.jpg',
		description: 'URLs of the items to label: comma-separated, or an expression returning a list',
		displayOptions: showFor(MANY_ATTACHMENTS_TYPES),
	},
	{
		displayName: 'Attachment',
		name: 'attachment',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/image.jpg',
		description: 'URL of the item to label, if this task type takes one attachment',
		displayOptions: showFor([CUSTOM_TASK_TYPE]),
	},
	{
		displayName: 'Attachments',
		name: 'attachments',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/a.jpg, https://example.com/b.jpg',
		description:
			'URLs of the items to label, if this task type takes several: comma-separated, or an expression returning a list',
		displayOptions: showFor([CUSTOM_TASK_TYPE]),
	},
];

/* ---------- Image Annotation: geometries ---------- */

const objectsToAnnotate: INodeProperties = {
	displayName: 'Objects to Annotate',
	name: 'objectsToAnnotate',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. car, pedestrian',
	description: 'The labels labelers choose from for this geometry: comma-separated, or an expression returning a list',
};

const minimumPixels = (what: 'Width' | 'Height', shape: string): INodeProperties => ({
	displayName: `Min ${what}`,
	name: `min${what}`,
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description: `The smallest ${what.toLowerCase()} in pixels of a ${shape} labelers may draw (0 for no minimum)`,
});

const vertexBounds = (shape: string): INodeProperties[] => [
	{
		displayName: 'Min Vertices',
		name: 'minVertices',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: `The fewest vertices a ${shape} may have`,
	},
	{
		displayName: 'Max Vertices',
		name: 'maxVertices',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: `The most vertices a ${shape} may have (0 for no maximum)`,
	},
];

const geometriesField: INodeProperties = {
	displayName: 'Geometries',
	name: 'geometries',
	type: 'fixedCollection',
	placeholder: 'Add Geometry',
	default: {},
	description: 'The shapes labelers draw, each with the objects they label with it',
	displayOptions: showFor(GEOMETRY_TYPES),
	options: [
		{
			displayName: 'Box',
			name: 'box',
			values: [
				objectsToAnnotate,
				minimumPixels('Width', 'box'),
				minimumPixels('Height', 'box'),
				{
					displayName: 'Can Rotate',
					name: 'canRotate',
					type: 'boolean',
					default: false,
					description: 'Whether labelers may rotate boxes',
				},
				{
					displayName: 'Integer Pixels',
					name: 'integerPixels',
					type: 'boolean',
					default: false,
					description: 'Whether box positions and sizes come back as whole pixels (not for rotated boxes)',
				},
			],
		},
		{
			displayName: 'Cuboid',
			name: 'cuboid',
			values: [objectsToAnnotate, minimumPixels('Width', 'cuboid'), minimumPixels('Height', 'cuboid')],
		},
		{ displayName: 'Ellipse', name: 'ellipse', values: [objectsToAnnotate] },
		{ displayName: 'Line', name: 'line', values: [objectsToAnnotate, ...vertexBounds('line')] },
		{ displayName: 'Point', name: 'point', values: [objectsToAnnotate] },
		{ displayName: 'Polygon', name: 'polygon', values: [objectsToAnnotate, ...vertexBounds('polygon')] },
	],
	routing: { send: { preSend: [sendGeometries] } },
};

/** Scale's name for each geometry option, sent only when it differs from Scale's default. */
const GEOMETRY_OPTIONS: Record<string, { property: string; unlessEquals: unknown }> = {
	minWidth: { property: 'min_width', unlessEquals: 0 },
	minHeight: { property: 'min_height', unlessEquals: 0 },
	canRotate: { property: 'can_rotate', unlessEquals: false },
	integerPixels: { property: 'integer_pixels', unlessEquals: false },
	minVertices: { property: 'min_vertices', unlessEquals: 1 },
	maxVertices: { property: 'max_vertices', unlessEquals: 0 },
};

/** Sends `geometries: {box: {objects_to_annotate: [...], min_width?...}, ...}`. */
async function sendGeometries(this: IExecuteSingleFunctions, requestOptions: RequestOptions) {
	const chosen = (this.getNodeParameter('geometries', {}) ?? {}) as Record<string, IDataObject>;
	const geometries: IDataObject = {};
	for (const [shape, settings] of Object.entries(chosen)) {
		const labels = toList(settings.objectsToAnnotate);
		if (labels.length === 0) {
			invalidInput(this, `Geometries › ${shape[0].toUpperCase()}${shape.slice(1)} › Objects to Annotate`, 'is empty');
		}
		const geometry: IDataObject = { objects_to_annotate: labels };
		for (const [name, { property, unlessEquals }] of Object.entries(GEOMETRY_OPTIONS)) {
			if (settings[name] !== undefined && settings[name] !== unlessEquals) geometry[property] = settings[name];
		}
		geometries[shape] = geometry;
	}
	if (Object.keys(geometries).length === 0) return requestOptions;
	return withBody(requestOptions, { geometries });
}

/* ---------- Categorization, Named Entity Recognition, Segment Annotation, Text Collection ---------- */

/** Sends a list parameter (when not empty) as `send` shapes it for the chosen task type. */
function sendListAs(name: string, send: (list: string[], taskType: string) => IDataObject): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const list = toList(this.getNodeParameter(name, []));
		if (list.length === 0) return requestOptions;
		return withBody(requestOptions, send(list, String(this.getNodeParameter('taskType', ''))));
	};
}

const categoriesField: INodeProperties = {
	displayName: 'Categories',
	name: 'categories',
	type: 'string',
	typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Category' },
	default: [],
	placeholder: 'e.g. cat',
	description:
		'The categories labelers choose from (or give "taxonomies" in Additional Fields › Additional Parameters (JSON))',
	displayOptions: showFor(['categorization']),
	routing: { send: { preSend: [sendListAs('categories', (categories) => ({ categories }))] } },
};

const allowMultipleField: INodeProperties = {
	displayName: 'Allow Multiple Categories',
	name: 'allowMultiple',
	type: 'boolean',
	default: false,
	description: 'Whether labelers may choose more than one category',
	displayOptions: showFor(['categorization']),
	routing: { send: { type: 'body', property: 'allow_multiple', value: '={{ $value || undefined }}' } },
};

const nerTextField: INodeProperties = {
	displayName: 'Text',
	name: 'text',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	required: true,
	placeholder: 'e.g. Ana moved to Lisbon in 2024.',
	description: 'The text whose entities labelers mark',
	displayOptions: showFor(['namedentityrecognition']),
	routing: { send: { type: 'body', property: 'text' } },
};

const labelsField: INodeProperties = {
	displayName: 'Labels',
	name: 'labels',
	type: 'string',
	typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Label' },
	default: [],
	required: true,
	placeholder: 'e.g. person',
	description: 'The labels labelers give to entities (Named Entity Recognition) or to image regions (Segment Annotation)',
	displayOptions: showFor(['namedentityrecognition', 'segmentannotation']),
	routing: {
		send: {
			preSend: [
				sendListAs('labels', (labels, taskType) => ({
					// Named entity labels are NERLabel objects; segment labels are plain names.
					labels: taskType === 'namedentityrecognition' ? labels.map((name) => ({ name })) : labels,
				})),
			],
		},
	},
};

const allowUnlabeledField: INodeProperties = {
	displayName: 'Allow Unlabeled',
	name: 'allowUnlabeled',
	type: 'boolean',
	default: false,
	description: 'Whether parts of the image may be left without a label',
	displayOptions: showFor(['segmentannotation']),
	routing: { send: { type: 'body', property: 'allow_unlabeled', value: '={{ $value || undefined }}' } },
};

/** Sends Text Collection's `fields`: `[{field_id, title, type, description?, choices?}]`. */
async function sendTextFields(this: IExecuteSingleFunctions, requestOptions: RequestOptions) {
	const entries = ((this.getNodeParameter('fields', {}) ?? {}) as IDataObject).field as IDataObject[] | undefined;
	if (!entries || entries.length === 0) invalidInput(this, 'Fields', 'needs at least one field');
	const fields = entries.map((entry, index) => {
		const fieldId = String(entry.fieldId ?? '').trim();
		const title = String(entry.title ?? '').trim();
		if (fieldId === '') invalidInput(this, `Fields › ${index + 1} › Field ID`, 'is empty');
		if (title === '') invalidInput(this, `Fields › ${index + 1} › Title`, 'is empty');
		const field: IDataObject = { field_id: fieldId, title, type: entry.type ?? 'text' };
		const description = String(entry.description ?? '').trim();
		if (description !== '') field.description = description;
		if (field.type === 'category') {
			const choices = toList(entry.choices);
			if (choices.length === 0) invalidInput(this, `Fields › ${index + 1} › Choices`, 'needs at least one value');
			field.choices = choices.map((choice) => ({ label: choice, value: choice }));
		}
		return field;
	});
	return withBody(requestOptions, { fields });
}

const textCollectionFields: INodeProperties = {
	displayName: 'Fields',
	name: 'fields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Field',
	default: {},
	required: true,
	description: 'The form labelers fill in for each task; each answer comes back under its Field ID',
	displayOptions: showFor(['textcollection']),
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{
					displayName: 'Choices',
					name: 'choices',
					type: 'string',
					default: '',
					placeholder: 'e.g. Yes, No',
					description: 'For a Category field: the choices, comma-separated',
					displayOptions: { show: { type: ['category'] } },
				},
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					default: '',
					description: 'More help for labelers (optional)',
				},
				{
					displayName: 'Field ID',
					name: 'fieldId',
					type: 'string',
					default: '',
					required: true,
					placeholder: 'e.g. company_name',
					description: 'The key the answer is returned under; unique within the project',
				},
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
					required: true,
					placeholder: 'e.g. Company name',
					description: 'The question labelers see',
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: [
						{ name: 'Category', value: 'category', description: 'Labelers pick one of the choices' },
						{ name: 'Number', value: 'number' },
						{ name: 'Text', value: 'text' },
					],
					default: 'text',
				},
			],
		},
	],
	routing: { send: { preSend: [sendTextFields] } },
};

/* ---------- Optional fields ---------- */

const additionalFields: INodeProperties = additionalFieldsCollection([
	{
		displayName: 'Additional Parameters (JSON)',
		name: 'additionalParameters',
		type: 'json',
		default: '{}',
		description:
			'Any other parameter of this task type, as a JSON object, e.g. {"annotation_attributes": {…}}. Fields set on the node win over the same keys here.',
		routing: {
			send: {
				preSend: [mergeJsonObject('additionalFields.additionalParameters', 'Additional Parameters (JSON)')],
			},
		},
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://n8n.example.com/webhook/…',
		description:
			'Where Scale POSTs the result when the task is done — paste a Scale Trigger\'s production URL here',
		routing: { send: { type: 'body', property: 'callback_url' } },
	},
	{
		displayName: 'Instruction',
		name: 'instruction',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'What labelers should do (Markdown); overrides the project\'s instruction',
		routing: { send: { type: 'body', property: 'instruction' } },
	},
	{
		displayName: 'Metadata',
		name: 'metadata',
		type: 'json',
		default: '{}',
		description: 'Your own data to keep with the task, as a JSON object',
		routing: { send: { preSend: [sendJsonObject('additionalFields.metadata', 'Metadata', 'metadata')] } },
	},
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		default: '',
		placeholder: 'e.g. urgent, retail',
		description: 'Comma-separated, or an expression returning a list',
		routing: { send: { preSend: [sendList('additionalFields.tags', 'body', 'tags')] } },
	},
	{
		displayName: 'Unique ID',
		name: 'uniqueId',
		type: 'string',
		default: '',
		placeholder: 'e.g. order-1234',
		description:
			'Your ID for this task. Scale refuses a second task with the same unique ID, which makes creates safe to retry and re-run.',
		routing: { send: { type: 'body', property: 'unique_id' } },
	},
]);

/**
 * The fields of a task-creating request, in panel order. `extra` (e.g. an evaluation task's Expected
 * Response) goes after the task's own fields and before Additional Fields. Create, Create Evaluation Task,
 * Create Training Task (and Create and Wait) share these definitions, so each is one property entry per node.
 */
export function createTaskFields(extra: INodeProperties[] = []): INodeProperties[] {
	return [
		taskTypeField({ description: 'The kind of labeling task; it decides which fields below apply' }),
		customTaskTypeField,
		...attachmentFields,
		nerTextField,
		geometriesField,
		categoriesField,
		allowMultipleField,
		textCollectionFields,
		labelsField,
		allowUnlabeledField,
		...optionalProjectAndBatch('body', 'The project the task belongs to', 'The batch to add the task to (optional)'),
		...extra,
		additionalFields,
	];
}

/** The fields of Create (the other task creates add theirs through createTaskFields). */
export const taskParameters: INodeProperties[] = createTaskFields();
