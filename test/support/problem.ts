import type { Response } from 'supertest';

/** What a client may never see in an answer: our source tree, dependencies, or a stack frame. */
export function leaks(text: string): string | undefined {
  const markers = [process.cwd(), '/node_modules/', 'node_modules', '\n    at '];
  const marker = markers.find((m) => text.includes(m));
  if (marker) return marker;
  return /\bat .+\.(js|ts):\d+:\d+/.exec(text)?.[0];
}

/** Asserts an RFC 9457 answer with our stable code and the request's correlation id. */
export function expectProblem(res: Response, status: number, code: string): void {
  const context = `${res.status} ${JSON.stringify(res.body)}`;
  expect([res.status, res.body?.code, context]).toEqual([status, code, context]);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    type: `urn:orderflow:problem:${code}`,
    title: expect.any(String),
    status,
    detail: expect.any(String),
    code,
    correlationId: res.headers['x-correlation-id'],
  });
  expect(res.body.correlationId).toMatch(/\S/);
  expect(res.body).not.toHaveProperty('stack');
  expect(leaks(res.text)).toBeUndefined();
}
