import { Logger } from '@nestjs/common';
import { Delivery, MessageTap } from './message-tap';
import { MessageTaps } from './message-taps';

const delivery: Delivery = { consumer: 'c', queue: 'q', type: 't', headers: {}, attempt: 0 };

describe('MessageTaps', () => {
  const unregister: Array<() => void> = [];
  const tap = (t: MessageTap) => unregister.push(MessageTaps.register(t));

  beforeAll(() => Logger.overrideLogger(false));
  afterEach(() => unregister.splice(0).forEach((u) => u()));

  it('wraps the handling in every tap, the first registered outermost', async () => {
    const seen: string[] = [];
    const wrap = (name: string): MessageTap => ({
      around: async (_d, run) => {
        seen.push(`${name}>`);
        const r = await run();
        seen.push(`<${name}`);
        return r;
      },
    });
    tap(wrap('a'));
    tap(wrap('b'));
    expect(await MessageTaps.around(delivery, async () => (seen.push('run'), 42))).toBe(42);
    expect(seen).toEqual(['a>', 'b>', 'run', '<b', '<a']);
  });

  it('runs the handling once and keeps its result when a tap fails before or after it', async () => {
    let runs = 0;
    const handle = async () => ++runs;
    tap({ around: () => Promise.reject(new Error('before')) });
    expect(await MessageTaps.around(delivery, handle)).toBe(1);
    unregister.splice(0).forEach((u) => u());
    tap({
      around: async (_d, run) => {
        await run();
        throw new Error('after');
      },
    });
    expect(await MessageTaps.around(delivery, handle)).toBe(2);
    expect(runs).toBe(2);
  });

  it("lets the handler's own failure through, once", async () => {
    let runs = 0;
    tap({ around: (_d, run) => run() });
    const failing = () => (runs++, Promise.reject(new Error('handler')));
    await expect(MessageTaps.around(delivery, failing)).rejects.toThrow('handler');
    expect(runs).toBe(1);
  });

  it('never lets a watching tap fail the message, and merges captured headers', () => {
    tap({
      handled: () => {
        throw new Error('x');
      },
      capture: () => ({ traceparent: 'a' }),
    });
    tap({ capture: () => ({ tracestate: 'b' }) });
    expect(() => MessageTaps.handled({ ...delivery, outcome: 'ack', seconds: 0 })).not.toThrow();
    expect(MessageTaps.capture()).toEqual({ traceparent: 'a', tracestate: 'b' });
  });

  it('captures nothing without taps', () => {
    expect(MessageTaps.capture()).toBeUndefined();
  });
});
