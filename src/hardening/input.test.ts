// Wrong types, nulls, hostile headers, odd hostnames, extreme weights and names (issue "Hardening"):
// clear diagnostics on the field, no exception, and requests that still get a verdict.

import { describe, expect, it } from 'vitest';
import { type SimRequest, simulate } from '../engine/index.ts';
import { analyzeHostile, at, BASE, errors, find, GW, withRoute } from './fixtures.ts';

const fwd = '  rules:\n  - backendRefs: [{name: svc, port: 80}]\n';

describe('wrong types everywhere', () => {
  const cases: [string, string, RegExp][] = [
    [
      'a string for a port',
      `  rules:\n  - backendRefs: [{name: svc, port: "80"}]\n`,
      /backendRefs\[0\]\.port.*must be of type integer/,
    ],
    [
      'a string for a weight',
      `  rules:\n  - backendRefs: [{name: svc, port: 80, weight: "50"}]\n`,
      /weight.*must be of type integer/,
    ],
    ['a float for a weight', `  rules:\n  - backendRefs: [{name: svc, port: 80, weight: 1.5}]\n`, /weight.*integer/],
    ['a map for a list', `  rules: {backendRefs: []}\n`, /spec\.rules.*must be of type array/],
    ['a list for a map', `  rules:\n  - matches: [{path: [PathPrefix, /]}]\n`, /path.*must be of type object/],
    ['a number for a string', `  hostnames: [42]\n${fwd}`, /hostnames\[0\].*must be of type string/],
    ['a bool for an enum', `  rules:\n  - matches: [{path: {type: true, value: /}}]\n`, /path\.type/],
    ['a list of lists', `  rules: [[1, 2]]\n`, /spec\.rules\[0\].*must be of type object/],
  ];
  for (const [what, body, message] of cases) {
    it(what, () => {
      const text = withRoute(body);
      const a = analyzeHostile(text);
      const e = errors(a);
      expect(e.length, JSON.stringify(a.diagnostics)).toBeGreaterThan(0);
      const d = e.find((x) => message.test(x.message));
      expect(d, JSON.stringify(e.map((x) => x.message))).toBeDefined();
      expect(d?.line).toBeGreaterThan(19);
      expect(at(text, d).length).toBeGreaterThan(0);
      expect(() => simulate(a, { path: '/' })).not.toThrow();
    });
  }

  it('top-level shapes that are not objects', () => {
    for (const text of [
      '42\n',
      '[1, 2]\n',
      '"just a string"\n',
      `apiVersion: 5\nkind: 7\nmetadata: 3\n`,
      `apiVersion: v1\nkind: [Service]\n`,
    ]) {
      const a = analyzeHostile(text);
      expect(errors(a).length, text).toBeGreaterThan(0);
      expect(errors(a)[0]?.line).toBe(1);
    }
  });

  it('a Gateway with listeners as a map and strings for numbers', () => {
    const text = `apiVersion: ${GW}\nkind: Gateway\nmetadata: {name: g}\nspec:\n  gatewayClassName: [x]\n  listeners: {name: a, port: "80"}\n`;
    const a = analyzeHostile(text);
    expect(errors(a).map((d) => d.path)).toEqual(['spec.gatewayClassName', 'spec.listeners']);
  });
});

describe('nulls in required places', () => {
  it('name: null, spec: null, parentRefs entries with null names', () => {
    const a = analyzeHostile(`apiVersion: ${GW}\nkind: Gateway\nmetadata: {name: null}\nspec: null\n`);
    expect(errors(a).some((d) => /name.*Required value/.test(d.message))).toBe(true);
    const b = analyzeHostile(`apiVersion: ${GW}\nkind: Gateway\nmetadata: {name: g}\nspec: null\n`);
    expect(errors(b).map((d) => d.message)).toEqual(['spec: Required value']);
    const text = withRoute(
      `  rules:\n  - backendRefs: [{name: ~, port: 80}]\n    matches: [{headers: [{name: null, value: x}]}]\n`,
    );
    const c = analyzeHostile(text);
    expect(errors(c).map((d) => d.path)).toEqual([
      'spec.rules[0].backendRefs[0].name',
      'spec.rules[0].matches[0].headers[0].name',
    ]);
    expect(errors(c).every((d) => /Required value/.test(d.message))).toBe(true);
  });

  it('a null document, null list items and null maps', () => {
    const text = `${BASE}---\nnull\n---\napiVersion: ${GW}\nkind: HTTPRoute\nmetadata: {name: r, namespace: default}\nspec:\n  parentRefs: [null]\n  rules: [null, {backendRefs: [null]}]\n`;
    const a = analyzeHostile(text);
    expect(errors(a).length).toBeGreaterThan(0);
    expect(() => simulate(a, {})).not.toThrow();
  });
});

