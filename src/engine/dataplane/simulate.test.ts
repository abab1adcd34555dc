import { describe, expect, it } from 'vitest';
import { type FxGateway, type FxRoute, fixtureAnalysis } from './fixture.ts';
import { simulate, simulateMany } from './index.ts';

const GW: FxGateway = { name: 'gw', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] };
const be = (name: string, extra: object = {}) => ({ name, port: 8080, ...extra });
const prefix = (value: string) => ({ path: { type: 'PathPrefix', value } });
const exact = (value: string) => ({ path: { type: 'Exact', value } });
const hdr = (name: string, value: string) => ({ name, value });

function backendOf(a: ReturnType<typeof fixtureAnalysis>, req: Parameters<typeof simulate>[1]) {
  const t = simulate(a, { gateway: 'default/gw', ...req });
  if (t.outcome.kind !== 'forward') return `${t.outcome.kind} ${t.outcome.status ?? ''}`.trim();
  return t.backends.find((b) => b.valid && b.share === Math.max(...t.backends.map((x) => x.share)))?.name;
}

describe('HTTPRoute precedence (§6.4, conformance-derived examples)', () => {
  it('httproute-matching', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        {
          name: 'matching',
          rules: [
            { matches: [prefix('/'), { headers: [hdr('version', 'one')] }], backendRefs: [be('v1')] },
            { matches: [prefix('/v2'), { headers: [hdr('version', 'two')] }], backendRefs: [be('v2')] },
          ],
        },
      ],
    );
    expect(backendOf(a, { path: '/' })).toBe('v1');
    expect(backendOf(a, { path: '/v2/example' })).toBe('v2');
    expect(backendOf(a, { path: '/v2example' })).toBe('v1');
    expect(backendOf(a, { path: '/', headers: { version: 'two' } })).toBe('v2');
    expect(backendOf(a, { path: '/foo/v2/example' })).toBe('v1');
  });
  it('httproute-path-match-order', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        {
          name: 'order',
          rules: [
            { matches: [exact('/match')], backendRefs: [be('v1')] },
            { matches: [exact('/match/exact')], backendRefs: [be('v2')] },
            { matches: [exact('/match/exact/one')], backendRefs: [be('v3')] },
            { matches: [prefix('/match/')], backendRefs: [be('v3')] },
            { matches: [prefix('/match/prefix/')], backendRefs: [be('v1')] },
            { matches: [prefix('/match/prefix/one')], backendRefs: [be('v2')] },
          ],
        },
      ],
    );
    expect(backendOf(a, { path: '/match/exact/one' })).toBe('v3');
    expect(backendOf(a, { path: '/match/exact' })).toBe('v2');
    expect(backendOf(a, { path: '/match' })).toBe('v1');
    expect(backendOf(a, { path: '/match/prefix/one/any' })).toBe('v2');
    expect(backendOf(a, { path: '/match/prefix/any' })).toBe('v1');
    expect(backendOf(a, { path: '/match/any' })).toBe('v3');
  });
  it('httproute-header-matching', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        {
          name: 'h',
          rules: [
            { matches: [{ headers: [hdr('version', 'one')] }], backendRefs: [be('v1')] },
            { matches: [{ headers: [hdr('version', 'two')] }], backendRefs: [be('v2')] },
            { matches: [{ headers: [hdr('version', 'two'), hdr('color', 'orange')] }], backendRefs: [be('v1')] },
            {
              matches: [{ headers: [hdr('color', 'blue')] }, { headers: [hdr('color', 'green')] }],
              backendRefs: [be('v1')],
            },
            {
              matches: [{ headers: [hdr('color', 'red')] }, { headers: [hdr('color', 'yellow')] }],
              backendRefs: [be('v2')],
            },
          ],
        },
      ],
    );
    expect(backendOf(a, { headers: { Version: 'two', Color: 'orange' } })).toBe('v1');
    expect(backendOf(a, { headers: { Version: 'two', Color: 'blue' } })).toBe('v2');
    expect(backendOf(a, { headers: { Color: 'orange' } })).toBe('not-found 404');
    expect(backendOf(a, { headers: { Color: 'green' } })).toBe('v1');
  });
  it('method before headers before query; path before method', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        {
          name: 'm',
          rules: [
            { matches: [{ method: 'PATCH' }], backendRefs: [be('method')] },
            { matches: [prefix('/path5')], backendRefs: [be('path')] },
            { matches: [{ headers: [hdr('version', 'four')] }], backendRefs: [be('header')] },
            { matches: [{ queryParams: [hdr('animal', 'hydra')] }], backendRefs: [be('query')] },
            {
              matches: [{ method: 'POST' }, { method: 'GET', queryParams: [hdr('never', 'x')] }],
              backendRefs: [be('post')],
            },
          ],
        },
      ],
    );
    expect(backendOf(a, { method: 'PATCH', path: '/path5' })).toBe('path');
    expect(backendOf(a, { method: 'PATCH', path: '/', headers: { version: 'four' } })).toBe('method');
    expect(backendOf(a, { path: '/?animal=hydra', headers: { version: 'four' } })).toBe('header');
    expect(backendOf(a, { path: '/?animal=hydra' })).toBe('query');
  });
  it('across routes: hostnames, then age, then namespace/name', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        { name: 'part1', hostnames: ['example.com', 'example.net'], rules: [{ backendRefs: [be('v1')] }] },
        { name: 'part2', hostnames: ['example.com'], rules: [{ matches: [prefix('/v2')], backendRefs: [be('v2')] }] },
      ],
    );
    expect(backendOf(a, { host: 'example.com', path: '/v2' })).toBe('v2');
    expect(backendOf(a, { host: 'example.net', path: '/v2' })).toBe('v1');
    expect(backendOf(a, { host: 'example.com', path: '/' })).toBe('v1');
  });
  it('older route wins on a tie; explain names the step', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        { name: 'b-old', rules: [{ backendRefs: [be('old')] }] },
        { name: 'a-new', rules: [{ backendRefs: [be('new')] }] },
      ],
    );
    const t = simulate(a, { path: '/x' });
    expect(t.route?.name).toBe('b-old');
    const lost = t.candidates.find((c) => c.name === 'a-new');
    expect(lost?.verdict).toBe('lost');
    expect(lost?.why).toMatch(/older route/);
  });
  it('explains the longer prefix', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        {
          name: 'foo',
          rules: [
            { matches: [prefix('/')], backendRefs: [be('a')] },
            { matches: [prefix('/v2/')], backendRefs: [be('b')] },
          ],
        },
      ],
    );
    const t = simulate(a, { path: '/v2/x' });
    expect(t.route).toMatchObject({ name: 'foo', rule: 1, match: 0 });
    expect(t.candidates[0]).toMatchObject({ verdict: 'matched', rule: 1 });
    expect(t.candidates.find((c) => c.rule === 0)?.why).toBe('lost to default/foo rule 1: longer prefix (/v2/ > /)');
  });
  it('regular expressions rank after prefixes (SD)', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        {
          name: 'r',
          rules: [
            { matches: [{ path: { type: 'RegularExpression', value: '/api/.*' } }], backendRefs: [be('re')] },
            { matches: [prefix('/')], backendRefs: [be('root')] },
          ],
        },
      ],
    );
    expect(backendOf(a, { path: '/api/x' })).toBe('root');
    expect(simulate(a, { path: '/api/x' }).outcome.decisions).toContain('regex-after-prefix');
    expect(simulate(a, { path: '/other' }).outcome.decisions ?? []).not.toContain('regex-after-prefix');
  });
});

