import { OrderAlreadyFinalError } from '../domain/order-already-final.error';
import { Order } from '../domain/order.entity';
import { InMemoryOrderRepository } from '../infrastructure/in-memory-order.repository';
import { CancelOrderUseCase } from './cancel-order.use-case';
import { OrderProcessService } from './order-process.service';
import { LATER, OrdersWorld, configWithTimeout, placedOrder } from './orders.fixtures';

/** How inventory and billing will answer, and what else happens to the order meanwhile. */
export interface Scenario {
  stock: 'reserve' | 'reject';
  /** stuck: the charge fails transiently on every attempt and is parked, never answered. */
  payment: 'ok' | 'declined' | 'stuck';
  /** The first refund attempt fails transiently and the command is redelivered. */
  flakyRefund: boolean;
  /** Customer cancels (a second one is a double click). */
  cancels: number;
  /** Poller passes, each before (false) or after (true) the due time. */
  timeouts: boolean[];
  /** For each delivery in turn: does the broker deliver that outcome once more, later? */
  duplicates: boolean[];
  /** For each delivery in turn: which message in flight goes next. */
  picks: number[];
}

type Payload = Record<string, unknown>;
type InFlight =
  | { kind: 'command'; type: string; payload: Payload }
  | { kind: 'outcome'; type: string; payload: Payload; copy?: boolean }
  | { kind: 'cancel' }
  | { kind: 'timeout'; late: boolean };
type Answer = { type: string; payload: Payload } | 'retry' | undefined;

/** Inventory as the process sees it: decides once, releases or commits only what it holds. */
export class FakeInventory {
  held: 'none' | 'reserved' | 'rejected' | 'released' | 'committed' = 'none';
  constructor(private readonly decision: Scenario['stock']) {}

  answer(type: string, p: Payload): Answer {
    const orderId = p.orderId;
    if (type === 'inventory.reserve-stock' && this.held === 'none') {
      this.held = this.decision === 'reserve' ? 'reserved' : 'rejected';
      if (this.held === 'reserved') return { type: 'inventory.reserved', payload: { orderId } };
      return { type: 'inventory.rejected', payload: { orderId, reason: 'Not enough stock' } };
    }
    if (type === 'inventory.release-stock' && this.held === 'reserved') {
      this.held = 'released';
      return { type: 'inventory.released', payload: { orderId, reason: p.reason } };
    }
    if (type === 'inventory.commit-stock' && this.held === 'reserved') this.held = 'committed';
    return undefined;
  }
}

/** Billing as the process sees it: one charge per order (idempotent), refunds what it charged. */
export class FakeBilling {
  charged = false;
  refunded = false;
  private chargeSeen = false;
  private refundAttempts = 0;
  constructor(private readonly scenario: Scenario) {}

  answer(type: string, p: Payload): Answer {
    const orderId = p.orderId;
    if (type === 'billing.charge-payment' && !this.chargeSeen) {
      this.chargeSeen = true;
      if (this.scenario.payment === 'stuck') return undefined;
      if (this.scenario.payment === 'declined')
        return { type: 'payment.failed', payload: { orderId, reason: 'card_declined' } };
      this.charged = true;
      return { type: 'payment.succeeded', payload: { orderId, invoiceNumber: 'INV-1' } };
    }
    if (type === 'billing.refund-payment' && this.charged && !this.refunded) {
      if (this.scenario.flakyRefund && this.refundAttempts++ === 0) return 'retry';
      this.refunded = true;
      return { type: 'payment.refunded', payload: { orderId, reason: p.reason } };
    }
    return undefined;
  }
}

const ID = 'o-sim';
const ENDINGS = ['order.confirmed', 'order.rejected', 'order.cancelled'];

