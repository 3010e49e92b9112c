import { MessageEnvelope } from '../envelope/message-envelope';
import type { Handled, Published } from '../observability/message-tap';
import { JournalEntry } from './journal-entry';
import { JournalTap } from './journal.tap';

export const NOW = Date.UTC(2026, 10, 23, 15, 0, 0) + 0.25;

export function envelope(payload: Record<string, unknown> = { orderId: 'o-1' }): MessageEnvelope {
  return {
    messageId: 'm-1',
    type: 'order.confirmed',
    version: 1,
    occurredAt: new Date(NOW).toISOString(),
    correlationId: 'c-1',
    payload,
  };
}

export function handled(changes: Partial<Handled> = {}): Handled {
  return {
    consumer: 'notifications',
    queue: 'p.notifications.order-confirmed',
    type: 'order.confirmed',
    headers: {},
    envelope: envelope(),
    attempt: 0,
    outcome: 'ack',
    seconds: 0.002,
    ...changes,
  };
}

export function published(changes: Partial<Published> = {}): Published {
  return {
    exchange: 'p.orderflow.events',
    routingKey: 'order.confirmed',
    headers: {},
    messageId: 'm-1',
    correlationId: 'c-1',
    type: 'order.confirmed',
    content: Buffer.from(JSON.stringify(envelope())),
    module: 'orders',
    outcome: 'confirmed',
    seconds: 0.001,
    ...changes,
  };
}

/** A tap of process `web-1-42-abcd` at NOW, and what it wrote so far. */
export function journalTap(): { tap: JournalTap; written: JournalEntry[] } {
  const written: JournalEntry[] = [];
  const tap = new JournalTap(
    'web-1-42-abcd',
    (e) => written.push(e),
    () => NOW,
  );
  return { tap, written };
}
