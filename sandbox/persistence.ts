import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

import type { StateSnapshot } from './state';
import type { TimerRegistry } from './timers';

const SAVE_DEBOUNCE_MS = 200;

/** Saves the state to a JSON file after mutations (debounced) and on close; loads it at start. */
export class Persistence {
	private pending: NodeJS.Timeout | undefined;

	constructor(
		private readonly file: string,
		private readonly timers: TimerRegistry,
		private readonly snapshot: () => StateSnapshot,
	) {}

	load(): StateSnapshot | undefined {
		if (!existsSync(this.file)) return undefined;
		const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as StateSnapshot;
		if (parsed.version !== 1) throw new Error(`Unsupported sandbox state version in ${this.file}`);
		return parsed;
	}

	markDirty(): void {
		if (this.pending !== undefined) return;
		this.pending = this.timers.after(SAVE_DEBOUNCE_MS, () => {
			this.pending = undefined;
			this.saveNow();
		});
	}

	/** Writes a temporary file then renames it, so a crash never leaves half a state file. */
	saveNow(): void {
		this.timers.cancel(this.pending);
		this.pending = undefined;
		const temporary = `${this.file}.${process.pid}.tmp`;
		writeFileSync(temporary, JSON.stringify(this.snapshot()));
		renameSync(temporary, this.file);
	}
}
