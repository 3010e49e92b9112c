import { DeadLetterFilter, DeadLetterRecord, Page } from './dead-letter.record';
import { DeadLetterStore } from './dead-letter.store';

export class InMemoryDeadLetterStore extends DeadLetterStore {
  private readonly records = new Map<string, DeadLetterRecord>();

  async save(record: DeadLetterRecord): Promise<void> {
    if (!this.records.has(record.id)) this.records.set(record.id, { ...record });
  }

  async list(
    filter: DeadLetterFilter,
    offset: number,
    limit: number,
  ): Promise<Page<DeadLetterRecord>> {
    const matching = [...this.records.values()]
      .filter(
        (r) =>
          (!filter.queue || r.queue === filter.queue) &&
          (!filter.type || r.type === filter.type) &&
          (!filter.status || r.status === filter.status) &&
          (filter.replayCountBelow === undefined || r.replayCount < filter.replayCountBelow) &&
          (!filter.since || r.deadLetteredAt >= filter.since),
      )
      .sort(newestFirst);
    return {
      items: matching.slice(offset, offset + limit).map((r) => ({ ...r })),
      total: matching.length,
    };
  }

  async get(id: string): Promise<DeadLetterRecord | undefined> {
    const r = this.records.get(id);
    return r && { ...r };
  }

  async delete(id: string): Promise<boolean> {
    return this.records.delete(id);
  }

  async markReplayed(id: string): Promise<boolean> {
    const r = this.records.get(id);
    if (!r || r.status !== 'PARKED') return false;
    r.status = 'REPLAYED';
    r.replayCount += 1;
    r.replayedAt = new Date();
    return true;
  }

  async markParked(id: string): Promise<void> {
    const r = this.records.get(id);
    if (r) r.status = 'PARKED';
  }
}

/**
 * Newest first, then by id, descending too, as the Mongo store sorts: rows of one millisecond
 * keep one order from page to page. `<` compares code units, which for ids (ASCII) is the
 * binary order MongoDB uses; localeCompare would not be.
 */
function newestFirst(a: DeadLetterRecord, b: DeadLetterRecord): number {
  const byTime = b.deadLetteredAt.getTime() - a.deadLetteredAt.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
