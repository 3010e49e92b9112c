import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { MessageTaps } from '../observability/message-taps';
import { TopologyDeclarer } from '../topology/topology.declarer';
import { JournalEntry } from './journal-entry';
import { JournalTap } from './journal.tap';
import { MessageJournal } from './message-journal';

/** Entries are written in one batch per this many ms: one insert per process, not per message. */
const FLUSH_MS = 100;
/** Held while the store is slow or away; past it, entries are dropped (and counted), not queued. */
const MAX_BUFFERED = 10_000;

/**
 * Writes this process's journal entries in the background. The journal is a record for people:
 * losing some of it must never slow or fail a message, so a failed write is logged and dropped.
 */
@Injectable()
export class JournalRecorder implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(JournalRecorder.name);
  private buffer: JournalEntry[] = [];
  private timer?: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  private unregister?: () => void;
  private dropped = 0;
  private failing = false;

  constructor(
    private readonly journal: MessageJournal,
    private readonly declarer: TopologyDeclarer,
  ) {}

  onModuleInit(): void {
    const tap = new JournalTap(this.declarer.instanceId, (entry) => this.add(entry));
    this.unregister = MessageTaps.register(tap);
  }

  async onApplicationShutdown(): Promise<void> {
    this.unregister?.();
    await this.flush();
  }

  add(entry: JournalEntry): void {
    if (this.buffer.length >= MAX_BUFFERED) {
      this.dropped++;
      return;
    }
    this.buffer.push(entry);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  /** Writes what is buffered, after any write still under way; never rejects. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    this.writing = this.writing.then(() => (batch.length > 0 ? this.write(batch) : undefined));
    return this.writing;
  }

  private async write(batch: JournalEntry[]): Promise<void> {
    try {
      await this.journal.append(batch);
      if (this.failing || this.dropped > 0)
        // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
        this.logger.log(`Journal writes again (${this.dropped} entries dropped meanwhile)`);
      this.failing = false;
      this.dropped = 0;
    } catch (error) {
      this.dropped += batch.length;
      // Once per outage, not once per batch.
      if (!this.failing)
        // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
        this.logger.warn(
          `Journal write failed, timeline entries dropped: ${(error as Error).message}`,
        );
      this.failing = true;
    }
  }
}
