import { trace } from '@opentelemetry/api';
import { CorrelationContext } from '../correlation/correlation.context';
import { logFields } from './log-fields';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

describe('logFields', () => {
  it('is empty outside any flow', () => {
    expect(logFields()).toEqual({});
  });

  it('names the correlation id of a request, and its order once known', () => {
    CorrelationContext.run({ correlationId: 'c-1' }, () => {
      expect(logFields()).toEqual({ correlationId: 'c-1' });
      CorrelationContext.setOrderId('o-1');
      expect(logFields()).toEqual({ correlationId: 'c-1', orderId: 'o-1' });
    });
    // Outside a flow there is nothing to name.
    CorrelationContext.setOrderId('o-2');
    expect(logFields()).toEqual({});
  });

  it('names the message being handled', () => {
    const scope = { correlationId: 'c-2', causationId: 'm-9', orderId: 'o-3' };
    CorrelationContext.run(scope, () =>
      expect(logFields()).toEqual({ correlationId: 'c-2', messageId: 'm-9', orderId: 'o-3' }),
    );
  });

  it('names the trace of the active span, when one is valid', () => {
    // Whatever context manager the tracing setup registers, this is the API the line reads.
    const active = jest.spyOn(trace, 'getActiveSpan');
    active.mockReturnValue(trace.wrapSpanContext({ traceId: TRACE, spanId: SPAN, traceFlags: 1 }));
    expect(logFields()).toEqual({ traceId: TRACE, spanId: SPAN });
    const zeros = { traceId: '0'.repeat(32), spanId: SPAN, traceFlags: 0 };
    active.mockReturnValue(trace.wrapSpanContext(zeros));
    expect(logFields()).toEqual({});
    active.mockRestore();
  });
});
