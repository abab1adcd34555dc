import { describe, expect, it } from 'vitest';
import { baseTrace, invalidShareTrace, splitTrace } from './fixtures.ts';
import { listenerWhy, percent, verdictOf } from './verdict.ts';

describe('verdictOf', () => {
  it('names the backend a request is forwarded to', () => {
    expect(verdictOf(baseTrace()).headline).toBe('Forwarded to default/foo-v2:8080');
    expect(verdictOf(splitTrace()).headline).toBe('Forwarded to default/stable:80 (90 %), default/canary:80 (10 %)');
  });
  it('shows the failing share of invalid backends', () => {
    const v = verdictOf(invalidShareTrace());
    expect(v.headline).toBe('Forwarded to default/a:80 (75 %); 25 % answered 500');
    expect(v.tone).toBe('warn');
    const tcp = invalidShareTrace();
    tcp.request = { protocol: 'TCP', port: 5000 };
    expect(verdictOf(tcp).headline).toBe('Connection forwarded to default/a:80 (75 %); 25 % of connections refused');
  });
  it('writes every outcome kind', () => {
    const o = (outcome: Parameters<typeof baseTrace>[0]) => verdictOf(baseTrace(outcome)).headline;
    expect(
      o({ outcome: { kind: 'redirect', status: 302, location: 'https://foo.example.com/bar', reason: 'r' } }),
    ).toBe('Redirect 302 → https://foo.example.com/bar');
    expect(o({ outcome: { kind: 'not-found', status: 404, reason: 'r' } })).toBe('404 no route matched');
    expect(o({ outcome: { kind: 'misdirected', status: 421, reason: 'r' } })).toBe('421 Misdirected Request');
    expect(
      verdictOf(baseTrace({ request: { port: 8080 }, outcome: { kind: 'no-listener', reason: 'r' } })).headline,
    ).toBe('No listener on port 8080');
    expect(o({ outcome: { kind: 'error', status: 500, reason: 'no backendRefs' } })).toBe('500 Internal Server Error');
    expect(verdictOf(baseTrace({ outcome: { kind: 'error', status: 500, reason: 'no backendRefs' } })).detail).toBe(
      'no backendRefs',
    );
    const grpc = { protocol: 'GRPC' as const, grpc: { service: 's', method: 'm' } };
    expect(
      verdictOf(baseTrace({ request: grpc, outcome: { kind: 'not-found', grpcStatus: 'UNIMPLEMENTED', reason: 'r' } }))
        .headline,
    ).toBe('UNIMPLEMENTED: no route matched');
    expect(
      verdictOf(baseTrace({ request: { protocol: 'TCP' }, outcome: { kind: 'rejected', reason: 'r' } })).headline,
    ).toBe('Connection rejected');
    expect(
      verdictOf(baseTrace({ request: { protocol: 'UDP' }, outcome: { kind: 'rejected', reason: 'r' } })).headline,
    ).toBe('Datagram dropped');
  });
  it('formats exact percentages', () => {
    expect(percent(1 / 3)).toBe('33.33 %');
    expect(percent(0.1)).toBe('10 %');
    expect(percent(0.005)).toBe('0.5 %');
    expect(percent(2 / 3)).toBe('66.67 %');
    expect(percent(1)).toBe('100 %');
    expect(percent(0)).toBe('0 %');
    expect(percent(0.12345)).toBe('12.35 %');
    expect(percent(0.0001)).toBe('0.01 %');
  });
});

describe('listenerWhy', () => {
  it('explains hostname specificity', () => {
    const t = baseTrace({ listener: { name: 'w', port: 80, protocol: 'HTTP', hostname: '*.example.com' } });
    expect(listenerWhy(t)[1]).toContain('wildcard hostname *.example.com matches the Host "foo.example.com"');
    const e = baseTrace({ listener: { name: 'e', port: 80, protocol: 'HTTP', hostname: 'foo.example.com' } });
    expect(listenerWhy(e)[1]).toContain('exact hostname');
  });
});
