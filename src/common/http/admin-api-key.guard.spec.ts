import { ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { ADMIN_UNLESS_QUERY, AdminApiKeyGuard } from './admin-api-key.guard';

// Wrapped (not replaced) so the test can see what the guard compares.
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const KEY = 'admin-key-0123456789';

function contextFor(
  authorization: string | undefined,
  { query = {}, scopedBy }: { query?: Record<string, unknown>; scopedBy?: string } = {},
) {
  const headers: Record<string, string> = {};
  const handler = () => undefined;
  if (scopedBy) Reflect.defineMetadata(ADMIN_UNLESS_QUERY, scopedBy, handler);
  const req = {
    query,
    header: (name: string) => (name === 'authorization' ? authorization : undefined),
  };
  const res = { setHeader: (name: string, value: string) => (headers[name] = value) };
  const context = {
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
    getHandler: () => handler,
    getClass: () => class {},
  } as unknown as ExecutionContext;
  return { context, headers };
}

function guard(adminApiKey: string | undefined): AdminApiKeyGuard {
  return new AdminApiKeyGuard(Object.assign(new AppConfig(), { adminApiKey }), new Reflector());
}

describe('AdminApiKeyGuard', () => {
  it('lets the right key through as a Bearer credential, whatever the scheme case', () => {
    expect(guard(KEY).canActivate(contextFor(`Bearer ${KEY}`).context)).toBe(true);
    expect(guard(KEY).canActivate(contextFor(`bearer ${KEY}`).context)).toBe(true);
  });

  it.each([
    ['the bare key', KEY],
    ['another scheme', `Basic ${KEY}`],
    ['no header', undefined],
    ['an empty Bearer', 'Bearer '],
    ['a shorter key', `Bearer ${KEY.slice(0, -1)}`],
    ['a longer key', `Bearer ${KEY}x`],
    ['a same-length wrong key', `Bearer ${KEY.replace('a', 'b')}`],
    ['the key with a suffix after a space', `Bearer ${KEY} extra`],
  ])('refuses %s with 401 and a Bearer challenge', (_name, authorization) => {
    const { context, headers } = contextFor(authorization);
    expect(() => guard(KEY).canActivate(context)).toThrow(UnauthorizedException);
    expect(headers['WWW-Authenticate']).toBe('Bearer');
  });

  it('compares fixed-length SHA-256 digests, so a wrong length is not refused early', () => {
    const compare = jest.mocked(timingSafeEqual);
    for (const given of ['x', KEY, `${KEY}${'y'.repeat(500)}`]) {
      compare.mockClear();
      try {
        guard(KEY).canActivate(contextFor(`Bearer ${given}`).context);
      } catch {
        // refusals are covered above; here only the comparison matters
      }
      expect(compare).toHaveBeenCalledTimes(1);
      const [a, b] = compare.mock.calls[0] as [Buffer, Buffer];
      expect([a.length, b.length]).toEqual([32, 32]);
      expect(b).toEqual(createHash('sha256').update(KEY).digest());
    }
  });

  it('answers 403 while ADMIN_API_KEY is unset, even for a plausible key', () => {
    expect(() => guard(undefined).canActivate(contextFor(`Bearer ${KEY}`).context)).toThrow(
      ForbiddenException,
    );
  });

  describe('on a route scoped by a query field', () => {
    const scoped = (query: Record<string, unknown>, authorization?: string) =>
      contextFor(authorization, { query, scopedBy: 'orderId' }).context;

    it('is public when the field is given (its shape is the route validation’s job)', () => {
      expect(guard(KEY).canActivate(scoped({ orderId: 'anything' }))).toBe(true);
    });

    it.each([
      ['absent', {}],
      ['empty', { orderId: '' }],
      ['repeated', { orderId: ['a', 'b'] }],
    ])('takes the admin key when the field is %s', (_name, query) => {
      expect(() => guard(KEY).canActivate(scoped(query))).toThrow(UnauthorizedException);
      expect(guard(KEY).canActivate(scoped(query, `Bearer ${KEY}`))).toBe(true);
    });
  });
});
