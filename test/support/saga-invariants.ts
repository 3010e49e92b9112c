import { TestApp } from './test-app';
import { TestSmtpServer } from './test-smtp-server';

export interface SagaOrder {
  id: string;
  token: string;
  items: Array<{ sku: string; quantity: number }>;
}

interface OrderState {
  status: string;
  step: string;
  history: Array<{ status: string; reason?: string }>;
}

interface InvoiceState {
  status: 'PAID' | 'REFUNDED';
  amount: number;
}

export interface SagaOutcome {
  id: string;
  status: string;
  step: string;
  invoices: InvoiceState[];
  emails: number;
}

const FINAL = ['CONFIRMED', 'REJECTED', 'CANCELLED'];

/** The order, its invoices and its emails, as a customer and the shop would see them. */
export async function outcomeOf(
  t: TestApp,
  smtp: TestSmtpServer,
  order: SagaOrder,
): Promise<SagaOutcome> {
  const o = (await t.http().get(`/orders/${order.id}`).expect(200)).body as OrderState;
  const invoices = (await t.http().get(`/billing/invoices?orderId=${order.id}`).expect(200))
    .body as InvoiceState[];
  return {
    id: order.id,
    status: o.status,
    step: o.step,
    invoices,
    emails: smtp.mailsFor(order.id).length,
  };
}

/** At rest: final, nothing left to release or refund, and its one email sent. */
export const atRest = (o: SagaOutcome): boolean =>
  FINAL.includes(o.status) && o.step === 'done' && o.emails >= 1;

/** Every invariant of the issue for one order; returns what breaks, empty when it holds. */
export function violations(o: SagaOutcome): string[] {
  const broken: string[] = [];
  const paid = o.invoices.filter((i) => i.status === 'PAID');
  if (!FINAL.includes(o.status)) broken.push(`status ${o.status} is not final`);
  if (o.status === 'CONFIRMED' && paid.length !== 1)
    broken.push(`CONFIRMED with ${paid.length} paid invoices`);
  if (o.status !== 'CONFIRMED' && paid.length > 0)
    broken.push(`${o.status} keeps ${paid.length} paid invoice(s)`);
  if (o.emails !== 1) broken.push(`${o.emails} emails`);
  return broken.map((b) => `order ${o.id}: ${b}`);
}

/** Units committed per SKU by the confirmed orders: what must have left the warehouse. */
export function committedUnits(orders: SagaOrder[], outcomes: SagaOutcome[]): Map<string, number> {
  const confirmed = new Set(outcomes.filter((o) => o.status === 'CONFIRMED').map((o) => o.id));
  const units = new Map<string, number>();
  for (const o of orders.filter((x) => confirmed.has(x.id)))
    for (const i of o.items) units.set(i.sku, (units.get(i.sku) ?? 0) + i.quantity);
  return units;
}

/** A small seeded generator, so a failing interleaving can be run again. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Waits until every order is at rest with its invariants holding. A compensation in flight (a
 * charge that just succeeded on a cancelled order, its refund on the way) breaks an invariant
 * for a moment, so only a state that stays broken past the deadline fails, naming each break.
 */
export async function waitForRest(
  probe: () => Promise<SagaOutcome[]>,
  timeoutMs: number,
): Promise<SagaOutcome[]> {
  const deadline = Date.now() + timeoutMs;
  let last: SagaOutcome[] = [];
  while (Date.now() < deadline) {
    last = await probe();
    if (last.every((o) => atRest(o) && violations(o).length === 0)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  const unsettled = last.filter((o) => !atRest(o)).map((o) => `${o.id}: ${o.status}/${o.step}`);
  throw new Error(
    `Not at rest after ${timeoutMs} ms: ${[...unsettled, ...last.flatMap(violations)].slice(0, 40).join('; ')}`,
  );
}
