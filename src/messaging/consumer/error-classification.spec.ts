import { ContractViolationError } from './contract-violation.error';
import { describeError, isPermanent } from './error-classification';
import { MalformedMessageError } from './malformed-message.error';
import { PermanentError } from './permanent.error';

describe('isPermanent', () => {
  it.each([
    ['a PermanentError', new PermanentError('no')],
    ['a ContractViolationError', new ContractViolationError('bad', ['x'])],
    ['a MalformedMessageError', new MalformedMessageError('garbled')],
    ['any object marked permanent: true', { permanent: true }],
  ])('treats %s as permanent', (_, error) => {
    expect(isPermanent(error)).toBe(true);
  });

  const markedFunction = Object.assign(() => undefined, { permanent: true });
  it.each([
    ['a plain Error', new Error('boom')],
    ['an object marked with a truthy non-true value', { permanent: 'yes' }],
    ['an object marked permanent: false', { permanent: false }],
    ['an object without the mark', {}],
    ['a function, even one carrying the mark', markedFunction],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'permanent'],
    ['a number', 42],
  ])('treats %s as transient', (_, error) => {
    expect(isPermanent(error)).toBe(false);
  });
});

describe('describeError', () => {
  it('takes the name, message and stack of an Error', () => {
    const error = new PermanentError('stock gone');
    expect(describeError(error)).toStrictEqual({
      type: 'PermanentError',
      message: 'stock gone',
      stack: error.stack,
    });
  });

  it('keeps an Error whose stack is missing without inventing one', () => {
    const error = new Error('bare');
    error.stack = undefined;
    expect(describeError(error)).toStrictEqual({
      type: 'Error',
      message: 'bare',
      stack: undefined,
    });
  });

  it.each([
    ['text', { type: 'string', message: 'text' }],
    [42, { type: 'number', message: '42' }],
    [undefined, { type: 'undefined', message: 'undefined' }],
    [null, { type: 'object', message: 'null' }],
    [{ code: 7 }, { type: 'object', message: '[object Object]' }],
  ])('describes the non-Error %p by its type and text, without a stack', (thrown, described) => {
    expect(describeError(thrown)).toStrictEqual(described);
  });
});