describe('headers: CR/LF injection and names HTTP does not allow', () => {
  const a = analyzeHostile(withRoute(fwd));
  const warn = (req: SimRequest) => simulate(a, req).warnings ?? [];

  it('CR/LF in a request header value is named, not silently forwarded as two headers', () => {
    const w = warn({ path: '/', headers: { 'x-a': 'v\r\nx-evil: 1' } });
    expect(w.some((x) => /header "x-a" contains a CR, LF or NUL/.test(x))).toBe(true);
    const t = simulate(a, { path: '/', headers: [['x-a', 'v\r\nx-evil: 1']] });
    expect(t.forwarded?.headers['x-evil']).toBeUndefined();
  });

  it('header names with spaces, colons, CR/LF or empty are named', () => {
    for (const name of ['bad name', 'x\r\ny', 'a:b', '', 'ü']) {
      const w = warn({ path: '/', headers: [[name, 'v']] });
      expect(
        w.some((x) => x.includes('not a valid HTTP field name')),
        name,
      ).toBe(true);
    }
    expect(warn({ path: '/', headers: { 'x-ok': 'v', ':authority': 'a' } })).toEqual([]);
  });

  it('a thousand hostile headers give a bounded number of warnings, quickly', () => {
    const headers = Array.from({ length: 1000 }, (_, i) => [`bad ${i}`, `v\r\n${i}`] as [string, string]);
    const t0 = performance.now();
    const w = warn({ path: '/', headers });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(w.length).toBeLessThanOrEqual(12);
  });

  it('CR/LF in filter header values: a warning under Standard, the CRD error under Experimental', () => {
    const body = `  rules:\n  - filters:\n    - type: RequestHeaderModifier\n      requestHeaderModifier: {set: [{name: x-a, value: "v\\r\\nx-evil: 1"}]}\n    - type: ResponseHeaderModifier\n      responseHeaderModifier: {add: [{name: x-b, value: "a\\nb"}]}\n    backendRefs: [{name: svc, port: 80}]\n`;
    const text = withRoute(body);
    const std = analyzeHostile(text);
    const ws = std.diagnostics.filter((d) => d.code === 'header-value-crlf');
    expect(ws.map((d) => d.path)).toEqual([
      'spec.rules[0].filters[0].requestHeaderModifier.set[0].value',
      'spec.rules[0].filters[1].responseHeaderModifier.add[0].value',
    ]);
    expect(at(text, ws[0])).toBe('"v\\r\\nx-evil: 1"');
    const exp = analyzeHostile(text, { channel: 'experimental' });
    expect(errors(exp).some((d) => d.path?.endsWith('set[0].value'))).toBe(true);
  });

  it('CR/LF in a header match value is named too (it can never match a real request)', () => {
    const text = withRoute(
      `  rules:\n  - matches: [{headers: [{name: x, value: "a\\r\\nb"}]}]\n    backendRefs: [{name: svc, port: 80}]\n`,
    );
    expect(find(analyzeHostile(text), 'header-value-crlf')?.path).toBe('spec.rules[0].matches[0].headers[0].value');
  });

  it('filter header names HTTP does not allow are API server errors', () => {
    const text = withRoute(
      `  rules:\n  - filters: [{type: RequestHeaderModifier, requestHeaderModifier: {add: [{name: "bad name", value: v}, {name: "x\\r\\ny", value: v}]}}]\n    backendRefs: [{name: svc, port: 80}]\n`,
    );
    const e = errors(analyzeHostile(text));
    expect(e.map((d) => d.path)).toEqual([
      'spec.rules[0].filters[0].requestHeaderModifier.add[0].name',
      'spec.rules[0].filters[0].requestHeaderModifier.add[1].name',
    ]);
  });
});