/** One order through the process, every message delivered in the scenario's order. */
export class SagaSimulation {
  readonly world = new OrdersWorld(new InMemoryOrderRepository());
  readonly inventory: FakeInventory;
  readonly billing: FakeBilling;
  /** Every command the orders module sent, by type, in order. */
  readonly commands: string[] = [];
  /** Every customer-facing event it published. */
  readonly endings: string[] = [];
  private readonly process = new OrderProcessService(
    this.world.uow,
    this.world.repo,
    configWithTimeout(),
  );
  private readonly cancelling = new CancelOrderUseCase(this.world.uow, this.world.repo);
  private bag: InFlight[] = [];
  private step = 0;

  constructor(private readonly scenario: Scenario) {
    this.inventory = new FakeInventory(scenario.stock);
    this.billing = new FakeBilling(scenario);
  }

  /** Runs to quiescence (the poller firing at the due time if nothing else ends the wait). */
  async run(): Promise<Order> {
    const token = this.scenario.payment === 'stuck' ? 'tok_processingError' : 'tok_visa';
    const items = [{ sku: 'A', name: 'A', quantity: 1, unitPrice: 100 }];
    await this.world.uow.run((tx) =>
      this.world.repo.save(placedOrder(ID, items, undefined, token), tx),
    );
    await this.collect();
    for (let i = 0; i < this.scenario.cancels; i++) this.bag.push({ kind: 'cancel' });
    for (const late of this.scenario.timeouts) this.bag.push({ kind: 'timeout', late });
    // Each round ends with the poller at the due time; a third round means the timeout is broken.
    for (let round = 0; round < 3; round++) {
      while (this.bag.length > 0) await this.deliverNext();
      const order = await this.world.stored(ID);
      const due = order.snapshot().paymentDueAt;
      if (!due) return order;
      await this.process.timeOut(ID, due);
      await this.collect();
    }
    throw new Error(`Order ${ID} is still awaiting payment after its due time`);
  }

  private async deliverNext(): Promise<void> {
    const { picks, duplicates } = this.scenario;
    const i = this.step++;
    const at = (picks[i % picks.length] ?? 0) % this.bag.length;
    const [next] = this.bag.splice(at, 1);
    if (next.kind === 'cancel') await this.cancel();
    else if (next.kind === 'timeout')
      await this.process.timeOut(ID, next.late ? LATER : new Date());
    else if (next.kind === 'command') this.toModule(next.type, next.payload);
    else {
      if (!next.copy && duplicates[i % duplicates.length]) this.bag.push({ ...next, copy: true });
      await this.outcome(next.type, next.payload);
    }
    await this.collect();
  }

  private async cancel(): Promise<void> {
    await this.cancelling.execute(ID).catch((error: Error) => {
      if (!(error instanceof OrderAlreadyFinalError)) throw error;
    });
  }

  /** A command reaches its module; a transient failure sends it round again. */
  private toModule(type: string, payload: Payload): void {
    const module = type.startsWith('inventory.') ? this.inventory : this.billing;
    const answer = module.answer(type, payload);
    if (answer === 'retry') this.bag.push({ kind: 'command', type, payload });
    else if (answer) this.bag.push({ kind: 'outcome', ...answer });
  }

  private outcome(type: string, p: Payload): Promise<void> {
    const reason = String(p.reason);
    switch (type) {
      case 'inventory.reserved':
        return this.process.stockReserved(ID);
      case 'inventory.rejected':
        return this.process.stockRejected(ID, reason, []);
      case 'inventory.released':
        return this.process.stockReleased(ID, reason);
      case 'payment.succeeded':
        return this.process.paymentSucceeded(ID, String(p.invoiceNumber));
      case 'payment.failed':
        return this.process.paymentFailed(ID, reason);
      default:
        return this.process.paymentRefunded(ID, reason);
    }
  }

  /** What the last step sent: commands go in flight, customer events are counted. */
  private async collect(): Promise<void> {
    for (const m of await this.world.published()) {
      if (ENDINGS.includes(m.type)) this.endings.push(m.type);
      else {
        this.commands.push(m.type);
        this.bag.push({ kind: 'command', type: m.type, payload: m.payload });
      }
    }
  }
}
