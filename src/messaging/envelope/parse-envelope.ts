import { ContractViolationError } from '../consumer/contract-violation.error';
import { MessageEnvelope } from './message-envelope';

const TYPE = /^[a-z]+(\.[a-z-]+)+$/;

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/**
 * Checks the envelope by hand: it has a fixed shape and is checked on every message, where
 * class-validator's reflection costs more than the rest of the pipeline. Payloads keep their
 * class-validator contracts.
 */
export function parseEnvelope(value: unknown): MessageEnvelope {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ContractViolationError('Envelope is not an object', [
      Array.isArray(value) ? 'array' : typeof value,
    ]);
  }
  const e = value as Record<string, unknown>;
  const problems: string[] = [];
  if (!nonEmpty(e.messageId)) problems.push('messageId must be a non-empty string');
  if (typeof e.type !== 'string' || !TYPE.test(e.type))
    problems.push('type must look like module.event-name');
  if (!Number.isInteger(e.version) || (e.version as number) < 1)
    problems.push('version must be an integer ≥ 1');
  if (typeof e.occurredAt !== 'string' || Number.isNaN(Date.parse(e.occurredAt)))
    problems.push('occurredAt must be an ISO 8601 date');
  if (!nonEmpty(e.correlationId)) problems.push('correlationId must be a non-empty string');
  if (e.causationId !== undefined && typeof e.causationId !== 'string')
    problems.push('causationId must be a string');
  if (typeof e.payload !== 'object' || e.payload === null || Array.isArray(e.payload))
    problems.push('payload must be an object');
  if (problems.length > 0)
    throw new ContractViolationError('Envelope breaks its contract', problems);
  return e as unknown as MessageEnvelope;
}
