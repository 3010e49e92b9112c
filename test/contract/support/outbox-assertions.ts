import { MessageEnvelope } from '../../../src/messaging/envelope/message-envelope';
import { OutboxMessage, toOutboxMessage } from '../../../src/messaging/outbox/outbox-message';
import { OutboxStore } from '../../../src/messaging/outbox/outbox.store';

const byId = (a: OutboxMessage, b: OutboxMessage): number => a.id.localeCompare(b.id);

/** Everything pending, marked sent so the next drain only sees what was written after it. */
export async function drainOutbox(outbox: OutboxStore): Promise<OutboxMessage[]> {
  const claimed = await outbox.claim(1_000);
  await outbox.markSent(claimed);
  return claimed.map(({ claimToken: _token, ...m }) => m).sort(byId);
}

/** What the outbox must hold after a write given these events, in drainOutbox's order. */
export function asOutbox(events: MessageEnvelope<object>[]): OutboxMessage[] {
  return events.map(toOutboxMessage).sort(byId);
}
