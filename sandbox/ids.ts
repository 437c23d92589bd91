import { randomBytes, randomUUID } from 'node:crypto';

/** A 24-hex id like the Mongo ObjectIds Scale uses for tasks, projects, files and groups. */
export function objectId(): string {
	return randomBytes(12).toString('hex');
}

export function uuid(): string {
	return randomUUID();
}
