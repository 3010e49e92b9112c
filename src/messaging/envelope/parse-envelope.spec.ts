import { ContractViolationError } from '../consumer/contract-violation.error';
import { parseEnvelope } from './parse-envelope';

const valid = {
  messageId: 'm-1',
  type: 'order.placed',
  version: 1,
  occurredAt: '2026-11-23T15:00:00.000Z',
  correlationId: 'c-1',
  payload: { orderId: 'o-1' },
};

describe('parseEnvelope', () => {
  it('accepts a well-formed envelope, with or without a cause', () => {
    expect(parseEnvelope(valid)).toEqual(valid);
    expect(parseEnvelope({ ...valid, causationId: 'm-0' }).causationId).toBe('m-0');
  });

  it.each([
    [{ ...valid, messageId: '' }, 'messageId'],
    [{ ...valid, type: 'Order Placed' }, 'type'],
    [{ ...valid, version: 0 }, 'version'],
    [{ ...valid, version: '1' }, 'version'],
    [{ ...valid, occurredAt: 'yesterday' }, 'occurredAt'],
    [{ ...valid, correlationId: undefined }, 'correlationId'],
    [{ ...valid, causationId: 7 }, 'causationId'],
    [{ ...valid, payload: [] }, 'payload'],
    [{ ...valid, payload: null }, 'payload'],
  ])('refuses %j, naming %s', (envelope, field) => {
    expect(() => parseEnvelope(envelope)).toThrow(ContractViolationError);
    expect(() => parseEnvelope(envelope)).toThrow(new RegExp(field));
  });

  it.each([null, 'text', 42, [valid]])('refuses a body that is not an object: %j', (body) => {
    expect(() => parseEnvelope(body)).toThrow(/not an object/);
  });
});
