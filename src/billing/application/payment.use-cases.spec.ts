import { Logger } from '@nestjs/common';
import { GatewayUnavailableError } from '../domain/gateway-unavailable.error';
import {
  LINES,
  NOW,
  ORDER_ID,
  billingHarness,
  invoice,
  placed,
  succeeded,
} from './payment.use-cases.fixtures';

describe('PaymentUseCases', () => {
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() =>
    jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }),
  );
  afterEach(() => jest.useRealTimers());

  it('keeps the intent of a placed order but does not charge before stock is reserved', async () => {
    const { gateway, payments, stored, published } = billingHarness(succeeded);
    await payments.orderPlaced(placed());
    expect(await stored()).toEqual({
      orderId: ORDER_ID,
      status: 'PENDING',
      stockReserved: false,
      intent: {
        customerEmail: 'ada@example.com',
        amount: 4300,
        currency: 'EUR',
        lines: LINES,
        paymentToken: 'tok_visa',
      },
      createdAt: NOW,
      updatedAt: NOW,
      version: 1,
    });
    expect(gateway.requests).toEqual([]);
    expect(await published()).toEqual([]);
  });

  it('does not charge on reserved stock before the order itself arrives', async () => {
    const { gateway, payments, stored, published } = billingHarness(succeeded);
    await payments.stockReserved(ORDER_ID);
    expect(await stored()).toMatchObject({ status: 'PENDING', stockReserved: true });
    expect(gateway.requests).toEqual([]);
    expect(await published()).toEqual([]);
  });

  it.each([
    ['order first', ['orderPlaced', 'stockReserved']],
    ['stock first', ['stockReserved', 'orderPlaced']],
  ])('charges once both facts are known (%s), invoices and announces it', async (_, steps) => {
    const { gateway, payments, stored, published } = billingHarness(succeeded);
    for (const step of steps)
      await (step === 'orderPlaced'
        ? payments.orderPlaced(placed())
        : payments.stockReserved(ORDER_ID));

    expect(gateway.requests).toEqual([
      { token: 'tok_visa', amount: 4300, currency: 'EUR', reference: ORDER_ID },
    ]);
    expect(await stored()).toMatchObject({
      status: 'SUCCEEDED',
      paymentId: 'ch_1',
      invoice,
    });
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
    const { payments, stored, published } = billingHarness({
      outcome: 'declined',
      code: 'card_declined',
      reason: 'No.',
    });
    await payments.orderPlaced(placed());
    await payments.stockReserved(ORDER_ID);
    const payment = await stored();
    expect(payment).toMatchObject({
      status: 'FAILED',
      failure: { code: 'card_declined', reason: 'No.' },
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

  it('leaves the payment pending when the gateway is unavailable, so a retry can charge', async () => {
    const outage = new GatewayUnavailableError('processor down');
    const { gateway, payments, stored, published } = billingHarness(outage, succeeded);
    await payments.orderPlaced(placed());
    await expect(payments.stockReserved(ORDER_ID)).rejects.toBe(outage);
    // The fact commits with its decision or not at all: the retried message brings it again.
    expect(await stored()).toMatchObject({ status: 'PENDING', stockReserved: false });
    expect(await published()).toEqual([]);

    await payments.stockReserved(ORDER_ID);
    expect(gateway.requests).toHaveLength(2);
    expect((await stored())?.status).toBe('SUCCEEDED');
  });

  it('lists invoices of one order or of all orders', async () => {
    const other = '0000aaaa-0000-4000-8000-000000000000';
    const { payments } = billingHarness(succeeded, {
      outcome: 'succeeded',
      paymentId: 'ch_2',
    });
    for (const id of [ORDER_ID, other]) {
      await payments.orderPlaced(placed(id));
      await payments.stockReserved(id);
    }
    expect((await payments.listInvoices(other)).map((i) => i.number)).toEqual([
      'INV-20260504-0000AAAA0000',
    ]);
    // Both issued at the same instant: the order id, descending, decides.
    expect((await payments.listInvoices()).map((i) => i.orderId)).toEqual([ORDER_ID, other]);
  });
});
