// Unit tests per rule, written from the semantics reference (§2 defaults and limits, §3 messages).
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../manifest/index.ts';
import { resolveOptions } from '../options.ts';
import type { Channel } from '../types.ts';
import { fieldErrorMessage, validateObject, validateResources, validateStatus } from './index.ts';

type O = Record<string, unknown>;
const GW = 'gateway.networking.k8s.io/v1';

function route(spec: O, kind = 'HTTPRoute', apiVersion = GW): O {
  return { apiVersion, kind, metadata: { name: 'r', namespace: 'default' }, spec };
}
function errs(obj: O, ch: Channel = 'standard'): string[] {
  return validateObject(obj, ch).errors.map(fieldErrorMessage);
}
function gateway(listeners: O[], extra: O = {}): O {
  return {
    apiVersion: GW,
    kind: 'Gateway',
    metadata: { name: 'gw' },
    spec: { gatewayClassName: 'c', listeners, ...extra },
  };
}
const svc = (o: O = {}) => ({ name: 's', port: 80, ...o });
const rule = (o: O) => route({ rules: [o] });

describe('defaults (§2.5, applied before validation)', () => {
  it('an HTTPRoute without rules gets the catch-all rule', () => {
    const v = validateObject(route({}), 'standard');
    expect(v.errors).toEqual([]);
    expect((v.obj.spec as O).rules).toEqual([{ matches: [{ path: { type: 'PathPrefix', value: '/' } }] }]);
  });
  it('a match without path, a path without type/value, backendRef group/kind/weight, header type', () => {
    const raw = rule({
      matches: [{ headers: [{ name: 'x', value: 'y' }] }, { path: { value: '/a' } }, { path: { type: 'Exact' } }],
      backendRefs: [svc()],
    });
    const v = validateObject(raw, 'standard');
    expect(v.errors).toEqual([]);
    const r = ((v.obj.spec as O).rules as O[])[0] as O;
    expect(r.matches).toEqual([
      { path: { type: 'PathPrefix', value: '/' }, headers: [{ type: 'Exact', name: 'x', value: 'y' }] },
      { path: { type: 'PathPrefix', value: '/a' } },
      { path: { type: 'Exact', value: '/' } },
    ]);
    expect(r.backendRefs).toEqual([{ group: '', kind: 'Service', name: 's', port: 80, weight: 1 }]);
    // raw is never mutated
    expect(((raw.spec as O).rules as O[])[0]).not.toHaveProperty('matches.0.path');
  });
  it('redirect statusCode 302, mirror denominator 100, CORS maxAge 5', () => {
    const v = validateObject(
      rule({
        filters: [
          { type: 'RequestRedirect', requestRedirect: { scheme: 'https' } },
          { type: 'RequestMirror', requestMirror: { backendRef: svc(), fraction: { numerator: 5 } } },
          { type: 'CORS', cors: { allowOrigins: ['*'] } },
        ],
      }),
      'standard',
    );
    expect(v.errors).toEqual([]);
    const f = ((((v.obj.spec as O).rules as O[])[0] as O).filters as O[]).map((x) => x);
    expect((f[0] as O).requestRedirect).toEqual({ scheme: 'https', statusCode: 302 });
    expect(((f[1] as O).requestMirror as O).fraction).toEqual({ numerator: 5, denominator: 100 });
    expect(((f[2] as O).cors as O).maxAge).toBe(5);
  });
  it('listener tls.mode Terminate and allowedRoutes from Same; Gateway allowedListeners from None', () => {
    const v = validateObject(
      gateway([{ name: 'https', port: 443, protocol: 'HTTPS', tls: { certificateRefs: [{ name: 'c' }] } }], {
        allowedListeners: {},
      }),
      'standard',
    );
    expect(v.errors).toEqual([]);
    const l = ((v.obj.spec as O).listeners as O[])[0] as O;
    expect(l.tls).toEqual({ mode: 'Terminate', certificateRefs: [{ group: '', kind: 'Secret', name: 'c' }] });
    expect(l.allowedRoutes).toEqual({ namespaces: { from: 'Same' } });
    expect((v.obj.spec as O).allowedListeners).toEqual({ namespaces: { from: 'None' } });
  });
  it('parentRef group and kind', () => {
    const v = validateObject(route({ parentRefs: [{ name: 'gw' }] }), 'standard');
    expect((v.obj.spec as O).parentRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw' }]);
  });
  it('an empty tls: {} defaults to Terminate, which then needs certificateRefs or options', () => {
    expect(errs(gateway([{ name: 'a', port: 443, protocol: 'HTTPS', tls: {} }]))).toContain(
      'spec.listeners[0].tls: Invalid value: "object": certificateRefs or options must be specified when mode is Terminate',
    );
  });
  it('null is pruned, then defaulted (YAML `matches:` with no value)', () => {
    const v = validateObject(rule({ matches: null, backendRefs: [svc()] }), 'standard');
    expect(v.errors).toEqual([]);
    expect((((v.obj.spec as O).rules as O[])[0] as O).matches).toEqual([{ path: { type: 'PathPrefix', value: '/' } }]);
  });
});

describe('OpenAPI constraints with the API server messages', () => {
  it('enum', () => {
    expect(errs(rule({ matches: [{ path: { type: 'Prefix', value: '/' } }] }))).toContain(
      'spec.rules[0].matches[0].path.type: Unsupported value: "Prefix": supported values: "Exact", "PathPrefix", "RegularExpression"',
    );
  });
  it('pattern (RE2 search semantics)', () => {
    expect(errs(route({ hostnames: ['Foo.com'] }))).toContain(
      `spec.hostnames[0]: Invalid value: "Foo.com": spec.hostnames[0] in body should match '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$'`,
    );
    // ProtocolType anchors only its first alternative: a domain-prefixed protocol anywhere matches (§2.0).
    expect(errs(gateway([{ name: 'a', port: 80, protocol: '!!example.com/foo' }]))).toEqual([]);
    expect(errs(gateway([{ name: 'a', port: 80, protocol: 'HT TP' }])).join()).toContain('should match');
  });
  it('required', () => {
    expect(errs(route({ parentRefs: [{}] }))).toContain('spec.parentRefs[0].name: Required value');
    expect(errs({ apiVersion: GW, kind: 'HTTPRoute', metadata: { name: 'x' } })).toContain('spec: Required value');
  });
  it('minLength / maxLength / minimum / maximum / maxItems / minItems', () => {
    expect(errs(route({ parentRefs: [{ name: '' }] }))).toContain(
      'spec.parentRefs[0].name: Invalid value: "": spec.parentRefs[0].name in body should be at least 1 chars long',
    );
    expect(errs(route({ parentRefs: [{ name: 'g', namespace: 'n'.repeat(64) }] }))).toContain(
      'spec.parentRefs[0].namespace: Too long: may not be more than 63 bytes',
    );
    expect(errs(rule({ backendRefs: [svc({ port: 0 })] }))).toContain(
      'spec.rules[0].backendRefs[0].port: Invalid value: 0: spec.rules[0].backendRefs[0].port in body should be greater than or equal to 1',
    );
    expect(errs(rule({ backendRefs: [svc({ weight: 1000001 })] }))).toContain(
      'spec.rules[0].backendRefs[0].weight: Invalid value: 1000001: spec.rules[0].backendRefs[0].weight in body should be less than or equal to 1000000',
    );
    expect(errs(route({ hostnames: Array.from({ length: 17 }, (_, i) => `h${i}.example.com`) }))).toContain(
      'spec.hostnames: Too many: 17: must have at most 16 items',
    );
    expect(errs(route({ rules: [] }))).toContain(
      'spec.rules: Invalid value: 0: spec.rules in body should have at least 1 items',
    );
  });
  it('types', () => {
    expect(errs(rule({ backendRefs: [svc({ port: '80' })] }))).toContain(
      'spec.rules[0].backendRefs[0].port: Invalid value: "80": spec.rules[0].backendRefs[0].port in body must be of type integer: "string"',
    );
    expect(errs(route({ rules: { matches: [] } }))[0]).toContain('must be of type array: "object"');
  });
  it('list-map keys and sets reject duplicates; header name case variants are accepted (§3.4)', () => {
    expect(
      errs(
        rule({
          matches: [
            {
              headers: [
                { name: 'x', value: '1' },
                { name: 'x', value: '2' },
              ],
            },
          ],
        }),
      ).join(),
    ).toContain('spec.rules[0].matches[0].headers[1]: Duplicate value: map[string]interface {}{"name":"x"}');
    expect(
      errs(
        rule({
          matches: [
            {
              headers: [
                { name: 'x', value: '1' },
                { name: 'X', value: '2' },
              ],
            },
          ],
        }),
      ),
    ).toEqual([]);
    expect(
      errs(rule({ filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { remove: ['a', 'a'] } }] })),
    ).toContain('spec.rules[0].filters[0].requestHeaderModifier.remove[1]: Duplicate value: "a"');
  });
  it('maxProperties and map value patterns (path segment is the key)', () => {
    const labels = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, 'v']));
    expect(errs(gateway([{ name: 'a', port: 80, protocol: 'HTTP' }], { infrastructure: { labels } }))).toContain(
      'spec.infrastructure.labels: Too many: 9: must have at most 8 items',
    );
    expect(
      errs(
        gateway([{ name: 'a', port: 80, protocol: 'HTTP' }], { infrastructure: { labels: { key: '-bad' } } }),
      ).join(),
    ).toContain("spec.infrastructure.labels.key in body should match '^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$'");
  });
  it('Gateway addresses: IPAddress values must be IPs (OpenAPI oneOf)', () => {
    const e = errs(gateway([{ name: 'a', port: 80, protocol: 'HTTP' }], { addresses: [{ value: '1.2.3.4:80' }] }));
    expect(e.join()).toContain('Invalid value: "1.2.3.4:80": spec.addresses[0].value in body must be of type ipv4');
    expect(
      errs(
        gateway([{ name: 'a', port: 80, protocol: 'HTTP' }], {
          addresses: [{ value: '::1' }, { type: 'Hostname', value: 'a.b' }],
        }),
      ),
    ).toEqual([]);
  });
  it('Duration pattern (GEP-2257)', () => {
    for (const bad of ['1.5h', '-1s', '1d', '0', '500ns'])
      expect(errs(rule({ timeouts: { request: bad } })).join()).toContain('should match');
    for (const ok of ['0s', '1h30m', '10s30m1h', '500ms'])
      expect(errs(rule({ timeouts: { request: ok } }))).toEqual([]);
  });
  it('Experimental-only header value pattern applies only in Experimental', () => {
    const r = rule({ matches: [{ headers: [{ name: 'x', value: 'a  b' }] }] });
    expect(errs(r, 'standard')).toEqual([]);
    expect(errs(r, 'experimental').join()).toContain('should match');
  });
});

