/** An error answered as `{status_code, error}` with the given HTTP status (spec §6.1). */
export class HttpError extends Error {
	constructor(
		readonly statusCode: number,
		message: string,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
		this.name = 'HttpError';
	}
}

export const badRequest = (message: string): HttpError => new HttpError(400, message);
export const notFound = (message: string): HttpError => new HttpError(404, message);
export const conflict = (message: string): HttpError => new HttpError(409, message);

export const TASK_NOT_FOUND = 'Task with that ID not found.';

export function errorBody(statusCode: number, message: string): { status_code: number; error: string } {
	return { status_code: statusCode, error: message };
}