describe('hostname precedence decision (§6.4, SD §11.1 #2)', () => {
  const routes: FxRoute[] = [
    { name: 'www', hostnames: ['www.host.org'], rules: [{ matches: [prefix('/app')], backendRefs: [be('www')] }] },
    { name: 'catch', rules: [{ backendRefs: [be('catch')] }] },
  ];
  it('rank: falls through to the catch-all route', () => {
    const a = fixtureAnalysis([GW], routes);
    expect(backendOf(a, { host: 'www.host.org', path: '/app' })).toBe('www');
    expect(backendOf(a, { host: 'www.host.org', path: '/other' })).toBe('catch');
    expect(simulate(a, { host: 'www.host.org', path: '/other' }).outcome.decisions).toContain(
      'hostnamePrecedence=rank',
    );
  });
  it('partition: 404 within the www.host.org virtual host', () => {
    const a = fixtureAnalysis([GW], routes, { decisions: { hostnamePrecedence: 'partition' } });
    expect(backendOf(a, { host: 'www.host.org', path: '/other' })).toBe('not-found 404');
    expect(backendOf(a, { host: 'other.org', path: '/other' })).toBe('catch');
  });
  it('exact hostname beats wildcard, longer wildcard beats shorter', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        { name: 'any', rules: [{ backendRefs: [be('any')] }] },
        { name: 'w1', hostnames: ['*.example.com'], rules: [{ backendRefs: [be('w1')] }] },
        { name: 'w2', hostnames: ['*.foo.example.com'], rules: [{ backendRefs: [be('w2')] }] },
        { name: 'ex', hostnames: ['abc.foo.example.com'], rules: [{ backendRefs: [be('ex')] }] },
      ],
    );
    expect(backendOf(a, { host: 'abc.foo.example.com' })).toBe('ex');
    expect(backendOf(a, { host: 'x.foo.example.com' })).toBe('w2');
    expect(backendOf(a, { host: 'x.example.com' })).toBe('w1');
    expect(backendOf(a, { host: 'example.com' })).toBe('any');
    expect(backendOf(a, { host: 'ABC.foo.example.com.:80' })).toBe('ex');
  });
});

