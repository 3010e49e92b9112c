import { billingEvents } from '../../../src/billing/application/billing-events';
import { PaymentRepository } from '../../../src/billing/application/payment.repository';
import { Payment } from '../../../src/billing/domain/payment.entity';
import { InMemoryPaymentRepository } from '../../../src/billing/infrastructure/in-memory-payment.repository';
import { MongoPaymentRepository } from '../../../src/billing/infrastructure/mongo-payment.repository';
import { OutboxStore } from '../../../src/messaging/outbox/outbox.store';
import { UnitOfWork } from '../../../src/messaging/unit-of-work/unit-of-work';
import { AdapterFactories } from './adapter-harness';
import { drainOutbox } from './outbox-assertions';
import { inMemoryUnitOfWork, mongoUnitOfWork } from './unit-of-work-harness';

export interface BillingSubject {
  repo: PaymentRepository;
  uow: UnitOfWork;
  outbox: OutboxStore;
}

/** Billing's payment store with its unit of work, in memory and on Mongo. */
export const billingStores: AdapterFactories<BillingSubject> = {
  memory: () => {
    const { uow, outbox } = inMemoryUnitOfWork(billingEvents);
    return { adapter: { repo: new InMemoryPaymentRepository(), uow, outbox } };
  },
  mongo: (connection) => {
    const { uow, outbox } = mongoUnitOfWork(connection, billingEvents);
    return { adapter: { repo: new MongoPaymentRepository(connection), uow, outbox } };
  },
};

/** The steps the billing contract suites share: each save is a unit of work of its own. */
export function billingSteps(subject: () => BillingSubject) {
  return {
    save: (p: Payment) => subject().uow.run((tx) => subject().repo.save(p, tx)),
    load: async (orderId: string) => (await subject().repo.findByOrderId(orderId))!,
    stored: async (orderId: string) => (await subject().repo.findByOrderId(orderId))?.snapshot(),
    /** What the outbox received since the last look, as type and payload. */
    published: async () =>
      (await drainOutbox(subject().outbox)).map((m) => {
        const { type, payload } = JSON.parse(m.body) as {
          type: string;
          payload: Record<string, unknown>;
        };
        return { type, payload };
      }),
  };
}
