import { MessageEnvelope } from '../envelope/message-envelope';

/**
 * One per module: turns the domain events its aggregates record into the contracts it
 * publishes. Events that concern nobody outside the module map to nothing.
 *
 * Declared through a method type on purpose: method parameters are checked bivariantly, so a
 * module's `(e: OrderEvent) => …` is accepted as is, without a cast.
 */
export type EventMapper = {
  map(event: object): MessageEnvelope<object>[];
}['map'];

export const noEvents: EventMapper = () => [];
