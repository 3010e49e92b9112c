import { VersionedAggregateRoot } from './versioned-aggregate-root';

class Counter extends VersionedAggregateRoot<{ n: number }> {
  private n: number;

  constructor(stored?: number) {
    super(stored ?? 0);
    this.n = stored ?? 1;
  }

  get version(): number {
    return this.n;
  }

  bump(): void {
    this.n += 1;
    this.record({ n: this.n });
  }
}

describe('VersionedAggregateRoot', () => {
  it('expects nothing stored for a new aggregate, and its loaded version for a stored one', () => {
    expect(new Counter().persistedVersion).toBe(0);
    expect(new Counter(7).persistedVersion).toBe(7);
  });

  it('keeps the loaded version and the events until committed, then moves on to both', () => {
    const c = new Counter(7);
    c.bump();
    c.bump();
    expect(c.persistedVersion).toBe(7);
    expect(c.events).toEqual([{ n: 8 }, { n: 9 }]);

    c.markCommitted();

    expect(c.persistedVersion).toBe(9);
    expect(c.events).toEqual([]);
  });

  it('can drop its events without moving its version', () => {
    const c = new Counter(2);
    c.bump();
    c.clearEvents();
    expect(c.events).toEqual([]);
    expect(c.persistedVersion).toBe(2);
  });
});
