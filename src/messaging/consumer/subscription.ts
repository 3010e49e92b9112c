import { ClassConstructor } from 'class-transformer';
import { EventContext } from './event-context';

/** One consumer's subscription to one event type, bound to its own durable queue. */
export interface Subscription {
  consumer: string;
  eventType: string;
  queue: string;
  contract: ClassConstructor<object>;
  /** Delays between retries of a transient failure; its length is the number of retries. */
  retryDelaysMs: number[];
  invoke: (payload: object, context: EventContext) => Promise<unknown>;
}
