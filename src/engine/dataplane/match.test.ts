import { describe, expect, it } from 'vitest';
import {
  compileGrpcMatch,
  compileHttpMatch,
  explainHttpMatch,
  prefixMatches,
  type RegexCache,
  testGrpcMatch,
  testHttpMatch,
} from './match.ts';
import { normalizeRequest } from './request.ts';

const cache: RegexCache = new Map();
const m = (spec: unknown) => compileHttpMatch(spec, cache);
const r = (req: Parameters<typeof normalizeRequest>[0]) => normalizeRequest(req);

describe('PathPrefix (§6.3): element-wise, trailing slash ignored', () => {
  it.each([
    ['/abc', '/abc', true],
    ['/abc', '/abc/', true],
    ['/abc', '/abc/def', true],
    ['/abc', '/abcd', false],
    ['/abc/', '/abc', true],
    ['/abc/', '/abcd', false],
    ['/', '/anything', true],
    ['/v2', '/v2example', false],
    ['/foo', '/Foo', false],
  ])('prefix %s vs %s → %s', (prefix, path, want) => {
    expect(testHttpMatch(m({ path: { type: 'PathPrefix', value: prefix } }), r({ path }))).toBe(want);
  });
  it('prefixMatches on the stripped base', () => {
    expect(prefixMatches('', '/')).toBe(true);
    expect(prefixMatches('/a', '/a/b')).toBe(true);
    expect(prefixMatches('/a', '/ab')).toBe(false);
  });
  it('explains element-wise failures', () => {
    expect(explainHttpMatch(m({ path: { type: 'PathPrefix', value: '/v2' } }), r({ path: '/v2example' }))).toMatch(
      /whole path elements/,
    );
  });
});

describe('Exact and RegularExpression paths', () => {
  it('Exact is case-sensitive and slash-sensitive, and ignores the query', () => {
    const e = m({ path: { type: 'Exact', value: '/abc' } });
    expect(testHttpMatch(e, r({ path: '/abc' }))).toBe(true);
    expect(testHttpMatch(e, r({ path: '/abc?x=1' }))).toBe(true);
    expect(testHttpMatch(e, r({ path: '/abc/' }))).toBe(false);
    expect(testHttpMatch(e, r({ path: '/Abc' }))).toBe(false);
  });
  it('RegularExpression is an RE2 full match on the path without query (SD §11.1 #4)', () => {
    const e = m({ path: { type: 'RegularExpression', value: '/api/v[0-9]+' } });
    expect(testHttpMatch(e, r({ path: '/api/v12' }))).toBe(true);
    expect(testHttpMatch(e, r({ path: '/api/v12?x=y' }))).toBe(true);
    expect(testHttpMatch(e, r({ path: '/api/v12/x' }))).toBe(false);
    expect(testHttpMatch(e, r({ path: '/x/api/v1' }))).toBe(false);
    expect(testHttpMatch(m({ path: { type: 'RegularExpression', value: '(?i)/API' } }), r({ path: '/api' }))).toBe(
      true,
    );
  });
  it('an RE2-invalid regex never matches and says why', () => {
    const e = m({ path: { type: 'RegularExpression', value: '/a(?=b)' } });
    expect(e.pathError).toBeTruthy();
    expect(testHttpMatch(e, r({ path: '/ab' }))).toBe(false);
    expect(explainHttpMatch(e, r({ path: '/ab' }))).toMatch(/does not compile/);
  });
});

