/** Wall time, CPU time and peak RSS growth of one scenario (RSS sampled every 5 ms, after a GC when exposed). */
export interface Measured<T> {
	value: T;
	wallMs: number;
	cpuMs: number;
	rssBeforeMb: number;
	peakRssGrowthMb: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

export async function measure<T>(run: () => Promise<T>): Promise<Measured<T>> {
	(globalThis as { gc?: () => void }).gc?.();
	const rssBefore = process.memoryUsage.rss();
	let peak = rssBefore;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage.rss());
	}, 5);
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	try {
		const value = await run();
		const wallMs = performance.now() - started;
		const cpu = process.cpuUsage(cpuBefore);
		peak = Math.max(peak, process.memoryUsage.rss());
		return {
			value,
			wallMs,
			cpuMs: (cpu.user + cpu.system) / 1000,
			rssBeforeMb: mb(rssBefore),
			peakRssGrowthMb: mb(peak - rssBefore),
		};
	} finally {
		clearInterval(sampler);
	}
}