describe('hostnames: IDN, trailing dots, upper case, IP addresses', () => {
  it('in manifests: IDN, upper case and trailing dots are refused by the schema pattern, on the value', () => {
    const text = withRoute(
      `  hostnames: ["bücher.example", "Foo.Example.com", "foo.example.com.", "xn--bcher-kva.example"]\n${fwd}`,
    );
    const e = errors(analyzeHostile(text));
    expect(e.map((d) => d.path)).toEqual(['spec.hostnames[0]', 'spec.hostnames[1]', 'spec.hostnames[2]']);
    expect(at(text, e[0])).toBe('"bücher.example"');
    expect(e[0]?.message).toMatch(/should match/);
  });

  it('in manifests: IP addresses pass the schema but get a warning (listener and route)', () => {
    const gw = BASE.replace(
      '{name: http, protocol: HTTP, port: 80}',
      '{name: http, protocol: HTTP, port: 80, hostname: 10.0.0.1}',
    );
    const text = `${gw}---\napiVersion: ${GW}\nkind: HTTPRoute\nmetadata: {name: r, namespace: default}\nspec:\n  parentRefs: [{name: gw}]\n  hostnames: ["192.168.1.1"]\n${fwd}`;
    const ws = analyzeHostile(text).diagnostics.filter((d) => d.code === 'hostname-ip');
    expect(ws.map((d) => d.path)).toEqual(['spec.listeners[0].hostname', 'spec.hostnames[0]']);
  });

  it('in requests: upper case, a trailing dot and a port are canonicalised', () => {
    const a = analyzeHostile(withRoute(`  hostnames: [foo.example.com]\n${fwd}`));
    for (const host of ['FOO.Example.COM', 'foo.example.com.', 'Foo.Example.Com.:80'])
      expect(simulate(a, { host }).outcome.kind, host).toBe('forward');
  });

  it('in requests: an IDN host is matched as written, with a punycode hint', () => {
    const a = analyzeHostile(withRoute(`  hostnames: [xn--bcher-kva.example]\n${fwd}`));
    const t = simulate(a, { host: 'bücher.example' });
    expect(t.outcome.kind).toBe('not-found');
    expect(t.warnings?.some((w) => w.includes('"xn--bcher-kva.example"'))).toBe(true);
    expect(simulate(a, { host: 'XN--BCHER-KVA.example.' }).outcome.kind).toBe('forward');
  });

  it('in requests: IPv4, IPv6 and garbage hosts get a verdict', () => {
    const a = analyzeHostile(withRoute(fwd));
    for (const host of [
      '10.0.0.1',
      '10.0.0.1:80',
      '[::1]',
      '[::1]:80',
      '[::1',
      '::1',
      ':80',
      '....',
      '*',
      '\u0000',
      'a'.repeat(100_000),
    ])
      expect(['forward', 'not-found']).toContain(simulate(a, { host }).outcome.kind);
  });
});

describe('weights and maximum sizes', () => {
  const refs = (n: number, weight: number, name = 'svc') =>
    `  rules:\n  - backendRefs: [${Array.from({ length: n }, () => `{name: ${name}, port: 80, weight: ${weight}}`).join(', ')}]\n`;

  it('16 backendRefs of weight 1,000,000 (both maxima) split exactly', () => {
    const a = analyzeHostile(withRoute(refs(16, 1_000_000)));
    expect(errors(a)).toEqual([]);
    const t = simulate(a, {});
    expect(t.backends).toHaveLength(16);
    expect(t.backends.every((b) => b.share === 1 / 16)).toBe(true);
  });

  it('one weight over the maximum, one backendRef over the maximum: errors on the field', () => {
    const over = analyzeHostile(withRoute(refs(1, 1_000_001)));
    expect(errors(over)[0]?.path).toBe('spec.rules[0].backendRefs[0].weight');
    expect(errors(over)[0]?.message).toMatch(/less than or equal to 1000000/);
    const many = analyzeHostile(withRoute(refs(17, 1)));
    expect(errors(many)[0]?.message).toMatch(/Too many: 17: must have at most 16 items/);
    const neg = analyzeHostile(withRoute(refs(1, -1)));
    expect(errors(neg)[0]?.path).toBe('spec.rules[0].backendRefs[0].weight');
  });

  it('one heavy and one light weight: shares stay exact fractions that sum to 1', () => {
    const text = withRoute(
      `  rules:\n  - backendRefs: [{name: svc, port: 80, weight: 1000000}, {name: svc, port: 80, weight: 1}]\n`,
    );
    const t = simulate(analyzeHostile(text), {});
    expect(t.backends.map((b) => b.share)).toEqual([1_000_000 / 1_000_001, 1 / 1_000_001]);
  });

  it('maximum-length names (253 for routes, 63 for Services) and one over', () => {
    const n253 = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    const svc = 's'.repeat(63);
    const text = `${BASE.replace('name: svc', `name: ${svc}`)}---\napiVersion: ${GW}\nkind: HTTPRoute\nmetadata: {name: ${n253}, namespace: default}\nspec:\n  parentRefs: [{name: gw}]\n${refs(16, 1_000_000, svc)}`;
    const a = analyzeHostile(text);
    expect(errors(a)).toEqual([]);
    expect(simulate(a, {}).route?.name).toBe(n253);
    const over = analyzeHostile(text.replace(`name: ${n253}`, `name: ${n253}x`));
    expect(errors(over)[0]?.message).toMatch(/metadata\.name/);
    const svcOver = analyzeHostile(text.replaceAll(svc, `${svc}s`));
    expect(errors(svcOver).length).toBeGreaterThan(0);
  });
});