describe('strict field validation and channels', () => {
  it('unknown fields, with did-you-mean', () => {
    expect(errs(rule({ matchs: [] }))).toEqual(['unknown field "spec.rules[0].matchs" (did you mean "matches"?)']);
    expect(errs(route({ hostname: ['a.com'] }))[0]).toBe('unknown field "spec.hostname" (did you mean "hostnames"?)');
    expect(errs({ ...route({}), extra: 1 })).toEqual(['unknown field "extra"']);
  });
  it('Experimental-only fields under Standard name the channel and the switch', () => {
    const e = errs(rule({ retry: { attempts: 2 } }));
    expect(e).toHaveLength(1);
    expect(e[0]).toContain('unknown field "spec.rules[0].retry"');
    expect(e[0]).toContain('only in the Experimental channel');
    expect(e[0]).toContain('--channel experimental');
    expect(errs(rule({ retry: { attempts: 2 } }), 'experimental')).toEqual([]);
    expect(errs(route({ useDefaultGateways: 'All' }))[0]).toContain('Experimental');
    expect(errs(gateway([{ name: 'a', port: 80, protocol: 'HTTP' }], { defaultScope: 'All' }))[0]).toContain(
      'Experimental',
    );
  });
  it('Experimental-only enum values under Standard name the channel', () => {
    const e = errs(rule({ filters: [{ type: 'ExternalAuth' }] }));
    expect(e[0]).toContain('Unsupported value: "ExternalAuth"');
    expect(e[0]).toContain('Experimental channel');
    expect(validateObject(rule({ filters: [{ type: 'ExternalAuth' }] }), 'standard').errors[0]?.code).toBe('channel');
  });
});

