import { describe, expect, it } from 'vitest';
import { filterChip, listenerLine, pct, shortMatch, shortMatches, timeoutsText } from './format.ts';

describe('short match text', () => {
  it('joins path, method, headers and query params', () => {
    expect(shortMatch({ path: { type: 'PathPrefix', value: '/v2' }, headers: [{ name: 'version', value: '2' }] })).toBe(
      'PathPrefix /v2 · header version=2',
    );
    expect(
      shortMatch({
        path: { type: 'RegularExpression', value: '/a.*' },
        method: 'POST',
        queryParams: [{ type: 'RegularExpression', name: 'q', value: 'x+' }],
      }),
    ).toBe('Regex /a.* · POST · query q~x+');
  });
  it('reads gRPC method matches', () => {
    expect(shortMatch({ method: { service: 'pkg.Svc', method: 'Get' } })).toBe('gRPC pkg.Svc/Get');
    expect(shortMatch({ method: { service: 'pkg.Svc' } })).toBe('gRPC pkg.Svc/*');
  });
  it('calls an empty match and no matches "any"', () => {
    expect(shortMatch({})).toBe('any');
    expect(shortMatches(undefined)).toEqual(['any']);
    expect(shortMatches([{ path: { type: 'Exact', value: '/' } }, { method: 'GET' }])).toEqual(['Exact /', 'GET']);
  });
});

describe('chips and facts', () => {
  it('shortens filters', () => {
    expect(filterChip({ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } })).toBe(
      'redirect https 301',
    );
    expect(
      filterChip({ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }),
    ).toBe('rewrite /');
    expect(filterChip({ type: 'RequestHeaderModifier' })).toBe('req headers');
    expect(filterChip({ type: 'SomethingNew' })).toBe('SomethingNew');
  });
  it('formats timeouts, shares and listeners', () => {
    expect(timeoutsText({ request: '10s', backendRequest: '2s' })).toBe('timeout 10s · backend 2s');
    expect(timeoutsText({})).toBeUndefined();
    expect(pct(1)).toBe('100%');
    expect(pct(1 / 3)).toBe('33.3%');
    expect(listenerLine({ protocol: 'HTTPS', port: 443, hostname: '*.example.com', tlsMode: 'Terminate' })).toBe(
      'HTTPS :443 · *.example.com · Terminate',
    );
    expect(listenerLine({ protocol: 'HTTP', port: 80 })).toBe('HTTP :80 · *');
  });
});
