import { Module } from '@nestjs/common';

/** The host of one owner's connection and its readiness check; see mongoConnectionFor. */
@Module({})
export class MongoConnectionModule {}
