import { randomUUID } from 'node:crypto';
import { CorrelationContext } from '../../common/correlation/correlation.context';
import { EventContract, EventPayload } from '../contracts/event-contract';
import { MessageEnvelope } from './message-envelope';

/**
 * Wraps a payload for publishing. Correlation and causation come from the flow being handled,
 * so a use case never threads them by hand.
 */
export function newEnvelope<T extends object>(
  contract: EventContract<T>,
  payload: EventPayload<T>,
): MessageEnvelope<EventPayload<T>> {
  const scope = CorrelationContext.current();
  return {
    messageId: randomUUID(),
    type: contract.type,
    version: contract.version,
    occurredAt: new Date().toISOString(),
    correlationId: scope?.correlationId ?? randomUUID(),
    causationId: scope?.causationId,
    payload,
  };
}

/** Wraps a command: the same envelope, sent point to point on the commands exchange. */
export function newCommand<T extends object>(
  contract: EventContract<T>,
  payload: EventPayload<T>,
): MessageEnvelope<EventPayload<T>> {
  return { ...newEnvelope(contract, payload), kind: 'command' };
}
