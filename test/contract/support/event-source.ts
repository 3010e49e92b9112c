import { MessageEnvelope } from '../../../src/messaging/envelope/message-envelope';

type Envelopes = MessageEnvelope<object>[];

/**
 * An `events` callback for ports that build their events from the outcome. A Mongo transaction
 * may run the callback again when it retries, so the same key always gets the same envelopes:
 * whatever the adapter finally commits is then known exactly.
 */
export class EventSource<A> {
  readonly calls: A[] = [];
  private readonly issued = new Map<string, Envelopes>();

  constructor(
    private readonly build: (arg: A) => Envelopes,
    private readonly keyOf: (arg: A) => string = () => 'only',
  ) {}

  readonly callback = (arg: A): Envelopes => {
    this.calls.push(arg);
    const key = this.keyOf(arg);
    const envelopes = this.issued.get(key) ?? this.build(arg);
    this.issued.set(key, envelopes);
    return envelopes;
  };

  /** The envelopes handed out for this key (none if the callback never ran with it). */
  issuedFor(key = 'only'): Envelopes {
    return this.issued.get(key) ?? [];
  }

  get lastCall(): A | undefined {
    return this.calls.at(-1);
  }
}
