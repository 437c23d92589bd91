/** Every timer the sandbox starts goes through here, so close() can clear them all and Jest exits. */
export class TimerRegistry {
	private readonly timers = new Set<NodeJS.Timeout>();

	after(ms: number, callback: () => void): NodeJS.Timeout {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			callback();
		}, ms);
		this.timers.add(timer);
		return timer;
	}

	sleep(ms: number): Promise<void> {
		return new Promise((resolve) => this.after(ms, resolve));
	}

	cancel(timer: NodeJS.Timeout | undefined): void {
		if (timer === undefined) return;
		clearTimeout(timer);
		this.timers.delete(timer);
	}

	clearAll(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}

	get size(): number {
		return this.timers.size;
	}
}
