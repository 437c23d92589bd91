import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	PostReceiveAction,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { DownloadedFile } from '../../shared/transport/v2';
import { downloadV2Url } from '../../shared/transport/v2';

const objects = (value: unknown): IDataObject[] =>
	Array.isArray(value) ? value.filter((entry): entry is IDataObject => !!entry && typeof entry === 'object') : [];

/** A message's text: `content.text`, else its text chunks joined. */
function messageText(message: IDataObject): string {
	const content = (message.content ?? {}) as IDataObject;
	if (typeof content === 'string') return content;
	if (typeof content.text === 'string') return content.text;
	return objects(content.chunks)
		.map((chunk) => (typeof chunk.text === 'string' ? chunk.text : ''))
		.join('');
}

/** Annotations as key → value (the title when there is no key). */
function annotationValues(annotations: unknown, into: IDataObject = {}): IDataObject {
	for (const annotation of objects(annotations)) {
		const key = String(annotation.key ?? annotation.title ?? annotation.id ?? '');
		if (key) into[key] = annotation.value ?? null;
	}
	return into;
}

/**
 * A v2 task as readable fields: one entry per turn with the prompt, the final response text and the turn's
 * annotations (turn- and message-level, key → value); thread-level annotations in `annotations`. Works for
 * tasks, delivery tasks and dataset tasks (their threads sit under `response`).
 */
export function simplifyTask(task: IDataObject): IDataObject {
	const response = task.response && typeof task.response === 'object' ? (task.response as IDataObject) : undefined;
	const threads = objects(task.threads ?? response?.threads);
	const simplified: IDataObject = {};
	for (const [key, value] of Object.entries(task)) {
		if (key === 'threads' || (key === 'response' && response && 'threads' in response)) continue;
		simplified[key] = value;
	}
	const annotations: IDataObject = {};
	const turns: IDataObject[] = [];
	threads.forEach((thread, threadIndex) => {
		annotationValues(thread.annotations, annotations);
		objects(thread.turns).forEach((turn, turnIndex) => {
			const messages = objects(turn.messages);
			const turnAnnotations = annotationValues(turn.annotations);
			for (const message of messages) annotationValues(message.annotations, turnAnnotations);
			const byRole = (role: string) => messages.filter((message) => message.role === role);
			const responses = byRole('assistant');
			turns.push({
				thread: threads.length > 1 ? threadIndex + 1 : undefined,
				turn: turnIndex + 1,
				prompt: byRole('user').map(messageText).join('\n\n'),
				response: responses.length > 0 ? messageText(responses[responses.length - 1]) : '',
				annotations: turnAnnotations,
				messages: messages.map((message) => ({ role: message.role, text: messageText(message) })),
			});
		});
	});
	for (const turn of turns) if (turn.thread === undefined) delete turn.thread;
	simplified.turns = turns;
	simplified.annotations = annotations;
	return simplified;
}

/** File objects (BasicFile: `url` / `scale_url`, `mime_type`, `name`) anywhere in a task's threads. */
function fileObjects(value: unknown, found: IDataObject[] = []): IDataObject[] {
	if (Array.isArray(value)) for (const entry of value) fileObjects(entry, found);
	else if (value && typeof value === 'object') {
		const object = value as IDataObject;
		if ((typeof object.url === 'string' || typeof object.scale_url === 'string') && 'mime_type' in object) {
			found.push(object);
		} else for (const entry of Object.values(object)) fileObjects(entry, found);
	}
	return found;
}

/** Options → Download Files, on every node that outputs v2 tasks. */
export const downloadFilesOption: INodeProperties = {
	displayName: 'Download Files',
	name: 'downloadFiles',
	type: 'boolean',
	default: false,
	description: 'Whether to download the files in task threads (attachments) as binary data, in fields file_0, file_1, …',
};

/** The files in a task's threads as binary data (`file_0`, `file_1`, …), or undefined when it has none. */
export async function taskFilesAsBinary(
	context: { helpers: Pick<IExecuteSingleFunctions['helpers'], 'prepareBinaryData'> },
	task: IDataObject,
	download: (url: string) => Promise<DownloadedFile>,
): Promise<IBinaryKeyData | undefined> {
	const files = fileObjects(task.threads ?? task.response);
	if (files.length === 0) return undefined;
	const binary: IBinaryKeyData = {};
	for (const [index, file] of files.entries()) {
		const downloaded = await download(String(file.scale_url ?? file.url));
		binary[`file_${index}`] = await context.helpers.prepareBinaryData(
			downloaded.data,
			typeof file.name === 'string' ? file.name : downloaded.fileName,
			typeof file.mime_type === 'string' ? file.mime_type : downloaded.mimeType,
		);
	}
	return binary;
}

/** Simplify (default on) and Options → Download Files, for every operation that outputs v2 tasks. */
export const taskOutput: PostReceiveAction = async function (this: IExecuteSingleFunctions, items) {
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const downloadFiles = this.getNodeParameter('options.downloadFiles', false) as boolean;
	const result: INodeExecutionData[] = [];
	for (const item of items) {
		const output: INodeExecutionData = { ...item, json: simplify ? simplifyTask(item.json) : item.json };
		const binary = downloadFiles ? await taskFilesAsBinary(this, item.json, async (url) => await downloadV2Url(this, url)) : undefined;
		if (binary) output.binary = binary;
		result.push(output);
	}
	return result;
};

/** get_schema answers the JSON Schema as a string; output it parsed (`{id, json}`). */
export const parsedSchema: PostReceiveAction = async function (this: IExecuteSingleFunctions, items) {
	return items.map((item) => {
		const schema = (item.json.schema ?? item.json) as IDataObject;
		let json: unknown = schema.json;
		if (typeof json === 'string') {
			try {
				json = JSON.parse(json);
			} catch {
				throw new NodeApiError(this.getNode(), { error: 'schema not JSON' }, {
					message: `Scale answered schema ${String(schema.id)} with a "json" that is not valid JSON`,
					itemIndex: this.getItemIndex(),
				});
			}
		}
		return { ...item, json: { ...schema, json } as IDataObject };
	});
};

/** Simplify, shown on every operation that outputs tasks. */
export function simplifyField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		displayOptions: { show },
		default: true,
		description:
			'Whether to return each task as readable fields (per turn: prompt, final response, annotations as key → value) instead of Scale\'s raw threads → turns → messages',
	};
}
