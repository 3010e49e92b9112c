/** Remembers which messages each consumer has already handled, so a redelivery does nothing. */
export abstract class InboxStore {
  abstract has(consumer: string, messageId: string): Promise<boolean>;
  abstract record(consumer: string, messageId: string): Promise<void>;
}
