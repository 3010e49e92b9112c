import { MalformedMessageError } from './malformed-message.error';
import {
  H,
  MAX_ATTEMPT,
  MAX_ERROR_MESSAGE_CHARS,
  MAX_REPLAY_COUNT,
  MAX_STACK_CHARS,
  headerCount,
  headerCountOr,
  headerDate,
  headerString,
} from './message-headers';

describe('message headers', () => {
  it('names every header of ours without the x- prefix the broker ignores', () => {
    expect(H).toEqual({
      attempt: 'of-attempt',
      errorType: 'of-error-type',
      errorMessage: 'of-error-message',
      errorStack: 'of-error-stack',
      permanent: 'of-permanent',
      originalExchange: 'of-original-exchange',
      originalRoutingKey: 'of-original-routing-key',
      originalQueue: 'of-original-queue',
      consumer: 'of-consumer',
      host: 'of-host',
      firstFailedAt: 'of-first-failed-at',
      lastFailedAt: 'of-last-failed-at',
      replayedAt: 'of-replayed-at',
      replayCount: 'of-replay-count',
      parked: 'of-parked',
      deadLetterId: 'of-dead-letter-id',
    });
  });

  it('bounds failure texts and the counters it reads back', () => {
    expect([MAX_STACK_CHARS, MAX_ERROR_MESSAGE_CHARS]).toEqual([4000, 1000]);
    expect([MAX_ATTEMPT, MAX_REPLAY_COUNT]).toEqual([100, 1000]);
  });
});

describe('headerString', () => {
  it('reads a string, a buffer or a number as text', () => {
    const headers = { s: 'orders', b: Buffer.from('bytes'), n: 7, f: false };
    expect(['s', 'b', 'n', 'f'].map((k) => headerString(headers, k))).toEqual([
      'orders',
      'bytes',
      '7',
      'false',
    ]);
  });

  it('reads an absent, null or table-less header as absent', () => {
    expect(headerString({ k: null }, 'k')).toBeUndefined();
    expect(headerString({ k: undefined }, 'k')).toBeUndefined();
    expect(headerString({}, 'k')).toBeUndefined();
    expect(headerString(undefined, 'k')).toBeUndefined();
  });
});

describe('headerCount', () => {
  it.each([
    [undefined, 0],
    [null, 0],
    [0, 0],
    [3, 3],
    [100, 100],
    ['0', 0],
    ['42', 42],
    ['100', 100],
    [Buffer.from('12'), 12],
  ])('reads %p as %p', (value, count) => {
    expect(headerCount({ 'of-attempt': value }, 'of-attempt', 100)).toBe(count);
  });

  it('reads a missing header table as 0', () => {
    expect(headerCount(undefined, 'of-attempt', 100)).toBe(0);
  });

  it.each([
    [101, '"101"'],
    [-1, '"-1"'],
    [0.5, '"0.5"'],
    [NaN, '"NaN"'],
    [Infinity, '"Infinity"'],
    ['101', '"101"'],
    ['-1', '"-1"'],
    ['1e1', '"1e1"'],
    [' 1', '" 1"'],
    ['1 ', '"1 "'],
    ['0x10', '"0x10"'],
    ['', '""'],
    ['0000000001', '"0000000001"'],
    [Buffer.from('two'), '"two"'],
    ['9'.repeat(50), JSON.stringify('9'.repeat(40))],
    [true, '"boolean"'],
    [[5], '"object"'],
    [{ n: 1 }, '"object"'],
  ])('refuses %p as malformed, showing %s', (value, shown) => {
    const read = () => headerCount({ 'of-attempt': value }, 'of-attempt', 100);
    expect(read).toThrow(MalformedMessageError);
    expect(read).toThrow(
      new MalformedMessageError(
        `Header of-attempt must be a whole number from 0 to 100, got ${shown}`,
      ),
    );
  });

  it('takes up to nine digits when the bound allows it', () => {
    expect(headerCount({ k: '999999999' }, 'k', 1e9)).toBe(999_999_999);
    expect(() => headerCount({ k: '1000000000' }, 'k', 2e9)).toThrow(
      new MalformedMessageError(
        'Header k must be a whole number from 0 to 2000000000, got "1000000000"',
      ),
    );
  });

  it('refuses exponent notation even when its value would be in range', () => {
    expect(() => headerCount({ k: '1e3' }, 'k', MAX_REPLAY_COUNT)).toThrow(MalformedMessageError);
  });
});

describe('headerCountOr', () => {
  it('reads a valid counter', () => {
    expect(headerCountOr({ k: '5' }, 'k', 100, -1)).toBe(5);
  });

  it('falls back instead of failing on a malformed counter', () => {
    expect(headerCountOr({ k: 'five' }, 'k', 100, -1)).toBe(-1);
    expect(headerCountOr({ k: 101 }, 'k', 100, 0)).toBe(0);
  });
});

describe('headerDate', () => {
  it('reads an ISO timestamp we wrote', () => {
    expect(headerDate({ t: '2026-11-23T15:00:00.000Z' }, 't')).toEqual(
      new Date('2026-11-23T15:00:00.000Z'),
    );
    expect(headerDate({ t: Buffer.from('2026-11-23T15:00:00.000Z') }, 't')).toEqual(
      new Date('2026-11-23T15:00:00.000Z'),
    );
  });

  it('reads a parseable text of up to 40 characters and no longer', () => {
    const forty = 'Monday, 23 November 2026 15:00:00 GMT+00';
    const fortyOne = 'Monday, 23 November 2026 15:00:00 GMT+000';
    expect([forty.length, fortyOne.length]).toEqual([40, 41]);
    expect(headerDate({ t: forty }, 't')).toEqual(new Date('2026-11-23T15:00:00.000Z'));
    expect(headerDate({ t: fortyOne }, 't')).toBeUndefined();
  });

  it('reads an absent or garbled timestamp as absent', () => {
    expect(headerDate({}, 't')).toBeUndefined();
    expect(headerDate(undefined, 't')).toBeUndefined();
    expect(headerDate({ t: 'yesterday' }, 't')).toBeUndefined();
  });
});
