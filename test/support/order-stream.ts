import { OrdersApi } from './orders-api';
import { SagaOrder } from './saga-invariants';

export interface StreamResult {
  accepted: SagaOrder[];
  /** POST /orders answers other than 202 (e.g. 503 while nothing can price an order). */
  refused: number;
  faultAt: number;
  faultDoneAt: number;
}

const TOKENS = ['tok_visa', 'tok_visa', 'tok_visa', 'tok_visa', 'tok_chargeDeclined'];

/**
 * Places orders at about `perSecond` while `fault` runs: it starts once a third of `minimum`
 * orders are in, and the stream goes on until `minimum` orders are placed and `after` more
 * have followed the fault's end, so orders arrive before, during and after it.
 */
export async function streamOrdersThrough(
  api: OrdersApi,
  sku: string,
  fault: () => Promise<void>,
  { minimum = 200, perSecond = 30, after = 30 } = {},
): Promise<StreamResult> {
  const accepted: SagaOrder[] = [];
  let refused = 0;
  let faultAt = 0;
  let faultDoneAt = 0;
  let faultRun: Promise<void> | undefined;
  let placedAfter = 0;
  for (let i = 0; i < minimum || placedAfter < after; i++) {
    if (faultDoneAt) placedAfter++;
    if (i === Math.floor(minimum / 3)) {
      faultAt = Date.now();
      faultRun = fault().finally(() => (faultDoneAt = Date.now()));
      // A failed fault must not leave the stream running forever.
      faultRun.catch(() => undefined);
    }
    const token = TOKENS[i % TOKENS.length];
    const items = [{ sku, quantity: 1 + (i % 2) }];
    try {
      const placed = await api.place(items, token, `chaos-${i}@example.com`);
      accepted.push({ id: placed.id, token, items });
    } catch {
      refused++;
    }
    await new Promise((r) => setTimeout(r, 1000 / perSecond));
  }
  await faultRun;
  return { accepted, refused, faultAt, faultDoneAt };
}
