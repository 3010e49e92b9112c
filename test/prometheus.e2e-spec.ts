import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OrdersApi } from './support/orders-api';
import { PrometheusServer, prometheusInstalled } from './support/prometheus-server';
import { describeWhen } from './support/requires';
import { TestApp, startTestApp } from './support/test-app';
import { TestSmtpServer } from './support/test-smtp-server';
import { waitFor } from './support/wait-for';

const DASHBOARD = join(__dirname, '..', 'deploy', 'grafana', 'dashboards', 'orderflow.json');

/** Grafana's own variables, as Grafana would fill them for a 1 s scrape interval. */
const GRAFANA_VARIABLES: Record<string, string> = {
  $__rate_interval: '30s',
  $__interval: '5s',
  $__range: '5m',
};

interface Panel {
  title?: string;
  targets?: Array<{ expr?: string }>;
  panels?: Panel[];
}

/** Every PromQL expression of the dashboard, rows' nested panels included, with its panel. */
function dashboardQueries(): Array<[string, string]> {
  const { panels } = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { panels: Panel[] };
  const walk = (ps: Panel[]): Array<[string, string]> =>
    ps.flatMap((p) => [
      ...(p.targets ?? []).flatMap((t) =>
        t.expr ? [[p.title ?? '', t.expr] as [string, string]] : [],
      ),
      ...walk(p.panels ?? []),
    ]);
  return walk(panels);
}

function forPrometheus(expr: string): string {
  const filled = Object.entries(GRAFANA_VARIABLES).reduce((e, [k, v]) => e.split(k).join(v), expr);
  if (filled.includes('$')) throw new Error(`A dashboard variable the test cannot fill: ${expr}`);
  return filled;
}

const QUERIES = dashboardQueries();

/**
 * The Grafana dashboard against a real Prometheus scraping the app: after an order flow with a
 * retry, a dead letter and a payment timeout, every query of every panel evaluates and has data.
 */
describeWhen(prometheusInstalled(), 'prometheus')(
  'The Grafana dashboard on a real Prometheus',
  () => {
    let smtp: TestSmtpServer;
    let t: TestApp;
    let prometheus: PrometheusServer;

    beforeAll(async () => {
      smtp = await new TestSmtpServer().start();
      t = await startTestApp({
        SMTP_URL: smtp.url,
        RETRY_DELAYS_MS: '100',
        PAYMENT_TIMEOUT_MS: '3000',
      });
      const { port } = t.app.getHttpServer().address() as { port: number };
      prometheus = await PrometheusServer.start([`127.0.0.1:${port}`]);
      const api = new OrdersApi(t);
      await api.createProduct('PROM-A', 990, 100);
      const paid = await api.place([{ sku: 'PROM-A', quantity: 1 }]);
      const failing = await api.place([{ sku: 'PROM-A', quantity: 1 }], 'tok_processingError');
      await api.waitForStatus(paid.id, 'CONFIRMED');
      await api.waitForStatus(failing.id, 'CANCELLED');
    });

    afterAll(async () => {
      await prometheus?.stop();
      await t?.close();
      await smtp?.stop();
    });

    it('scrapes the app', async () => {
      const [target] = await waitFor(
        () => prometheus.targets(),
        (ts) => ts.length === 1 && ts[0].health === 'up',
        { what: 'the app to be scraped', timeoutMs: 20_000 },
      );
      expect(target.lastError).toBe('');
      expect(QUERIES.length).toBeGreaterThanOrEqual(20);
    });

    it.each(QUERIES)('%s: %s', async (_panel, expr) => {
      const query = forPrometheus(expr);
      const first = await prometheus.query(query);
      expect({ status: first.status, error: first.error }).toEqual({
        status: 'success',
        error: undefined,
      });
      // Counters that appear mid-flow need a scrape or two after it before a rate has two points.
      const answer = await waitFor(
        () => prometheus.query(query),
        (a) => a.status === 'success' && (a.data?.result.length ?? 0) > 0,
        { what: `data for ${query}`, timeoutMs: 20_000, intervalMs: 500 },
      );
      expect(answer.data?.result.length).toBeGreaterThan(0);
    });
  },
);
