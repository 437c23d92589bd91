import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { N8nInstance, type Owner } from '../n8n';
import type { N8nRuntime } from '../runtime';
import { freePort, startPostgres, startRedis, type Postgres, type Service } from './services';

const OWNER: Owner = { email: 'queue@example.com', password: 'Queue-password-1', firstName: 'Queue', lastName: 'Test' };

/** PIDs of every process below `pid` (an n8n process starts its JavaScript task runner as a child). */
export function descendants(pid: number): number[] {
	const children = new Map<number, number[]>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
		} catch {
			// gone meanwhile
		}
	}
	const found: number[] = [];
	const visit = (parent: number) => {
		for (const child of children.get(parent) ?? []) {
			found.push(child);
			visit(child);
		}
	};
	visit(pid);
	return found;
}

/**
 * n8n in queue mode on one machine: Postgres and Redis on loopback ports, one main (editor, webhooks, the
 * queue's producer) and `workers` workers, all sharing one user folder (its encryption key and the installed
 * community package) and one database.
 */
export class QueueCluster {
	readonly services: Service[] = [];
	main!: N8nInstance;
	readonly workers: N8nInstance[] = [];
	private readonly logs = new Map<N8nInstance, string>();

	constructor(
		private readonly runtime: N8nRuntime,
		readonly folder: string,
	) {}

	/** Starts the database, the queue and main's user folder; imports happen before `start`. */
	async prepare(): Promise<void> {
		const postgres = await startPostgres();
		this.postgres = postgres;
		this.services.push(postgres);
		const redis = await startRedis();
		this.services.push(redis);
		this.extraEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: 'trust-auth-ignores-this',
			// n8n's default pool is 2 connections. When main's database ping (every 2 s, 5 s timeout) fails, main
			// answers every request 503 "Database is not ready!" until the next ping succeeds. A bigger pool keeps
			// the ping from queueing behind webhook queries; CPU starvation can still make it time out.
			DB_POSTGRESDB_POOL_SIZE: '10',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		};
		this.port = await freePort();
		this.main = await this.instance('main');
		this.main.installPackage();
	}

	private extraEnv: NodeJS.ProcessEnv = {};

	private postgres?: Postgres;

	/**
	 * The workflow's executions, read from n8n's database (id, status). The public API's list is not used for
	 * counting: on n8n 2.41.1 it left one finished execution out of 500 (it was there when fetched by id).
	 */
	async executionStatuses(workflowId: string): Promise<Array<{ id: string; status: string }>> {
		const postgres = this.postgres as Postgres;
		// n8n's own Postgres driver, so the package needs no dependency of its own for this.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { Client } = require(join(this.runtime.n8nDir, 'node_modules', 'pg')) as {
			Client: new (config: object) => {
				connect(): Promise<void>;
				query(sql: string, values: unknown[]): Promise<{ rows: Array<{ id: string | number; status: string }> }>;
				end(): Promise<void>;
			};
		};
		const client = new Client({ host: '127.0.0.1', port: postgres.port, user: postgres.user, database: postgres.database });
		await client.connect();
		try {
			const { rows } = await client.query(
				'SELECT id, status FROM execution_entity WHERE "workflowId" = $1 AND "deletedAt" IS NULL ORDER BY id',
				[workflowId],
			);
			return rows.map((row) => ({ id: String(row.id), status: row.status }));
		} finally {
			await client.end();
		}
	}

	private port = 0;

	private async instance(name: string): Promise<N8nInstance> {
		const logFile = join(this.folder, `${name}.log`);
		const instance = new N8nInstance({
			runtime: this.runtime,
			userFolder: join(this.folder, 'n8n'),
			// Workers listen on nothing here; they share main's port only so WEBHOOK_URL (resume URLs) is main's.
			port: this.port,
			brokerPort: await freePort(),
			encryptionKey: 'scaleapi-queue-encryption-key',
			owner: OWNER,
			logFile,
			extraEnv: this.extraEnv,
		});
		this.logs.set(instance, logFile);
		return instance;
	}

	async start(workerCount: number, concurrency: number): Promise<void> {
		await this.main.start();
		for (let index = 0; index < workerCount; index++) this.workers.push(await this.instance(`worker-${index + 1}`));
		await Promise.all(this.workers.map((worker) => worker.startWorker(concurrency)));
	}

	/** How often main logged a failed database ping (each one makes main answer 503 until the next ping). */
	failedDatabasePings(): number {
		return readFileSync(this.logs.get(this.main) as string, 'utf8').split('Database ping failed').length - 1;
	}

	/** Which worker (index) logged starting each execution id. */
	executionsByWorker(): Map<string, number[]> {
		const byExecution = new Map<string, number[]>();
		this.workers.forEach((worker, index) => {
			const log = readFileSync(this.logs.get(worker) as string, 'utf8');
			for (const match of log.matchAll(/Worker started execution (\d+)/g)) {
				byExecution.set(match[1], [...(byExecution.get(match[1]) ?? []), index]);
			}
		});
		return byExecution;
	}

	/** Stops every process it started, by PID: workers, main, then Redis and Postgres. Never throws. */
	async stop(): Promise<void> {
		const errors: unknown[] = [];
		const attempt = async (stop: () => Promise<void>) => {
			try {
				await stop();
			} catch (error) {
				errors.push(error);
			}
		};
		// n8n stops its task runner on SIGTERM; one left behind (n8n killed after its grace time) is killed here.
		const stopInstance = async (instance: N8nInstance) => {
			const children = instance.pid ? descendants(instance.pid) : [];
			await instance.stop();
			for (const child of children) {
				try {
					process.kill(child, 'SIGKILL');
				} catch {
					// exited with its parent
				}
			}
		};
		await Promise.all(this.workers.map((worker) => attempt(() => stopInstance(worker))));
		if (this.main) await attempt(() => stopInstance(this.main));
		for (const service of [...this.services].reverse()) await attempt(() => service.stop());
		if (errors.length > 0) process.stderr.write(`[queue] errors while stopping: ${errors.map(String).join('; ')}\n`);
	}
}