describe('CEL rules (TypeScript ports, upstream messages)', () => {
  const cel = (obj: O, ch: Channel = 'standard') => errs(obj, ch).filter((e) => e.includes('Invalid value: "'));
  it('RequestRedirect together with URLRewrite', () => {
    expect(
      cel(
        rule({
          filters: [
            { type: 'RequestRedirect', requestRedirect: {} },
            { type: 'URLRewrite', urlRewrite: {} },
          ],
        }),
      ),
    ).toContain(
      'spec.rules[0].filters: Invalid value: "array": May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both',
    );
  });
  it('RequestRedirect with backendRefs', () => {
    expect(cel(rule({ filters: [{ type: 'RequestRedirect', requestRedirect: {} }], backendRefs: [svc()] }))).toContain(
      'spec.rules[0]: Invalid value: "object": RequestRedirect filter must not be used together with backendRefs',
    );
  });
  it('ReplacePrefixMatch needs exactly one PathPrefix match (rule and backendRef level)', () => {
    const f = { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } };
    expect(cel(rule({ matches: [{ path: { type: 'Exact', value: '/a' } }], filters: [f] }))).toContain(
      'spec.rules[0]: Invalid value: "object": When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
    );
    expect(cel(rule({ matches: [{ path: { value: '/a' } }], filters: [f] }))).toEqual([]);
    expect(
      cel(
        rule({ matches: [{ path: { value: '/a' } }, { path: { value: '/b' } }], backendRefs: [svc({ filters: [f] })] }),
      ),
    ).toContain(
      'spec.rules[0]: Invalid value: "object": Within backendRefs, When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
    );
  });
  it('path modifier type/value pairs', () => {
    expect(
      cel(
        rule({
          filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replacePrefixMatch: '/' } } }],
        }),
      ),
    ).toEqual(
      expect.arrayContaining([
        'spec.rules[0].filters[0].urlRewrite.path: Invalid value: "object": replaceFullPath must be specified when type is set to \'ReplaceFullPath\'',
        'spec.rules[0].filters[0].urlRewrite.path: Invalid value: "object": type must be \'ReplacePrefixMatch\' when replacePrefixMatch is set',
      ]),
    );
  });
  it('a repeated filter type; RequestMirror may repeat', () => {
    const h = { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'a', value: 'b' }] } };
    expect(cel(rule({ filters: [h, h] }))).toContain(
      'spec.rules[0].filters: Invalid value: "array": RequestHeaderModifier filter cannot be repeated',
    );
    const m = { type: 'RequestMirror', requestMirror: { backendRef: svc() } };
    expect(errs(rule({ filters: [m, m] }))).toEqual([]);
  });
  it('filter union: payload must match type', () => {
    expect(cel(rule({ filters: [{ type: 'RequestRedirect' }] }))).toContain(
      'spec.rules[0].filters[0]: Invalid value: "object": filter.requestRedirect must be specified for RequestRedirect filter.type',
    );
    expect(
      cel(rule({ filters: [{ type: 'URLRewrite', urlRewrite: {}, requestMirror: { backendRef: svc() } }] })),
    ).toContain(
      'spec.rules[0].filters[0]: Invalid value: "object": filter.requestMirror must be nil if the filter.type is not RequestMirror',
    );
  });
  it('backendRequest timeout longer than request; request 0s disables the check', () => {
    expect(cel(rule({ timeouts: { request: '1s', backendRequest: '2s' } }))).toEqual([
      'spec.rules[0].timeouts: Invalid value: "object": backendRequest timeout cannot be longer than request timeout',
    ]);
    expect(cel(rule({ timeouts: { request: '1m', backendRequest: '59s' } }))).toEqual([]);
    expect(cel(rule({ timeouts: { request: '0s', backendRequest: '1h' } }))).toEqual([]);
  });
  it('a Service backendRef without a port (also mirror backendRef); other kinds need none', () => {
    expect(cel(rule({ backendRefs: [{ name: 's' }] }))).toEqual([
      'spec.rules[0].backendRefs[0]: Invalid value: "object": Must have port for Service reference',
    ]);
    expect(cel(rule({ filters: [{ type: 'RequestMirror', requestMirror: { backendRef: { name: 's' } } }] }))).toEqual([
      'spec.rules[0].filters[0].requestMirror.backendRef: Invalid value: "object": Must have port for Service reference',
    ]);
    expect(cel(rule({ backendRefs: [{ name: 's', group: 'example.com', kind: 'Bucket' }] }))).toEqual([]);
  });
  it('parentRef uniqueness differs by channel', () => {
    const two = route({ parentRefs: [{ name: 'gw' }, { name: 'gw', sectionName: 'http' }] });
    expect(cel(two, 'standard')).toEqual([
      'spec.parentRefs: Invalid value: "array": sectionName must be specified when parentRefs includes 2 or more references to the same parent',
    ]);
    expect(cel(two, 'experimental')).toEqual([
      'spec.parentRefs: Invalid value: "array": sectionName or port must be specified when parentRefs includes 2 or more references to the same parent',
    ]);
    const dup = route({
      parentRefs: [
        { name: 'gw', sectionName: 'a' },
        { name: 'gw', sectionName: 'a' },
      ],
    });
    expect(cel(dup, 'standard')).toEqual([
      'spec.parentRefs: Invalid value: "array": sectionName must be unique when parentRefs includes 2 or more references to the same parent',
    ]);
    // port distinguishes refs only in Experimental
    const ports = route({
      parentRefs: [
        { name: 'gw', port: 80 },
        { name: 'gw', port: 443 },
      ],
    });
    expect(cel(ports, 'experimental')).toEqual([]);
    expect(cel(ports, 'standard')).toContain(
      'spec.parentRefs: Invalid value: "array": sectionName must be unique when parentRefs includes 2 or more references to the same parent',
    );
    // "unset" namespace and a namespace equal to the route's are different parents (§3.4)
    expect(cel(route({ parentRefs: [{ name: 'gw' }, { name: 'gw', namespace: 'default' }] }))).toEqual([]);
  });
  it('path rules for Exact/PathPrefix only', () => {
    const p = (value: string, type = 'PathPrefix') => cel(rule({ matches: [{ path: { type, value } }] }));
    expect(p('foo')).toContain(
      "spec.rules[0].matches[0].path: Invalid value: \"object\": value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']",
    );
    expect(p('/a//b').join()).toContain("must not contain '//'");
    expect(p('/a/./b').join()).toContain("must not contain '/./'");
    expect(p('/a/../b').join()).toContain("must not contain '/../'");
    expect(p('/a%2fb').join()).toContain("must not contain '%2f'");
    expect(p('/a%2Fb').join()).toContain("must not contain '%2F'");
    expect(p('/a#b').join()).toContain("must not contain '#'");
    expect(p('/a/..').join()).toContain("must not end with '/..'");
    expect(p('/a/.').join()).toContain("must not end with '/.'");
    expect(p('/a b').join()).toContain('must only contain valid characters');
    expect(p('/a//b', 'RegularExpression')).toEqual([]);
  });
  it('total matches across rules ≤ 128', () => {
    const rules = Array.from({ length: 3 }, () => ({
      matches: Array.from({ length: 43 }, () => ({ path: { value: '/' } })),
    }));
    expect(cel(route({ rules }))[0]).toContain(
      'the total number of matches across all rules in a route must be less than 128',
    );
  });
  it('rule name uniqueness is a CEL rule only in Experimental; a lint in Standard', () => {
    const r = route({ rules: [{ name: 'a' }, { name: 'a' }] });
    expect(cel(r, 'experimental')).toEqual([
      'spec.rules: Invalid value: "array": Rule name must be unique within the route',
    ]);
    expect(cel(r, 'standard')).toEqual([]);
  });
  it('Gateway listener rules', () => {
    const c = (ls: O[]) => cel(gateway(ls)).join('\n');
    expect(c([{ name: 'a', port: 80, protocol: 'HTTP', tls: { options: { a: 'b' } } }])).toContain(
      "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']",
    );
    expect(c([{ name: 'a', port: 443, protocol: 'HTTPS', tls: { mode: 'Passthrough' } }])).toContain(
      'tls mode must be Terminate for protocol HTTPS',
    );
    expect(c([{ name: 'a', port: 443, protocol: 'TLS' }])).toContain('tls mode must be set for protocol TLS');
    expect(c([{ name: 'a', port: 443, protocol: 'TCP', hostname: 'a.com' }])).toContain(
      "hostname must not be specified for protocols ['TCP', 'UDP']",
    );
    expect(
      c([
        { name: 'a', port: 80, protocol: 'HTTP' },
        { name: 'b', port: 80, protocol: 'HTTP' },
      ]),
    ).toContain('Combination of port, protocol and hostname must be unique for each listener');
    expect(
      c([
        { name: 'a', port: 80, protocol: 'HTTP' },
        { name: 'b', port: 80, protocol: 'HTTP', hostname: 'a.com' },
      ]),
    ).toBe('');
    expect(
      errs(
        gateway([
          { name: 'a', port: 80, protocol: 'HTTP' },
          { name: 'a', port: 81, protocol: 'HTTP' },
        ]),
      ).join(),
    ).toContain('Listener name must be unique within the Gateway');
    // An HTTPS listener without tls passes admission in v1.6.1 (§3.2).
    expect(c([{ name: 'a', port: 443, protocol: 'HTTPS' }])).toBe('');
  });
  it('TLSRoute v1 hostnames', () => {
    const t = (hostnames: string[]) =>
      cel(route({ hostnames, rules: [{ backendRefs: [svc()] }] }, 'TLSRoute')).join('\n');
    expect(t(['1.2.3.4'])).toContain('Hostnames cannot contain an IP');
    expect(t(['a.example.com', '*.example.com'])).toBe('');
    expect(errs(route({ rules: [{ backendRefs: [svc()] }] }, 'TLSRoute'))).toContain('spec.hostnames: Required value');
    // v1alpha2 (Experimental only): hostnames optional, up to 16 rules
    const a2 = route(
      { rules: [{ backendRefs: [svc()] }, { backendRefs: [svc()] }] },
      'TLSRoute',
      'gateway.networking.k8s.io/v1alpha2',
    );
    expect(errs(a2, 'experimental')).toEqual([]);
  });
  it('TCPRoute v1 allows exactly one rule; v1alpha2 sixteen', () => {
    const two = { rules: [{ backendRefs: [svc()] }, { backendRefs: [svc()] }] };
    expect(errs(route(two, 'TCPRoute'))).toContain('spec.rules: Too many: 2: must have at most 1 items');
    expect(errs(route(two, 'TCPRoute', 'gateway.networking.k8s.io/v1alpha2'), 'experimental')).toEqual([]);
  });
  it('GRPCRoute method match', () => {
    const g = (method: O) => cel(route({ rules: [{ matches: [{ method }] }] }, 'GRPCRoute')).join('\n');
    expect(g({})).toContain("One or both of 'service' or 'method' must be specified");
    expect(g({ service: 'foo.Bar', method: 'Baz' })).toBe('');
    expect(g({ method: 'a.b' })).toContain('method must only contain valid characters');
    expect(g({ type: 'RegularExpression', method: 'a.*' })).toBe('');
  });
  it('BackendTLSPolicy', () => {
    const p = (validation: O, targetRefs: O[] = [{ group: '', kind: 'Service', name: 's' }]) =>
      cel({ apiVersion: GW, kind: 'BackendTLSPolicy', metadata: { name: 'p' }, spec: { targetRefs, validation } }).join(
        '\n',
      );
    expect(p({ hostname: 'a.com' })).toContain('must specify either CACertificateRefs or WellKnownCACertificates');
    expect(
      p({
        hostname: 'a.com',
        wellKnownCACertificates: 'System',
        caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'c' }],
      }),
    ).toContain('must not contain both CACertificateRefs and WellKnownCACertificates');
    expect(
      p({
        hostname: 'a.com',
        wellKnownCACertificates: 'System',
        subjectAltNames: [{ type: 'URI', hostname: 'a.com' }],
      }),
    ).toContain('SubjectAltName element must contain URI, if Type is set to URI');
    expect(
      p({ hostname: 'a.com', wellKnownCACertificates: 'System' }, [
        { group: '', kind: 'Service', name: 's' },
        { group: '', kind: 'Service', name: 's', sectionName: 'https' },
      ]),
    ).toContain('sectionName must be specified when targetRefs includes 2 or more references to the same target');
  });
  it('GatewayClass controllerName is immutable (transition rule, update only)', () => {
    const gc = (c: string) => ({
      apiVersion: GW,
      kind: 'GatewayClass',
      metadata: { name: 'gc' },
      spec: { controllerName: c },
    });
    expect(errs(gc('example.com/a'))).toEqual([]);
    expect(validateObject(gc('example.com/b'), 'standard', gc('example.com/a')).errors.map(fieldErrorMessage)).toEqual([
      'spec.controllerName: Invalid value: "string": Value is immutable',
    ]);
  });
  it('XBackendTrafficPolicy intervals (Experimental)', () => {
    const x = (retryConstraint: O) =>
      cel(
        {
          apiVersion: 'gateway.networking.x-k8s.io/v1alpha1',
          kind: 'XBackendTrafficPolicy',
          metadata: { name: 'p' },
          spec: { targetRefs: [{ group: '', kind: 'Service', name: 's' }], retryConstraint },
        },
        'experimental',
      ).join('\n');
    expect(x({ budget: { interval: '2h' } })).toContain(
      'interval cannot be greater than one hour or less than one second',
    );
    expect(x({ budget: {} })).toBe('');
    expect(x({ minRetryRate: { interval: '0s' } })).toContain('interval cannot be greater than one hour');
  });
});

