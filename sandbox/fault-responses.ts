import type { ServerResponse } from 'node:http';

import { errorBody } from './errors';
import { dropMidResponse, sendJson, sendText } from './http';
import type { FaultKind } from './types';

const NON_JSON_BODY = '<html><body><h1>OK</h1><p>Scale sandbox: injected non-JSON 200.</p></body></html>';

const PROXY_502_PAGE = [
	'<html>',
	'<head><title>502 Bad Gateway</title></head>',
	'<body>',
	'<center><h1>502 Bad Gateway</h1></center>',
	'<hr><center>cloudflare</center>',
	'</body>',
	'</html>',
].join('\r\n');

/**
 * Writes the answer for an injected fault. `json` is the real answer when the handler ran (falseCreate500,
 * dropConnection, nonJson200); the others answer without doing anything.
 */
export function sendFault(response: ServerResponse, fault: FaultKind, json: string): number {
	switch (fault) {
		case 'error500':
		case 'falseCreate500':
			sendJson(response, 500, errorBody(500, 'Internal server error. (injected by the Scale sandbox)'));
			return 500;
		case 'error503':
			sendJson(response, 503, errorBody(503, 'Service temporarily unavailable. (injected by the Scale sandbox)'));
			return 503;
		case 'htmlProxy502':
			sendText(response, 502, PROXY_502_PAGE, 'text/html');
			return 502;
		case 'nonJson200':
			sendText(response, 200, NON_JSON_BODY, 'text/html; charset=utf-8');
			return 200;
		case 'rateLimit':
			sendJson(response, 429, errorBody(429, 'Too many requests. (injected by the Scale sandbox)'), { 'retry-after': '1' });
			return 429;
		case 'dropConnection':
			dropMidResponse(response, json);
			return 200;
	}
}