describe('listeners (§6.2)', () => {
  const iso: FxGateway = {
    name: 'gw',
    listeners: [
      { name: 'empty', port: 80, protocol: 'HTTP' },
      { name: 'wc', port: 80, protocol: 'HTTP', hostname: '*.example.com' },
      { name: 'wcfoo', port: 80, protocol: 'HTTP', hostname: '*.foo.example.com' },
      { name: 'abc', port: 80, protocol: 'HTTP', hostname: 'abc.foo.example.com' },
    ],
  };
  const routes: FxRoute[] = ['empty', 'wc', 'wcfoo', 'abc'].map((l) => ({
    name: l,
    parents: [`default/gw/${l}`],
    rules: [{ matches: [prefix(`/${l}`)], backendRefs: [be(l)] }],
  }));
  it('isolation: only the most specific listener serves (§6.2.1)', () => {
    const a = fixtureAnalysis([iso], routes);
    expect(backendOf(a, { host: 'bar.com', path: '/empty' })).toBe('empty');
    expect(backendOf(a, { host: 'bar.example.com', path: '/empty' })).toBe('not-found 404');
    expect(backendOf(a, { host: 'bar.example.com', path: '/wc' })).toBe('wc');
    expect(backendOf(a, { host: 'bar.foo.example.com', path: '/wc' })).toBe('not-found 404');
    expect(backendOf(a, { host: 'abc.foo.example.com', path: '/abc' })).toBe('abc');
    expect(simulate(a, { host: 'abc.foo.example.com', path: '/abc' }).listener?.name).toBe('abc');
  });
  it('without the isolation feature, less specific listeners are tried (SD)', () => {
    const a = fixtureAnalysis([iso], routes, { features: ['Gateway', 'HTTPRoute'] });
    expect(backendOf(a, { host: 'bar.example.com', path: '/empty' })).toBe('empty');
    expect(simulate(a, { host: 'bar.example.com', path: '/empty' }).outcome.decisions).toContain(
      'no-listener-isolation',
    );
  });
  it('no listener on the port vs 404 on an open port', () => {
    const a = fixtureAnalysis(
      [{ name: 'gw', listeners: [{ name: 'h', port: 80, protocol: 'HTTP', hostname: 'a.com' }] }],
      [{ name: 'r', rules: [{ backendRefs: [be('x')] }] }],
    );
    expect(simulate(a, { port: 8080 }).outcome.kind).toBe('no-listener');
    expect(simulate(a, { host: 'b.com' }).outcome).toMatchObject({ kind: 'not-found', status: 404 });
    expect(
      simulate(a, { host: 'b.com', protocol: 'GRPC', grpc: { service: 'a.B', method: 'C' } }).outcome.grpcStatus,
    ).toBe('UNIMPLEMENTED');
  });
  it('HTTPS: 421 only when Host matches a different HTTPS listener (§6.2.2)', () => {
    const gw: FxGateway = {
      name: 'gw',
      listeners: [
        { name: 'https', port: 443, protocol: 'HTTPS' },
        { name: 'second', port: 443, protocol: 'HTTPS', hostname: 'second-example.org' },
        { name: 'wild', port: 443, protocol: 'HTTPS', hostname: '*.wildcard.org' },
        { name: 'fourth', port: 443, protocol: 'HTTPS', hostname: 'fourth-example.wildcard.org' },
      ],
    };
    const a = fixtureAnalysis(gw ? [gw] : [], [
      { name: 'r1', hostnames: ['example.org'], parents: ['default/gw/https'], rules: [{ backendRefs: [be('r1')] }] },
      { name: 'r2', parents: ['default/gw/second'], rules: [{ backendRefs: [be('r2')] }] },
      { name: 'r3', parents: ['default/gw/wild'], rules: [{ backendRefs: [be('r3')] }] },
      { name: 'r4', parents: ['default/gw/fourth'], rules: [{ backendRefs: [be('r4')] }] },
    ]);
    const q = (sni: string, host: string) => backendOf(a, { protocol: 'HTTPS', sni, host, httpVersion: '2' });
    expect(q('example.org', 'example.org')).toBe('r1');
    expect(q('example.org', 'second-example.org')).toBe('misdirected 421');
    expect(q('example.org', 'unknown-example.org')).toBe('not-found 404');
    expect(q('second-example.org', 'second-example.org')).toBe('r2');
    expect(q('second-example.org', 'example.org')).toBe('misdirected 421');
    expect(q('second-example.org', 'unknown-example.org')).toBe('misdirected 421');
    expect(q('third-example.wildcard.org', 'fith-example.wildcard.org')).toBe('r3');
    expect(q('third-example.wildcard.org', 'fourth-example.wildcard.org')).toBe('misdirected 421');
    expect(q('fourth-example.wildcard.org', 'fith-example.wildcard.org')).toBe('misdirected 421');
    expect(q('unknown-example.org', 'example.org')).toBe('r1');
    expect(q('unknown-example.org', 'unknown-example.org')).toBe('not-found 404');
  });
  it('an unmatched SNI is a rejected handshake', () => {
    const a = fixtureAnalysis(
      [{ name: 'gw', listeners: [{ name: 's', port: 443, protocol: 'HTTPS', hostname: 'a.com' }] }],
      [{ name: 'r', rules: [{ backendRefs: [be('x')] }] }],
    );
    expect(simulate(a, { protocol: 'HTTPS', host: 'b.com' }).outcome.kind).toBe('rejected');
    expect(simulate(a, { protocol: 'HTTPS', host: 'a.com' }).outcome.kind).toBe('forward');
  });
});

