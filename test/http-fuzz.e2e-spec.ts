import fc from 'fast-check';
import type { Response } from 'supertest';
import {
  contentType,
  headerValue,
  pathSegment,
  queryString,
  rawBody,
} from './support/http-arbitraries';
import { leaks } from './support/problem';
import { TestApp, startTestApp } from './support/test-app';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = Number(process.env.FUZZ_RUNS ?? 800);
/** Shared by all routes; each route stops early when its share is spent. */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 30_000);

type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';
interface Route {
  method: Method;
  path: string;
}

interface Sent {
  method: Method;
  url: string;
  body?: string;
  headers: Record<string, string>;
}

const request = (route: Route) =>
  fc.record({
    segments: fc.array(pathSegment, { minLength: 4, maxLength: 4 }),
    query: queryString,
    body: route.method === 'get' || route.method === 'delete' ? fc.constant(undefined) : rawBody,
    contentType,
    idempotencyKey: fc.option(fc.oneof(fc.uuid().map(String), headerValue), { freq: 2 }),
    correlationId: fc.option(headerValue),
    authorization: fc.option(
      fc.oneof(
        fc.constant('admin'),
        headerValue,
        headerValue.map((v) => `Bearer ${v}`),
      ),
    ),
  });
type Generated = ReturnType<typeof request> extends fc.Arbitrary<infer T> ? T : never;

/** What a response must never be, whatever was sent. */
function violation(res: Response): string | undefined {
  if (res.status >= 500) return `answered ${res.status}`;
  const leak = leaks(res.text ?? '');
  if (leak) return `leaked ${JSON.stringify(leak)}`;
  if (res.status < 400) return undefined;
  if (!/^application\/problem\+json/.test(res.headers['content-type'] ?? ''))
    return `error as ${res.headers['content-type']}`;
  const b = res.body as Record<string, unknown>;
  if (b.status !== res.status || typeof b.code !== 'string' || typeof b.detail !== 'string')
    return 'error body is not a problem';
  if (!b.correlationId || b.correlationId !== res.headers['x-correlation-id'])
    return 'problem without the correlation id';
  return undefined;
}

describe('HTTP fuzzing: no input yields a 5xx, a non-problem error, or a leak', () => {
  let t: TestApp;
  let routes: Route[];
  const counts: Record<string, { runs: number; statuses: Record<number, number> }> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const doc = (await t.http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => ({ method: method as Method, path })),
    );
    // Paths no route declares, with every method.
    routes.push(
      ...(['get', 'post', 'put', 'delete', 'patch'] as const).map((method) => ({
        method,
        path: '/{any}/{any}',
      })),
    );
  });

  afterAll(async () => {
    console.log(
      `HTTP fuzz seed=${SEED} (FUZZ_SEED; route i uses seed+i), up to ${RUNS} runs per route, ${BUDGET_MS} ms budget\n` +
        Object.entries(counts)
          .map(
            ([route, c]) =>
              `  ${route.padEnd(40)} ${String(c.runs).padStart(4)} runs  ${JSON.stringify(c.statuses)}`,
          )
          .join('\n'),
    );
    await t?.close();
  });

  function build(route: Route, r: Generated): Sent {
    let i = 0;
    const path = route.path.replace(/\{[^}]+\}/g, () => r.segments[i++] ?? 'x');
    const headers: Record<string, string> = {};
    if (r.body !== undefined) headers['Content-Type'] = r.contentType;
    if (r.idempotencyKey !== null) headers['Idempotency-Key'] = r.idempotencyKey;
    if (r.correlationId !== null) headers['X-Correlation-Id'] = r.correlationId;
    if (r.authorization !== null)
      headers.Authorization = r.authorization === 'admin' ? t.admin : r.authorization;
    return {
      method: route.method,
      url: r.query ? `${path}?${r.query}` : path,
      body: r.body,
      headers,
    };
  }

  async function send(s: Sent): Promise<Response> {
    let req = t.http()[s.method](s.url);
    for (const [k, v] of Object.entries(s.headers)) req = req.set(k, v);
    return s.body === undefined ? req : req.send(s.body);
  }

  it('answers every generated request to every route safely', async () => {
    const started = Date.now();
    const failures: string[] = [];
    for (const [index, route] of routes.entries()) {
      const name = `${route.method.toUpperCase()} ${route.path}`;
      const stats = (counts[name] ??= { runs: 0, statuses: {} });
      const share = (BUDGET_MS - (Date.now() - started)) / (routes.length - index);
      const details = await fc.check(
        fc.asyncProperty(request(route), async (r) => {
          const res = await send(build(route, r));
          stats.runs++;
          stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
          const problem = violation(res);
          if (problem) throw new Error(`${problem}: ${res.text?.slice(0, 500)}`);
        }),
        {
          seed: SEED + index,
          numRuns: RUNS,
          interruptAfterTimeLimit: Math.max(share, 200),
          markInterruptAsFailure: false,
        },
      );
      if (details.failed) {
        const sent = details.counterexample ? build(route, details.counterexample[0]) : undefined;
        failures.push(
          `${name}: ${(details.errorInstance as Error)?.message}\n  shrunk request: ${JSON.stringify(sent)?.slice(0, 1500)}`,
        );
      }
    }
    expect(failures).toEqual([]);
    const health = await t.http().get('/health');
    expect([health.status, health.body.status]).toEqual([200, 'ok']);
  });
});
