import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import amqp from 'amqplib';
import { AppProcess, buildDist } from './support/app-process';
import { PrivateNode, chownToBrokerUser } from './support/private-broker/private-node';
import { rabbitInstalled } from './support/private-broker/rabbit-tools';
import { describeWhen } from './support/requires';
import { ADMIN_KEY } from './support/test-app';
import { TestSmtpServer } from './support/test-smtp-server';
import { waitFor } from './support/wait-for';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const VHOST = 'orderflow';
const MODULES = ['orders', 'inventory', 'billing', 'notifications'] as const;
type Module = (typeof MODULES)[number];
const STACK_LINE = /^\s+at /m;

/** `npm run broker:permissions -- …`, as an operator runs it. */
function printPermissions(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const cli = 'src/messaging/topology/permissions/print-permissions.ts';
  return run(process.execPath, ['-r', 'ts-node/register/transpile-only', cli, ...args], {
    cwd: ROOT,
  });
}

/** A raw client's publish, and what the broker answered: 'confirmed' or its error. */
async function tryPublish(url: string, exchange: string, key: string): Promise<string> {
  const conn = await amqp.connect(url);
  try {
    const ch = await conn.createConfirmChannel();
    const closed = new Promise<string>((resolve) =>
      ch.on('error', (e: Error) => resolve(e.message)),
    );
    ch.publish(exchange, key, Buffer.from('{}'));
    return await Promise.race([ch.waitForConfirms().then(() => 'confirmed'), closed]);
  } finally {
    await conn.close().catch(() => undefined);
  }
}

/**
 * One RabbitMQ user per module, generated from the code (`npm run broker:permissions`), on a
 * private node without guest; the four modules run as separate processes, each as its own user.
 */
