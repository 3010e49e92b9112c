import {
  MessageHandlerErrorBehavior,
  RabbitMQModule,
  defaultNackErrorHandler,
} from '@golevelup/nestjs-rabbitmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { AppConfig } from '../common/config/app-config';
import { connectionTokenFor, mongoConnectionFor } from '../common/persistence/mongo-connection';
import { AdminApiKeyGuard } from '../common/http/admin-api-key.guard';
import { amqpSocketOptions } from './connection/amqp-socket-options';
import { BrokerClientLogger } from './connection/broker-client.logger';
import { BrokerConnection } from './connection/broker-connection';
import { DeliveryBudgetCheck } from './consumer/delivery-budget.check';
import { FailureRouter } from './consumer/failure.router';
import { MessagePipeline } from './consumer/message.pipeline';
import { RabbitEventServer } from './consumer/rabbit-event.server';
import { MessagingHealth } from './health/messaging.health';
import { ConsoleAuthController } from './console/console-auth.controller';
import { ConsoleDeadLetterSearch } from './console/console-dead-letter.search';
import { ConsoleDeadLettersController } from './console/console-dead-letters.controller';
import { ConsoleOrderLookup } from './console/console-order.lookup';
import { ConsolePagesController } from './console/console-pages.controller';
import { ConsoleReplayJobs } from './console/console-replay.jobs';
import { ConsoleSession } from './console/console-session';
import { ConsoleSessionGuard } from './console/console-session.guard';
import { QueueStatsReader } from './console/queue-stats.reader';
import { DeadLetterRecorder } from './dead-letters/dead-letter.recorder';
import { DeadLetterRedriver } from './dead-letters/dead-letter.redriver';
import { DeadLetterReplayer } from './dead-letters/dead-letter.replayer';
import { DeadLetterStore } from './dead-letters/dead-letter.store';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { InMemoryDeadLetterStore } from './dead-letters/in-memory-dead-letter.store';
import { MongoDeadLetterStore } from './dead-letters/mongo-dead-letter.store';
import { InMemoryInboxStore } from './inbox/in-memory-inbox.store';
import { InboxStore } from './inbox/inbox.store';
import { MongoInboxStore } from './inbox/mongo-inbox.store';
import { RoutingInboxStore } from './inbox/routing-inbox.store';
import { InstanceLockKeeper } from './instance-lock/instance-lock.keeper';
import { MessagingMetrics } from './metrics/messaging.metrics';
import { InMemoryMessageJournal } from './journal/in-memory-message-journal';
import { JournalRecorder } from './journal/journal.recorder';
import { MessageJournal } from './journal/message-journal';
import { MongoMessageJournal } from './journal/mongo-message-journal';
import { ConfirmedPublisher } from './outbox/confirmed.publisher';
import { OutboxRegistry } from './outbox/outbox.registry';
import { OutboxRelay } from './outbox/outbox.relay';
import { RpcResponder } from './rpc/rpc.responder';
import { RpcClient } from './rpc/rpc.client';
import { LegacyTopologyRetirer } from './topology/legacy-topology.retirer';
import { TopologyDeclarer } from './topology/topology.declarer';

const OWNER = 'messaging';

/** The RabbitMQ backbone: one connection per process, topology, outbox relay, consumers, dead letters. */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(config: AppConfig): DynamicModule {
    const mongoUri = config.mongodbUriFor(OWNER);
    const mongo = mongoUri ? [connectionTokenFor(OWNER)] : [];
    return {
      module: MessagingModule,
      imports: [
        RabbitMQModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (c: AppConfig) => ({
            name: 'orderflow',
            // A list fails over: amqp-connection-manager tries each URL in turn on every reconnect.
            uri: c.amqpUrls,
            // Never block startup on the broker: the outbox keeps events until it is back.
            // Failed connects and outages are reported by ConnectFailureReporter, with their cause.
            connectionInitOptions: {
              wait: false,
              skipConnectionFailedLogging: true,
              skipDisconnectFailedLogging: true,
            },
            logger: new BrokerClientLogger(),
            connectionManagerOptions: {
              heartbeatIntervalInSeconds: c.amqpHeartbeatSeconds,
              reconnectTimeInSeconds: c.amqpReconnectMs / 1000,
              // Socket options amqplib passes to tls.connect for amqps:// URLs: CA, client cert.
              connectionOptions: amqpSocketOptions(c),
            },
            enableDirectReplyTo: true,
            // No @RabbitSubscribe handlers exist (consumers go through RabbitEventServer), so
            // discovery finds nothing; left on only to avoid golevelup's misleading log line.
            registerHandlers: true,
            // golevelup's default is requeue-forever; nothing here may loop on a failing message.
            defaultSubscribeErrorBehavior: MessageHandlerErrorBehavior.NACK,
            defaultRpcErrorHandler: defaultNackErrorHandler,
          }),
        }),
        ...(mongoUri ? [mongoConnectionFor(OWNER, mongoUri)] : []),
      ],
      controllers: [
        DeadLettersController,
        ConsoleAuthController,
        ConsoleDeadLettersController,
        ConsolePagesController,
      ],
      providers: [
        TopologyDeclarer,
        LegacyTopologyRetirer,
        FailureRouter,
        MessagePipeline,
        RpcResponder,
        RabbitEventServer,
        RpcClient,
        BrokerConnection,
        InstanceLockKeeper,
        ConfirmedPublisher,
        OutboxRegistry,
        OutboxRelay,
        DeliveryBudgetCheck,
        DeadLetterRecorder,
        DeadLetterReplayer,
        DeadLetterRedriver,
        AdminApiKeyGuard,
        MessagingHealth,
        MessagingMetrics,
        {
          provide: RoutingInboxStore,
          inject: mongo,
          useFactory: (c?: Connection) =>
            new RoutingInboxStore(c ? new MongoInboxStore(c) : new InMemoryInboxStore()),
        },
        { provide: InboxStore, useExisting: RoutingInboxStore },
        {
          provide: DeadLetterStore,
          inject: mongo,
          useFactory: (c?: Connection) =>
            c ? new MongoDeadLetterStore(c) : new InMemoryDeadLetterStore(),
        },
        {
          provide: MessageJournal,
          inject: mongo,
          useFactory: (c?: Connection) =>
            c ? new MongoMessageJournal(c) : new InMemoryMessageJournal(),
        },
        JournalRecorder,
        ConsoleSession,
        ConsoleSessionGuard,
        ConsoleDeadLetterSearch,
        ConsoleReplayJobs,
        QueueStatsReader,
        ConsoleOrderLookup,
      ],
      exports: [
        BrokerConnection,
        RabbitEventServer,
        RpcClient,
        OutboxRegistry,
        OutboxRelay,
        TopologyDeclarer,
        ConfirmedPublisher,
        AdminApiKeyGuard,
        InboxStore,
        RoutingInboxStore,
        MessageJournal,
        ConsoleOrderLookup,
      ],
    };
  }
}
