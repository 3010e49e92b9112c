import type { EventContract } from '../contracts/event-contract';
import { CatalogLookupRequest } from '../contracts/catalog-lookup-request';
import { TopologyNames } from '../topology/topology-names';
import { HandlerDeclaration, ModuleMessaging } from '../topology/permissions/module-messaging';
import { AsyncApiChannels, Channel } from './asyncapi.channels';
import {
  FAILED_MESSAGE,
  contractMessage,
  failedMessage,
  requestMessage,
} from './asyncapi.messages';
import { contractSchemas, contractsByType } from './contract-schemas';

export interface AsyncApiOptions {
  prefix: string;
  retryDelaysMs: number[];
  version: string;
  /** Feature modules this process runs, named in the description. */
  loaded: string[];
}

/** Request contracts by routing key: they are not events, so contractsByType cannot see them. */
const REQUESTS: Array<{ name: string; routingKey: string }> = [CatalogLookupRequest];

/**
 * The AsyncAPI 3 document of the whole app, built from what the modules' code declares (their
 * handlers and `publishes`), the contract classes and TopologyNames, as the permission generator
 * is: a handler or publication added in code is in the document without anyone writing it down.
 */
export function buildAsyncApi(modules: ModuleMessaging[], o: AsyncApiOptions) {
  const names = new TopologyNames(o.prefix);
  const ch = new AsyncApiChannels(names);
  const contracts = contractsByType();
  const channels: Record<string, Channel> = {};
  const operations: Record<string, object> = {};
  const messages: Record<string, object> = { [FAILED_MESSAGE]: failedMessage() };
  const used: Array<{ name: string }> = [];

  const contractOf = (type: string): EventContract => {
    const c = contracts.get(type);
    if (!c) throw new Error(`No contract class in src/messaging/contracts for "${type}"`);
    if (!messages[c.name]) used.push(c);
    return c;
  };
  const addMessage = (c: EventContract, command: boolean): string => {
    messages[c.name] ??= contractMessage(c, command);
    return c.name;
  };
  const op = (id: string, action: 'send' | 'receive', channel: string, summary: string) => {
    const msgs = Object.keys(channels[channel].messages);
    operations[id] = {
      action,
      summary,
      channel: { $ref: `#/channels/${channel}` },
      messages: msgs.map((m) => ({ $ref: `#/channels/${channel}/messages/${m}` })),
    };
  };
  const sent = (kind: 'events' | 'commands', type: string): string => {
    const id = `${kind}:${type}`;
    channels[id] ??= ch.routingKey(kind, type, addMessage(contractOf(type), kind === 'commands'));
    return id;
  };
  const request = (key: string): string => {
    const contract = REQUESTS.find((r) => r.routingKey === key);
    if (!contract) throw new Error(`No request contract for "${key}"`);
    if (!messages[contract.name]) used.push(contract);
    messages[contract.name] ??= requestMessage(contract, key);
    const id = `rpc:${key}`;
    channels[id] ??= ch.rpc(names.rpcQueue(key), contract.name);
    return id;
  };

  for (const m of modules) {
    for (const type of m.publishes.events)
      op(`${m.module}.send.${type}`, 'send', sent('events', type), `${m.module} announces ${type}`);
    for (const type of m.publishes.commands)
      op(`${m.module}.send.${type}`, 'send', sent('commands', type), `${m.module} asks ${type}`);
    for (const key of m.publishes.requests)
      op(`${m.module}.request.${key}`, 'send', request(key), `${m.module} calls ${key}`);
    for (const h of m.handlers) receive(h);
  }

  function receive(h: HandlerDeclaration): void {
    if (h.kind === 'request') {
      op(`reply.${h.routingKey}`, 'receive', request(h.routingKey), `Answers ${h.routingKey}`);
      return;
    }
    const msg = addMessage(contractOf(h.type), h.kind === 'command');
    const queue = names.subscriptionQueue(h.consumer, h.type);
    const id = `queue:${queue}`;
    if (h.kind === 'event' && h.broadcast) channels[id] = ch.broadcast(queue, h.type, msg);
    else {
      const source = h.kind === 'command' ? names.commands : names.events;
      channels[id] = ch.subscription(queue, source, h.type, msg);
    }
    const what = h.kind === 'command' ? 'handles command' : 'handles';
    op(`${h.consumer}.receive.${h.type}`, 'receive', id, `${h.consumer} ${what} ${h.type}`);
  }

  for (const delay of new Set(o.retryDelaysMs)) {
    channels[`retry:${delay}ms`] = ch.retry(delay, FAILED_MESSAGE);
    op(`retry.${delay}ms`, 'send', `retry:${delay}ms`, `A failed delivery waits ${delay} ms`);
  }
  channels['dead-letters'] = ch.deadLetters(FAILED_MESSAGE);
  op('dead-letters.park', 'receive', 'dead-letters', 'Parked messages are stored for replay');
  channels.unrouted = ch.unrouted(FAILED_MESSAGE);

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'orderflow messaging',
      version: o.version,
      description:
        'Events, commands and request/reply between the feature modules, over RabbitMQ. ' +
        `Generated from the code at start-up; this process runs: ${o.loaded.join(', ')}.`,
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages, schemas: contractSchemas(used) },
  };
}

export type AsyncApiDocument = ReturnType<typeof buildAsyncApi>;
