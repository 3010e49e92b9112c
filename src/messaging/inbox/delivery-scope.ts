import { AsyncLocalStorage } from 'node:async_hooks';

/** The message a consumer is handling, so the unit of work can commit its inbox entry too. */
export interface Delivery {
  consumer: string;
  messageId: string;
  /** Set once a commit has written the inbox entry; later commits in the same handler skip it. */
  recorded: boolean;
}

const storage = new AsyncLocalStorage<Delivery>();

export const DeliveryScope = {
  run<T>(delivery: Omit<Delivery, 'recorded'>, fn: () => T): T {
    return storage.run({ ...delivery, recorded: false }, fn);
  },
  /** The delivery whose inbox entry is still to be written, if any. */
  pending(): Delivery | undefined {
    const d = storage.getStore();
    return d && !d.recorded ? d : undefined;
  },
  current(): Delivery | undefined {
    return storage.getStore();
  },
};
