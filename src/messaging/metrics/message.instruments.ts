import { Counter, Histogram, Registry } from 'prom-client';

/** Consumer lag as users feel it spans retries and outages: minutes, not milliseconds. */
const CRITICAL_TIME_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900];
const HANDLING_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const CONFIRM_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** The messaging metrics' names, labels and buckets: stable, since dashboards and alerts read them. */
export function messageInstruments(registry: Registry) {
  const instruments = createInstruments(registry);
  // Known reasons start at 0, so a dashboard's query answers before the first failure.
  for (const reason of PUBLISH_FAILURE_REASONS) instruments.publishFailures.inc({ reason }, 0);
  return instruments;
}

export const PUBLISH_FAILURE_REASONS = ['nack', 'timeout', 'other'] as const;

function createInstruments(registry: Registry) {
  const registers = [registry];
  return {
    consumed: new Counter({
      name: 'orderflow_messages_consumed_total',
      help: 'Deliveries handled, by how they ended: ack, retry, dead_letter, duplicate, rejected',
      labelNames: ['consumer', 'type', 'outcome'] as const,
      registers,
    }),
    handling: new Histogram({
      name: 'orderflow_message_handling_seconds',
      help: 'Time to handle one delivery: inbox check, handler, inbox record',
      labelNames: ['consumer', 'type'] as const,
      buckets: HANDLING_BUCKETS,
      registers,
    }),
    criticalTime: new Histogram({
      name: 'orderflow_message_critical_time_seconds',
      help: 'From the message being written (envelope occurredAt) to its successful handling',
      labelNames: ['consumer', 'type'] as const,
      buckets: CRITICAL_TIME_BUCKETS,
      registers,
    }),
    published: new Counter({
      name: 'orderflow_messages_published_total',
      help: 'Messages the broker confirmed, by message type',
      labelNames: ['type'] as const,
      registers,
    }),
    confirm: new Histogram({
      name: 'orderflow_publish_confirm_seconds',
      help: 'From publish to the broker confirm (or the failure)',
      buckets: CONFIRM_BUCKETS,
      registers,
    }),
    publishFailures: new Counter({
      name: 'orderflow_publish_failures_total',
      help: 'Publishes not confirmed: nack, timeout or other (e.g. a closed channel)',
      labelNames: ['reason'] as const,
      registers,
    }),
  };
}

export type MessageInstruments = ReturnType<typeof messageInstruments>;
