import { describe, expect, it } from 'vitest';
import { hostMatches, lookupKeys } from './hostname.ts';
import { normalizeRequest } from './request.ts';
import { pick, prng, shares } from './split.ts';

describe('request defaults (contracts §2)', () => {
  it('port from protocol, method GET, path /', () => {
    const r = normalizeRequest({});
    expect(r.protocol).toBe('HTTP');
    expect(r.port).toBe(80);
    expect(r.method).toBe('GET');
    expect(r.path).toBe('/');
    expect(normalizeRequest({ scheme: 'https' }).port).toBe(443);
    expect(normalizeRequest({ protocol: 'TLS', sni: 'a.b' }).port).toBe(443);
    expect(normalizeRequest({ protocol: 'GRPC', grpc: { service: 's.S', method: 'M' } })).toMatchObject({
      port: 80,
      httpVersion: '2',
      path: '/s.S/M',
      isGrpc: true,
    });
  });
  it('host: case-insensitive, explicit port split off, one trailing dot stripped', () => {
    const r = normalizeRequest({ host: 'Foo.Example.COM.:8080' });
    expect(r.host).toBe('foo.example.com');
    expect(r.hostPort).toBe(8080);
    expect(r.authority).toBe('Foo.Example.COM.:8080');
    expect(normalizeRequest({ host: '[::1]:81' })).toMatchObject({ host: '[::1]', hostPort: 81 });
  });
  it('SNI defaults to the host for HTTPS', () => {
    expect(normalizeRequest({ protocol: 'HTTPS', host: 'A.example.com:443' }).sni).toBe('a.example.com');
    expect(normalizeRequest({ protocol: 'HTTP', host: 'a.example.com' }).sni).toBe('');
  });
  it('no normalisation, with warnings for // /../ %2F', () => {
    const r = normalizeRequest({ path: '/a//b/../c%2Fd?x=1' });
    expect(r.path).toBe('/a//b/../c%2Fd');
    expect(r.query).toBe('x=1');
    expect(r.warnings.join('\n')).toMatch(/"\/\/"/);
    expect(r.warnings.join('\n')).toMatch(/"\/\.\.\/"/);
    expect(r.warnings.join('\n')).toMatch(/%2F/);
  });
  it('headers: object or list form, repeats kept', () => {
    const r = normalizeRequest({
      headers: [
        ['X-A', '1'],
        ['x-a', '2'],
      ],
    });
    expect(r.headers.get('x-a')).toEqual(['1', '2']);
  });
});

describe('hostnames (§6.2)', () => {
  it('wildcards match one or more labels, never the bare suffix', () => {
    expect(hostMatches('*.example.com', 'a.example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'a.b.example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'example.com')).toBe(false);
    expect(hostMatches('*.com', 'example.com')).toBe(true);
    expect(hostMatches(undefined, 'x')).toBe(true);
    expect(hostMatches('a.com', 'b.com')).toBe(false);
  });
  it('lookup keys, most specific first', () => {
    expect(lookupKeys('a.b.example.com')).toEqual(['a.b.example.com', '*.b.example.com', '*.example.com', '*.com', '']);
    expect(lookupKeys('')).toEqual(['']);
  });
});

describe('split and PRNG (§8.1)', () => {
  it('exact fractions; weight 0 gets nothing', () => {
    expect(shares([70, 30, 0])).toEqual([0.7, 0.3, 0]);
    expect(shares([1, 1, 1])).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(shares([0, 0])).toEqual([0, 0]);
  });
  it('pick by cumulative share', () => {
    expect(pick([0.7, 0.3, 0], 0)).toBe(0);
    expect(pick([0.7, 0.3, 0], 0.69)).toBe(0);
    expect(pick([0.7, 0.3, 0], 0.71)).toBe(1);
    expect(pick([0, 0], 0.5)).toBe(-1);
  });
  it('the PRNG is deterministic per seed and in [0, 1)', () => {
    const a = prng(42);
    const b = prng(42);
    for (let i = 0; i < 100; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
    expect(prng(1)()).not.toBe(prng(2)());
  });
});

describe('Host given as a header', () => {
  it('is the authority and is not repeated among the headers', () => {
    const r = normalizeRequest({ headers: { Host: 'A.example.com:8080', 'x-a': '1' } });
    expect(r.host).toBe('a.example.com');
    expect(r.authority).toBe('A.example.com:8080');
    expect(r.headerOrder).toEqual([['x-a', '1']]);
  });
});
