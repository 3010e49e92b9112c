import { Logger } from '@nestjs/common';
import { MessageTaps } from '../observability/message-taps';
import type { Handled } from '../observability/message-tap';
import type { TopologyDeclarer } from '../topology/topology.declarer';
import { InMemoryMessageJournal } from './in-memory-message-journal';
import { JournalEntry } from './journal-entry';
import { JournalRecorder } from './journal.recorder';

const declarer = { instanceId: 'web-1-42-abcd' } as TopologyDeclarer;

function delivery(orderId: string): Handled {
  return {
    consumer: 'inventory',
    queue: 'inventory.reserve-stock',
    type: 'inventory.reserve-stock',
    headers: {},
    envelope: {
      messageId: 'm',
      type: 'inventory.reserve-stock',
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId: 'c',
      payload: { orderId },
    },
    attempt: 0,
    outcome: 'ack',
    seconds: 0,
  };
}

class FailingJournal extends InMemoryMessageJournal {
  failures = 0;
  async append(entries: JournalEntry[]): Promise<void> {
    if (this.failures-- > 0) throw new Error('store away');
    return super.append(entries);
  }
}

describe('JournalRecorder', () => {
  let journal: FailingJournal;
  let recorder: JournalRecorder;
  let warn: jest.SpyInstance;

  beforeEach(() => {
    // Entries are timed by performance; a faked one would date them to 1970, past the TTL.
    jest.useFakeTimers({ doNotFake: ['performance'] });
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    journal = new FailingJournal();
    recorder = new JournalRecorder(journal, declarer);
    recorder.onModuleInit();
  });

  afterEach(async () => {
    await recorder.onApplicationShutdown();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('writes what the taps see in one batch, a moment later', async () => {
    const append = jest.spyOn(journal, 'append');
    MessageTaps.handled(delivery('o-1'));
    MessageTaps.handled(delivery('o-1'));
    expect(append).not.toHaveBeenCalled();

    await jest.advanceTimersByTimeAsync(100);
    expect(append).toHaveBeenCalledTimes(1);
    expect(await journal.forOrder('o-1')).toHaveLength(2);
    expect((await journal.forOrder('o-1'))[0].process).toBe('web-1-42-abcd');
  });

  it('drops a batch it cannot write, warns once per outage, and writes on afterwards', async () => {
    journal.failures = 2;
    for (const order of ['o-1', 'o-2', 'o-3']) {
      MessageTaps.handled(delivery(order));
      await jest.advanceTimersByTimeAsync(100);
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(await journal.forOrder('o-1')).toEqual([]);
    expect(await journal.forOrder('o-3')).toHaveLength(1);
  });

  it('flushes on shutdown and stops watching', async () => {
    MessageTaps.handled(delivery('o-1'));
    await recorder.onApplicationShutdown();
    expect(await journal.forOrder('o-1')).toHaveLength(1);

    MessageTaps.handled(delivery('o-2'));
    await jest.advanceTimersByTimeAsync(100);
    expect(await journal.forOrder('o-2')).toEqual([]);
  });
});
