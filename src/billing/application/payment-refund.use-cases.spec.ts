import { Logger } from '@nestjs/common';
import { GatewayUnavailableError } from '../domain/gateway-unavailable.error';
import {
  NOW,
  ORDER_ID,
  billingHarness,
  chargeCommand,
  declined,
  invoice,
  refundCommand,
  refunded,
} from './payment.use-cases.fixtures';

const LATER = new Date(NOW.getTime() + 60_000);

/** A harness whose order was charged; what that published is already looked at. */
async function charged(script: Parameters<typeof billingHarness>[0] = {}) {
  const harness = billingHarness(script);
  await harness.payments.charge(chargeCommand());
  await harness.published();
  jest.setSystemTime(LATER);
  return harness;
}

describe('PaymentUseCases.refund', () => {
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() =>
    jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }),
  );
  afterEach(() => jest.useRealTimers());

  it('gives the whole charge back, credits the invoice and announces it', async () => {
    const { gateway, payments, stored, published } = await charged();
    await payments.refund(refundCommand(ORDER_ID, 'Payment timed out'));

    expect(gateway.refunds).toEqual([
      { reference: ORDER_ID, paymentId: 'ch_1', amount: 4300, currency: 'EUR' },
    ]);
    const refundedInvoice = {
      ...invoice,
      status: 'REFUNDED',
      refund: { amount: 4300, refundedAt: LATER, reason: 'Payment timed out' },
    };
    expect(await stored()).toMatchObject({
      status: 'REFUNDED',
      invoice: refundedInvoice,
      updatedAt: LATER,
      version: 2,
    });
    expect(await payments.listInvoices(ORDER_ID)).toEqual([refundedInvoice]);
    expect(await published()).toEqual([
      {
        type: 'payment.refunded',
        payload: {
          orderId: ORDER_ID,
          paymentId: 'ch_1',
          invoiceNumber: invoice.number,
          amount: 4300,
          currency: 'EUR',
          reason: 'Payment timed out',
          refundedAt: LATER.toISOString(),
        },
      },
    ]);
  });

  it('rethrows a transient refund failure and changes nothing; the retry refunds', async () => {
    const outage = new GatewayUnavailableError('refund failed');
    const { gateway, payments, stored, published } = await charged({
      refunds: [outage, refunded],
    });
    const paid = await stored();

    await expect(payments.refund(refundCommand())).rejects.toBe(outage);
    expect(await stored()).toEqual(paid);
    expect(await published()).toEqual([]);

    await payments.refund(refundCommand());
    expect(gateway.refunds).toHaveLength(2);
    expect(await stored()).toMatchObject({ status: 'REFUNDED', version: 2 });
    expect((await published()).map((e) => e.type)).toEqual(['payment.refunded']);
  });

  it('refunds once: a repeated command changes and announces nothing', async () => {
    const { gateway, payments, stored, published } = await charged({
      refunds: [refunded, refunded],
    });
    await payments.refund(refundCommand(ORDER_ID, 'Cancelled by the customer'));
    const once = await stored();
    await published();

    jest.setSystemTime(new Date(LATER.getTime() + 1000));
    await payments.refund(refundCommand(ORDER_ID, 'Again'));

    expect(gateway.refunds).toHaveLength(1);
    expect(await stored()).toEqual(once);
    expect(await published()).toEqual([]);
  });

  it('does nothing for a declined payment: no money was taken', async () => {
    const { gateway, payments, stored, published } = await charged({ charges: [declined] });
    const failed = await stored();
    await payments.refund(refundCommand());
    expect(gateway.refunds).toEqual([]);
    expect(await stored()).toEqual(failed);
    expect(await published()).toEqual([]);
  });

  it('does nothing for an order it never charged', async () => {
    const { gateway, payments, stored, published } = billingHarness();
    await payments.refund(refundCommand());
    expect(gateway.refunds).toEqual([]);
    expect(await stored()).toBeUndefined();
    expect(await published()).toEqual([]);
  });
});
