/** A typed integration event: a class whose fields are validated on receipt, with its wire name. */
export interface EventContract<T extends object = object> {
  new (): T;
  /** Past-tense routing key, e.g. `order.placed`. */
  readonly type: string;
  readonly version: number;
}

/** The plain fields of an event instance. */
export type EventPayload<T> = { [K in keyof T]: T[K] };
