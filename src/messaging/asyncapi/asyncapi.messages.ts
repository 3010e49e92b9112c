import type { EventContract } from '../contracts/event-contract';
import { H } from '../consumer/message-headers';
import { JsonSchema, SCHEMA_REF } from './contract-schemas';

export const FAILED_MESSAGE = 'FailedMessage';

/** What every event and command carries around its payload (MessageEnvelope, parseEnvelope). */
function envelope(
  payload: JsonSchema,
  fixed: { type?: string; version?: number; command?: boolean },
) {
  return {
    type: 'object',
    required: ['messageId', 'type', 'version', 'occurredAt', 'correlationId', 'payload'],
    properties: {
      messageId: { type: 'string', format: 'uuid', description: 'Deduplicated by each inbox' },
      type: fixed.type ? { type: 'string', const: fixed.type } : { type: 'string' },
      version: fixed.version ? { type: 'integer', const: fixed.version } : { type: 'integer' },
      occurredAt: { type: 'string', format: 'date-time' },
      correlationId: { type: 'string', description: 'The same for every message of one flow' },
      causationId: { type: 'string', description: 'The message whose handling sent this one' },
      ...(fixed.command ? { kind: { type: 'string', const: 'command' } } : {}),
      payload,
    },
  };
}

export function contractMessage(contract: EventContract, command: boolean) {
  return {
    name: contract.type,
    title: `${contract.name} v${contract.version}`,
    summary: command ? `Command ${contract.type}` : `Event ${contract.type}`,
    contentType: 'application/json',
    payload: envelope(
      { $ref: `${SCHEMA_REF}${contract.name}` },
      { type: contract.type, version: contract.version, command },
    ),
  };
}

export function requestMessage(contract: { name: string }, routingKey: string) {
  return {
    name: routingKey,
    title: contract.name,
    summary: `Request ${routingKey}; the reply is { ok, data } or { ok: false, error }`,
    contentType: 'application/json',
    payload: { $ref: `${SCHEMA_REF}${contract.name}` },
  };
}

const text = (description: string) => ({ type: 'string', description });

/** Any event or command after a failure: the same body, with the failure in headers. */
export function failedMessage() {
  return {
    name: FAILED_MESSAGE,
    title: 'A message that failed in its queue',
    contentType: 'application/json',
    payload: envelope({ type: 'object' }, {}),
    headers: {
      type: 'object',
      properties: {
        [H.attempt]: { type: 'integer', description: 'Attempts so far' },
        [H.errorType]: text('Class of the last error'),
        [H.errorMessage]: text('Its message, cut to 1000 characters'),
        [H.permanent]: { type: 'boolean', description: 'True when retrying cannot help' },
        [H.originalExchange]: text('Where it was first published'),
        [H.originalRoutingKey]: text('With which routing key'),
        [H.originalQueue]: text('The queue it failed in'),
        [H.consumer]: text('The module that failed it'),
        [H.firstFailedAt]: { type: 'string', format: 'date-time' },
        [H.lastFailedAt]: { type: 'string', format: 'date-time' },
        [H.replayCount]: { type: 'integer', description: 'Replays from the dead letters so far' },
      },
    },
  };
}
