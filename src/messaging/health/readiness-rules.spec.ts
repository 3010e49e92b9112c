import { brokerCheck, consumersCheck, outboxAgeCheck } from './readiness-rules';

describe('readiness rules', () => {
  it('the broker: down while disconnected', () => {
    expect(brokerCheck(true)).toEqual({ status: 'up' });
    expect(brokerCheck(false)).toEqual({ status: 'down', detail: 'not connected to RabbitMQ' });
  });

  it('consumers: down while any queue of this process has no consumer, naming a few', () => {
    expect(consumersCheck(['a', 'b'], [])).toEqual({ status: 'up', detail: 'consuming 2 queues' });
    expect(consumersCheck(['a', 'b'], ['b'])).toEqual({
      status: 'down',
      detail: 'not consuming 1 of 2: b',
    });
    const many = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7'];
    expect(consumersCheck(many, many).detail).toBe(
      'not consuming 7 of 7: q1, q2, q3, q4, q5, +2 more',
    );
  });

  it('the outbox: down once its oldest unsent event is older than the limit', () => {
    const now = Date.parse('2026-01-01T00:01:00Z');
    const at = (msAgo: number) => new Date(now - msAgo);
    expect(outboxAgeCheck(undefined, now, 60_000)).toEqual({
      status: 'up',
      detail: 'nothing waiting',
    });
    expect(outboxAgeCheck(at(60_000), now, 60_000)).toEqual({
      status: 'up',
      detail: 'oldest unsent event waits 60.0 s',
    });
    expect(outboxAgeCheck(at(60_001), now, 60_000)).toEqual({
      status: 'down',
      detail: 'oldest unsent event waits 60.0 s (limit 60 s)',
    });
    // 0 turns the rule off; a clock a little ahead of the writer's is no negative age.
    expect(outboxAgeCheck(at(3_600_000), now, 0).status).toBe('up');
    expect(outboxAgeCheck(at(-500), now, 1).detail).toBe('oldest unsent event waits 0.0 s');
  });
});
