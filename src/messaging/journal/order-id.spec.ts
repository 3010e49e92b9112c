import { orderIdInBody, orderIdOf } from './order-id';

const body = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('orderIdOf', () => {
  it('reads a payload’s orderId when it is a usable string', () => {
    expect(orderIdOf({ orderId: 'o-1' })).toBe('o-1');
    expect(orderIdOf({ orderId: '' })).toBeUndefined();
    expect(orderIdOf({ orderId: 'x'.repeat(100) })).toBe('x'.repeat(100));
    expect(orderIdOf({ orderId: 'x'.repeat(101) })).toBeUndefined();
    expect(orderIdOf({ orderId: 7 })).toBeUndefined();
    expect(orderIdOf(null)).toBeUndefined();
    expect(orderIdOf('o-1')).toBeUndefined();
  });
});

describe('orderIdInBody', () => {
  it('reads the payload’s orderId from an envelope', () => {
    expect(orderIdInBody(body({ messageId: 'm', payload: { orderId: 'o-1' } }))).toBe('o-1');
  });

  it('finds none in a body without one, or in one that is not JSON', () => {
    expect(orderIdInBody(body({ messageId: 'm', payload: { sku: 'A' } }))).toBeUndefined();
    expect(orderIdInBody(body({ orderId: 'o-1', payload: {} }))).toBeUndefined();
    expect(orderIdInBody(Buffer.from('{"payload":{"orderId":'))).toBeUndefined();
  });

  it('reads a key written with \\u escapes, as JSON.parse does', () => {
    const escaped = Buffer.from('{"payload":{"order\\u0049d":"o-2"}}');
    expect(orderIdInBody(escaped)).toBe('o-2');
    expect(orderIdInBody(Buffer.from('{"payload":{"\\u006frderId":"o-3"}}'))).toBe('o-3');
  });
});
