/** A typed integration event: a class whose fields are validated on receipt, with its wire name. */
export interface EventContract<T extends object = object> {
  new (): T;
  /** Routing key: past tense for an event (`payment.succeeded`), imperative for a command (`inventory.reserve-stock`). */
  readonly type: string;
  readonly version: number;
}

/** The plain fields of an event instance. */
export type EventPayload<T> = { [K in keyof T]: T[K] };
