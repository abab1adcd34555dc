// Property tests: simulate never throws; shares of a rule's backends sum to 1; results are deterministic;
// explain does not change the decision; the hostname-indexed tables pick what a brute-force scan with
// the §6.4 comparator picks.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimRequest } from '../types.ts';
import { httpTable, tablesOf } from './compile.ts';
import { type FxRoute, fixtureAnalysis } from './fixture.ts';
import { bestMatchingHostname, hostMatches } from './hostname.ts';
import { simulate, simulateMany } from './index.ts';
import { testHttpMatch } from './match.ts';
import { comparePrecedence, withHostname } from './precedence.ts';
import { normalizeRequest } from './request.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const seg = fc.constantFrom('a', 'b', 'v2', 'api', 'x');
const pathArb = fc.array(seg, { maxLength: 3 }).map((s) => `/${s.join('/')}`);
const hostArb = fc.constantFrom('a.example.com', 'b.example.com', 'x.a.example.com', 'example.com', 'other.org', '');
const routeHostArb = fc.constantFrom('a.example.com', '*.example.com', '*.a.example.com', 'example.com', 'other.org');
const headerName = fc.constantFrom('version', 'color');
const headerVal = fc.constantFrom('one', 'two');

const matchArb = fc.record(
  {
    path: fc.oneof(
      fc.record({ type: fc.constant('PathPrefix'), value: pathArb }),
      fc.record({ type: fc.constant('Exact'), value: pathArb }),
      fc.record({
        type: fc.constant('RegularExpression'),
        value: fc.constantFrom('/a.*', '/(a|b)/x', '.*', '/v[0-9]+(/.*)?', '('),
      }),
    ),
    headers: fc.array(fc.record({ name: headerName, value: headerVal }), { maxLength: 2 }),
    queryParams: fc.array(fc.record({ name: fc.constantFrom('q', 'Q'), value: headerVal }), { maxLength: 1 }),
    method: fc.constantFrom('GET', 'POST'),
  },
  { requiredKeys: [] },
);

const routeArb = (i: number): fc.Arbitrary<FxRoute> =>
  fc
    .record({
      hostnames: fc.array(routeHostArb, { maxLength: 2 }),
      ns: fc.constantFrom('default', 'team'),
      rules: fc.array(
        fc.record({
          matches: fc.array(matchArb, { maxLength: 2 }),
          backendRefs: fc.array(
            fc.record({ name: fc.constantFrom('s1', 's2', 's3'), weight: fc.nat(5), valid: fc.boolean() }),
            { maxLength: 3 },
          ),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    })
    .map((r) => ({
      name: `r${i}`,
      namespace: r.ns,
      hostnames: [...new Set(r.hostnames)],
      rules: r.rules.map((x) => ({ matches: x.matches, backendRefs: x.backendRefs.map((b) => ({ ...b, port: 80 })) })),
    }));

const scenarioArb = fc
  .integer({ min: 1, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => routeArb(i))))
  .chain((routes) =>
    fc.record({
      routes: fc.constant(routes),
      listenerHost: fc.constantFrom(undefined, '*.example.com', 'a.example.com'),
      partition: fc.boolean(),
    }),
  );

const requestArb: fc.Arbitrary<SimRequest> = fc.record(
  {
    host: hostArb,
    path: fc.tuple(pathArb, fc.constantFrom('', '?q=one', '?Q=two&q=two')).map(([p, q]) => p + q),
    method: fc.constantFrom('GET', 'POST', 'OPTIONS'),
    headers: fc.dictionary(headerName, headerVal, { maxKeys: 2 }),
    protocol: fc.constantFrom('HTTP', 'HTTPS', 'GRPC', 'TLS', 'TCP', 'UDP'),
    port: fc.constantFrom(80, 443, 8080),
  },
  { requiredKeys: ['host', 'path'] },
);

function build(s: { routes: FxRoute[]; listenerHost: string | undefined; partition: boolean }) {
  return fixtureAnalysis(
    [
      {
        name: 'gw',
        listeners: [
          { name: 'http', port: 80, protocol: 'HTTP', ...(s.listenerHost ? { hostname: s.listenerHost } : {}) },
        ],
      },
    ],
    s.routes,
    { decisions: { hostnamePrecedence: s.partition ? 'partition' : 'rank' } },
  );
}

describe('simulate properties', () => {
  it('never throws; shares sum to 1; deterministic; explain does not change the decision', () => {
    fc.assert(
      fc.property(scenarioArb, requestArb, (s, req) => {
        const a = build(s);
        const t = simulate(a, req);
        expect([
          'forward',
          'redirect',
          'response',
          'not-found',
          'misdirected',
          'no-listener',
          'rejected',
          'error',
        ]).toContain(t.outcome.kind);
        expect(t.outcome.reason).not.toMatch(/Internal error/);
        if (t.backends.length) {
          const sum = t.backends.reduce((x, b) => x + b.share, 0);
          const anyWeight = t.backends.some((b) => b.weight > 0);
          expect(Math.abs(sum - (anyWeight ? 1 : 0))).toBeLessThan(1e-9);
        }
        const again = simulate(a, req);
        expect(JSON.stringify(again)).toBe(JSON.stringify(t));
        const fast = simulate(build(s), req, { explain: false });
        expect(fast.outcome).toEqual(t.outcome);
        expect(fast.route).toEqual(t.route);
        expect(fast.backends).toEqual(t.backends);
        expect(simulateMany(a, req, 50, 3)).toEqual(simulateMany(a, req, 50, 3));
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('the indexed tables pick what a brute-force §6.4 scan picks (rank mode)', () => {
    fc.assert(
      fc.property(scenarioArb, requestArb, (s, r0) => {
        const req: SimRequest = { ...r0, protocol: 'HTTP', port: 80 };
        const a = build({ ...s, partition: false });
        const t = simulate(a, req, { explain: false });
        const n = normalizeRequest(req);
        const lt = tablesOf(a).byKey.get('default/gw')!.ports.get(80)!.http[0]!;
        if (!hostMatches(lt.l.hostname, n.host)) return;
        const all = [...httpTable(tablesOf(a), lt).buckets.values()].flat();
        let best: { key: ReturnType<typeof withHostname>; e: (typeof all)[0] } | undefined;
        for (const e of all) {
          const hs = e.attached.hostnames.length ? e.attached.hostnames : [null];
          const h = bestMatchingHostname(hs, n.host);
          if (!h || !testHttpMatch(e.m, n)) continue;
          const key = withHostname(e.key, h.pattern);
          if (!best || comparePrecedence(key, best.key) < 0) best = { key, e };
        }
        if (!best) expect(t.outcome.kind).toBe('not-found');
        else
          expect(t.route).toMatchObject({
            namespace: best.e.route.namespace,
            name: best.e.route.name,
            rule: best.e.ruleIndex,
          });
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