describe('status subresource', () => {
  it('status is ignored on create; validated on status updates with status-relative paths', () => {
    const g = { ...gateway([{ name: 'a', port: 80, protocol: 'HTTP' }]), status: { addresses: [{ value: 'nope' }] } };
    expect(errs(g)).toEqual([]);
    expect(validateStatus(g, 'standard').errors.map(fieldErrorMessage).join()).toContain(
      'Invalid value: "nope": addresses[0].value in body must be of type ipv4',
    );
    const h = { ...g, status: { addresses: [{ type: 'Hostname', value: '*foo/bar' }] } };
    expect(validateStatus(h, 'standard').errors.map(fieldErrorMessage)).toEqual([
      'addresses[0]: Invalid value: "object": Hostname value must only contain valid characters (matching ^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)',
    ]);
  });
});

describe('validateResources', () => {
  const load = (text: string, channel: Channel = 'standard') => {
    const opts = resolveOptions({ channel });
    const l = loadManifests([{ name: 'm.yaml', text }], opts);
    return { resources: l.resources, diagnostics: validateResources(l.resources, opts) };
  };
  it('sets obj to the defaulted copy, leaves raw alone and marks rejected objects invalid', () => {
    const src = `apiVersion: ${GW}
kind: HTTPRoute
metadata: {name: ok}
spec:
  parentRefs: [{name: gw}]
---
apiVersion: ${GW}
kind: HTTPRoute
metadata: {name: bad}
spec:
  rules:
  - matches:
    - path: {type: Prefix, value: /}
`;
    const { resources, diagnostics } = load(src);
    const [ok, bad] = resources;
    expect(ok?.valid).toBe(true);
    expect((ok?.obj.spec as O | undefined)?.rules).toHaveLength(1);
    expect((ok?.raw.spec as O | undefined)?.rules).toBeUndefined();
    expect(bad?.valid).toBe(false);
    // The enum error, plus the CEL rule on the same value (the API server evaluates both).
    expect(diagnostics.map((x) => x.code)).toEqual(['schema', 'cel']);
    const d = diagnostics[0];
    expect(d?.code).toBe('schema');
    expect(d?.path).toBe('spec.rules[0].matches[0].path.type');
    expect(d?.resource).toEqual({
      group: 'gateway.networking.k8s.io',
      kind: 'HTTPRoute',
      namespace: 'default',
      name: 'bad',
    });
    expect(d?.message).toBe(
      'spec.rules[0].matches[0].path.type: Unsupported value: "Prefix": supported values: "Exact", "PathPrefix", "RegularExpression"',
    );
    expect(d?.range && src.slice(d.range.start, d.range.end)).toBe('Prefix');
  });
  it('points unknown fields at the key', () => {
    const src = `apiVersion: ${GW}\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n  hostname: [a.com]\n`;
    const { diagnostics } = load(src);
    expect(diagnostics[0]?.code).toBe('unknown-field');
    const r = diagnostics[0]?.range;
    expect(r && src.slice(r.start, r.end)).toBe('hostname');
  });
  it('never validates opaque kinds', () => {
    const { resources, diagnostics } = load(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {whatever: 1}\n',
    );
    expect(diagnostics).toEqual([]);
    expect(resources[0]?.valid).toBe(true);
  });
  it('core kinds: strict fields, Service port defaults', () => {
    const { resources, diagnostics } = load(
      'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80, targetPort: http}]\n  selectr: {}\n',
    );
    expect(diagnostics.map((d) => d.message)).toEqual(['unknown field "spec.selectr" (did you mean "selector"?)']);
    const ports = (resources[0]?.obj.spec as O | undefined)?.ports as O[] | undefined;
    expect(ports?.[0]).toEqual({
      port: 80,
      targetPort: 'http',
      protocol: 'TCP',
    });
  });
});

