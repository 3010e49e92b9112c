import { DomainError } from '../../common/errors/domain.error';
import { PaymentAlreadyDecidedError } from './payment-already-decided.error';

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
});
