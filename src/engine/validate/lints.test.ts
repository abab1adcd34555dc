import { describe, expect, it } from 'vitest';
import { loadManifests } from '../manifest/index.ts';
import { resolveOptions } from '../options.ts';
import type { Channel } from '../types.ts';
import { validateResources } from './index.ts';
import { regexPortabilityIssue } from './lints.ts';

const GW = 'gateway.networking.k8s.io/v1';

function warnings(text: string, channel: Channel = 'standard') {
  const opts = resolveOptions({ channel });
  const l = loadManifests([{ name: 'm.yaml', text }], opts);
  return validateResources(l.resources, opts).filter((d) => d.severity === 'warning');
}

const gateway = (listeners: string, extra = '') => `apiVersion: ${GW}
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: c
  listeners:
${listeners}
${extra}`;

describe('regexPortabilityIssue (GEP-4359 portable subset)', () => {
  it('accepts POSIX ERE', () => {
    for (const ok of [
      '^/api/v[0-9]+/.*$',
      '^(https?://)?www\\.example\\.(com|org)$',
      '[^a-zA-Z]',
      'a{1,3}',
      '^[-a]$',
      '^[\\-Z]$',
      '\\*+',
    ])
      expect(regexPortabilityIssue(ok), ok).toBeNull();
  });
  it('flags what GEP-4359 leaves out', () => {
    expect(regexPortabilityIssue('(a)\\1')).toContain('backreference');
    expect(regexPortabilityIssue('(?i)foo')).toContain('(?');
    expect(regexPortabilityIssue('(?:a|b)')).toContain('(?');
    expect(regexPortabilityIssue('\\d+')).toContain('shorthand');
    expect(regexPortabilityIssue('\\x41')).toContain('hex');
    expect(regexPortabilityIssue('a*?')).toContain('consecutive quantifiers');
    expect(regexPortabilityIssue('a{,2}')).toContain('lower bound');
    expect(regexPortabilityIssue('[[:alpha:]]')).toContain('[');
    expect(regexPortabilityIssue('[]a]')).toContain(']');
    expect(regexPortabilityIssue('\\/api')).toContain('non-special');
    expect(regexPortabilityIssue('é')).toContain('non-ASCII');
  });
});

describe('lints', () => {
  it('selector-label: namespace selection on a label anyone can set', () => {
    const w = warnings(
      gateway(`  - name: http
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: Selector
        selector:
          matchLabels: {team: a}`),
    );
    expect(w.map((d) => d.code)).toEqual(['selector-label']);
    expect(w[0]?.message).toContain('kubernetes.io/metadata.name');
    expect(w[0]?.path).toBe('spec.listeners[0].allowedRoutes.namespaces.selector.matchLabels.team');
  });
  it('selector-label: none for kubernetes.io/metadata.name', () => {
    expect(
      warnings(
        gateway(`  - name: http
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: Selector
        selector:
          matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [a, b]}]`),
      ),
    ).toEqual([]);
  });
  it('selector-missing', () => {
    const w = warnings(
      gateway(`  - name: http
    port: 80
    protocol: HTTP
    allowedRoutes: {namespaces: {from: Selector}}`),
    );
    expect(w.map((d) => d.code)).toEqual(['selector-missing']);
  });
  it('regex-not-portable and regex-not-re2 on RegularExpression matches only', () => {
    const w = warnings(`apiVersion: ${GW}
kind: HTTPRoute
metadata: {name: r}
spec:
  rules:
  - matches:
    - path: {type: RegularExpression, value: '/(?i)api'}
    - path: {type: RegularExpression, value: '/a(?=b)'}
    - path: {type: RegularExpression, value: '/api/[0-9]+'}
    - path: {type: PathPrefix, value: '/x'}
    - headers: [{name: x, type: RegularExpression, value: '\\d+'}]
`);
    expect(w.map((d) => [d.code, d.path])).toEqual([
      ['regex-not-portable', 'spec.rules[0].matches[0].path.value'],
      ['regex-not-re2', 'spec.rules[0].matches[1].path.value'],
      ['regex-not-portable', 'spec.rules[0].matches[4].headers[0].value'],
    ]);
  });
  it('parentref-port: a port without sectionName', () => {
    const w = warnings(`apiVersion: ${GW}
kind: HTTPRoute
metadata: {name: r}
spec:
  parentRefs: [{name: gw, port: 80}, {name: gw2, port: 80, sectionName: http}]
`);
    expect(w.map((d) => [d.code, d.path])).toEqual([['parentref-port', 'spec.parentRefs[0].port']]);
    expect(w[0]?.message).toContain('including listeners added later');
  });
  it('weights-percentages', () => {
    const r = (weights: number[]) =>
      warnings(`apiVersion: ${GW}
kind: HTTPRoute
metadata: {name: r}
spec:
  rules:
  - backendRefs: [${weights.map((w, i) => `{name: s${i}, port: 80, weight: ${w}}`).join(', ')}]
`);
    expect(r([90, 20]).map((d) => d.code)).toEqual(['weights-percentages']);
    expect(r([90, 20])[0]?.message).toContain('81.8% / 18.2%');
    expect(r([50]).map((d) => d.code)).toEqual(['weights-percentages']);
    expect(r([70, 30])).toEqual([]);
    expect(r([1, 3])).toEqual([]);
    expect(r([10, 10])).toEqual([]);
  });
  it('redirect-loop: an http→https redirect attached to an HTTPS listener', () => {
    const text = `${gateway(`  - name: http
    port: 80
    protocol: HTTP
  - name: https
    port: 443
    protocol: HTTPS
    tls: {certificateRefs: [{name: cert}]}`)}
---
apiVersion: ${GW}
kind: HTTPRoute
metadata: {name: redirect}
spec:
  parentRefs: [{name: gw}]
  rules:
  - filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: 301}}]
---
apiVersion: ${GW}
kind: HTTPRoute
metadata: {name: ok}
spec:
  parentRefs: [{name: gw, sectionName: http}]
  rules:
  - filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]
`;
    const w = warnings(text);
    expect(w.map((d) => [d.code, d.resource?.name])).toEqual([['redirect-loop', 'redirect']]);
    expect(w[0]?.message).toContain('gw/https');
  });
  it('duplicate-rule-name in Standard only (Experimental rejects it)', () => {
    const text = `apiVersion: ${GW}
kind: HTTPRoute
metadata: {name: r}
spec:
  rules: [{name: a}, {name: a}]
`;
    expect(warnings(text).map((d) => d.code)).toEqual(['duplicate-rule-name']);
    expect(warnings(text, 'experimental')).toEqual([]);
  });
  it('rejected objects are not linted', () => {
    expect(
      warnings(`apiVersion: ${GW}
kind: HTTPRoute
metadata: {name: r}
spec:
  parentRefs: [{name: gw, port: 0}]
`),
    ).toEqual([]);
  });
});
