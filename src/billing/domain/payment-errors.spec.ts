import { DomainError } from '../../common/errors/domain.error';
import { PaymentAlreadyDecidedError } from './payment-already-decided.error';
import { PaymentNotReadyError } from './payment-not-ready.error';

describe('payment errors', () => {
  it('refuses a second decision as a permanent conflict naming the order and its status', () => {
    const error = new PaymentAlreadyDecidedError('o-1', 'SUCCEEDED');
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      name: 'PaymentAlreadyDecidedError',
      code: 'BILLING.PAYMENT_ALREADY_DECIDED',
      kind: 'conflict',
      permanent: true,
      message: 'The payment for order o-1 is already SUCCEEDED',
      details: { orderId: 'o-1', status: 'SUCCEEDED' },
    });
  });

  it('refuses a decision before both facts as a permanent conflict naming what is missing', () => {
    const error = new PaymentNotReadyError('o-1', 'reserved stock');
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      name: 'PaymentNotReadyError',
      code: 'BILLING.PAYMENT_NOT_READY',
      kind: 'conflict',
      permanent: true,
      message: 'The payment for order o-1 cannot be decided without its reserved stock',
      details: { orderId: 'o-1', missing: 'reserved stock' },
    });
  });
});
