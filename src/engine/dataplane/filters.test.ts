import { describe, expect, it } from 'vitest';
import {
  applyHeaderModifier,
  computeRedirect,
  corsActual,
  corsPreflight,
  corsSpec,
  headerMapFrom,
  headerModifierSpec,
  headerRecord,
  mirrorPercent,
  originAllowed,
  replacePrefix,
} from './filters.ts';

describe('ReplacePrefixMatch (§7.4): every row of the table', () => {
  it.each([
    ['/foo/bar', '/foo', '/xyz', '/xyz/bar'],
    ['/foo/bar', '/foo', '/xyz/', '/xyz/bar'],
    ['/foo/bar', '/foo/', '/xyz', '/xyz/bar'],
    ['/foo/bar', '/foo/', '/xyz/', '/xyz/bar'],
    ['/foo', '/foo', '/xyz', '/xyz'],
    ['/foo/', '/foo', '/xyz', '/xyz/'],
    ['/foo/bar', '/foo', '', '/bar'],
    ['/foo/', '/foo', '', '/'],
    ['/foo', '/foo', '', '/'],
    ['/foo/', '/foo', '/', '/'],
    ['/foo', '/foo', '/', '/'],
    ['/prefix/one/two', '/prefix/one', '/one', '/one/two'],
    ['/strip-prefix/three', '/strip-prefix', '/', '/three'],
    ['/strip-prefix', '/strip-prefix', '/', '/'],
    [
      '/prefix/rewrite-path-and-modify-headers/one',
      '/prefix/rewrite-path-and-modify-headers',
      '/prefix',
      '/prefix/one',
    ],
    ['/foo', '/', '/xyz', '/xyz/foo'],
    ['/api', '/api/', '/v2/', '/v2'],
    ['/api/', '/api/', '/v2/', '/v2/'],
    ['/api/users', '/api/', '/v2/', '/v2/users'],
  ])('%s with prefix %s → %s gives %s', (path, prefix, repl, want) => {
    expect(replacePrefix(path, prefix, repl)).toBe(want);
  });
});

