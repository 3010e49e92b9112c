import { Logger } from '@nestjs/common';
import { AlreadyHandledError } from '../../messaging/inbox/already-handled.error';
import { DeliveryScope } from '../../messaging/inbox/delivery-scope';
import {
  NOW,
  ORDER_ID,
  billingHarness,
  chargeCommand,
  refundCommand,
  refunded,
  succeeded,
} from './payment.use-cases.fixtures';

/** Money moves and is announced once, whatever is redelivered or races in. */
describe('PaymentUseCases under redelivery and races', () => {
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() =>
    jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }),
  );
  afterEach(() => jest.useRealTimers());

  it('announces one success when two deliveries of the charge race in', async () => {
    const { gateway, payments, stored, published } = billingHarness({
      charges: [succeeded, succeeded],
    });
    await Promise.all([payments.charge(chargeCommand()), payments.charge(chargeCommand())]);
    // Both reached the gateway before either committed; its reference makes that one charge.
    expect(gateway.charges.map((c) => c.reference)).toEqual([ORDER_ID, ORDER_ID]);
    expect(await stored()).toMatchObject({ status: 'SUCCEEDED', paymentId: 'ch_1', version: 1 });
    expect((await published()).map((e) => e.type)).toEqual(['payment.succeeded']);
  });

  it('announces one refund when two deliveries of the refund race in', async () => {
    const { gateway, payments, stored, published } = billingHarness({
      refunds: [refunded, refunded],
    });
    await payments.charge(chargeCommand());
    await Promise.all([payments.refund(refundCommand()), payments.refund(refundCommand())]);
    expect(gateway.refunds.map((r) => r.reference)).toEqual([ORDER_ID, ORDER_ID]);
    expect(await stored()).toMatchObject({ status: 'REFUNDED', version: 2 });
    expect((await published()).map((e) => e.type)).toEqual([
      'payment.succeeded',
      'payment.refunded',
    ]);
  });

  it('commits the inbox entry with the decision; a duplicate delivery then changes nothing', async () => {
    const { uow, gateway, payments, inbox, published } = billingHarness();
    const delivery = { consumer: 'billing', messageId: 'm-charge' };
    const run = jest.spyOn(uow, 'run');

    await DeliveryScope.run(delivery, () => payments.charge(chargeCommand()));
    expect(run).toHaveBeenCalledTimes(1);
    expect(await inbox.has('billing', 'm-charge')).toBe(true);

    await expect(
      DeliveryScope.run(delivery, () => payments.charge(chargeCommand())),
    ).rejects.toBeInstanceOf(AlreadyHandledError);
    expect(gateway.charges).toHaveLength(1);
    expect((await published()).map((e) => e.type)).toEqual(['payment.succeeded']);
  });

  it('commits the inbox entry of a refund with nothing to refund', async () => {
    const { payments, inbox } = billingHarness();
    const delivery = { consumer: 'billing', messageId: 'm-refund' };
    await DeliveryScope.run(delivery, () => payments.refund(refundCommand()));
    expect(await inbox.has('billing', 'm-refund')).toBe(true);
  });

  it('leaves no inbox entry when the gateway is down, so the redelivery is handled', async () => {
    const { payments, inbox } = billingHarness({ charges: [new Error('down'), succeeded] });
    const delivery = { consumer: 'billing', messageId: 'm-charge' };
    await expect(
      DeliveryScope.run(delivery, () => payments.charge(chargeCommand())),
    ).rejects.toThrow('down');
    expect(await inbox.has('billing', 'm-charge')).toBe(false);
    await DeliveryScope.run(delivery, () => payments.charge(chargeCommand()));
    expect(await inbox.has('billing', 'm-charge')).toBe(true);
  });
});
