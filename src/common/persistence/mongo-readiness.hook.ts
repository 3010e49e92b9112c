import { Logger, OnModuleInit } from '@nestjs/common';
import { HealthCheckResult, HealthRegistry } from '../health/health.registry';
import type { Connection } from 'mongoose';
import { awaitModelIndexes } from './model-indexes.check';
import { checkReplicaSet } from './replica-set.check';

/**
 * Holds startup until one owner's database is fit to serve: a replica set (transactions), and
 * every index its adapters declared built. onModuleInit runs once every provider exists, so
 * every adapter has registered its model by then, and before any onApplicationBootstrap (the
 * outbox relay, seeders) or the HTTP listener touches the data.
 */
export class MongoReadiness implements OnModuleInit {
  private readonly logger = new Logger(MongoReadiness.name);

  constructor(
    private readonly owner: string,
    private readonly connection: Connection,
    health?: HealthRegistry,
  ) {
    // Unreachable, the owner's writes (and its outbox) stop: the process is not ready.
    health?.register(`mongodb:${owner}`, () => this.ping(), { critical: true });
  }

  /** One round trip; the registry reports it down if it does not come back in time. */
  async ping(): Promise<HealthCheckResult> {
    const db = this.connection.db;
    if (this.connection.readyState !== 1 || !db)
      return { status: 'down', detail: `${this.owner}: not connected` };
    await db.admin().ping();
    return { status: 'up' };
  }

  async onModuleInit(): Promise<void> {
    await checkReplicaSet(this.owner, this.connection.db);
    const names = this.connection.modelNames();
    await awaitModelIndexes(names.map((name) => this.connection.model(name)));
    this.logger.log(
      `${this.owner}: replica set confirmed, indexes of ${names.length} collections ready`,
    );
  }
}
