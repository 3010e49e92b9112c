import { Logger } from '@nestjs/common';
import { OrderPlaced } from '../../messaging/contracts';
import { InMemoryOutboxStore } from '../../messaging/outbox/in-memory-outbox.store';
import { GatewayUnavailableError } from '../domain/gateway-unavailable.error';
import { Invoice } from '../domain/payment';
import { InMemoryBillingRepository } from '../infrastructure/in-memory-billing.repository';
import { ChargeRequest, ChargeResult, PaymentGateway } from './payment-gateway';
import { PaymentUseCases } from './payment.use-cases';

const NOW = new Date('2026-05-04T10:00:00.000Z');
const ORDER_ID = '3f2a9b1c-4d5e-6f70-8192-a3b4c5d6e7f8';
const LINES = [
  { sku: 'SKU-MUG', name: 'Enamel mug', quantity: 2, unitPrice: 1250 },
  { sku: 'SKU-CAP', name: 'Baseball cap', quantity: 1, unitPrice: 1800 },
];

const placed = (orderId = ORDER_ID): OrderPlaced => ({
  orderId,
  customerEmail: 'ada@example.com',
  items: LINES.map((l) => ({ ...l, extra: 'not kept' })),
  total: 4300,
  currency: 'EUR',
  paymentToken: 'tok_visa',
});

/** Answers with the next scripted result (or throws it) and remembers every request. */
class FakeGateway extends PaymentGateway {
  readonly requests: ChargeRequest[] = [];
  constructor(private readonly results: (ChargeResult | Error)[]) {
    super();
  }
  async charge(request: ChargeRequest): Promise<ChargeResult> {
    this.requests.push(request);
    const next = this.results.shift()!;
    if (next instanceof Error) throw next;
    return next;
  }
}

const invoice: Invoice = {
  number: 'INV-20260504-3F2A9B1C4D5E',
  orderId: ORDER_ID,
  customerEmail: 'ada@example.com',
  amount: 4300,
  currency: 'EUR',
  lines: LINES,
  issuedAt: NOW,
};

describe('PaymentUseCases', () => {
  let outbox: InMemoryOutboxStore;
  let repo: InMemoryBillingRepository;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    outbox = new InMemoryOutboxStore();
    repo = new InMemoryBillingRepository(outbox);
  });
  afterEach(() => jest.useRealTimers());

  const setup = (...results: (ChargeResult | Error)[]) => {
    const gateway = new FakeGateway(results);
    return { gateway, payments: new PaymentUseCases(repo, gateway) };
  };
  const published = async () =>
    (await outbox.claim(100)).map((m) => {
      const { type, payload } = JSON.parse(m.body) as { type: string; payload: unknown };
      return { type, payload };
    });
  const succeeded = { outcome: 'succeeded' as const, paymentId: 'ch_1' };

  it('keeps the intent of a placed order but does not charge before stock is reserved', async () => {
    const { gateway, payments } = setup(succeeded);
    await payments.orderPlaced(placed());
    expect(await repo.findByOrderId(ORDER_ID)).toEqual({
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
    });
    expect(gateway.requests).toEqual([]);
    expect(await published()).toEqual([]);
  });

  it('does not charge on reserved stock before the order itself arrives', async () => {
    const { gateway, payments } = setup(succeeded);
    await payments.stockReserved(ORDER_ID);
    expect((await repo.findByOrderId(ORDER_ID))?.status).toBe('PENDING');
    expect(gateway.requests).toEqual([]);
  });

  it.each([
    ['order first', ['orderPlaced', 'stockReserved']],
    ['stock first', ['stockReserved', 'orderPlaced']],
  ])('charges once both facts are known (%s), invoices and announces it', async (_, steps) => {
    const { gateway, payments } = setup(succeeded);
    for (const step of steps)
      await (step === 'orderPlaced'
        ? payments.orderPlaced(placed())
        : payments.stockReserved(ORDER_ID));

    expect(gateway.requests).toEqual([
      { token: 'tok_visa', amount: 4300, currency: 'EUR', reference: ORDER_ID },
    ]);
    expect(await repo.findByOrderId(ORDER_ID)).toMatchObject({
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
    const { payments } = setup({ outcome: 'declined', code: 'card_declined', reason: 'No.' });
    await payments.orderPlaced(placed());
    await payments.stockReserved(ORDER_ID);
    const payment = await repo.findByOrderId(ORDER_ID);
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
    const { gateway, payments } = setup(outage, succeeded);
    await payments.orderPlaced(placed());
    await expect(payments.stockReserved(ORDER_ID)).rejects.toBe(outage);
    expect((await repo.findByOrderId(ORDER_ID))?.status).toBe('PENDING');
    expect(await published()).toEqual([]);

    await payments.stockReserved(ORDER_ID);
    expect(gateway.requests).toHaveLength(2);
    expect((await repo.findByOrderId(ORDER_ID))?.status).toBe('SUCCEEDED');
  });

  it('never charges a decided payment again on redelivery', async () => {
    const { gateway, payments } = setup(succeeded, succeeded);
    await payments.orderPlaced(placed());
    await payments.stockReserved(ORDER_ID);
    await payments.stockReserved(ORDER_ID);
    await payments.orderPlaced(placed());
    expect(gateway.requests).toHaveLength(1);
    expect((await published()).map((e) => e.type)).toEqual(['payment.succeeded']);
  });

  it('announces one success when both facts race in and both callers charge', async () => {
    const { gateway, payments } = setup(succeeded, succeeded);
    await payments.orderPlaced(placed());
    await Promise.all([payments.stockReserved(ORDER_ID), payments.stockReserved(ORDER_ID)]);
    expect(gateway.requests).toHaveLength(2);
    expect((await published()).map((e) => e.type)).toEqual(['payment.succeeded']);
  });

  it('lists invoices of one order or of all orders', async () => {
    const other = '0000aaaa-0000-4000-8000-000000000000';
    const { payments } = setup(succeeded, { outcome: 'succeeded', paymentId: 'ch_2' });
    for (const id of [ORDER_ID, other]) {
      await payments.orderPlaced(placed(id));
      await payments.stockReserved(id);
    }
    expect((await payments.listInvoices(other)).map((i) => i.number)).toEqual([
      'INV-20260504-0000AAAA0000',
    ]);
    expect((await payments.listInvoices()).map((i) => i.orderId).sort()).toEqual(
      [ORDER_ID, other].sort(),
    );
  });
});
