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

export interface RouteExtras {
	/** Task creates are the only requests the false-create fault rate applies to. */
	isTaskCreate?: boolean;
	/** Query parameters the route takes; any other is refused (400) unless lenient. undefined = not checked. */
	query?: readonly string[];
	/** What a non-empty body must be: JSON (or form-urlencoded, as Scale's curl examples send) or multipart. */
	body?: 'json' | 'multipart';
}

export interface Route extends RouteExtras {
	method: string;
	segments: string[];
	handler: Handler;
	isTaskCreate: boolean;
}

/** `extras` may be `true` for a task create (the older form). */
export function route(method: string, path: string, handler: Handler, extras: boolean | RouteExtras = {}): Route {
	const options = typeof extras === 'boolean' ? { isTaskCreate: extras } : extras;
	return { ...options, method, segments: path.split('/').filter(Boolean), handler, isTaskCreate: options.isTaskCreate ?? false };
}

/**
 * Routes of one API version under its path prefix (`v1`, `v2`). `strictQuery` makes routes that declare no query
 * parameters refuse any (Scale's v1 is strict); without it such routes leave the query unchecked.
 */
export function under(prefix: string, routes: Route[], { strictQuery = false } = {}): Route[] {
	return routes.map((entry) => ({
		...entry,
		segments: [prefix, ...entry.segments],
		query: entry.query ?? (strictQuery ? [] : undefined),
	}));
}

export interface RouteMatch {
	route: Route;
	params: Record<string, string>;
}

/** Routes grouped by method and segment count; literal segments win over parameters. */
export class Router {
	private readonly table = new Map<string, Route[]>();
	/** First path segments of every route (`v1`, `v2`…): anything else is a 404 before auth. */
	readonly prefixes = new Set<string>();

	constructor(routes: Route[]) {
		const byParams = (candidate: Route): number => candidate.segments.filter((segment) => segment.startsWith(':')).length;
		for (const candidate of routes) if (candidate.segments[0] !== undefined) this.prefixes.add(candidate.segments[0]);
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