describe('ObjectMeta and core kinds (API server built-in validation)', () => {
  const core = (o: O) => validateObject(o, 'standard').errors.map(fieldErrorMessage);
  it('object names: DNS subdomain (Gateway API kinds), DNS-1035 label (Service), DNS label (Namespace)', () => {
    expect(core(route({ rules: [{}] }))).toEqual([]);
    expect(core({ ...route({}), metadata: { name: 'My_Route' } })[0]).toContain(
      'metadata.name: Invalid value: "My_Route": a lowercase RFC 1123 subdomain must consist of',
    );
    expect(
      core({ apiVersion: 'v1', kind: 'Service', metadata: { name: '1svc' }, spec: { ports: [{ port: 80 }] } })[0],
    ).toContain('a DNS-1035 label must consist of');
    expect(core({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } })[0]).toContain('RFC 1123 label');
  });
  it('label keys and values', () => {
    const e = core({ ...route({}), metadata: { name: 'r', labels: { 'bad key': 'x', ok: 'not ok!' } } });
    expect(e.join('\n')).toContain('name part must consist of alphanumeric characters');
    expect(e.join('\n')).toContain('a valid label must be an empty string or consist of');
  });
  it('Service: targetPort defaults to port', () => {
    const v = validateObject(
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 8080 }] } },
      'standard',
    );
    expect(((v.obj.spec as O).ports as O[])[0]).toEqual({ port: 8080, protocol: 'TCP', targetPort: 8080 });
  });
  it('Service: type, protocol, port names', () => {
    const s = (spec: O) => core({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec });
    expect(s({ type: 'Ingress', ports: [{ port: 80 }] })[0]).toContain('spec.type: Unsupported value: "Ingress"');
    expect(s({ ports: [{ port: 80, protocol: 'HTTP' }] })[0]).toContain(
      'spec.ports[0].protocol: Unsupported value: "HTTP"',
    );
    expect(s({ ports: [{ port: 80 }, { port: 81 }] })).toEqual([
      'spec.ports[0].name: Required value',
      'spec.ports[1].name: Required value',
    ]);
    expect(
      s({
        ports: [
          { name: 'http', port: 80 },
          { name: 'http', port: 81 },
        ],
      }),
    ).toEqual(['spec.ports[1].name: Duplicate value: "http"']);
    expect(s({ clusterIP: 'None' })).toEqual([]);
  });
  it('Secret: kubernetes.io/tls needs tls.crt and tls.key; data is base64', () => {
    const sec = (o: O) => core({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, ...o });
    expect(sec({ type: 'kubernetes.io/tls', data: { 'tls.crt': 'YQ==' } })).toEqual(['data[tls.key]: Required value']);
    expect(sec({ type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'a', 'tls.key': 'b' } })).toEqual([]);
    expect(sec({ data: { x: 'not base64!' } })[0]).toContain('illegal base64');
  });
  it('ConfigMap keys', () => {
    expect(
      core({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'ca crt': 'x' } })[0],
    ).toContain('a valid config key must consist of');
  });
});
