import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import './n8nVersion';
import { recordInvalidInput } from './transport/run-state';

/** Fails the item for a bad field, naming the field and the item; no request of the run is sent. */
export function invalidInput(context: IExecuteSingleFunctions, field: string, problem: string): never {
	const itemIndex = context.getItemIndex();
	// n8n's guidelines name the item as "[item N]" (0-based, as in the editor's expressions).
	const message = `"${field}" ${problem} [item ${itemIndex}]`;
	recordInvalidInput(context, itemIndex, message);
	throw new NodeOperationError(context.getNode(), message, {
		itemIndex,
		description: `Fix "${field}" for item ${itemIndex}. Nothing was sent to Scale.`,
	});
}

/** Lists come as an array (from an expression) or as comma-separated text. */
export function toList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value];
	return parts
		.filter((part) => part !== undefined && part !== null)
		.map((part) => String(part).trim())
		.filter((part) => part !== '');
}

/** A JSON object parameter: an object from an expression, or JSON text. Empty means "not set". */
export function jsonObjectParameter(
	context: IExecuteSingleFunctions,
	path: string,
	field: string,
): IDataObject | undefined {
	const raw = context.getNodeParameter(path, '') as unknown;
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch (error) {
			// Newer V8 messages end with `"<text>" is not valid JSON`: say it once, keep where it broke.
			const detail = (error as Error).message.replace(/,?\s*"[\s\S]*" is not valid JSON$/, '');
			invalidInput(context, field, `is not valid JSON (${detail})`);
		}
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		invalidInput(context, field, 'must be a JSON object, like {"key": "value"}');
	}
	return value as IDataObject;
}

/** The request body as an object to add to (a bare array or no body counts as empty). */
export function bodyObject(requestOptions: IHttpRequestOptions): IDataObject {
	const body = requestOptions.body;
	return body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};
}

/** Sends a JSON object parameter as one body property (e.g. `metadata`). */
export function sendJsonObject(
	path: string,
	field: string,
	bodyProperty: string,
	{ required = false } = {},
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const value = jsonObjectParameter(this, path, field);
		if (value === undefined && required) invalidInput(this, field, 'is empty');
		if (value !== undefined) requestOptions.body = { ...bodyObject(requestOptions), [bodyProperty]: value };
		return requestOptions;
	};
}

/** Merges a JSON object parameter into the body; fields set explicitly on the node win. */
export function mergeJsonObject(path: string, field: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const value = jsonObjectParameter(this, path, field);
		if (value !== undefined) requestOptions.body = { ...value, ...bodyObject(requestOptions) };
		return requestOptions;
	};
}

/** Sends a JSON object parameter as the whole body (Scale's setMetadata endpoints). */
export function sendJsonObjectAsBody(path: string, field: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		requestOptions.body = jsonObjectParameter(this, path, field) ?? {};
		return requestOptions;
	};
}

/** Sends a list parameter as a body property or as repeated query keys. */
export function sendList(path: string, target: 'body' | 'query', property: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const list = toList(this.getNodeParameter(path, ''));
		if (list.length === 0) return requestOptions;
		if (target === 'body') requestOptions.body = { ...bodyObject(requestOptions), [property]: list };
		else requestOptions.qs = { ...requestOptions.qs, [property]: list };
		return requestOptions;
	};
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+$/;

/** A list parameter that must hold at least one value (each an email address when `emails`). */
export function requiredList(
	context: IExecuteSingleFunctions,
	path: string,
	field: string,
	{ emails = false } = {},
): string[] {
	const list = toList(context.getNodeParameter(path, ''));
	if (list.length === 0) invalidInput(context, field, 'needs at least one value');
	if (emails) {
		const notEmail = list.find((value) => !EMAIL.test(value));
		if (notEmail !== undefined) invalidInput(context, field, `has "${notEmail}", which is not an email address`);
	}
	return list;
}

/** Sends a required list parameter as one body property. */
export function sendRequiredList(
	path: string,
	field: string,
	property: string,
	options: { emails?: boolean } = {},
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const list = requiredList(this, path, field, options);
		requestOptions.body = { ...bodyObject(requestOptions), [property]: list };
		return requestOptions;
	};
}

/** Sends a list parameter as the whole body, a bare JSON array (Scale's tag endpoints). */
export function sendListAsBody(path: string, field: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const list = toList(this.getNodeParameter(path, ''));
		if (list.length === 0) invalidInput(this, field, 'needs at least one value');
		requestOptions.body = list;
		return requestOptions;
	};
}

/** Rejects an empty value of a parameter that ends up in the URL. */
export function requireValue(path: string, field: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const value = this.getNodeParameter(path, '', { extractValue: true }) as unknown;
		if (value === undefined || value === null || String(value).trim() === '') {
			invalidInput(this, field, 'is empty');
		}
		return requestOptions;
	};
}
