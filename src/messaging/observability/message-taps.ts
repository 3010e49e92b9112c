import { Logger } from '@nestjs/common';
import type { Delivery, Handled, MessageTap, Publication, Published } from './message-tap';

const logger = new Logger('MessageTaps');

function safely(what: string, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    logger.warn(`A message tap failed in ${what}: ${(error as Error).message}`);
  }
}

/**
 * The process's taps. Process-wide rather than per app: the outbox captures headers in plain
 * functions (toOutboxMessage) that no injector reaches, and one process runs one app.
 */
export class MessageTaps {
  private static taps: MessageTap[] = [];

  static register(tap: MessageTap): () => void {
    MessageTaps.taps.push(tap);
    return () => {
      MessageTaps.taps = MessageTaps.taps.filter((t) => t !== tap);
    };
  }

  static around<T>(delivery: Delivery, run: () => Promise<T>): Promise<T> {
    return MessageTaps.taps.reduceRight<() => Promise<T>>(
      (next, tap) => (tap.around ? () => MessageTaps.guarded(tap, delivery, next) : next),
      run,
    )();
  }

  /**
   * A tap that fails around a delivery must not fail the delivery: the handling runs exactly
   * once whatever the tap does, and its own outcome (result or error) is what counts.
   */
  private static async guarded<T>(
    tap: MessageTap,
    delivery: Delivery,
    next: () => Promise<T>,
  ): Promise<T> {
    let inner: { result: Promise<T> } | undefined;
    const once = () => (inner ??= { result: next() }).result;
    try {
      return await tap.around!(delivery, once);
    } catch (error) {
      if (inner) {
        // The handler ran: its own failure propagates, a tap's failure after it does not.
        const settled = await inner.result.then(
          (value) => ({ ok: true as const, value }),
          (failure: unknown) => ({ ok: false as const, failure }),
        );
        if (settled.ok) return settled.value;
        throw settled.failure;
      }
      logger.warn(`A message tap failed in around: ${(error as Error).message}`);
      return once();
    }
  }

  static handled(handled: Handled): void {
    for (const tap of MessageTaps.taps)
      if (tap.handled) safely('handled', () => tap.handled!(handled));
  }

  static publishing(publication: Publication): void {
    for (const tap of MessageTaps.taps)
      if (tap.publishing) safely('publishing', () => tap.publishing!(publication));
  }

  static published(published: Published): void {
    for (const tap of MessageTaps.taps)
      if (tap.published) safely('published', () => tap.published!(published));
  }

  static capture(): Record<string, string> | undefined {
    let headers: Record<string, string> | undefined;
    for (const tap of MessageTaps.taps)
      if (tap.capture) safely('capture', () => (headers = { ...headers, ...tap.capture!() }));
    return headers;
  }
}
