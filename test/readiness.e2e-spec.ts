import { AppProcess, buildDist } from './support/app-process';
import { LogCapture } from './support/log-capture';
import { OrdersApi } from './support/orders-api';
import { PrivateNode } from './support/private-broker/private-node';
import { rabbitInstalled } from './support/private-broker/rabbit-tools';
import { describeWhen } from './support/requires';
import { ADMIN_KEY, TestApp, startTestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

/** The captured lines, plus the stack traces ConsoleLogger writes apart from them. */
class LogAndStackCapture extends LogCapture {
  readonly stacks: string[] = [];

  protected printStackTrace(stack: string): void {
    if (stack) this.stacks.push(stack);
  }
}

type JsonLine = Record<string, unknown> & { msg?: string; context?: string; orderId?: string };

const ORDER = { customerEmail: 'ops@example.com', items: [{ sku: 'SKU-MUG', quantity: 2 }] };
const FLOW = [
  'PlaceOrderUseCase',
  'StockUseCases',
  'PaymentUseCases',
  'OrderProcessService',
  'SendOrderEmailUseCase',
];

/**
 * Two apps on one private node (never the shared broker): one in this process, whose lines a
 * capture keeps, and the built app as its own process with LOG_FORMAT=json, whose stdout is read
 * as a log shipper would. The node's app is stopped for a few seconds and started again.
 */
describeWhen(rabbitInstalled(), 'rabbitmq-server')('Readiness and logs through an outage', () => {
  let node: PrivateNode;
  let t: TestApp;
  let json: AppProcess;
  const logs = new LogAndStackCapture();

  beforeAll(async () => {
    await buildDist();
    node = await PrivateNode.start();
    // An unsent event older than 3 s makes the app not ready; a healthy relay sends in ms.
    t = await startTestApp(
      { AMQP_URL: node.url(), READY_OUTBOX_MAX_AGE_MS: '3000' },
      { logger: logs },
    );
    json = await AppProcess.start('json-logs', {
      NODE_ENV: 'test',
      LOG_FORMAT: 'json',
      AMQP_URL: node.url(),
      AMQP_NAME_PREFIX: 'json.',
      ADMIN_API_KEY: ADMIN_KEY,
      MAIL_CATCHER_PORT: '0',
    });
  }, 180_000);

  afterAll(async () => {
    await json?.kill();
    await t?.close();
    await node?.remove();
  });

  const jsonLines = (from = 0): JsonLine[] =>
    json.log
      .slice(from)
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => {
        try {
          return JSON.parse(l) as JsonLine;
        } catch {
          throw new Error(`Not a JSON line: ${l}`);
        }
      });

  it('LOG_FORMAT=json: one object per line; each line of an order names its ids', async () => {
    const placed = await json
      .http()
      .post('/orders')
      .send({ ...ORDER, paymentToken: 'tok_visa' })
      .expect(202);
    const { id } = placed.body as { id: string };
    const correlationId = placed.headers['x-correlation-id'];
    const lines = await waitFor(
      async () => jsonLines().filter((l) => l.orderId === id),
      (ls) => FLOW.every((c) => ls.some((l) => l.context === c)),
      { timeoutMs: 30_000, what: 'a JSON line about the order from every module' },
    );
    for (const line of lines)
      expect(line).toMatchObject({
        level: 'info',
        correlationId,
        orderId: id,
        time: expect.any(String),
      });
    // Lines written while a message is handled name it; the request's own lines do not.
    const handled = lines.filter((l) => l.context && l.context !== 'PlaceOrderUseCase');
    expect(handled.length).toBeGreaterThanOrEqual(FLOW.length);
    expect(handled.every((l) => typeof l.messageId === 'string')).toBe(true);
    // Money as money: the demo mug costs 12.50, two of them 25.00 (never "2500 EUR").
    const money = lines.map((l) => l.msg).filter((m) => /total|charged/.test(m ?? ''));
    expect(money).toEqual([
      expect.stringMatching(/total \d+\.\d\d EUR$/),
      expect.stringMatching(/charged \d+\.\d\d EUR, invoice/),
    ]);
    const request = jsonLines().find((l) => l.msg?.startsWith('POST /orders 202'));
    expect(request).toMatchObject({
      req: { method: 'POST', url: '/orders' },
      res: { statusCode: 202 },
    });
    // An admin request is logged by method and path: its Authorization header stays out.
    await json.http().get('/dead-letters').set('Authorization', `Bearer ${ADMIN_KEY}`).expect(200);
    await waitFor(
      async () => jsonLines().filter((l) => l.msg?.startsWith('GET /dead-letters 200')),
      (ls) => ls.length === 1,
      { what: 'the admin request line' },
    );
    expect(json.log).not.toContain(ADMIN_KEY);
  });

  it('ready turns 503 while the broker is away and for an outbox that stops draining, and back to 200', async () => {
    const api = new OrdersApi(t);
    // Warm the read model, so an order can be placed while the broker is away.
    await api.waitForStatus((await api.place(ORDER.items)).id, 'CONFIRMED');
    expect((await t.http().get('/health/ready').expect(200)).body.status).toBe('ok');
    expect((await t.http().get('/health').expect(200)).body.status).toBe('ok');
    const [mark, jsonMark] = [logs.lines.length, json.log.length];
    let during: string;
    try {
      await node.stopApp();
      const down = await waitFor(
        async () => t.http().get('/health/ready'),
        (r) => r.status === 503,
        { what: 'ready to turn 503' },
      );
      expect(down.body.error).toMatchObject({ broker: { status: 'down' } });
      expect((await t.http().get('/health/live').expect(200)).body.status).toBe('ok');
      expect((await t.http().get('/health').expect(503)).body).toMatchObject({
        status: 'degraded',
        brokerConnected: false,
      });
      await waitFor(
        async () => json.http().get('/health/ready'),
        (r) => r.status === 503,
        { what: 'the JSON process to turn 503' },
      );
      // Accepted while the broker is away; its events wait, and soon wait too long.
      during = (await api.place(ORDER.items)).id;
      const stale = await waitFor(
        async () => (await t.http().get('/health/ready')).body,
        (b) => b.error?.outbox?.status === 'down',
        { what: 'the outbox age rule to fail' },
      );
      expect(stale.error.outbox.detail).toMatch(
        /oldest unsent event waits \d+\.\d s \(limit 3 s\)/,
      );
    } finally {
      await node.startApp();
    }
    await waitFor(
      async () => (await t.http().get('/health/ready')).status,
      (s) => s === 200,
      { timeoutMs: 30_000, what: 'ready again once the broker is back' },
    );
    await waitFor(
      async () => (await json.http().get('/health/ready')).status,
      (s) => s === 200,
      { timeoutMs: 30_000, what: 'the JSON process ready again' },
    );
    await api.waitForStatus(during, 'CONFIRMED', 30_000);

    // One line when it broke, at most a summary, one when it came back; no stack, ever.
    const texts = logs.lines.slice(mark).map((l) => l.text);
    const count = (re: RegExp, lines: string[]) => lines.filter((l) => re.test(l)).length;
    expect(count(/Lost the connection to RabbitMQ/, texts)).toBe(1);
    expect(count(/RabbitMQ still unreachable/, texts)).toBeLessThanOrEqual(1);
    expect(
      count(/Reconnected to RabbitMQ at .* after \d+\.\d s \(\d+ failed attempts\)/, texts),
    ).toBe(1);
    // Nothing at error level; the warnings are the broker's own lines (a relay batch caught just
    // before the drop may add one), never one per retry.
    const loud = logs.lines.slice(mark).filter((l) => l.level !== 'log' && l.level !== 'debug');
    expect(loud.filter((l) => l.level === 'error')).toEqual([]);
    expect(loud.length).toBeLessThanOrEqual(3);
    expect(logs.stacks).toEqual([]);
    const after = jsonLines(jsonMark);
    const msgs = after.map((l) => l.msg ?? '');
    expect(count(/^Lost the connection to RabbitMQ/, msgs)).toBe(1);
    expect(count(/^Reconnected to RabbitMQ/, msgs)).toBe(1);
    expect(after.filter((l) => l.err !== undefined || /\n\s+at /.test(l.msg ?? ''))).toEqual([]);
  });
});
