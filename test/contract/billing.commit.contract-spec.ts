// Contract classes use class-validator decorators, which need the metadata polyfill loaded first.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { billingEvents } from '../../src/billing/application/billing-events';
import { REFUNDED, declinedPayment, paidPayment } from '../../src/billing/domain/payment.fixtures';
import { describeAdapters } from './support/adapter-harness';
import { billingSteps, billingStores } from './support/billing-fixtures';

const newId = (): string => randomUUID();

/** The payment store inside the unit of work: what a commit announces, and what a failure leaves. */
describeAdapters('PaymentRepository with the unit of work', billingStores, (subject) => {
  const { save, load, published } = billingSteps(subject);

  it('publishes exactly the mapped events of a saved payment, once committed', async () => {
    const payment = paidPayment(newId());
    const expected = payment.events.flatMap(billingEvents);

    await save(payment);

    expect(await published()).toEqual(expected.map(({ type, payload }) => ({ type, payload })));
    expect(expected.map((e) => e.type)).toEqual(['payment.succeeded']);
    expect(payment.events).toEqual([]);
  });

  it('publishes the refund of a loaded payment with its new state', async () => {
    const orderId = newId();
    await save(paidPayment(orderId));
    await published();
    const payment = await load(orderId);
    payment.refund('Payment timed out', REFUNDED);

    await save(payment);

    expect(await published()).toEqual([
      {
        type: 'payment.refunded',
        payload: expect.objectContaining({
          orderId,
          reason: 'Payment timed out',
          refundedAt: REFUNDED.toISOString(),
        }),
      },
    ]);
    expect((await load(orderId)).status).toBe('REFUNDED');
  });

  it('publishes and stores nothing when the work fails after saving', async () => {
    const payment = declinedPayment(newId());
    const failure = new Error('the work failed after the save');

    await expect(
      subject().uow.run(async (tx) => {
        await subject().repo.save(payment, tx);
        throw failure;
      }),
    ).rejects.toBe(failure);

    expect(await subject().repo.findByOrderId(payment.orderId)).toBeUndefined();
    expect(await published()).toEqual([]);
  });
});
