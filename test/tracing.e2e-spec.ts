import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { randomBytes } from 'node:crypto';
import { AppProcess, buildDist } from './support/app-process';
import { AMQP_URL } from './support/broker';
import { deleteAppTopology } from './support/app-topology';
import { OtlpReceiver } from './support/otlp-receiver';
import { ADMIN_KEY, TestApp, startTestApp } from './support/test-app';
import { smtpError, TestSmtpServer } from './support/test-smtp-server';
import {
  ORDER_TO_EMAIL,
  TestSpan,
  ancestry,
  describeChain,
  fromOtlp,
  fromReadable,
} from './support/trace-chain';
import { waitFor } from './support/wait-for';

const ORDER = { items: [{ sku: 'SKU-MUG', quantity: 1 }], paymentToken: 'tok_visa' };

/** Posts an order; returns the trace its HTTP span started and the flow's correlation id. */
async function placeOrder(
  post: () => ReturnType<ReturnType<TestApp['http']>['post']>,
  email: string,
  spans: () => TestSpan[],
): Promise<{ traceId: string; correlationId: string }> {
  const res = await post().send({ ...ORDER, customerEmail: email });
  expect(res.status).toBe(202);
  const correlationId = res.headers['x-correlation-id'];
  const server = await waitFor(
    async () => spans().find((s) => s.kind === 'server' && s.name === 'POST /orders'),
    (s) => !!s,
    { what: 'the POST /orders server span' },
  );
  return { traceId: server!.traceId, correlationId };
}

const inTrace = (spans: TestSpan[], traceId: string) => spans.filter((s) => s.traceId === traceId);
const emailSpan = (spans: TestSpan[], traceId: string) =>
  inTrace(spans, traceId).find((s) => s.name === 'smtp send' && !s.failed);

describe('Tracing: one order, one trace, across the broker', () => {
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    const seen = new Set<string>();
    // The first attempt at a `greylist…` address is refused (451): a retry of the email message.
    smtp.rcptPolicy = (address) => {
      if (!address.startsWith('greylist') || seen.has(address)) return undefined;
      seen.add(address);
      return smtpError(451, '451 4.7.1 Greylisted, try again later');
    };
  });
  afterAll(() => smtp?.stop());

  describe('in one process (in-memory span exporter)', () => {
    const exporter = new InMemorySpanExporter();
    const spans = () => exporter.getFinishedSpans().map(fromReadable);
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp(
        { SMTP_URL: smtp.url },
        { tracing: { spanProcessors: [new SimpleSpanProcessor(exporter)] } },
      );
    });
    afterAll(() => t?.close());
    beforeEach(() => exporter.reset());

    it('runs from the HTTP span to the email span in one trace, consumer under producer', async () => {
      const { traceId, correlationId } = await placeOrder(
        () => t.http().post('/orders'),
        'trace@example.com',
        spans,
      );
      const email = await waitFor(
        async () => emailSpan(spans(), traceId),
        (s) => !!s,
        { what: 'the email span in the order trace' },
      );
      const chain = ancestry(inTrace(spans(), traceId), email!);
      expect(describeChain(chain, t.config.amqpNamePrefix)).toEqual(ORDER_TO_EMAIL);
      // Every message span of this flow, on the email's path or not (commit-stock), is in it.
      const flow = spans().filter(
        (s) => s.attributes['messaging.message.conversation_id'] === correlationId,
      );
      expect(flow.length).toBeGreaterThanOrEqual(10);
      expect(new Set(flow.map((s) => s.traceId))).toEqual(new Set([traceId]));
      for (const consumer of flow.filter((s) => s.kind === 'consumer'))
        expect(chain.concat(flow).find((s) => s.spanId === consumer.parentSpanId)?.kind).toBe(
          'producer',
        );
    });

    it('keeps a retry in the trace, linked to the context its message was sent in', async () => {
      const { traceId } = await placeOrder(
        () => t.http().post('/orders'),
        'greylist-trace@example.com',
        spans,
      );
      await waitFor(
        async () => emailSpan(spans(), traceId),
        (s) => !!s,
        { what: 'the email sent on the retry' },
      );
      const handled = inTrace(spans(), traceId).filter((s) =>
        s.name.endsWith('notifications.order-confirmed process'),
      );
      const [first, retry] = [0, 1].map((n) =>
        handled.find((s) => s.attributes['orderflow.attempt'] === n),
      );
      expect(first).toMatchObject({ failed: true, links: [] });
      expect(first!.attributes['orderflow.outcome']).toBe('retry');
      expect(retry!.attributes['orderflow.outcome']).toBe('ack');
      expect(retry!.parentSpanId).toBe(first!.parentSpanId);
      expect(retry!.links).toEqual([
        {
          spanId: first!.parentSpanId,
          attributes: { 'orderflow.link': 'retry', 'orderflow.attempt': 1 },
        },
      ]);
    });
  });

  describe('across two processes (OTLP/HTTP JSON export)', () => {
    const prefix = `tr${randomBytes(4).toString('hex')}.`;
    let receiver: OtlpReceiver;
    let orders: AppProcess | undefined;
    let backOffice: AppProcess | undefined;

    beforeAll(async () => {
      await buildDist();
      receiver = await new OtlpReceiver().start();
      const env = {
        NODE_ENV: 'test',
        AMQP_URL,
        AMQP_NAME_PREFIX: prefix,
        ADMIN_API_KEY: ADMIN_KEY,
        SMTP_URL: smtp.url,
        RETRY_DELAYS_MS: '100,200,400',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_BSP_SCHEDULE_DELAY: '100', // the SDK's batch delay: spans leave within 0.1 s
      };
      backOffice = await AppProcess.start('inventory+billing+notifications', {
        ...env,
        APP_MODULES: 'inventory,billing,notifications',
        OTEL_SERVICE_NAME: 'orderflow-back-office',
      });
      orders = await AppProcess.start('orders', {
        ...env,
        APP_MODULES: 'orders',
        OTEL_SERVICE_NAME: 'orderflow-orders',
      });
    }, 120_000);

    afterAll(async () => {
      await Promise.all([orders?.kill(), backOffice?.kill()]);
      await receiver?.stop();
      await deleteAppTopology(prefix);
    });

    it('is one trace from the POST in one process to the email in the other', async () => {
      const spans = () => receiver.spans.map(fromOtlp);
      const { traceId } = await placeOrder(
        () => orders!.http().post('/orders'),
        'split-trace@example.com',
        spans,
      );
      const email = await waitFor(
        async () => emailSpan(spans(), traceId),
        (s) => !!s,
        { what: 'the email span, exported by the other process' },
      );
      const chain = ancestry(inTrace(spans(), traceId), email!);
      expect(describeChain(chain, prefix)).toEqual(ORDER_TO_EMAIL);
      expect(new Set(chain.map((s) => s.service))).toEqual(
        new Set(['orderflow-orders', 'orderflow-back-office']),
      );
      expect(new Set(chain.map((s) => s.pid)).size).toBe(2);
      // Each hop across the broker between the two processes: consumer in one, producer in the other.
      const reserve = chain.find((s) => s.name.endsWith('inventory.reserve-stock process'))!;
      const producer = chain.find((s) => s.spanId === reserve.parentSpanId)!;
      expect([producer.service, reserve.service]).toEqual([
        'orderflow-orders',
        'orderflow-back-office',
      ]);
    });
  });
});
