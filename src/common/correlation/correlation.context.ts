import { AsyncLocalStorage } from 'node:async_hooks';

export interface CorrelationScope {
  correlationId: string;
  /** The id of the message being handled; events published while handling it name it as cause. */
  causationId?: string;
  /** The order the flow is about, once known: every later log line of the flow names it. */
  orderId?: string;
}

const storage = new AsyncLocalStorage<CorrelationScope>();

/** Carries the correlation id of the current HTTP request or message through async calls. */
export const CorrelationContext = {
  run<T>(scope: CorrelationScope, fn: () => T): T {
    return storage.run(scope, fn);
  },
  current(): CorrelationScope | undefined {
    return storage.getStore();
  },
  correlationId(): string | undefined {
    return storage.getStore()?.correlationId;
  },
  /** Names the order of the current flow (no-op outside one), e.g. once a request created it. */
  setOrderId(orderId: string): void {
    const scope = storage.getStore();
    if (scope) scope.orderId = orderId;
  },
};