describe('backends (§8.1, §4.9)', () => {
  it('exact shares; invalid keep theirs; weight 0 gets nothing', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        {
          name: 'w',
          rules: [{ backendRefs: [be('a', { weight: 3 }), be('missing', { valid: false }), be('c', { weight: 0 })] }],
        },
      ],
    );
    const t = simulate(a, {});
    expect(t.outcome.kind).toBe('forward');
    expect(t.backends.map((b) => b.share)).toEqual([0.75, 0.25, 0]);
    expect(t.backends[1]).toMatchObject({ valid: false, reason: 'BackendNotFound' });
    expect(t.forwarded?.port).toBe(8080);
    const many = simulateMany(a, {}, 1000, 7);
    expect(many['default/a']! + many['error 500']!).toBe(1000);
    expect(Math.abs(many['default/a']! / 1000 - 0.75)).toBeLessThan(0.05);
    expect(many).toEqual(simulateMany(a, {}, 1000, 7));
    expect(simulate(a, {}, { sample: 0.9 }).outcome).toMatchObject({ kind: 'error', status: 500 });
  });
  it('all weights 0 or no backendRefs: error 500', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        {
          name: 'z',
          rules: [{ matches: [prefix('/z')], backendRefs: [be('a', { weight: 0 })] }, { matches: [prefix('/n')] }],
        },
      ],
    );
    expect(simulate(a, { path: '/z' }).outcome).toMatchObject({ kind: 'error', status: 500 });
    expect(simulate(a, { path: '/z' }).outcome.decisions).toContain('all-weights-zero-500');
    expect(simulate(a, { path: '/n' }).outcome).toMatchObject({ kind: 'error', status: 500 });
  });
  it('gRPC invalid backend: UNAVAILABLE', () => {
    const a = fixtureAnalysis(
      [GW],
      [{ kind: 'GRPCRoute', name: 'g', rules: [{ backendRefs: [be('x', { valid: false })] }] }],
    );
    expect(simulate(a, { protocol: 'GRPC', grpc: { service: 'a.B', method: 'C' } }).outcome).toMatchObject({
      kind: 'error',
      grpcStatus: 'UNAVAILABLE',
    });
  });
  it('BackendTLSPolicy: valid shown in backends[].tls; invalid gives 503', () => {
    const tls = {
      policy: { namespace: 'default', name: 'p' },
      valid: true,
      hostname: 'svc.example',
      caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'ca' }],
    };
    const ok = fixtureAnalysis([GW], [{ name: 'r', rules: [{ backendRefs: [be('a', { tls })] }] }]);
    expect(simulate(ok, {}).backends[0]?.tls).toMatchObject({ sni: 'svc.example', policy: { name: 'p' } });
    const bad = fixtureAnalysis(
      [GW],
      [
        {
          name: 'r',
          rules: [{ backendRefs: [be('a', { tls: { ...tls, valid: false, reason: 'NoValidCACertificate' } })] }],
        },
      ],
    );
    expect(simulate(bad, {}).outcome).toMatchObject({ kind: 'error', status: 503 });
  });
  it('timeouts, retry and session persistence are reported', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        {
          name: 'r',
          rules: [
            {
              backendRefs: [be('a')],
              timeouts: { request: '10s', backendRequest: '2s' },
              retry: { attempts: 2 },
              sessionPersistence: { type: 'Cookie' },
            },
          ],
        },
      ],
    );
    const t = simulate(a, {});
    expect(t.timeouts).toEqual({ request: '10s', backendRequest: '2s' });
    expect(t.retry).toEqual({ attempts: 2 });
    expect(t.sessionPersistence).toEqual({ type: 'Cookie' });
  });
});

