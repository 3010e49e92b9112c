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

  it('lists every broken field in one error, in field order, under a fixed message', () => {
    const broken = {
      messageId: '',
      type: 'placed',
      version: 1.5,
      occurredAt: 'yesterday',
      correlationId: '',
      causationId: null,
      payload: 'text',
    };

    expect(() => parseEnvelope(broken)).toThrow(
      new ContractViolationError('Envelope breaks its contract', [
        'messageId must be a non-empty string',
        'type must look like module.event-name',
        'version must be an integer ≥ 1',
        'occurredAt must be an ISO 8601 date',
        'correlationId must be a non-empty string',
        'causationId must be a string',
        'payload must be an object',
      ]),
    );
  });

  it('keeps the violations on the error for the dead-letter record', () => {
    const error = catchError(() => parseEnvelope({ ...valid, messageId: 7 }));

    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error.message).toBe(
      'Envelope breaks its contract: messageId must be a non-empty string',
    );
    expect(error.violations).toEqual(['messageId must be a non-empty string']);
  });

  it.each(['order.placed', 'inventory.product-updated', 'a.b.c', 'billing.payment-failed'])(
    'accepts the dotted lower-case type %s',
    (type) => {
      expect(parseEnvelope({ ...valid, type }).type).toBe(type);
    },
  );

  it.each([
    'order',
    'Order.placed',
    'x-order.placed',
    '.placed',
    'order.',
    'order.placed.',
    'order.Placed',
    'order.placed!',
    ' order.placed',
    'order.placed ',
    '1.placed',
    'order.2',
  ])('refuses the type %j', (type) => {
    expect(() => parseEnvelope({ ...valid, type })).toThrow(
      'Envelope breaks its contract: type must look like module.event-name',
    );
  });

  it.each([
    ['type', ['order.placed'], 'type must look like module.event-name'],
    ['occurredAt', 0, 'occurredAt must be an ISO 8601 date'],
    ['payload', 'text', 'payload must be an object'],
    ['messageId', ['m-1'], 'messageId must be a non-empty string'],
  ])('checks the JS type of %s, not only its text form: %j', (field, value, violation) => {
    expect(() => parseEnvelope({ ...valid, [field]: value })).toThrow(
      `Envelope breaks its contract: ${violation}`,
    );
  });

  it.each([
    [null, 'object'],
    ['text', 'string'],
    [42, 'number'],
    [[valid], 'array'],
    [undefined, 'undefined'],
  ])('refuses a body that is not an object, naming what it is: %j', (body, kind) => {
    const error = catchError(() => parseEnvelope(body));

    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error.violations).toEqual([kind]);
    expect(error.message).toBe(`Envelope is not an object: ${kind}`);
  });
});

function catchError(fn: () => unknown): ContractViolationError {
  try {
    fn();
  } catch (error) {
    return error as ContractViolationError;
  }
  throw new Error('expected a ContractViolationError');
}
