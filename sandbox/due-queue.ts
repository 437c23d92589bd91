import type { TaskRecord } from './types';

/**
 * Pending tasks ordered by when their auto-completion is due (a binary min-heap on `dueMs`), so every request can
 * complete what is due in O(log n) per task instead of trusting a timer to have fired first.
 */
export class DueQueue {
	private readonly heap: { dueMs: number; record: TaskRecord }[] = [];

	get size(): number {
		return this.heap.length;
	}

	push(record: TaskRecord, dueMs: number): void {
		this.heap.push({ dueMs, record });
		let index = this.heap.length - 1;
		while (index > 0) {
			const parent = (index - 1) >> 1;
			if (this.heap[parent].dueMs <= this.heap[index].dueMs) break;
			[this.heap[parent], this.heap[index]] = [this.heap[index], this.heap[parent]];
			index = parent;
		}
	}

	/** Removes and returns the records due at `now`; entries whose record was re-armed since (another dueMs) are dropped. */
	takeDue(now: number): TaskRecord[] {
		const due: TaskRecord[] = [];
		while (this.heap.length > 0 && this.heap[0].dueMs <= now) {
			const entry = this.pop();
			if (entry.record.dueMs === entry.dueMs) due.push(entry.record);
		}
		return due;
	}

	clear(): void {
		this.heap.length = 0;
	}

	private pop(): { dueMs: number; record: TaskRecord } {
		const top = this.heap[0];
		const last = this.heap.pop()!;
		if (this.heap.length > 0) {
			this.heap[0] = last;
			let index = 0;
			for (;;) {
				const left = 2 * index + 1;
				const right = left + 1;
				let smallest = index;
				if (left < this.heap.length && this.heap[left].dueMs < this.heap[smallest].dueMs) smallest = left;
				if (right < this.heap.length && this.heap[right].dueMs < this.heap[smallest].dueMs) smallest = right;
				if (smallest === index) break;
				[this.heap[smallest], this.heap[index]] = [this.heap[index], this.heap[smallest]];
				index = smallest;
			}
		}
		return top;
	}
}
