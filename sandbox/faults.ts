import { createPrng } from './prng';
import type { FaultKind, FaultOptions, ScriptedFault } from './types';

/** Faults that answer without running the handler; the others run it and then spoil the answer. */
export const FAULTS_BEFORE_HANDLER: ReadonlySet<FaultKind> = new Set(['error500', 'error503', 'htmlProxy502', 'rateLimit']);

export const FAULT_KINDS: readonly FaultKind[] = [
	'error500',
	'error503',
	'falseCreate500',
	'dropConnection',
	'nonJson200',
	'htmlProxy502',
	'rateLimit',
];

interface QueuedFault {
	method?: string;
	pattern?: RegExp;
	/** The pattern as given, for display (RegExp.source escapes slashes). */
	patternText?: string;
	fault: FaultKind;
	remaining: number;
}

/** Picks the fault for a request: the scripted queue first (exact, in order), then the seeded random rates. */
export class FaultInjector {
	private queue: QueuedFault[] = [];
	private random: () => number;

	constructor(private options: Required<FaultOptions>) {
		this.random = createPrng(options.seed);
	}

	configure(options: Required<FaultOptions>): void {
		if (options.seed !== this.options.seed) this.random = createPrng(options.seed);
		this.options = options;
	}

	enqueue(faults: ScriptedFault[]): void {
		for (const fault of faults) this.queue.push(toQueued(fault));
	}

	clearQueue(): void {
		this.queue = [];
	}

	pending(): { method?: string; pathPattern?: string; fault: FaultKind; count: number }[] {
		return this.queue.map((entry) => ({ method: entry.method, pathPattern: entry.patternText, fault: entry.fault, count: entry.remaining }));
	}

	/** Resets the PRNG so a run can be replayed. */
	reseed(): void {
		this.random = createPrng(this.options.seed);
	}

	pick(method: string, path: string, isTaskCreate: boolean): FaultKind | undefined {
		return this.takeScripted(method, path) ?? this.pickRandom(isTaskCreate);
	}

	private takeScripted(method: string, path: string): FaultKind | undefined {
		const index = this.queue.findIndex(
			(entry) => (entry.method === undefined || entry.method === method) && (entry.pattern === undefined || entry.pattern.test(path)),
		);
		if (index === -1) return undefined;
		const entry = this.queue[index];
		entry.remaining--;
		if (entry.remaining <= 0) this.queue.splice(index, 1);
		return entry.fault;
	}

	/** One draw per configured rate, in a fixed order, so a given seed gives the same sequence every run. */
	private pickRandom(isTaskCreate: boolean): FaultKind | undefined {
		const { errorRate, falseCreateRate, dropConnectionRate, nonJsonRate } = this.options;
		if (errorRate > 0 && this.random() < errorRate) return this.random() < 0.5 ? 'error500' : 'error503';
		if (isTaskCreate && falseCreateRate > 0 && this.random() < falseCreateRate) return 'falseCreate500';
		if (dropConnectionRate > 0 && this.random() < dropConnectionRate) return 'dropConnection';
		if (nonJsonRate > 0 && this.random() < nonJsonRate) return 'nonJson200';
		return undefined;
	}
}

function toQueued(fault: ScriptedFault): QueuedFault {
	if (!FAULT_KINDS.includes(fault.fault)) throw new TypeError(`Unknown fault: ${String(fault.fault)}`);
	const count = fault.count ?? 1;
	if (!Number.isInteger(count) || count < 1) throw new TypeError('count must be a positive integer');
	const pattern = fault.match?.pathPattern;
	return {
		method: fault.match?.method?.toUpperCase(),
		pattern: pattern === undefined ? undefined : pattern instanceof RegExp ? pattern : new RegExp(pattern),
		patternText: pattern === undefined ? undefined : pattern instanceof RegExp ? pattern.source : pattern,
		fault: fault.fault,
		remaining: count,
	};
}
