import { Logger } from '@nestjs/common';
import type { MessageHandler } from '@nestjs/microservices';
import { AppConfig } from '../../common/config/app-config';
import { ConfigError } from '../../common/config/config.error';
import { TopologyDeclarer } from '../topology/topology.declarer';
import { DeliveryBudgetCheck } from './delivery-budget.check';
import { RabbitEventServer } from './rabbit-event.server';

function handler(isEventHandler: boolean, extras?: object): MessageHandler {
  return Object.assign(async () => undefined, { isEventHandler, extras }) as MessageHandler;
}

function checkWith(handlers: Array<[string, MessageHandler]>, urls = 1): DeliveryBudgetCheck {
  const config = Object.assign(new AppConfig(), {
    amqpNamePrefix: 't.',
    retryDelaysMs: [100, 200],
    amqpUrls: Array.from({ length: urls }, (_, i) => `amqp://h${i}`),
  });
  const server = { getHandlers: () => new Map(handlers) } as unknown as RabbitEventServer;
  return new DeliveryBudgetCheck(server, new TopologyDeclarer(config), config);
}

describe('DeliveryBudgetCheck', () => {
  let log: jest.SpyInstance;
  beforeEach(() => {
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('reads the queues, policies and timeouts of event and command handlers only', () => {
    const check = checkWith([
      ['billing::billing.charge-payment', handler(true, { command: true })],
      ['notifications::order.confirmed', handler(true, { consumerTimeoutMs: 900_000 })],
      ['orders::product.updated', handler(true, { broadcast: true, retryDelaysMs: [] })],
      ['catalog.lookup', handler(false)],
      ['not-a-subscription', handler(true)],
    ]);
    expect(check.queues()).toEqual([
      {
        queue: 't.billing.charge-payment',
        retryDelaysMs: [100, 200],
        consumerTimeoutMs: 300_000,
        quorum: true,
      },
      {
        queue: 't.notifications.order-confirmed',
        retryDelaysMs: [100, 200],
        consumerTimeoutMs: 900_000,
        quorum: true,
      },
      {
        queue: 't.orders.product-updated.<instance>',
        retryDelaysMs: [],
        consumerTimeoutMs: 300_000,
        quorum: false,
      },
    ]);
  });

  it('logs the budget once when it holds', () => {
    checkWith([['billing::billing.charge-payment', handler(true)]], 3).onModuleInit();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toMatch(
      /^Delivery budget: 1 subscription queue\(s\) with delivery limit 10; .* 5 needed for a rolling restart of 3 node\(s\)/,
    );
    expect(log.mock.calls[0][0]).toContain('3 attempt(s) (retries after 100, 200 ms)');
  });

  it('refuses to start, with every reason, when a policy would leave a message to the broker', () => {
    const check = checkWith([
      ['billing::billing.charge-payment', handler(true, { retryDelaysMs: [100, 0] })],
      ['notifications::order.confirmed', handler(true, { consumerTimeoutMs: -1 })],
    ]);
    let error: unknown;
    try {
      check.onModuleInit();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^t\.billing\.charge-payment: retry delays .* got 0;/),
      expect.stringMatching(/^t\.notifications\.order-confirmed: the consumer timeout .* got -1$/),
    ]);
    expect(log).not.toHaveBeenCalled();
  });

  it('refuses a cluster so large that a rolling restart could exhaust the delivery limit', () => {
    const check = checkWith([['billing::billing.charge-payment', handler(true)]], 9);
    expect(() => check.onModuleInit()).toThrow(/\(10\) must be at least 11/);
  });
});
