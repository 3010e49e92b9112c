/** What every message carries on the wire, around its typed payload. Checked by parseEnvelope. */
export class MessageEnvelope<P = Record<string, unknown>> {
  messageId: string;
  /** Routing key: past tense for an event (`payment.succeeded`), imperative for a command (`inventory.reserve-stock`). */
  type: string;
  version: number;
  /** ISO 8601. */
  occurredAt: string;
  /** Starts at the HTTP request; the same for every message of one flow. */
  correlationId: string;
  /** The id of the message whose handling published this one. */
  causationId?: string;
  /** Absent for events; `command` for a message asking one module to act (commands exchange). */
  kind?: 'command';
  payload: P;
}