describe('filters (§7)', () => {
  it('request/response header modifiers, rule then backend (SD)', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        {
          name: 'r',
          rules: [
            {
              filters: [
                {
                  type: 'RequestHeaderModifier',
                  requestHeaderModifier: { set: [hdr('X-Set', 'rule')], add: [hdr('X-Add', 'a')], remove: ['X-Rm'] },
                },
                {
                  type: 'ResponseHeaderModifier',
                  responseHeaderModifier: { set: [hdr('X-Resp', 'rule')], remove: ['server'] },
                },
              ],
              backendRefs: [
                be('a', {
                  filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [hdr('Backend', 'a')] } }],
                }),
              ],
            },
          ],
        },
      ],
    );
    const t = simulate(a, {
      headers: { 'x-add': 'orig', 'x-rm': '1' },
      backendResponse: { headers: { Server: 'echo', 'X-Resp': 'b' } },
    });
    expect(t.forwarded?.headers).toMatchObject({ 'x-set': 'rule', 'x-add': 'orig,a', backend: 'a' });
    expect(t.forwarded?.headers['x-rm']).toBeUndefined();
    expect(t.responseHeaders).toEqual({ 'x-resp': 'rule' });
    expect(t.responseHeadersRemoved).toEqual(['server']);
    expect(t.filters.map((f) => `${f.level}:${f.type}`)).toEqual([
      'rule:RequestHeaderModifier',
      'backend:RequestHeaderModifier',
      'rule:ResponseHeaderModifier',
    ]);
    expect(t.filters[0]?.before).toBeDefined();
    expect(t.outcome.decisions).toContain('filter-order-rule-then-backend');
  });
  it('redirect gives the exact Location', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        {
          name: 'r',
          rules: [
            {
              matches: [prefix('/original-prefix')],
              filters: [
                {
                  type: 'RequestRedirect',
                  requestRedirect: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/replacement-prefix' } },
                },
              ],
            },
          ],
        },
      ],
    );
    expect(simulate(a, { host: 'gw.example', path: '/original-prefix/lemon' }).outcome).toMatchObject({
      kind: 'redirect',
      status: 302,
      location: 'http://gw.example/replacement-prefix/lemon',
    });
  });
  it('URLRewrite: hostname and prefix', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        {
          name: 'r',
          rules: [
            {
              matches: [prefix('/api/')],
              filters: [
                {
                  type: 'URLRewrite',
                  urlRewrite: {
                    hostname: 'internal.example',
                    path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v2/' },
                  },
                },
              ],
              backendRefs: [be('api')],
            },
          ],
        },
      ],
    );
    expect(simulate(a, { path: '/api' }).forwarded).toMatchObject({ host: 'internal.example', path: '/v2' });
    expect(simulate(a, { path: '/api/users?id=1' }).forwarded?.path).toBe('/v2/users?id=1');
  });
  it('mirrors are reported with their percent', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        {
          name: 'r',
          rules: [
            {
              filters: [
                { type: 'RequestMirror', requestMirror: { backendRef: { name: 'm1', port: 80 }, percent: 20 } },
                {
                  type: 'RequestMirror',
                  requestMirror: { backendRef: { name: 'm2', port: 80 }, fraction: { numerator: 25, denominator: 50 } },
                },
              ],
              backendRefs: [be('a')],
            },
          ],
        },
      ],
    );
    expect(simulate(a, {}).mirrors).toEqual([
      { namespace: 'default', name: 'm1', port: 80, percent: 20 },
      { namespace: 'default', name: 'm2', port: 80, percent: 50 },
    ]);
  });
  it('CORS preflight is answered by the gateway; actual requests get ACAO', () => {
    const cors = {
      type: 'CORS',
      cors: { allowOrigins: ['https://www.foo.com'], allowMethods: ['GET'], allowCredentials: true },
    };
    const a = fixtureAnalysis(
      [GW],
      [
        {
          name: 'r',
          rules: [{ matches: [{ ...prefix('/c'), method: 'GET' }], filters: [cors], backendRefs: [be('a')] }],
        },
      ],
    );
    const pre = simulate(a, {
      method: 'OPTIONS',
      path: '/c',
      headers: { Origin: 'https://www.foo.com', 'Access-Control-Request-Method': 'GET' },
    });
    expect(pre.outcome).toMatchObject({ kind: 'response', status: 204 });
    expect(pre.responseHeaders['access-control-allow-origin']).toBe('https://www.foo.com');
    expect(pre.outcome.decisions).toContain('cors-preflight-method');
    const bad = simulate(a, {
      method: 'OPTIONS',
      path: '/c',
      headers: { Origin: 'https://evil.com', 'Access-Control-Request-Method': 'GET' },
    });
    expect(bad.outcome).toMatchObject({ kind: 'response', status: 403 });
    expect(bad.responseHeaders['access-control-allow-origin']).toBeUndefined();
    const get = simulate(a, { path: '/c', headers: { Origin: 'https://www.foo.com' } });
    expect(get.outcome.kind).toBe('forward');
    expect(get.responseHeaders).toMatchObject({
      'access-control-allow-origin': 'https://www.foo.com',
      'access-control-allow-credentials': 'true',
    });
  });
  it('ExternalAuth follows authAllows; unresolved ExtensionRef gives 500', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        {
          name: 'r',
          rules: [
            {
              matches: [prefix('/auth')],
              filters: [
                { type: 'ExternalAuth', externalAuth: { protocol: 'HTTP', backendRef: { name: 'auth', port: 80 } } },
              ],
              backendRefs: [be('a')],
            },
            {
              matches: [prefix('/ext')],
              filters: [{ type: 'ExtensionRef', extensionRef: { group: 'x.io', kind: 'Foo', name: 'f' } }],
              backendRefs: [be('a')],
            },
          ],
        },
      ],
    );
    expect(simulate(a, { path: '/auth' }).outcome.kind).toBe('forward');
    expect(simulate(a, { path: '/auth', authAllows: false }).outcome).toMatchObject({ kind: 'response', status: 403 });
    expect(simulate(a, { path: '/ext' }).outcome).toMatchObject({ kind: 'error', status: 500 });
  });
});

describe('GRPCRoute (§6.5) and the HTTP/gRPC decision', () => {
  const svc = 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho';
  const a = fixtureAnalysis(
    [GW],
    [
      {
        kind: 'GRPCRoute',
        name: 'g',
        rules: [
          { matches: [{ method: { service: svc, method: 'Echo' } }], backendRefs: [be('v1')] },
          { matches: [{ method: { service: svc, method: 'EchoTwo' } }], backendRefs: [be('v2')] },
          { matches: [{ method: { service: svc }, headers: [hdr('version', 'two')] }], backendRefs: [be('v3')] },
        ],
      },
      { name: 'web', rules: [{ backendRefs: [be('web')] }] },
    ],
  );
  const g = (method: string, headers?: Record<string, string>) =>
    backendOf(a, { protocol: 'GRPC', grpc: { service: svc, method }, ...(headers ? { headers } : {}) });
  it('exact method matching; longer method beats header count', () => {
    expect(g('Echo')).toBe('v1');
    expect(g('EchoTwo')).toBe('v2');
    expect(g('Echo', { version: 'two' })).toBe('v1');
    expect(g('Other', { version: 'two' })).toBe('v3');
  });
  it('gRPC tries GRPCRoutes first, then HTTPRoutes (SD); plain HTTP only HTTPRoutes', () => {
    expect(g('EchoThree')).toBe('web');
    expect(simulate(a, { protocol: 'GRPC', grpc: { service: svc, method: 'Echo' } }).outcome.decisions).toEqual(
      expect.arrayContaining(['grpc-before-http', 'grpcHttpSameHostname']),
    );
    expect(simulate(a, { protocol: 'GRPC', grpc: { service: svc, method: 'EchoThree' } }).outcome.decisions).toContain(
      'grpc-before-http',
    );
    expect(backendOf(a, { path: `/${svc}/Echo`, method: 'POST' })).toBe('web');
  });
});

