import { randomUUID } from 'node:crypto';
import { TestApp } from './test-app';

export interface DeadLetterBody {
  id: string;
  queue: string;
  type?: string;
  messageId?: string;
  errorType: string;
  errorMessage: string;
  permanent: boolean;
  attempts: number;
  status: string;
}

/** Every parked message of the app, page by page, through the admin API. */
export async function allDeadLetters(t: TestApp): Promise<DeadLetterBody[]> {
  const items: DeadLetterBody[] = [];
  for (let offset = 0; ; offset += 100) {
    const res = await t
      .http()
      .get(`/dead-letters?offset=${offset}&limit=100`)
      .set('Authorization', t.admin)
      .expect(200);
    items.push(...(res.body.items as DeadLetterBody[]));
    if (items.length >= res.body.total || res.body.items.length === 0) return items;
  }
}

/** A well-formed envelope as a producer would publish it. */
export function envelopeBytes(type: string, payload: unknown, messageId = randomUUID()): Buffer {
  return Buffer.from(JSON.stringify(envelopeOf(type, payload, messageId)));
}

/** A well-formed command as orders would send it (to the commands exchange, keyed by its type). */
export function commandBytes(type: string, payload: unknown, messageId = randomUUID()): Buffer {
  return Buffer.from(JSON.stringify({ ...envelopeOf(type, payload, messageId), kind: 'command' }));
}

function envelopeOf(type: string, payload: unknown, messageId: string): Record<string, unknown> {
  return {
    messageId,
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    correlationId: `test-${messageId}`,
    payload,
  };
}
