import { AsyncLocalStorage } from 'node:async_hooks';
import { SentEmail } from './journal-entry';

/** What a handler tells the journal about the delivery it is handling. */
export interface Notes {
  email?: SentEmail;
}

const storage = new AsyncLocalStorage<Notes>();

/**
 * Lets a handler add to its delivery's journal entry (e.g. the email it sent) without knowing
 * the journal: the journal tap opens the notes around each delivery and reads them when it
 * ends. Outside a delivery, or with no journal, a note goes nowhere.
 */
export const DeliveryNotes = {
  run<T>(fn: () => T): T {
    return storage.run({}, fn);
  },
  current(): Notes | undefined {
    return storage.getStore();
  },
  email(email: SentEmail): void {
    const notes = storage.getStore();
    if (notes) notes.email = { to: email.to, subject: email.subject };
  },
};