describe('TLS, TCP, UDP (§6.7, §6.8)', () => {
  it('TLSRoute by SNI: most specific hostname; no match rejected', () => {
    const gw: FxGateway = {
      name: 'gw',
      listeners: [{ name: 'tls', port: 443, protocol: 'TLS', hostname: '*.example.com', tlsMode: 'Passthrough' }],
    };
    const a = fixtureAnalysis(
      [gw],
      [
        {
          kind: 'TLSRoute',
          name: 'a',
          hostnames: ['abc.example.com'],
          rules: [{ backendRefs: [be('tls-backend', { port: 443 })] }],
        },
        {
          kind: 'TLSRoute',
          name: 'b',
          hostnames: ['*.com'],
          rules: [{ backendRefs: [be('tls-backend-2', { port: 443 })] }],
        },
      ],
    );
    expect(backendOf(a, { protocol: 'TLS', sni: 'abc.example.com' })).toBe('tls-backend');
    expect(backendOf(a, { protocol: 'TLS', sni: 'other.example.com' })).toBe('tls-backend-2');
    expect(backendOf(a, { protocol: 'TLS', sni: 'non.matching.com' })).toBe('rejected');
  });
  it('TCP: the oldest route gets the traffic; invalid backend rejects', () => {
    const gw: FxGateway = {
      name: 'gw',
      listeners: [
        { name: 'tcp', port: 9000, protocol: 'TCP' },
        { name: 'udp', port: 5300, protocol: 'UDP' },
      ],
    };
    const a = fixtureAnalysis(
      [gw],
      [
        { kind: 'TCPRoute', name: 'old', parents: ['default/gw/tcp'], rules: [{ backendRefs: [be('one')] }] },
        { kind: 'TCPRoute', name: 'new', parents: ['default/gw/tcp'], rules: [{ backendRefs: [be('two')] }] },
        {
          kind: 'UDPRoute',
          name: 'u',
          parents: ['default/gw/udp'],
          rules: [{ backendRefs: [be('dns', { valid: false })] }],
        },
      ],
    );
    expect(backendOf(a, { protocol: 'TCP', port: 9000 })).toBe('one');
    const half = fixtureAnalysis(
      [gw],
      [
        {
          kind: 'TCPRoute',
          name: 'h',
          parents: ['default/gw/tcp'],
          rules: [{ backendRefs: [be('ok'), be('bad', { valid: false })] }],
        },
      ],
    );
    expect(simulate(half, { protocol: 'TCP', port: 9000 }).outcome.kind).toBe('forward');
    expect(simulate(half, { protocol: 'TCP', port: 9000 }, { sample: 0.9 }).outcome.kind).toBe('rejected');
    expect(simulateMany(half, { protocol: 'TCP', port: 9000 }, 100, 5).rejected).toBeGreaterThan(30);
    expect(simulate(a, { protocol: 'TCP', port: 9000 }).outcome.decisions).toContain('l4-oldest-route');
    expect(simulate(a, { protocol: 'UDP', port: 5300 }).outcome.kind).toBe('error');
    expect(simulate(a, { protocol: 'UDP', port: 5300 }).outcome.reason).toMatch(/no valid backend.*dropped/);
    expect(simulate(a, { protocol: 'UDP', port: 9000 }).outcome.kind).toBe('no-listener');
  });
});

describe('gateway selection and explanations', () => {
  it('named, by address, or every Gateway', () => {
    const a = fixtureAnalysis(
      [
        { name: 'one', addresses: ['10.0.0.1'], listeners: [{ name: 'h', port: 80, protocol: 'HTTP' }] },
        { name: 'two', addresses: ['10.0.0.2'], listeners: [{ name: 'h', port: 80, protocol: 'HTTP' }] },
      ],
      [
        { name: 'r1', parents: ['default/one'], rules: [{ backendRefs: [be('a')] }] },
        { name: 'r2', parents: ['default/two'], rules: [{ backendRefs: [be('b')] }] },
      ],
    );
    expect(simulate(a, { gateway: 'default/two' }).route?.name).toBe('r2');
    expect(simulate(a, { address: '10.0.0.2' }).route?.name).toBe('r2');
    const any = simulate(a, {});
    expect(any.gateway?.name).toBe('one');
    expect(any.outcome.decisions).toContain('ambiguous-gateway');
    expect(simulate(a, { gateway: 'default/nope' }).outcome.kind).toBe('no-listener');
  });
  it('not-attached candidates carry the parent reason', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        { name: 'ok', rules: [{ backendRefs: [be('a')] }] },
        {
          name: 'bad',
          rejected: { gateway: 'default/gw', reason: 'NotAllowedByListeners', message: 'namespace not allowed' },
          rules: [{ backendRefs: [be('b')] }],
        },
      ],
    );
    const t = simulate(a, {});
    expect(t.candidates.find((c) => c.name === 'bad')).toMatchObject({
      verdict: 'not-attached',
      why: 'NotAllowedByListeners: namespace not allowed',
    });
    expect(simulate(a, {}, { explain: false }).candidates).toEqual([]);
  });
  it('caps candidates at 200', () => {
    const routes: FxRoute[] = Array.from({ length: 300 }, (_, i) => ({
      name: `r${i}`,
      rules: [{ matches: [exact(`/p${i}`)], backendRefs: [be('a')] }],
    }));
    const t = simulate(fixtureAnalysis([GW], routes), { path: '/p5' });
    expect(t.candidates).toHaveLength(200);
    expect(t.candidatesOmitted).toBe(100);
    expect(t.candidates[0]).toMatchObject({ name: 'r5', verdict: 'matched' });
  });
  it('warns on unnormalised paths and names the SD', () => {
    const t = simulate(fixtureAnalysis([GW], [{ name: 'r', rules: [{ backendRefs: [be('a')] }] }]), {
      path: '/a/../b',
    });
    expect(t.warnings?.[0]).toMatch(/no normalisation/);
    expect(t.outcome.decisions).toContain('no-path-normalisation');
  });
});

