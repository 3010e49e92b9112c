import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  BrokerConnection,
  CatalogLookupReply,
  CatalogLookupRequest,
  RpcClient,
} from '../../messaging';
import { CatalogSync } from './catalog-sync.service';

const ATTEMPTS = 5;
const PAUSE_MS = 1000;

/**
 * A new orders instance asks inventory for the whole catalog, then follows the broadcast
 * events. It asks again after every reconnect: its per-instance queue does not outlive a
 * connection, so it may have missed updates in between.
 */
@Injectable()
export class CatalogSnapshotService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CatalogSnapshotService.name);
  private running?: Promise<void>;

  constructor(
    private readonly catalog: CatalogSync,
    private readonly rpc: RpcClient,
    private readonly broker: BrokerConnection,
  ) {}

  onApplicationBootstrap(): void {
    this.broker.onConnect(() => void this.refresh());
    if (this.broker.connected) void this.refresh();
  }

  refresh(): Promise<void> {
    this.running ??= this.load().finally(() => (this.running = undefined));
    return this.running;
  }

  private async load(): Promise<void> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      // Stamped with the time of asking: an update that happens while the reply travels is newer and wins.
      const asOf = new Date();
      try {
        const reply = await this.rpc.request<CatalogLookupReply>(CatalogLookupRequest.routingKey, {
          skus: [],
        });
        // Stryker disable BlockStatement,UpdateOperator,StringLiteral,ArithmeticOperator: a refused
        // entry is only counted and logged; the .catch itself (kept live) is what skips it
        let refused = 0;
        for (const p of reply.products)
          await this.catalog.apply({ ...p, asOf }).catch((error: Error) => {
            refused++;
            this.logger.warn(`Snapshot entry refused: ${error.message}`);
          });
        this.logger.log(
          `Catalog snapshot loaded: ${reply.products.length - refused} products, ${refused} refused`,
        );
        // Stryker restore all
        return;
      } catch (error) {
        if (attempt === ATTEMPTS) {
          this.logger.warn(
            // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
            `No catalog snapshot (${(error as Error).message}); SKUs will be looked up when ordered`,
          );
          return;
        }
        await new Promise((r) => setTimeout(r, PAUSE_MS));
      }
    }
  }
}
