import { Injectable } from '@nestjs/common';
import { DeadLetterRecord, DeadLetterStatus } from '../dead-letters/dead-letter.record';
import { DeadLetterStore } from '../dead-letters/dead-letter.store';

export interface ConsoleDeadLetterFilter {
  queue?: string;
  type?: string;
  /** Matched, case-insensitively, against the error's type and message. */
  reason?: string;
  status?: DeadLetterStatus;
}

/** Most records one search reads: the store filters queue and type, the reason is matched here. */
export const SEARCH_LIMIT = 1000;

@Injectable()
export class ConsoleDeadLetterSearch {
  constructor(private readonly store: DeadLetterStore) {}

  async find(f: ConsoleDeadLetterFilter): Promise<{ items: DeadLetterRecord[]; total: number }> {
    const page = await this.store.list(
      { queue: f.queue || undefined, type: f.type || undefined, status: f.status },
      0,
      SEARCH_LIMIT,
    );
    const reason = f.reason?.trim().toLowerCase();
    if (!reason) return page;
    const items = page.items.filter((r) =>
      `${r.errorType} ${r.errorMessage}`.toLowerCase().includes(reason),
    );
    return { items, total: items.length };
  }
}
