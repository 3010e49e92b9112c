/** What the console shows of an order; filled by the orders module when it runs in this process. */
export interface ConsoleOrder {
  status: string;
  step: string;
  customerEmail: string;
  total: number;
  currency: string;
  paymentDueAt?: Date;
  history: Array<{ status: string; at: Date; reason?: string }>;
}

type Finder = (id: string) => Promise<ConsoleOrder | undefined>;

/**
 * Messaging may not import a feature module, so the orders module registers how to read an order
 * here. Without it (a process that does not run orders) the console shows the journal only.
 */
export class ConsoleOrderLookup {
  private finder?: Finder;

  register(finder: Finder): void {
    this.finder = finder;
  }

  get available(): boolean {
    return this.finder !== undefined;
  }

  find(id: string): Promise<ConsoleOrder | undefined> {
    return this.finder ? this.finder(id) : Promise.resolve(undefined);
  }
}
