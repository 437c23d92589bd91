import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

import type { TimerRegistry } from './timers';
import type { CallbackAttempt, CallbackEvent } from './types';

/** Who a callback is about: a task (`task_id`) or a batch (`batch`), and why. */
export interface CallbackSubject {
	event: CallbackEvent;
	task_id?: string;
	batch?: string;
}

export interface CallbackSettings {
	authKey: string;
	retries: number;
	retryDelayMs: number;
}

const ATTEMPT_TIMEOUT_MS = 10_000;
const EMAIL = /^[^\s@/]+@[^\s@/]+$/;

/**
 * POSTs callback payloads (spec §7): JSON body, `scale-callback-auth` header, retried on non-2xx or network
 * errors up to `retries` times. Every attempt is recorded; in-flight requests are tracked so close() can abort them.
 */
export class CallbackDispatcher {
	readonly attempts: CallbackAttempt[] = [];
	private readonly inFlight = new Set<ClientRequest>();
	/** Bumped by abortAll: outcomes of aborted deliveries are ignored, so nothing is retried after close/reset. */
	private generation = 0;

	constructor(
		private readonly timers: TimerRegistry,
		private readonly settings: () => CallbackSettings,
	) {}

	/** Delivers and reports the final outcome once. */
	deliver(subject: CallbackSubject, url: string, payload: unknown, onDone: (succeeded: boolean) => void): void {
		if (EMAIL.test(url)) {
			// Scale e-mails the payload; the sandbox only records that it would have.
			this.record({ ...subject, url, attempt: 1, time: new Date().toISOString(), succeeded: true });
			onDone(true);
			return;
		}
		let target: URL;
		try {
			target = new URL(url);
			if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error(`unsupported protocol ${target.protocol}`);
		} catch (error) {
			this.record({ ...subject, url, attempt: 1, time: new Date().toISOString(), error: String(error), succeeded: false });
			onDone(false);
			return;
		}
		this.attempt(subject, target, JSON.stringify(payload), 1, onDone);
	}

	abortAll(): void {
		this.generation++;
		for (const request of this.inFlight) request.destroy();
		this.inFlight.clear();
	}

	clearLog(): void {
		this.attempts.length = 0;
	}

	private attempt(subject: CallbackSubject, target: URL, body: string, attempt: number, onDone: (succeeded: boolean) => void): void {
		const settings = this.settings();
		const generation = this.generation;
		let settled = false;
		const finish = (status: number | undefined, error: string | undefined): void => {
			if (settled) return;
			settled = true;
			this.inFlight.delete(request);
			if (generation !== this.generation) return;
			const succeeded = status !== undefined && status >= 200 && status < 300;
			this.record({ ...subject, url: target.href, attempt, time: new Date().toISOString(), status, error, succeeded });
			if (succeeded) onDone(true);
			else if (attempt > settings.retries) onDone(false);
			else this.timers.after(settings.retryDelayMs, () => this.attempt(subject, target, body, attempt + 1, onDone));
		};
		const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
		// agent:false — no keep-alive sockets left behind to hold the process open.
		const request = send(target, {
			method: 'POST',
			agent: false,
			timeout: ATTEMPT_TIMEOUT_MS,
			headers: {
				'content-type': 'application/json',
				'content-length': Buffer.byteLength(body),
				'scale-callback-auth': settings.authKey,
				'user-agent': 'scale-sandbox-callbacks/1.0',
			},
		});
		this.inFlight.add(request);
		request.on('response', (response) => {
			response.resume();
			response.on('end', () => finish(response.statusCode, undefined));
			response.on('error', (error) => finish(undefined, error.message));
		});
		request.on('timeout', () => request.destroy(new Error('callback timed out')));
		request.on('error', (error) => finish(undefined, error.message));
		request.end(body);
	}

	private record(attempt: CallbackAttempt): void {
		this.attempts.push(attempt);
	}
}
