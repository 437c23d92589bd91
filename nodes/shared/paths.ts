/**
 * One rule for every name and ID that goes into a Scale URL: trimmed (a trailing space would be a 404) and
 * percent-encoded like the Python SDK does (`Q4 / cars` → `Q4%20%2F%20cars`). Two forms of the same rule: one
 * for TypeScript, one for routing expressions (n8n hands a resource locator's extracted value to routing only
 * as `$value`, so those URLs are built by expressions).
 */
export function pathSegment(value: unknown): string {
	return encodeURIComponent(String(value ?? '').trim());
}

/** The expression form of pathSegment, e.g. `pathSegmentExpression('$value')`. */
export function pathSegmentExpression(valueExpression: string): string {
	return `encodeURIComponent(String(${valueExpression} ?? "").trim())`;
}