describe('headers, query params, method', () => {
  it('header names are case-insensitive, values case-sensitive', () => {
    const e = m({ headers: [{ name: 'Version', value: 'one' }] });
    expect(testHttpMatch(e, r({ headers: { version: 'one' } }))).toBe(true);
    expect(testHttpMatch(e, r({ headers: { VERSION: 'one' } }))).toBe(true);
    expect(testHttpMatch(e, r({ headers: { version: 'One' } }))).toBe(false);
    expect(testHttpMatch(e, r({}))).toBe(false);
  });
  it('only the first entry of a duplicated header name counts', () => {
    const e = m({
      headers: [
        { name: 'x', value: 'a' },
        { name: 'X', value: 'b' },
      ],
    });
    expect(e.headers).toHaveLength(1);
    expect(testHttpMatch(e, r({ headers: { x: 'a' } }))).toBe(true);
  });
  it('repeated request headers: any occurrence or the comma-join (SD)', () => {
    const e = m({ headers: [{ name: 'x', value: 'b' }] });
    expect(
      testHttpMatch(
        e,
        r({
          headers: [
            ['x', 'a'],
            ['x', 'b'],
          ],
        }),
      ),
    ).toBe(true);
    const j = m({ headers: [{ name: 'x', value: 'a,b' }] });
    expect(
      testHttpMatch(
        j,
        r({
          headers: [
            ['x', 'a'],
            ['x', 'b'],
          ],
        }),
      ),
    ).toBe(true);
  });
  it('header RegularExpression is a full match', () => {
    const e = m({ headers: [{ type: 'RegularExpression', name: 'x', value: 'v[0-9]' }] });
    expect(testHttpMatch(e, r({ headers: { x: 'v1' } }))).toBe(true);
    expect(testHttpMatch(e, r({ headers: { x: 'v10' } }))).toBe(false);
  });
  it('query names are case-sensitive; the first value counts (SD)', () => {
    const e = m({ queryParams: [{ name: 'animal', value: 'whale' }] });
    expect(testHttpMatch(e, r({ path: '/?animal=whale' }))).toBe(true);
    expect(testHttpMatch(e, r({ path: '/?ANIMAL=whale' }))).toBe(false);
    expect(testHttpMatch(e, r({ path: '/?animal=whale&animal=dog' }))).toBe(true);
    expect(testHttpMatch(e, r({ path: '/?animal=dog&animal=whale' }))).toBe(false);
    expect(testHttpMatch(e, r({ path: '/?animal=whaledolphin' }))).toBe(false);
  });
  it('method is exact; AND within a match', () => {
    const e = m({ method: 'POST', path: { type: 'PathPrefix', value: '/p' }, headers: [{ name: 'v', value: '1' }] });
    expect(testHttpMatch(e, r({ method: 'POST', path: '/p', headers: { v: '1' } }))).toBe(true);
    expect(testHttpMatch(e, r({ method: 'GET', path: '/p', headers: { v: '1' } }))).toBe(false);
    expect(testHttpMatch(e, r({ method: 'POST', path: '/p' }))).toBe(false);
    expect(explainHttpMatch(e, r({ method: 'GET', path: '/p' }))).toBe('method GET is not POST');
  });
});

describe('GRPCRoute method matching (§6.5)', () => {
  const req = (service: string, method: string, headers?: Record<string, string>) =>
    normalizeRequest({ protocol: 'GRPC', grpc: { service, method }, ...(headers ? { headers } : {}) });
  it('Exact on service and method; omitted parts match anything', () => {
    const e = compileGrpcMatch({ method: { service: 'pkg.Svc', method: 'Get' } }, cache);
    expect(testGrpcMatch(e, req('pkg.Svc', 'Get'))).toBe(true);
    expect(testGrpcMatch(e, req('pkg.Svc', 'get'))).toBe(false);
    expect(testGrpcMatch(compileGrpcMatch({ method: { service: 'pkg.Svc' } }, cache), req('pkg.Svc', 'Any'))).toBe(
      true,
    );
    expect(testGrpcMatch(compileGrpcMatch({ method: { method: 'Get' } }, cache), req('other.Svc', 'Get'))).toBe(true);
  });
  it('RegularExpression on each part', () => {
    const e = compileGrpcMatch({ method: { type: 'RegularExpression', service: 'pkg\\..*', method: 'Get.*' } }, cache);
    expect(testGrpcMatch(e, req('pkg.Svc', 'GetAll'))).toBe(true);
    expect(testGrpcMatch(e, req('x.Svc', 'GetAll'))).toBe(false);
  });
  it('headers are ANDed', () => {
    const e = compileGrpcMatch(
      {
        headers: [
          { name: 'version', value: 'two' },
          { name: 'color', value: 'orange' },
        ],
      },
      cache,
    );
    expect(testGrpcMatch(e, req('a.B', 'C', { Version: 'two', Color: 'orange' }))).toBe(true);
    expect(testGrpcMatch(e, req('a.B', 'C', { Version: 'two' }))).toBe(false);
  });
});
