import { describe, expect, it } from 'vitest';
import { durationMs } from './duration.ts';
import { editorJsonSchema, knownFields, schemaFor, servedModels } from './index.ts';
import { isIP, isIPv4, isIPv6, matchesPattern } from './regex.ts';

// biome-ignore lint/suspicious/noExplicitAny: walking JSON Schema
type J = Record<string, any>;

describe('durations (GEP-2257)', () => {
  it('parses to milliseconds', () => {
    expect(durationMs('1h30m')).toBe(5_400_000);
    expect(durationMs('10s30m1h')).toBe(3_600_000 + 1_800_000 + 10_000);
    expect(durationMs('500ms')).toBe(500);
    expect(durationMs('0s')).toBe(0);
    expect(durationMs('1.5h')).toBeNull();
    expect(durationMs('1d')).toBeNull();
    expect(durationMs('1s1s1s1s1s')).toBeNull();
  });
});

describe('IP formats', () => {
  it('ipv4 / ipv6', () => {
    expect(isIPv4('1.2.3.4')).toBe(true);
    expect(isIPv4('1.2.3.4:80')).toBe(false);
    expect(isIPv4('256.1.1.1')).toBe(false);
    expect(isIPv6('::1')).toBe(true);
    expect(isIPv6('1111:2222:3333:4444::')).toBe(true);
    expect(isIPv6('12:34:56::')).toBe(true);
    expect(isIPv6('::ffff:1.2.3.4')).toBe(true);
    expect(isIPv6('1:2:3:4:5:6:7:8')).toBe(true);
    expect(isIPv6('1:2:3:4:5:6:7:8:9')).toBe(false);
    expect(isIPv6('1::2::3')).toBe(false);
    expect(isIP('foo.com')).toBe(false);
  });
});

describe('RE2 search semantics (§2.0)', () => {
  it('unanchored alternatives match anywhere', () => {
    const addressType = String.raw`^Hostname|IPAddress|NamedAddress|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9\/\-._~%!$&'()*+,;=:]+$`;
    expect(matchesPattern(addressType, 'xIPAddressx')).toBe(true);
    expect(matchesPattern(addressType, 'Hostnamefoo')).toBe(true);
    expect(matchesPattern(addressType, 'nope')).toBe(false);
    expect(matchesPattern('^a$', 'a\n')).toBe(false); // RE2 `$` is end of text
  });
});

describe('model registry', () => {
  it('serves every kind × version of each channel (§1)', () => {
    const std = servedModels('standard').map((m) => `${m.kind}/${m.version}`);
    expect(std).toContain('TLSRoute/v1');
    expect(std).not.toContain('TLSRoute/v1alpha2');
    expect(std).not.toContain('XBackend/v1alpha1');
    const exp = servedModels('experimental').map((m) => `${m.kind}/${m.version}`);
    for (const k of [
      'TLSRoute/v1alpha2',
      'TLSRoute/v1alpha3',
      'TCPRoute/v1alpha2',
      'UDPRoute/v1alpha2',
      'BackendTLSPolicy/v1alpha3',
      'XBackendTrafficPolicy/v1alpha1',
      'XBackend/v1alpha1',
      'XMesh/v1alpha1',
      'ReferenceGrant/v1beta1',
    ])
      expect(exp).toContain(k);
    for (const m of servedModels('experimental'))
      expect(schemaFor(m.group, m.kind, m.version, 'experimental'), m.kind).toBeDefined();
  });
  it('known fields per path and channel', () => {
    const f = (path: (string | number)[], ch: 'standard' | 'experimental' = 'standard') =>
      knownFields('gateway.networking.k8s.io/v1', 'HTTPRoute', path, ch);
    expect(f(['spec', 'parentRefs', 0])).toEqual(['group', 'kind', 'namespace', 'name', 'sectionName', 'port']);
    expect(f(['spec', 'rules', 0])).not.toContain('retry');
    expect(f(['spec', 'rules', 0], 'experimental')).toContain('retry');
    expect(knownFields('apps/v1', 'Deployment', [], 'standard')).toBeUndefined();
  });
  it('opaque kinds have no schema', () => {
    expect(schemaFor('apps', 'Deployment', 'v1', 'standard')).toBeUndefined();
  });
});

describe('editor JSON Schema', () => {
  const s = editorJsonSchema('standard') as J;
  const branch = (apiVersion: string, kind: string) =>
    (s.allOf as J[]).find(
      (b) => b.if.properties.apiVersion.const === apiVersion && b.if.properties.kind.const === kind,
    ) as J;
  it('one if/then branch per apiVersion + kind', () => {
    expect(s.anyOf).toBeUndefined();
    expect((s.allOf as J[]).length).toBe(servedModels('standard').length);
    expect(branch('gateway.networking.k8s.io/v1', 'HTTPRoute')).toBeDefined();
    expect(branch('gateway.networking.k8s.io/v1beta1', 'HTTPRoute')).toBeDefined();
    expect(branch('v1', 'Service')).toBeDefined();
  });
  it('is plain JSON: no functions, no x- keywords; objects are closed', () => {
    const text = JSON.stringify(s);
    expect(text).not.toContain('x-cel');
    expect(text).not.toContain('x-gwsim');
    const rule = branch('gateway.networking.k8s.io/v1', 'HTTPRoute').then.properties.spec.properties.rules.items;
    expect(rule.additionalProperties).toBe(false);
    expect(rule.properties.matches.description).toBeTruthy();
  });
  it('Standard leaves out Experimental-only fields; Experimental has them', () => {
    const rule = (sch: J) =>
      (
        (sch.allOf as J[]).find(
          (b) =>
            b.if.properties.apiVersion.const === 'gateway.networking.k8s.io/v1' &&
            b.if.properties.kind.const === 'HTTPRoute',
        ) as J
      ).then.properties.spec.properties.rules.items;
    expect(rule(s).properties.retry).toBeUndefined();
    expect(rule(editorJsonSchema('experimental') as J).properties.retry).toBeDefined();
    expect(rule(s).properties.filters.items.properties.type.enum).not.toContain('ExternalAuth');
  });
});
