import { Test } from '@nestjs/testing';
import { AppConfig } from '../../common/config/app-config';
import { AggregateRoot } from '../../common/domain/aggregate-root';
import { InMemoryInboxStore } from '../inbox/in-memory-inbox.store';
import { RoutingInboxStore } from '../inbox/routing-inbox.store';
import { CatalogLookupRequest, ChargePayment, PaymentFailed, PaymentSucceeded } from '../contracts';
import { newCommand, newEnvelope } from '../envelope/new-envelope';
import { OutboxRegistry } from '../outbox/outbox.registry';
import { UnitOfWork } from '../unit-of-work/unit-of-work';
import { featurePersistence } from './feature-persistence';
import { ModulePublications } from './publications';
import { UndeclaredPublicationError } from './undeclared-publication.error';

const succeeded = () =>
  newEnvelope(PaymentSucceeded, {
    orderId: 'o-1',
    paymentId: 'p-1',
    invoice: { number: 'I-1', amount: 1, currency: 'EUR', lines: [] },
  });
const failed = () => newEnvelope(PaymentFailed, { orderId: 'o-1', code: 'X', reason: 'no' });

describe('ModulePublications', () => {
  const billing = new ModulePublications('billing', {
    events: [PaymentFailed],
    commands: [ChargePayment],
    requests: [CatalogLookupRequest],
  });

  it('lists the declared types and routing keys, for the permission generator', () => {
    expect([billing.events, billing.commands, billing.requests]).toEqual([
      ['payment.failed'],
      ['billing.charge-payment'],
      ['inventory.catalog.lookup'],
    ]);
    expect(new ModulePublications('notifications').events).toEqual([]);
  });

  it('lets a declared event and command through the mapper untouched', () => {
    const command = newCommand(ChargePayment, {} as never);
    const mapped = billing.guard(() => [failed(), command])({});
    expect(mapped.map((e) => e.type)).toEqual(['payment.failed', 'billing.charge-payment']);
  });

  it('refuses an undeclared event, naming the module, the type and the fix', () => {
    const guarded = billing.guard(() => [succeeded()]);
    expect(() => guarded({})).toThrow(UndeclaredPublicationError);
    expect(() => guarded({})).toThrow(
      /billing may not publish the event "payment.succeeded".*"publishes".*npm run broker:permissions/,
    );
  });

  it('keeps events and commands apart: a declared event type sent as a command is refused', () => {
    const guarded = billing.guard(() => [{ ...failed(), kind: 'command' as const }]);
    expect(() => guarded({})).toThrow(/the command "payment.failed"/);
  });
});

class Payment extends AggregateRoot<{ ok: boolean }> {
  decide(ok: boolean): void {
    this.record({ ok });
  }
}

describe('featurePersistence with a publishes declaration', () => {
  it('fails the unit of work on an undeclared event, before anything reaches the outbox', async () => {
    const registry = new OutboxRegistry();
    const persistence = featurePersistence('billing', new AppConfig(), {
      events: (e: { ok: boolean }) => [e.ok ? succeeded() : failed()],
      publishes: { events: [PaymentFailed] },
    });
    const moduleRef = await Test.createTestingModule({
      providers: [
        { provide: OutboxRegistry, useValue: registry },
        { provide: RoutingInboxStore, useValue: new RoutingInboxStore(new InMemoryInboxStore()) },
        ...persistence.providers,
      ],
    }).compile();
    const uow = moduleRef.get(UnitOfWork);
    const save = (ok: boolean) =>
      uow.run(async (tx) => {
        const p = new Payment();
        p.decide(ok);
        tx.track(p);
      });

    await save(false);
    await expect(save(true)).rejects.toThrow(UndeclaredPublicationError);
    expect(await registry.pendingCount()).toBe(1);
    expect(moduleRef.get(ModulePublications).owner).toBe('billing');
  });
});
