import { DynamicModule } from '@nestjs/common';
import { MongooseModule, getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { AppConfig } from '../config/app-config';
import { HealthRegistry } from '../health/health.registry';
import { MongoConnectionModule } from './mongo-connection.module';
import { mongoTlsOptions } from './mongo-tls-options';
import { MongoReadiness } from './mongo-readiness.hook';

/**
 * Each owner (module) gets its own named connection and database: no module reads another's.
 * The app does not start unless that database is a replica set with every index built.
 *
 * Checked in a hook, not in MongooseModule's connectionFactory: a factory that throws is
 * retried as a failed connection (9 times, 3 s apart, a new connection each time), which
 * would delay a certain refusal by half a minute.
 */
export function mongoConnectionFor(owner: string, uri: string): DynamicModule {
  return {
    module: MongoConnectionModule,
    imports: [
      MongooseModule.forRootAsync({
        connectionName: owner,
        // Optional: a test module that builds one connection need not provide the whole config.
        inject: [{ token: AppConfig, optional: true }],
        useFactory: (config?: AppConfig) => ({
          uri,
          dbName: `orderflow_${owner}`,
          ...mongoTlsOptions(config),
        }),
      }),
    ],
    providers: [
      {
        provide: `MongoReadiness:${owner}`,
        // Optional as AppConfig above: a test module may build the connection alone.
        inject: [connectionTokenFor(owner), { token: HealthRegistry, optional: true }],
        useFactory: (connection: Connection, health?: HealthRegistry) =>
          new MongoReadiness(owner, connection, health),
      },
    ],
  };
}

export function connectionTokenFor(owner: string): string {
  return getConnectionToken(owner);
}