describe('more listener and connection cases (§6.2)', () => {
  it('a listener that is not Accepted/Programmed carries no traffic', () => {
    const a = fixtureAnalysis(
      [{ name: 'gw', listeners: [{ name: 'h', port: 80, protocol: 'HTTP', valid: false }] }],
      [{ name: 'r', rules: [{ backendRefs: [be('a')] }] }],
    );
    const t = simulate(a, {});
    expect(t.outcome.kind).toBe('no-listener');
    expect(t.outcome.reason).toMatch(/not Accepted\/Programmed/);
    expect(t.outcome.decisions).toContain('not-programmed-listener');
  });
  it('a Gateway that is not Accepted serves nothing', () => {
    const a = fixtureAnalysis([{ ...GW, accepted: false }], [{ name: 'r', rules: [{ backendRefs: [be('a')] }] }]);
    expect(simulate(a, { gateway: 'default/gw' }).outcome.kind).toBe('no-listener');
  });
  it('plaintext on a TLS-only port, and TLS on a plaintext-only port, fail at the connection', () => {
    const a = fixtureAnalysis(
      [
        {
          name: 'gw',
          listeners: [
            { name: 'h', port: 80, protocol: 'HTTP' },
            { name: 's', port: 443, protocol: 'HTTPS' },
          ],
        },
      ],
      [{ name: 'r', rules: [{ backendRefs: [be('a')] }] }],
    );
    expect(simulate(a, { protocol: 'HTTP', port: 443 }).outcome.kind).toBe('rejected');
    expect(simulate(a, { protocol: 'HTTPS', port: 80, host: 'a.com' }).outcome.kind).toBe('rejected');
    expect(simulate(a, { protocol: 'HTTPS', host: 'a.com' }).outcome.kind).toBe('forward');
  });
  it('a ClientHello without SNI only selects a listener without hostname (SD)', () => {
    const a = fixtureAnalysis(
      [{ name: 'gw', listeners: [{ name: 's', port: 443, protocol: 'HTTPS', hostname: 'a.com' }] }],
      [{ name: 'r', rules: [{ backendRefs: [be('a')] }] }],
    );
    const t = simulate(a, { protocol: 'HTTPS', host: '10.0.0.1' });
    expect(t.outcome.kind).toBe('rejected');
    expect(t.outcome.decisions).toContain('no-sni-catch-all');
  });
  it('frontend client certificates: AllowValidOnly rejects, AllowInsecureFallback warns', () => {
    const ca = [{ kind: 'ConfigMap', namespace: 'default', name: 'ca', valid: true }];
    const mk = (mode: 'AllowValidOnly' | 'AllowInsecureFallback') =>
      fixtureAnalysis(
        [
          {
            name: 'gw',
            listeners: [
              { name: 's', port: 443, protocol: 'HTTPS', frontendValidation: { mode, caCertificateRefs: ca } },
            ],
          },
        ],
        [{ name: 'r', rules: [{ backendRefs: [be('a')] }] }],
      );
    const strict = mk('AllowValidOnly');
    expect(simulate(strict, { protocol: 'HTTPS', host: 'a.com' }).outcome.kind).toBe('rejected');
    expect(
      simulate(strict, { protocol: 'HTTPS', host: 'a.com', clientCertificate: { signedBy: 'default/other' } }).outcome
        .kind,
    ).toBe('rejected');
    expect(
      simulate(strict, { protocol: 'HTTPS', host: 'a.com', clientCertificate: { signedBy: 'default/ca' } }).outcome
        .kind,
    ).toBe('forward');
    const lax = simulate(mk('AllowInsecureFallback'), { protocol: 'HTTPS', host: 'a.com' });
    expect(lax.outcome.kind).toBe('forward');
    expect(lax.warnings?.join(' ')).toMatch(/AllowInsecureFallback/);
  });
  it('an HTTP request on a TCP listener is proxied as a stream, unchanged', () => {
    const a = fixtureAnalysis(
      [{ name: 'gw', listeners: [{ name: 'tcp', port: 8080, protocol: 'TCP' }] }],
      [{ kind: 'TCPRoute', name: 't', rules: [{ backendRefs: [be('echo')] }] }],
    );
    const t = simulate(a, { port: 8080, path: '/x', host: 'a.com' });
    expect(t.outcome.kind).toBe('forward');
    expect(t.forwarded).toMatchObject({ path: '/x', host: 'a.com' });
    expect(simulateMany(a, { protocol: 'TCP', port: 8080 }, 10, 1)).toEqual({ 'default/echo': 10 });
  });
  it('hostname partition explains why a matching route lost', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        { name: 'www', hostnames: ['www.host.org'], rules: [{ matches: [prefix('/app')], backendRefs: [be('www')] }] },
        { name: 'catch', rules: [{ backendRefs: [be('catch')] }] },
      ],
      { decisions: { hostnamePrecedence: 'partition' } },
    );
    const t = simulate(a, { host: 'www.host.org', path: '/other' });
    expect(t.outcome.kind).toBe('not-found');
    expect(t.outcome.decisions).toContain('hostnamePrecedence=partition');
    expect(t.candidates.find((c) => c.name === 'catch')).toMatchObject({ verdict: 'lost' });
  });
  it('with isolation, routes of a less specific listener are explained as not serving this host', () => {
    const a = fixtureAnalysis(
      [
        {
          name: 'gw',
          listeners: [
            { name: 'any', port: 80, protocol: 'HTTP' },
            { name: 'wc', port: 80, protocol: 'HTTP', hostname: '*.example.com' },
          ],
        },
      ],
      [
        { name: 'on-any', parents: ['default/gw/any'], rules: [{ backendRefs: [be('a')] }] },
        { name: 'on-wc', parents: ['default/gw/wc'], rules: [{ matches: [prefix('/only')], backendRefs: [be('b')] }] },
      ],
    );
    const t = simulate(a, { host: 'x.example.com', path: '/' });
    expect(t.outcome.kind).toBe('not-found');
    expect(t.listener?.name).toBe('wc');
    expect(t.outcome.decisions).toContain('listener-isolation');
    expect(t.candidates.find((c) => c.name === 'on-any')).toMatchObject({ verdict: 'not-attached' });
  });
});

