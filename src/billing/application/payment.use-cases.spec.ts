import { Logger } from '@nestjs/common';
import { GatewayUnavailableError } from '../domain/gateway-unavailable.error';
import {
  LINES,
  NOW,
  ORDER_ID,
  billingHarness,
  chargeCommand,
  declined,
  invoice,
  succeeded,
} from './payment.use-cases.fixtures';

describe('PaymentUseCases.charge', () => {
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() =>
    jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }),
  );
  afterEach(() => jest.useRealTimers());

  it('charges by the order id, invoices and announces it, and keeps no token', async () => {
    const { gateway, payments, stored, published } = billingHarness();
    await payments.charge(chargeCommand());

    expect(gateway.charges).toEqual([
      { token: 'tok_visa', amount: 4300, currency: 'EUR', reference: ORDER_ID },
    ]);
    const payment = await stored();
    expect(payment).toEqual({
      orderId: ORDER_ID,
      status: 'SUCCEEDED',
      intent: { customerEmail: 'ada@example.com', amount: 4300, currency: 'EUR', lines: LINES },
      paymentId: 'ch_1',
      invoice,
      createdAt: NOW,
      updatedAt: NOW,
      version: 1,
    });
    expect(JSON.stringify(payment)).not.toContain('tok_visa');
    expect(await payments.listInvoices(ORDER_ID)).toEqual([invoice]);
    expect(await published()).toEqual([
      {
        type: 'payment.succeeded',
        payload: {
          orderId: ORDER_ID,
          paymentId: 'ch_1',
          invoice: {
            number: 'INV-20260504-3F2A9B1C4D5E',
            amount: 4300,
            currency: 'EUR',
            lines: LINES,
          },
        },
      },
    ]);
  });

  it('records a decline as a failed payment with its code and announces it', async () => {
    const { payments, stored, published } = billingHarness({ charges: [declined] });
    await payments.charge(chargeCommand());
    const payment = await stored();
    expect(payment).toMatchObject({
      status: 'FAILED',
      failure: { code: 'card_declined', reason: 'No.' },
      version: 1,
    });
    expect(payment?.invoice).toBeUndefined();
    expect(await payments.listInvoices()).toEqual([]);
    expect(await published()).toEqual([
      {
        type: 'payment.failed',
        payload: { orderId: ORDER_ID, code: 'card_declined', reason: 'No.' },
      },
    ]);
  });

  it('rethrows a gateway outage and stores nothing, so the retried command charges', async () => {
    const outage = new GatewayUnavailableError('processor down');
    const { gateway, payments, stored, published } = billingHarness({
      charges: [outage, succeeded],
    });
    await expect(payments.charge(chargeCommand())).rejects.toBe(outage);
    expect(await stored()).toBeUndefined();
    expect(await published()).toEqual([]);

    await payments.charge(chargeCommand());
    expect(gateway.charges).toHaveLength(2);
    expect(await stored()).toMatchObject({ status: 'SUCCEEDED', version: 1 });
    expect((await published()).map((e) => e.type)).toEqual(['payment.succeeded']);
  });

  it.each([
    ['succeeded', succeeded],
    ['was declined', declined],
  ])('does nothing on a repeated command once the payment %s', async (_, first) => {
    const { gateway, payments, stored, published } = billingHarness({
      charges: [first, succeeded],
    });
    await payments.charge(chargeCommand());
    const decided = await stored();
    await published();

    const repeat = { ...chargeCommand(), amount: 1, paymentToken: 'tok_other' };
    await payments.charge(repeat);

    expect(gateway.charges).toHaveLength(1);
    expect(await stored()).toEqual(decided);
    expect(await published()).toEqual([]);
  });

  it('lists invoices of one order or of all orders', async () => {
    const other = '0000aaaa-0000-4000-8000-000000000000';
    const { payments } = billingHarness({
      charges: [succeeded, { outcome: 'succeeded', paymentId: 'ch_2' }],
    });
    for (const id of [ORDER_ID, other]) await payments.charge(chargeCommand(id));
    expect((await payments.listInvoices(other)).map((i) => i.number)).toEqual([
      'INV-20260504-0000AAAA0000',
    ]);
    // Both issued at the same instant: the order id, descending, decides.
    expect((await payments.listInvoices()).map((i) => i.orderId)).toEqual([ORDER_ID, other]);
  });
});
