import { AppConfig } from '../../common/config/app-config';
import { appModuleMessaging } from '../topology/permissions/app-broker-users';
import { TopologyNames } from '../topology/topology-names';
import { buildAsyncApi } from './asyncapi.document';

type Op = { action: string; channel: { $ref: string }; messages: Array<{ $ref: string }> };
type Channel = { address: string; bindings: { amqp: { is: string; exchange?: { name: string } } } };

const config = Object.assign(new AppConfig(), { amqpNamePrefix: 'p.' });
const modules = appModuleMessaging(config);
const doc = buildAsyncApi(modules, {
  prefix: 'p.',
  retryDelaysMs: [1000, 5000],
  version: '0.1.0',
  loaded: ['orders'],
});
const names = new TopologyNames('p.');
const ops = Object.values(doc.operations) as Op[];
const channelOf = (op: Op) =>
  doc.channels[op.channel.$ref.replace('#/channels/', '')] as unknown as Channel;
const resolve = (ref: string): unknown =>
  ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], doc);

describe('AsyncAPI document', () => {
  it('is AsyncAPI 3 and every $ref in it resolves', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect([ref, resolve(ref)]).toEqual([ref, expect.anything()]);
  });

  it('has a receive operation on its queue for every @OnEvent and @OnCommand subscription', () => {
    const subscriptions = modules.flatMap((m) => m.handlers).filter((h) => h.kind !== 'request');
    expect(subscriptions.length).toBeGreaterThan(10);
    for (const h of subscriptions) {
      const queue = names.subscriptionQueue(h.consumer, h.type);
      const found = ops.some(
        (o) => o.action === 'receive' && channelOf(o).address.startsWith(queue),
      );
      expect([h.consumer, h.type, found]).toEqual([h.consumer, h.type, true]);
    }
  });

  it('has a send operation on its exchange and key for every published event and command', () => {
    for (const m of modules) {
      const sent = [
        ...m.publishes.events.map((t) => [names.events, t]),
        ...m.publishes.commands.map((t) => [names.commands, t]),
      ];
      for (const [exchange, type] of sent) {
        const found = ops.some((o) => {
          const c = channelOf(o);
          return (
            o.action === 'send' && c.address === type && c.bindings.amqp.exchange?.name === exchange
          );
        });
        expect([m.module, type, found]).toEqual([m.module, type, true]);
      }
    }
  });

  it('gives every contract payload a schema with its validated fields', () => {
    const schemas = doc.components.schemas as Record<string, { properties?: object }>;
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['OrderConfirmed', 'ReserveStock', 'StockLineContract']),
    );
    for (const [name, s] of Object.entries(schemas))
      expect([name, Object.keys(s.properties ?? {}).length > 0]).toEqual([name, true]);
    expect(schemas.InventoryReserved).toMatchObject({
      required: ['orderId', 'items'],
      properties: { orderId: { format: 'uuid' } },
    });
  });

  it('lists the retry queues per delay and the dead-letter queue', () => {
    const addresses = Object.values(doc.channels).map((c) => c.address);
    expect(addresses).toEqual(
      expect.arrayContaining([
        names.retryQueue(1000),
        names.retryQueue(5000),
        names.deadLetterQueue,
        names.unroutedQueue,
      ]),
    );
  });
});
