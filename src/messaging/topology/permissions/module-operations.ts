import type { Channel } from 'amqplib';
import { AppConfig } from '../../../common/config/app-config';
import { instanceLockQueue } from '../../instance-lock/locked-modules';
import { TopologyDeclarer } from '../topology.declarer';
import { AmqpOperation } from './amqp-operation';
import { HandlerDeclaration, ModuleMessaging } from './module-messaging';
import { ANY_DELAY_MS, ANY_INSTANCE, ANY_KEY } from './name-pattern';
import { RecordingChannel } from './recording.channel';

/**
 * Everything a process running this one module does on the broker: the declarations, replayed
 * through the real TopologyDeclarer, and the publishes and consumes of the components that use
 * them (each line names the component). Retry delays and instance ids are placeholders.
 */
export async function moduleOperations(
  m: ModuleMessaging,
  prefix: string,
): Promise<AmqpOperation[]> {
  // Only the prefix reaches a name; the TTL is an argument the permissions do not depend on.
  const declarer = new TopologyDeclarer(Object.assign(new AppConfig(), { amqpNamePrefix: prefix }));
  const n = declarer.names;
  const rec = new RecordingChannel();
  const ops = rec.operations;
  const ch = rec.asChannel();
  // ConfirmedPublisher and DeadLetterRecorder, in every process. The recorder re-parks a dead
  // letter it cannot store as a fresh copy, through the dead-letter exchange.
  await declarer.declareShared(ch);
  ops.push({ op: 'consume', queue: n.deadLetterQueue });
  ops.push({ op: 'publish', exchange: n.deadLetter, key: ANY_KEY });
  // DeadLetterReplayer: back into the queue the message failed in, whichever module's it is.
  ops.push({ op: 'publish', exchange: n.redeliver, key: ANY_KEY });
  // InstanceLockKeeper: an exclusive queue, with no arguments.
  ops.push({ op: 'declareQueue', queue: instanceLockQueue(prefix, m.module) });
  for (const h of m.handlers) await handlerOperations(h, declarer, ch, ops);
  for (const type of m.publishes.events) ops.push({ op: 'publish', exchange: n.events, key: type });
  for (const type of m.publishes.commands)
    ops.push({ op: 'publish', exchange: n.commands, key: type });
  // RpcClient, to the responder's queue by the default exchange; replies come back by direct
  // reply-to, which needs no permission.
  for (const key of m.publishes.requests)
    ops.push({ op: 'publish', exchange: '', key: n.rpcQueue(key) });
  return ops;
}

/** RabbitEventServer's queue per handler (see consumerFor) and what its pipeline does with it. */
async function handlerOperations(
  h: HandlerDeclaration,
  declarer: TopologyDeclarer,
  ch: Channel,
  ops: AmqpOperation[],
): Promise<void> {
  const n = declarer.names;
  if (h.kind === 'request') {
    const queue = n.rpcQueue(h.routingKey);
    await declarer.declareRpcQueue(ch, queue);
    ops.push({ op: 'consume', queue });
    // RpcResponder answers on the caller's reply-to address, through the default exchange.
    ops.push({ op: 'publish', exchange: '', key: ANY_KEY });
    return;
  }
  const broadcast = h.kind === 'event' && h.broadcast;
  const queue = broadcast
    ? n.instanceQueue(h.consumer, h.type, ANY_INSTANCE)
    : n.subscriptionQueue(h.consumer, h.type);
  if (broadcast) await declarer.declareBroadcastSubscription(ch, queue, h.type, [ANY_DELAY_MS]);
  else
    await declarer.declareSubscription(ch, queue, h.type, [ANY_DELAY_MS], {
      source: h.kind === 'command' ? 'commands' : 'events',
    });
  ops.push({ op: 'consume', queue });
  // FailureRouter: a failed message goes to a retry exchange or the dead-letter exchange, keyed
  // by the queue it failed in.
  ops.push({ op: 'publish', exchange: n.retry(ANY_DELAY_MS), key: queue });
  ops.push({ op: 'publish', exchange: n.deadLetter, key: queue });
}