describe('prefix ranking SD', () => {
  it('/foo/ outranks /foo by raw length, and says so only when both match', () => {
    const a = fixtureAnalysis(
      [GW],
      [
        {
          name: 'p',
          rules: [
            { matches: [prefix('/foo')], backendRefs: [be('short')] },
            { matches: [prefix('/foo/')], backendRefs: [be('long')] },
          ],
        },
      ],
    );
    const t = simulate(a, { path: '/foo/x' });
    expect(t.route?.rule).toBe(1);
    expect(t.outcome.decisions).toContain('prefix-raw-length');
    const b = fixtureAnalysis(
      [GW],
      [{ name: 'p', rules: [{ matches: [prefix('/foo/')], backendRefs: [be('long')] }] }],
    );
    expect(simulate(b, { path: '/foo/x' }).outcome.decisions ?? []).not.toContain('prefix-raw-length');
  });
});

describe('route tables are indexed, not scanned', () => {
  it('prefix bases of a path, longest first', async () => {
    const { prefixBases } = await import('./compile.ts');
    expect(prefixBases('/a/b/')).toEqual(['/a/b/', '/a/b', '/a', '']);
    expect(prefixBases('/a//b')).toEqual(['/a//b', '/a/', '/a', '']);
    expect(prefixBases('/')).toEqual(['/', '']);
  });
  it('10,000 catch-all-host routes with distinct paths: a request does not visit them all', () => {
    const routes: FxRoute[] = Array.from({ length: 10_000 }, (_, i) => ({
      name: `r${i}`,
      rules: [{ matches: [i % 2 ? exact(`/svc${i}/x`) : prefix(`/svc${i}`)], backendRefs: [be(`s${i}`)] }],
    }));
    const a = fixtureAnalysis([GW], routes);
    expect(backendOf(a, { path: '/svc4/deep/path' })).toBe('s4');
    expect(backendOf(a, { path: '/svc5/x' })).toBe('s5');
    const reqs = Array.from({ length: 200 }, (_, i) => ({ path: `/nothing-${i}/here` }));
    for (const r of reqs) simulate(a, r, { explain: false });
    // CPU time, not wall time: other processes on the machine do not count.
    const c0 = process.cpuUsage();
    for (let k = 0; k < 5; k++) for (const r of reqs) simulate(a, r, { explain: false });
    const c = process.cpuUsage(c0);
    const us = (c.user + c.system) / (5 * reqs.length);
    // A linear scan costs ~10,000 match tests (hundreds of µs); the index costs a few map lookups.
    expect(us).toBeLessThan(150);
  });
});

describe('no Gateway named: the one whose listener fits the host', () => {
  it('prefers the most specific listener hostname across Gateways', () => {
    const a = fixtureAnalysis(
      [
        { name: 'shared', listeners: [{ name: 'h', port: 80, protocol: 'HTTP' }] },
        { name: 'team', listeners: [{ name: 'h', port: 80, protocol: 'HTTP', hostname: '*.team.example.com' }] },
      ],
      [
        { name: 'a', parents: ['default/shared'], rules: [{ backendRefs: [be('shared')] }] },
        { name: 'b', parents: ['default/team'], rules: [{ backendRefs: [be('team')] }] },
      ],
    );
    const t = simulate(a, { host: 'x.team.example.com' });
    expect(t.gateway?.name).toBe('team');
    expect(t.outcome.decisions ?? []).not.toContain('ambiguous-gateway');
    expect(simulate(a, { host: 'other.org' }).gateway?.name).toBe('shared');
  });
});
