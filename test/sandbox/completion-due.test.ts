import { connect } from 'node:net';

import type { Sandbox } from '../../sandbox/server';
import { basicAuth, call, createTask, withSandbox, type Loose } from './helpers';

/** Sends raw HTTP/1.1 requests pipelined in one write (they arrive together) and answers the parsed JSON bodies. */
function pipelined(sandbox: Sandbox, requests: { method: string; path: string; body?: unknown }[]): Promise<Loose[]> {
	const wire = requests
		.map(({ method, path, body }) => {
			const text = body === undefined ? '' : JSON.stringify(body);
			const headers = [`${method} ${path} HTTP/1.1`, 'host: sandbox', `authorization: ${basicAuth()}`, 'content-type: application/json', `content-length: ${Buffer.byteLength(text)}`];
			return `${headers.join('\r\n')}\r\n\r\n${text}`;
		})
		.join('');
	return new Promise((resolve, reject) => {
		const socket = connect(sandbox.port, '127.0.0.1');
		let buffer = Buffer.alloc(0);
		const bodies: Loose[] = [];
		socket.on('data', (chunk: Buffer) => {
			buffer = Buffer.concat([buffer, chunk]);
			for (;;) {
				const end = buffer.indexOf('\r\n\r\n');
				if (end === -1) return;
				const length = Number(/content-length: (\d+)/i.exec(buffer.subarray(0, end).toString())?.[1] ?? 0);
				if (buffer.length < end + 4 + length) return;
				bodies.push(JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString()));
				buffer = buffer.subarray(end + 4 + length);
				if (bodies.length === requests.length) {
					socket.destroy();
					resolve(bodies);
					return;
				}
			}
		});
		socket.on('error', reject);
		socket.write(wire);
	});
}

/** Completion is due by time and checked on every request, not left to a timer that may not have fired yet. */
describe('sandbox: completion due by time', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await withSandbox({ completionDelayMs: 0 });
	});
	afterAll(() => sandbox.close());

	it('with completion delay 0, a read arriving together with the create answers completed, every time', async () => {
		for (let index = 0; index < 30; index++) {
			const uniqueId = `due-${index}`;
			const [created, listed] = await pipelined(sandbox, [
				{ method: 'POST', path: '/v1/task/imageannotation', body: { attachment: 'https://example.com/a.jpg', unique_id: uniqueId } },
				{ method: 'GET', path: `/v1/tasks?unique_id=${uniqueId}` },
			]);
			expect(created.status).toBe('pending');
			expect(listed.docs.map((doc: Loose) => [doc.task_id, doc.status])).toEqual([[created.task_id, 'completed']]);
		}
	});

	it('with completion delay 0, a cancel right after the create is refused (the task is completed)', async () => {
		for (let index = 0; index < 40; index++) {
			const task = await createTask(sandbox);
			const cancel = await call(sandbox, 'POST', `task/${task.task_id}/cancel`);
			expect(cancel.status).toBe(400);
		}
	});

});
