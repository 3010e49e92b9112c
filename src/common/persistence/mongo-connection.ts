import { DynamicModule } from '@nestjs/common';
import { MongooseModule, getConnectionToken } from '@nestjs/mongoose';

/** Each owner (module) gets its own named connection and database: no module reads another's. */
export function mongoConnectionFor(owner: string, uri: string): DynamicModule {
  return MongooseModule.forRoot(uri, { connectionName: owner, dbName: `orderflow_${owner}` });
}

export function connectionTokenFor(owner: string): string {
  return getConnectionToken(owner);
}
