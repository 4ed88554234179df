import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { viewerOf } from '../auth/auth.service.js';
import { User } from '../users/user.entity.js';
import { commitJob } from './commit.js';
import { dryRun } from './dry-run.js';
import type { ImportActor } from './import-transaction.js';
import type { Context } from '../graphql/context.js';
import type { ImportLimits } from './staging.js';
import { requestConnection } from '../db/query-discipline.js';

export interface ImportSettings extends ImportLimits {
  batchSize: number;
}

/**
 * Runs dry runs and commits in the background of the server, one job at a time in the order asked,
 * after the request that asked has committed. At start-up it resumes the jobs a stopped server left
 * half-way (the commit is resumable; a dry run simply starts again).
 */
export class ImportRunner {
  private queue: Promise<void> = Promise.resolve();
  private readonly running = new Set<string>();

  constructor(
    readonly orm: MikroORM,
    readonly settings: ImportSettings,
    private readonly log: Logger,
  ) {}

  /** Queues the job's dry run or commit (whichever its status asks for). */
  schedule(actor: ImportActor, jobId: string, work: 'dryRun' | 'commit'): void {
    if (this.running.has(jobId)) return;
    this.running.add(jobId);
    this.queue = this.queue.then(() =>
      requestConnection.exit(async () => {
        try {
          if (work === 'dryRun') await dryRun(this.orm, actor, jobId);
          else await commitJob(this.orm, actor, jobId, { batchSize: this.settings.batchSize });
        } catch (error) {
          this.log.error({ err: error, jobId }, `import ${work} failed`);
        } finally {
          this.running.delete(jobId);
        }
      }),
    );
  }

  /** Queues the work once the request that asked for it has answered (and so committed its transaction). */
  afterCommit(ctx: Context, actor: ImportActor, jobId: string, work: 'dryRun' | 'commit'): void {
    ctx.res.once('finish', () => this.schedule(actor, jobId, work));
  }

  /** Resolves when the queued work is done (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  /**
   * Jobs left VALIDATING or COMMITTING by a server that stopped (listed by the caller as the tables'
   * owner: no viewer may list every user's jobs), resumed each as its creator.
   */
  async resume(jobs: readonly { id: string; status: string; created_by_id: string }[]): Promise<void> {
    const em = this.orm.em.fork();
    for (const job of jobs) {
      const user = await requestConnection.exit(() => em.findOne(User, { id: job.created_by_id, active: true }, { populate: ['area'] }));
      if (!user) continue;
      const actor: ImportActor = { viewer: viewerOf(user, { readOnly: false, sessionId: null, tokenId: null }), requestId: `resume:${job.id}`, ip: null };
      this.log.info({ jobId: job.id, status: job.status }, 'resuming an interrupted import');
      this.schedule(actor, job.id, job.status === 'VALIDATING' ? 'dryRun' : 'commit');
    }
  }
}

let current: ImportRunner | null = null;

export function useImportRunner(runner: ImportRunner | null): void {
  current = runner;
}

export function importRunner(): ImportRunner {
  if (!current) throw new Error('the import runner is not started');
  return current;
}