describe('RequestRedirect (§7.3): the port-defaulting table', () => {
  const base = { scheme: 'http', host: 'gw.example', fallbackHost: 'gw', path: '/p', query: '', prefix: undefined };
  it.each([
    [80, 'http', { hostname: 'example.org' }, 'http://example.org/p'],
    [80, 'http', { port: 8080, hostname: 'example.org' }, 'http://example.org:8080/p'],
    [80, 'http', { scheme: 'https', port: 8443, hostname: 'example.org' }, 'https://example.org:8443/p'],
    [8080, 'http', { hostname: 'example.org' }, 'http://example.org:8080/p'],
    [8080, 'http', { hostname: 'example.org', port: 80 }, 'http://example.org/p'],
    [8080, 'http', { hostname: 'example.org', scheme: 'https' }, 'https://example.org/p'],
    [443, 'https', { hostname: 'example.org' }, 'https://example.org/p'],
    [443, 'https', { hostname: 'example.org', port: 8443 }, 'https://example.org:8443/p'],
    [443, 'https', { hostname: 'example.org', scheme: 'http' }, 'http://example.org/p'],
    [443, 'https', { hostname: 'example.org', scheme: 'http', port: 8080 }, 'http://example.org:8080/p'],
    [80, 'http', { scheme: 'https' }, 'https://gw.example/p'],
    [80, 'http', { port: 8083 }, 'http://gw.example:8083/p'],
  ])('listener :%s (%s) %j → %s', (listenerPort, scheme, f, want) => {
    const r = computeRedirect(f, { ...base, scheme, listenerPort });
    expect(r.location).toBe(want);
    expect(r.status).toBe(302);
  });
  it('statusCode, path modifiers and the query (SD: kept)', () => {
    const r = computeRedirect(
      { statusCode: 301, path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/replacement-prefix' } },
      { ...base, listenerPort: 80, path: '/original-prefix/lemon', query: 'a=1', prefix: '/original-prefix' },
    );
    expect(r.status).toBe(301);
    expect(r.location).toBe('http://gw.example/replacement-prefix/lemon?a=1');
    const f = computeRedirect(
      { path: { type: 'ReplaceFullPath', replaceFullPath: '/full-path-replacement' } },
      { ...base, listenerPort: 80, path: '/full/path/original' },
    );
    expect(f.location).toBe('http://gw.example/full-path-replacement');
  });
  it('falls back to the gateway address when the request has no Host', () => {
    expect(computeRedirect({}, { ...base, host: '', listenerPort: 80 }).location).toBe('http://gw/p');
  });
});

describe('header modifiers (§7.2)', () => {
  it('set / add / remove, case-insensitively; add appends', () => {
    const h = headerMapFrom([
      ['x-header-set', 'original-val-set'],
      ['x-header-add', 'original-val-add'],
      ['x-header-remove', 'original-val-remove'],
    ]);
    applyHeaderModifier(
      h,
      headerModifierSpec({
        set: [{ name: 'X-Header-Set', value: 'header-set' }],
        add: [{ name: 'X-Header-Add', value: 'header-add' }],
        remove: ['X-Header-Remove'],
      }),
    );
    expect(headerRecord(h)).toEqual({ 'x-header-set': 'header-set', 'x-header-add': 'original-val-add,header-add' });
  });
});

describe('mirror share (§7.5)', () => {
  it('percent, fraction (denominator default 100), default 100', () => {
    expect(mirrorPercent({ percent: 20 })).toBe(20);
    expect(mirrorPercent({ fraction: { numerator: 25, denominator: 50 } })).toBe(50);
    expect(mirrorPercent({ fraction: { numerator: 35 } })).toBe(35);
    expect(mirrorPercent({})).toBe(100);
  });
});

describe('CORS (§7.6)', () => {
  const one = corsSpec({
    allowOrigins: ['https://www.foo.com', 'https://*.bar.com'],
    allowMethods: ['GET', 'OPTIONS'],
    allowHeaders: ['x-header-1', 'x-header-2'],
    exposeHeaders: ['x-header-3', 'x-header-4'],
    allowCredentials: true,
    maxAge: 3600,
  });
  it('origin matching: scheme, host, port; wildcard over one or more labels', () => {
    expect(originAllowed(one, 'https://www.foo.com')).toBe(true);
    expect(originAllowed(one, 'https://www.foo.com:443')).toBe(true);
    expect(originAllowed(one, 'http://www.foo.com')).toBe(false);
    expect(originAllowed(one, 'https://www.bar.com')).toBe(true);
    expect(originAllowed(one, 'https://xpto.www.bar.com')).toBe(true);
    expect(originAllowed(one, 'https://bar.com')).toBe(false);
    expect(originAllowed(one, 'https://foobar.com')).toBe(false);
  });
  it('preflight allowed: all allow headers', () => {
    const p = corsPreflight(one, 'https://xpto.www.bar.com', 'GET', 'x-header-1, x-header-2');
    expect(p.allowed).toBe(true);
    expect([200, 204]).toContain(p.status);
    expect(p.headers).toEqual({
      'access-control-allow-origin': 'https://xpto.www.bar.com',
      'access-control-allow-methods': 'GET, OPTIONS',
      'access-control-allow-headers': 'x-header-1, x-header-2',
      'access-control-expose-headers': 'x-header-3, x-header-4',
      'access-control-max-age': '3600',
      'access-control-allow-credentials': 'true',
    });
  });
  it('preflight from a foreign origin: 403 without CORS headers', () => {
    const p = corsPreflight(one, 'https://foobar.com', 'GET', undefined);
    expect(p.status).toBe(403);
    expect(p.headers).toEqual({});
  });
  it('wildcard methods: the requested method; no credentials header unless configured', () => {
    const p = corsPreflight(
      corsSpec({ allowOrigins: ['https://www.foo.com'], allowMethods: ['*'] }),
      'https://www.foo.com',
      'POST',
      undefined,
    );
    expect(p.headers['access-control-allow-methods']).toBe('POST');
    expect(p.headers['access-control-allow-credentials']).toBeUndefined();
    expect(p.headers['access-control-max-age']).toBe('5');
  });
  it('all wildcards with credentials: echo origin, method and headers', () => {
    const s = corsSpec({ allowOrigins: ['*'], allowMethods: ['*'], allowHeaders: ['*'], allowCredentials: true });
    const p = corsPreflight(s, 'https://other.foo.com', 'PUT', 'x-header-1, x-header-2');
    expect(p.headers['access-control-allow-origin']).toBe('https://other.foo.com');
    expect(p.headers['access-control-allow-methods']).toBe('PUT');
    expect(p.headers['access-control-allow-headers']).toBe('x-header-1, x-header-2');
    expect(p.headers['access-control-allow-credentials']).toBe('true');
  });
  it('actual requests: ACAO (and ACAC) for allowed origins only', () => {
    expect(corsActual(one, 'https://www.bar.com')).toMatchObject({
      'access-control-allow-origin': 'https://www.bar.com',
      'access-control-allow-credentials': 'true',
    });
    expect(corsActual(one, 'https://foobar.com')).toBeUndefined();
  });
});
