import { createHash } from 'node:crypto';

import type { SandboxCore } from '../core';
import { badRequest, conflict } from '../errors';
import { objectId, uuid } from '../ids';
import { route, type Route, type RouteContext } from '../router';
import { isoTime } from '../time';
import type { FileJson } from '../types';
import { objectBody, optionalString, requiredString } from '../validate';
import { getProject } from './lookup';

/** Files: spec §1 rows 26–27, §3.4. */
export const fileRoutes: Route[] = [route('POST', 'files/upload', uploadFile, { body: 'multipart' }), route('POST', 'files/import', importFile)];

interface FileFields {
	project_name?: string;
	display_name?: string;
	reference_id?: string;
	metadata?: unknown;
}

/** multipart/form-data with a part named `file`; other plain fields are kwargs (metadata JSON-stringified). */
function uploadFile({ core, multipart }: RouteContext): unknown {
	if (!multipart) throw badRequest('Expected a multipart/form-data body with a file part named "file".');
	const part = multipart.files.find((candidate) => candidate.field === 'file');
	if (!part) throw badRequest('Missing required parameter: file');
	const fields = multipart.fields;
	const file = newFile(core, {
		project_name: fields.project_name || undefined,
		display_name: fields.display_name || undefined,
		reference_id: fields.reference_id || undefined,
		metadata: fields.metadata === undefined ? undefined : parseMaybeJson(fields.metadata),
	});
	file.filename = part.filename;
	file.mime_type = part.contentType;
	file.size = part.data.length;
	file.sha256 = createHash('sha256').update(part.data).digest('hex');
	return store(core, file);
}

function importFile({ core, body: rawBody }: RouteContext): unknown {
	const body = objectBody(rawBody);
	const fileUrl = requiredString(body, 'file_url');
	const file = newFile(core, {
		project_name: optionalString(body, 'project_name'),
		display_name: optionalString(body, 'display_name'),
		reference_id: optionalString(body, 'reference_id'),
		metadata: body.metadata,
	});
	file.file_url = fileUrl;
	file.mime_type = guessMimeType(fileUrl);
	return store(core, file);
}

function newFile(core: SandboxCore, fields: FileFields): FileJson {
	const project = fields.project_name === undefined ? undefined : getProject(core, fields.project_name);
	if (fields.reference_id !== undefined && core.state.filesByReferenceId.has(fields.reference_id)) {
		throw conflict(`A file with reference_id "${fields.reference_id}" already exists.`);
	}
	const now = isoTime(Date.now());
	return {
		id: objectId(),
		attachment_url: `scaledata://${project?.json.id ?? 'sandbox'}/${uuid()}`,
		created_at: now,
		updated_at: now,
		mime_type: 'application/octet-stream',
		project_names: project ? [project.json.name] : [],
		size: 0,
		...(fields.display_name !== undefined ? { display_name: fields.display_name } : {}),
		...(fields.reference_id !== undefined ? { reference_id: fields.reference_id } : {}),
		...(fields.metadata !== undefined ? { metadata: fields.metadata } : {}),
	};
}

function store(core: SandboxCore, file: FileJson): FileJson {
	core.state.addFile(file);
	core.markDirty();
	return file;
}

function parseMaybeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

const MIME_BY_EXTENSION: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	gif: 'image/gif',
	pdf: 'application/pdf',
	mp4: 'video/mp4',
	json: 'application/json',
	txt: 'text/plain',
	csv: 'text/csv',
};

function guessMimeType(url: string): string {
	const extension = /\.([a-z0-9]+)(?:$|[?#])/i.exec(url)?.[1]?.toLowerCase();
	return (extension && MIME_BY_EXTENSION[extension]) || 'application/octet-stream';
}
