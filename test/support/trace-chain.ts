import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { ReceivedSpan } from './otlp-receiver';

/** One shape for spans read in process (in-memory exporter) and from OTLP exports. */
export interface TestSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: 'internal' | 'server' | 'client' | 'producer' | 'consumer';
  attributes: Record<string, unknown>;
  links: Array<{ spanId: string; attributes?: Record<string, unknown> }>;
  failed?: boolean;
  pid?: unknown;
  service?: unknown;
}

const API_KINDS = {
  [SpanKind.INTERNAL]: 'internal',
  [SpanKind.SERVER]: 'server',
  [SpanKind.CLIENT]: 'client',
  [SpanKind.PRODUCER]: 'producer',
  [SpanKind.CONSUMER]: 'consumer',
} as const;
const OTLP_KINDS = ['internal', 'internal', 'server', 'client', 'producer', 'consumer'] as const;

export function fromReadable(s: ReadableSpan): TestSpan {
  return {
    traceId: s.spanContext().traceId,
    spanId: s.spanContext().spanId,
    parentSpanId: s.parentSpanContext?.spanId,
    name: s.name,
    kind: API_KINDS[s.kind],
    attributes: s.attributes,
    links: s.links.map((l) => ({ spanId: l.context.spanId, attributes: l.attributes })),
    failed: s.status.code === SpanStatusCode.ERROR,
  };
}

export function fromOtlp(s: ReceivedSpan): TestSpan {
  return {
    ...s,
    kind: OTLP_KINDS[s.kind] ?? 'internal',
    pid: s.resource['process.pid'],
    service: s.resource['service.name'],
  };
}

/** The span and its ancestors up to the trace's root; fails on a parent missing from `spans`. */
export function ancestry(spans: TestSpan[], leaf: TestSpan): TestSpan[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const chain = [leaf];
  for (let id = leaf.parentSpanId; id; id = byId.get(id)?.parentSpanId) {
    const parent = byId.get(id);
    if (!parent)
      throw new Error(`the parent of ${chain[chain.length - 1].name} is not in the trace`);
    chain.push(parent);
  }
  return chain;
}

/** An order's path from the email back to the POST, as `kind name` without the name prefix. */
export const ORDER_TO_EMAIL = [
  'client smtp send',
  'consumer notifications.order-confirmed process',
  'producer orderflow.events publish',
  'consumer orders.payment-succeeded process',
  'producer orderflow.events publish',
  'consumer billing.charge-payment process',
  'producer orderflow.commands publish',
  'consumer orders.inventory-reserved process',
  'producer orderflow.events publish',
  'consumer inventory.reserve-stock process',
  'producer orderflow.commands publish',
  'server POST /orders',
];

export function describeChain(chain: TestSpan[], prefix: string): string[] {
  return chain.map((s) => `${s.kind} ${s.name.split(prefix).join('')}`);
}
