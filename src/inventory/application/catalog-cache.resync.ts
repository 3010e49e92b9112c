import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { BrokerConnection } from '../../messaging';
import { CatalogQueries } from './catalog.queries';

/**
 * This instance's broadcast queue lives only as long as its connection: across a reconnect it
 * may have missed evictions, so its in-process entries go. The shared cache was kept current by
 * the instances that stayed connected, and its TTL bounds the rest.
 */
@Injectable()
export class CatalogCacheResync implements OnApplicationBootstrap {
  constructor(
    private readonly broker: BrokerConnection,
    private readonly catalog: CatalogQueries,
  ) {}

  onApplicationBootstrap(): void {
    this.broker.onConnect(() => this.catalog.resync());
  }
}
