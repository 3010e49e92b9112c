import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DeadLetterReplayer } from '../dead-letters/dead-letter.replayer';

export interface ReplayJob {
  id: string;
  total: number;
  replayed: number;
  failed: number;
  errors: string[];
  done: boolean;
  startedAt: Date;
}

/** Paced like the bulk replay API's default, so a fixed consumer is not flooded. */
const RATE_PER_SECOND = 20;
const KEPT_JOBS = 50;

/**
 * Replays a list of dead letters in the background, one at a time through the same replayer as
 * the API, and keeps the count so the console can show progress. Jobs live in this process only.
 */
@Injectable()
export class ConsoleReplayJobs {
  private readonly logger = new Logger(ConsoleReplayJobs.name);
  private readonly jobs = new Map<string, ReplayJob>();

  constructor(private readonly replayer: DeadLetterReplayer) {}

  start(ids: string[]): ReplayJob {
    const job: ReplayJob = {
      id: randomUUID(),
      total: ids.length,
      replayed: 0,
      failed: 0,
      errors: [],
      done: ids.length === 0,
      startedAt: new Date(),
    };
    this.jobs.set(job.id, job);
    for (const old of [...this.jobs.keys()].slice(0, -KEPT_JOBS)) this.jobs.delete(old);
    void this.run(job, ids);
    return job;
  }

  get(id: string): ReplayJob | undefined {
    return this.jobs.get(id);
  }

  private async run(job: ReplayJob, ids: string[]): Promise<void> {
    for (const [i, id] of ids.entries()) {
      if (i > 0) await new Promise((r) => setTimeout(r, 1000 / RATE_PER_SECOND));
      try {
        await this.replayer.replay(id);
        job.replayed++;
      } catch (error) {
        job.failed++;
        if (job.errors.length < 20) job.errors.push(`${id}: ${(error as Error).message}`);
        this.logger.warn(`Console replay skipped ${id}: ${(error as Error).message}`);
      }
    }
    job.done = true;
  }
}
