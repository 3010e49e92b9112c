import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { Registry } from 'prom-client';
import { HttpMetrics, UNMATCHED_ROUTE, routeOf } from './http.metrics';

const request = (over: Partial<Request>) => ({ method: 'GET', baseUrl: '', ...over }) as Request;

describe('HttpMetrics', () => {
  it('labels a request with the route pattern it matched, never its URL', () => {
    expect(routeOf(request({ route: { path: '/orders/:id' }, url: '/orders/42' }))).toBe(
      '/orders/:id',
    );
    expect(routeOf(request({ route: { path: '/:id' }, baseUrl: '/orders' }))).toBe('/orders/:id');
    expect(routeOf(request({ url: '/nowhere/42' }))).toBe(UNMATCHED_ROUTE);
  });

  it('times a request once its response is over', async () => {
    const registry = new Registry();
    const metrics = new HttpMetrics(registry);
    const res = Object.assign(new EventEmitter(), { statusCode: 202 }) as unknown as Response;
    const req = request({ method: 'POST' });
    const next = jest.fn();

    metrics.middleware(req, res, next);
    expect(next).toHaveBeenCalledTimes(1);
    // Routing happens after this middleware: the route is read when the response ends.
    req.route = { path: '/orders' };
    res.emit('close');
    res.emit('close');

    const text = await registry.metrics();
    expect(text).toContain(
      'http_request_duration_seconds_count{method="POST",route="/orders",status="202"} 1',
    );
  });
});
