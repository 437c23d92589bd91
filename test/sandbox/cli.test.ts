import { optionsFromFlags, parseFlags } from '../../sandbox/cli';

describe('sandbox: CLI flags', () => {
	it('maps every flag onto SandboxOptions', () => {
		const options = optionsFromFlags(
			parseFlags([
				'--port', '4010',
				'--host=0.0.0.0',
				'--latency', '20',
				'--rate-limit', '100',
				'--error-rate', '0.1',
				'--false-create-rate', '0.02',
				'--drop-connection-rate', '0.01',
				'--non-json-rate', '0.03',
				'--fault-seed', '5',
				'--completion-delay', '2000',
				'--callback-retries', '4',
				'--callback-retry-delay', '50',
				'--seed-tasks', '10000',
				'--seed-project', 'demo',
				'--seed-batch', 'demo batch',
				'--persist', './sandbox-state.json',
				'--api-key', 'test_a',
				'--api-key', 'test_b',
				'--callback-auth-key', 'cb',
			]),
		);
		expect(options).toEqual({
			port: 4010,
			host: '0.0.0.0',
			apiKeys: ['test_a', 'test_b'],
			callbackAuthKey: 'cb',
			latencyMs: 20,
			rateLimit: { requestsPerSecond: 100 },
			faults: { errorRate: 0.1, falseCreateRate: 0.02, dropConnectionRate: 0.01, nonJsonRate: 0.03, seed: 5 },
			completionDelayMs: 2000,
			callbackRetries: 4,
			callbackRetryDelayMs: 50,
			seedTasks: { count: 10000, project: 'demo', batch: 'demo batch', type: undefined },
			persistFile: './sandbox-state.json',
		});
	});

	it('defaults the port to 4010 and rejects unknown flags and bad numbers', () => {
		expect(optionsFromFlags(parseFlags([])).port).toBe(4010);
		expect(() => optionsFromFlags(parseFlags(['--prot', '1']))).toThrow(/Unknown flag --prot/);
		expect(() => optionsFromFlags(parseFlags(['--latency', 'fast']))).toThrow(/number/);
		expect(() => parseFlags(['stray'])).toThrow(/Unexpected argument/);
	});
});
