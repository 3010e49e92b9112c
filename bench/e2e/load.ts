import http from 'node:http';

/**
 * Open-model load: request i is due at t0 + i/rate whether or not earlier ones were answered,
 * so a slow server faces a growing queue instead of a politely slowing client (no coordinated
 * omission). Latencies are taken from when a request was due, not when it got a socket.
 * Bounded: exactly rate × duration requests, then it stops.
 */
export interface SentOrder {
  /** Epoch ms at which this POST was due (the "POST" end of every latency). */
  dueAt: number;
  /** Epoch ms at which the 202 (or the error) came back. */
  answeredAt: number;
  status: number;
  /** Order id from a 202. */
  id?: string;
  error?: string;
}

export interface StepOptions {
  baseUrl: string;
  rate: number;
  durationMs: number;
  /** Body of the i-th request (prebuilt strings are cheapest). */
  body: (i: number) => string;
  /** Stop waiting for answers this long after the last request was due. */
  answerTimeoutMs?: number;
}

export interface StepLoad {
  startedAt: number;
  endedAt: number;
  orders: SentOrder[];
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

function post(
  url: URL,
  body: string,
  timeoutMs: number,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

export async function runStep(o: StepOptions): Promise<StepLoad> {
  const url = new URL('/orders', o.baseUrl);
  const total = Math.round((o.rate * o.durationMs) / 1000);
  const interval = 1000 / o.rate;
  const orders: SentOrder[] = new Array(total);
  const answers: Promise<void>[] = [];
  const startedAt = Date.now();
  const t0 = performance.now();
  const timeout = o.answerTimeoutMs ?? 30_000;
  let sent = 0;
  await new Promise<void>((done) => {
    const tick = (): void => {
      const due = Math.min(total, Math.floor((performance.now() - t0) / interval) + 1);
      while (sent < due) {
        const i = sent++;
        const dueAt = startedAt + i * interval;
        answers.push(
          post(url, o.body(i), timeout).then(
            ({ status, text }) => {
              let id: string | undefined;
              if (status === 202) id = (JSON.parse(text) as { id: string }).id;
              orders[i] = { dueAt, answeredAt: Date.now(), status, id };
            },
            (err: Error) => {
              orders[i] = { dueAt, answeredAt: Date.now(), status: 0, error: err.message };
            },
          ),
        );
      }
      if (sent >= total) done();
      else setTimeout(tick, Math.max(0, Math.min(interval, 2)));
    };
    tick();
  });
  const endedAt = startedAt + o.durationMs;
  await Promise.all(answers);
  return { startedAt, endedAt, orders };
}

/** Small JSON request helper for setup calls (product creation). */
export async function request(
  method: string,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}