describeWhen(rabbitInstalled(), 'rabbitmq-server')('Least-privilege broker users', () => {
  let node: PrivateNode;
  let smtp: TestSmtpServer;
  let script: string;
  const passwords = new Map<string, string>();
  const apps = {} as Record<Module, AppProcess>;
  const others: AppProcess[] = [];
  let env: Record<string, string>;
  let misconfigured: AppProcess;
  const urlFor = (user: string, vhost = VHOST) => node.url(user, passwords.get(user), vhost);
  const brokerLog = () => readFileSync(join(node.dir, 'log', `${node.node}.log`), 'utf8');
  const count = (text: string, pattern: RegExp) =>
    (text.match(new RegExp(pattern, 'g')) ?? []).length;

  beforeAll(async () => {
    // Assigned before anything else can fail, so afterAll always removes it.
    node = await PrivateNode.start();
    const [, printed, definitions] = await Promise.all([
      buildDist(),
      printPermissions(['--vhost', VHOST]),
      printPermissions(['--vhost', 'defs', '--prefix', 'd.', '--format', 'definitions']),
    ]);
    script = printed.stdout;
    // The printed script as is, its rabbitmqctl pointed at this node.
    const ctl = `rabbitmqctl() { command rabbitmqctl -n '${node.node}' "$@"; }`;
    await run('bash', ['-c', `${ctl}\n${script}`]);
    for (const [, user, password] of script.matchAll(/^rabbitmqctl add_user '(\S+)' '(\S+)'$/gm))
      passwords.set(user, password);
    const file = join(node.dir, 'definitions.json');
    writeFileSync(file, definitions.stdout);
    chownToBrokerUser(file);
    await node.ctl(['import_definitions', file]);
    for (const [, user, password] of definitions.stderr.matchAll(/^password (\S+) (\S+)$/gm))
      passwords.set(user, password);
    await node.ctl(['delete_user', 'guest']);
    smtp = await new TestSmtpServer().start();
    env = {
      NODE_ENV: 'test',
      ADMIN_API_KEY: ADMIN_KEY,
      SMTP_URL: smtp.url,
      RETRY_DELAYS_MS: '100',
    };
    // Billing's code with notifications' user: refused its own queues. Started now, since it
    // waits out the instance lock (10 s) before it even tries them.
    misconfigured = await AppProcess.spawn('billing-as-notifications', {
      ...env,
      APP_MODULES: 'billing',
      AMQP_URL: urlFor('orderflow-notifications'),
    });
    others.push(misconfigured);
    await Promise.all(
      MODULES.map(async (m) => {
        apps[m] = await AppProcess.start(m, {
          ...env,
          APP_MODULES: m,
          AMQP_URL: urlFor(`orderflow-${m}`),
        });
      }),
    );
  }, 90_000);

  afterAll(async () => {
    try {
      await Promise.all([...Object.values(apps), ...others].map((p) => p.kill()));
      await smtp?.stop();
    } finally {
      await node?.remove();
    }
  });

  async function placeOrder(email: string): Promise<string> {
    const res = await waitFor(
      () =>
        apps.orders
          .http()
          .post('/orders')
          .send({
            customerEmail: email,
            items: [{ sku: 'LP-1', quantity: 1 }],
            paymentToken: 'tok_visa',
          }),
      (r) => r.status === 202,
      { what: 'orders to take the order (it learns LP-1 from an event)' },
    );
    return (res.body as { id: string }).id;
  }

  const statusOf = async (id: string) =>
    ((await apps.orders.http().get(`/orders/${id}`)).body as { status: string }).status;

  it('runs the whole flow, each module as its own user, with guest deleted', async () => {
    await apps.inventory
      .http()
      .put('/inventory/products/LP-1')
      .set('Authorization', `Bearer ${ADMIN_KEY}`)
      .send({ name: 'Least privilege', price: 700, stock: 10 })
      .expect(200);
    const id = await placeOrder('lp@example.com');
    await waitFor(
      () => statusOf(id),
      (s) => s === 'CONFIRMED',
      { what: `order ${id} confirmed` },
    );
    await waitFor(
      async () => smtp.mailsFor(id).length,
      (n) => n === 1,
      { what: 'its email' },
    );
    expect(await node.ctl(['list_users', '-q'])).not.toMatch(/^guest\b/m);
    await expect(amqp.connect(node.url('guest', 'guest', VHOST))).rejects.toThrow(
      /ACCESS_REFUSED|403/,
    );
    for (const p of Object.values(apps)) {
      expect(p.log).not.toMatch(/ACCESS_REFUSED/);
      expect(p.log).not.toMatch(/Disconnected from RabbitMQ/);
    }
  });

  it('refuses a module what it does not own: events of others, commands, guessed keys', async () => {
    const own = (m: Module) => urlFor(`orderflow-${m}`);
    const refused = /403 \(ACCESS-REFUSED\)/;
    expect(await tryPublish(own('notifications'), 'orderflow.events', 'payment.succeeded')).toMatch(
      refused,
    );
    // Billing may publish on the events exchange, but only its own routing keys.
    expect(await tryPublish(own('billing'), 'orderflow.events', 'order.confirmed')).toMatch(
      /ACCESS_REFUSED - access to topic 'order.confirmed' in exchange 'orderflow.events'/,
    );
    expect(await tryPublish(own('billing'), 'orderflow.events', 'payment.succeeded')).toBe(
      'confirmed',
    );
    expect(
      await tryPublish(own('billing'), 'orderflow.commands', 'billing.refund-payment'),
    ).toMatch(refused);
    // The definitions file (other vhost, prefix d.) imports too: its users log in with the
    // passwords printed beside it, and get the same refusals.
    expect(
      await tryPublish(
        urlFor('d.orderflow-notifications', 'defs'),
        'd.orderflow.events',
        'payment.succeeded',
      ),
    ).toMatch(/ACCESS_REFUSED - access to exchange 'd.orderflow.events' in vhost 'defs'/);
  });

  it('says once, clearly, when a process runs with another module’s user', async () => {
    const lock = /ACCESS_REFUSED - access to queue 'orderflow.instance-lock.billing'/;
    const queue = /ACCESS_REFUSED - access to queue 'billing.charge-payment'/;
    await waitFor(
      async () => misconfigured.log,
      (l) => queue.test(l),
      {
        timeoutMs: 30_000,
        what: 'the refusal of billing.charge-payment in the log',
      },
    );
    // The broker saw the retries; the app said each refusal once, without a stack.
    const retries = /access_refused: access to queue 'billing.charge-payment'/;
    await waitFor(
      async () => count(brokerLog(), retries),
      (n) => n >= 3,
      {
        what: 'three refused attempts at billing.charge-payment',
      },
    );
    const log = misconfigured.log;
    expect(count(log, lock)).toBe(1);
    expect(count(log, queue)).toBe(1);
    expect(log).toMatch(
      /user 'orderflow-notifications'.*`npm run broker:permissions -- --vhost orderflow`/,
    );
    expect(log).not.toMatch(STACK_LINE);
    expect(log).not.toMatch(/Reopening the channel/);
  });

  it('keeps an event refused by stale permissions in the outbox, says so once, and sends it once granted', async () => {
    await apps.billing.kill();
    // Billing's user as generated before billing announced payment.succeeded.
    await node.ctl([
      'set_topic_permissions',
      '-p',
      VHOST,
      'orderflow-billing',
      'orderflow.events',
      '^(payment\\.failed|payment\\.refunded)$',
      '^$',
    ]);
    const billing = await AppProcess.start('billing-stale', {
      ...env,
      APP_MODULES: 'billing',
      AMQP_URL: urlFor('orderflow-billing'),
    });
    others.push(billing);
    const id = await placeOrder('stale@example.com');
    const refusal =
      /outbox publish refused: ACCESS_REFUSED - access to topic 'payment.succeeded' in exchange 'orderflow.events'/;
    await waitFor(
      async () => billing.log,
      (l) => refusal.test(l),
      { what: 'the refusal in the log' },
    );
    const retries = /access_refused: access to topic 'payment.succeeded'/;
    const before = count(brokerLog(), retries);
    await waitFor(
      async () => count(brokerLog(), retries),
      (n) => n >= before + 2,
      {
        what: 'the relay to retry',
      },
    );
    // The fix the log names: the generated line for billing, applied again.
    const grant = /^rabbitmqctl (set_topic_permissions .* 'orderflow-billing' .*)$/m.exec(
      script,
    )![1];
    await run('bash', ['-c', `rabbitmqctl -n '${node.node}' ${grant}`]);
    await waitFor(
      () => statusOf(id),
      (s) => s === 'CONFIRMED',
      { what: `order ${id} confirmed` },
    );
    await waitFor(
      async () => smtp.mailsFor(id).length,
      (n) => n === 1,
      { what: 'its email' },
    );
    expect(count(billing.log, /ACCESS_REFUSED/)).toBe(1);
    expect(billing.log).toMatch(/`npm run broker:permissions -- --vhost orderflow`/);
    expect(billing.log).toMatch(
      /billing: the broker takes its events again: permitted now, after \d+ refused attempts/,
    );
    expect(billing.log).not.toMatch(STACK_LINE);
    // The refusal closed the publishing channel only, never the connection.
    expect(billing.log).not.toMatch(/Disconnected from RabbitMQ/);
  });
});
