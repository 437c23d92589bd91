import { badRequest } from './errors';
import type { MultipartBody } from './multipart';
import type { SandboxCore } from './core';

export interface RouteContext {
	core: SandboxCore;
	/** Path parameters, percent-decoded (`%20`, `%2F`). */
	params: Record<string, string>;
	query: URLSearchParams;
	/** Parsed JSON body, or undefined when the request had none. */
	body: unknown;
	multipart?: MultipartBody;
}

/** A handler returns the JSON answered with 200, or throws an HttpError. */
export type Handler = (context: RouteContext) => unknown;

export interface Route {
	method: string;
	segments: string[];
	handler: Handler;
	/** Task creates are the only requests the false-create fault rate applies to. */
	isTaskCreate: boolean;
}

export function route(method: string, path: string, handler: Handler, isTaskCreate = false): Route {
	return { method, segments: path.split('/').filter(Boolean), handler, isTaskCreate };
}

export interface RouteMatch {
	route: Route;
	params: Record<string, string>;
}

/** Routes grouped by method and segment count; literal segments win over parameters. */
export class Router {
	private readonly table = new Map<string, Route[]>();

	constructor(routes: Route[]) {
		const byParams = (candidate: Route): number => candidate.segments.filter((segment) => segment.startsWith(':')).length;
		for (const candidate of [...routes].sort((a, b) => byParams(a) - byParams(b))) {
			const key = `${candidate.method} ${candidate.segments.length}`;
			const list = this.table.get(key) ?? [];
			list.push(candidate);
			this.table.set(key, list);
		}
	}

	/** `rawSegments` are still percent-encoded, so an encoded `/` stays inside its segment. */
	match(method: string, rawSegments: string[]): RouteMatch | undefined {
		const candidates = this.table.get(`${method} ${rawSegments.length}`);
		if (!candidates) return undefined;
		for (const candidate of candidates) {
			const params = matchSegments(candidate.segments, rawSegments);
			if (params) return { route: candidate, params };
		}
		return undefined;
	}
}

function matchSegments(pattern: string[], raw: string[]): Record<string, string> | undefined {
	const params: Record<string, string> = {};
	for (let index = 0; index < pattern.length; index++) {
		const expected = pattern[index];
		if (expected.startsWith(':')) params[expected.slice(1)] = decodeSegment(raw[index]);
		else if (expected !== raw[index]) return undefined;
	}
	return params;
}

function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		throw badRequest(`Malformed percent-encoding in path segment: ${segment}`);
	}
}
