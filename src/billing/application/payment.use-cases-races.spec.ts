import { Logger } from '@nestjs/common';
import { AlreadyHandledError } from '../../messaging/inbox/already-handled.error';
import { DeliveryScope } from '../../messaging/inbox/delivery-scope';
import { NOW, ORDER_ID, billingHarness, placed, succeeded } from './payment.use-cases.fixtures';

/** A payment is charged and announced once, whatever is redelivered or races in. */
describe('PaymentUseCases under redelivery and races', () => {
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() =>
    jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }),
  );
  afterEach(() => jest.useRealTimers());

  it('never charges a decided payment again on redelivery', async () => {
    const { gateway, payments, stored, published } = billingHarness(succeeded, succeeded);
    await payments.orderPlaced(placed());
    await payments.stockReserved(ORDER_ID);
    await payments.stockReserved(ORDER_ID);
    await payments.orderPlaced(placed());
    expect(gateway.requests).toHaveLength(1);
    // Redeliveries change nothing, so they write nothing: still the version of the decision.
    expect(await stored()).toMatchObject({ status: 'SUCCEEDED', version: 2 });
    expect((await published()).map((e) => e.type)).toEqual(['payment.succeeded']);
  });

  it('announces one success when both facts race in and both callers charge', async () => {
    const { gateway, payments, stored, published } = billingHarness(succeeded, succeeded);
    await payments.orderPlaced(placed());
    await Promise.all([payments.stockReserved(ORDER_ID), payments.stockReserved(ORDER_ID)]);
    expect(gateway.requests).toHaveLength(2);
    expect(await stored()).toMatchObject({ status: 'SUCCEEDED', paymentId: 'ch_1', version: 2 });
    expect((await published()).map((e) => e.type)).toEqual(['payment.succeeded']);
  });

  it('charges once when the two facts race in before any payment exists', async () => {
    const { gateway, payments, stored, published } = billingHarness(succeeded, succeeded);
    await Promise.all([payments.orderPlaced(placed()), payments.stockReserved(ORDER_ID)]);
    expect(gateway.requests).toHaveLength(1);
    expect(await stored()).toMatchObject({ status: 'SUCCEEDED', stockReserved: true, version: 2 });
    expect((await published()).map((e) => e.type)).toEqual(['payment.succeeded']);
  });

  it('commits the inbox entry with the decision; a duplicate delivery then changes nothing', async () => {
    const { uow, gateway, payments, inbox, published } = billingHarness(succeeded, succeeded);
    const delivery = { consumer: 'billing', messageId: 'm-reserved' };
    await payments.orderPlaced(placed());
    const run = jest.spyOn(uow, 'run');

    await DeliveryScope.run(delivery, () => payments.stockReserved(ORDER_ID));
    expect(run).toHaveBeenCalledTimes(1);
    expect(await inbox.has('billing', 'm-reserved')).toBe(true);

    await expect(
      DeliveryScope.run(delivery, () => payments.stockReserved(ORDER_ID)),
    ).rejects.toBeInstanceOf(AlreadyHandledError);
    expect(gateway.requests).toHaveLength(1);
    expect((await published()).map((e) => e.type)).toEqual(['payment.succeeded']);
  });
});
