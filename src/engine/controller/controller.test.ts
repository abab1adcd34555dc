// Controller rules, one test per rule, written from the semantics reference (§4, §5, §11) and the
// Gateway API docs, not from the implementation's output.
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis.ts';
import type { Condition, Diagnostic, EngineOptions, ObjectStatus } from '../types.ts';

const CLASS = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: sim}
spec: {controllerName: example.com/sim}
`;

const doc = (...docs: string[]) => [CLASS, ...docs].join('---\n');

function run(text: string, opts?: EngineOptions) {
  return analyze(text, opts);
}

function status(a: ReturnType<typeof run>, kind: string, ns: string | undefined, name: string): ObjectStatus {
  const s = a.status.find((x) => x.kind === kind && x.name === name && (ns === undefined || x.namespace === ns));
  if (!s)
    throw new Error(
      `no status for ${kind} ${ns}/${name}: ${a.status.map((x) => `${x.kind}/${x.namespace}/${x.name}`).join(', ')}`,
    );
  return s;
}

const c = (cs: Condition[] | undefined, type: string) => {
  const x = cs?.find((k) => k.type === type);
  return x ? `${x.status}/${x.reason}` : 'absent';
};

const parent = (s: ObjectStatus, i = 0) => s.parents?.[i]?.conditions;
const listener = (s: ObjectStatus, name: string) => s.listeners?.find((l) => l.name === name);

function applyFix(text: string, d: Diagnostic): string {
  const edits = [...(d.fix?.edits ?? [])].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

const gw = (listeners: string, extra = '', ns = 'infra', name = 'gw') => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: ${ns}}
spec:
  gatewayClassName: sim
${extra}  listeners:
${listeners}`;

const svc = (name: string, ns: string, port = 8080, extra = '') => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec:
${extra}  ports:
  - {name: p, port: ${port}}
`;

const route = (name: string, ns: string, spec: string, kind = 'HTTPRoute') => `apiVersion: gateway.networking.k8s.io/v1
kind: ${kind}
metadata: {name: ${name}, namespace: ${ns}}
spec:
${spec}`;

describe('GatewayClass (§4.1)', () => {
  it('accepts classes it controls, with SupportedVersion and sorted supportedFeatures', () => {
    const a = run(CLASS, { features: ['HTTPRoute', 'Gateway'] });
    const s = status(a, 'GatewayClass', undefined, 'sim');
    expect(c(s.conditions, 'Accepted')).toBe('True/Accepted');
    expect(c(s.conditions, 'SupportedVersion')).toBe('True/SupportedVersion');
    expect(s.supportedFeatures).toEqual([{ name: 'Gateway' }, { name: 'HTTPRoute' }]);
  });
  it('leaves classes of another controller untouched (no status)', () => {
    const a = run(CLASS, { controllerName: 'other.io/ctl' });
    expect(a.status.find((s) => s.kind === 'GatewayClass')).toBeUndefined();
  });
  it('parametersRef: missing object ⇒ InvalidParameters; present ConfigMap or opaque object ⇒ Accepted', () => {
    const withRef = (ref: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: sim}
spec:
  controllerName: example.com/sim
  parametersRef: ${ref}
`;
    const missing = run(withRef('{group: "", kind: ConfigMap, name: cfg, namespace: infra}'));
    expect(c(status(missing, 'GatewayClass', undefined, 'sim').conditions, 'Accepted')).toBe('False/InvalidParameters');
    const present = run(
      `${withRef('{group: "", kind: ConfigMap, name: cfg, namespace: infra}')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: infra}\ndata: {a: b}\n`,
    );
    expect(c(status(present, 'GatewayClass', undefined, 'sim').conditions, 'Accepted')).toBe('True/Accepted');
    const custom = run(
      `${withRef('{group: example.com, kind: Params, name: p}')}---\napiVersion: example.com/v1\nkind: Params\nmetadata: {name: p}\nspec: {}\n`,
    );
    expect(c(status(custom, 'GatewayClass', undefined, 'sim').conditions, 'Accepted')).toBe('True/Accepted');
  });
});

describe('Gateway (§4.2) and the worked example (§5.7)', () => {
  const text = doc(
    gw(`  - {name: http, port: 80, protocol: HTTP, hostname: "*.example.com"}
  - {name: weird, port: 1111, protocol: INVALID}
`),
    route(
      'a',
      'infra',
      `  parentRefs: [{name: gw}]
  hostnames: ["app.example.com", "app.example.net"]
  rules: [{backendRefs: [{name: svc, port: 8080}]}]
`,
    ),
    route(
      'b',
      'apps',
      `  parentRefs: [{name: gw, namespace: infra}]
`,
    ),
  );
  const a = run(text);
  it('Gateway: Accepted=True/ListenersNotValid, Programmed=True', () => {
    const s = status(a, 'Gateway', 'infra', 'gw');
    expect(c(s.conditions, 'Accepted')).toBe('True/ListenersNotValid');
    expect(c(s.conditions, 'Programmed')).toBe('True/Programmed');
  });
  it('listeners: http accepted with HTTPRoute+GRPCRoute and 1 route; weird UnsupportedProtocol with no kinds', () => {
    const s = status(a, 'Gateway', 'infra', 'gw');
    const http = listener(s, 'http')!;
    expect(c(http.conditions, 'Accepted')).toBe('True/Accepted');
    expect(c(http.conditions, 'ResolvedRefs')).toBe('True/ResolvedRefs');
    expect(c(http.conditions, 'Programmed')).toBe('True/Programmed');
    expect(http.supportedKinds.map((k) => k.kind)).toEqual(['HTTPRoute', 'GRPCRoute']);
    expect(http.attachedRoutes).toBe(1);
    const weird = listener(s, 'weird')!;
    expect(c(weird.conditions, 'Accepted')).toBe('False/UnsupportedProtocol');
    expect(weird.supportedKinds).toEqual([]);
    expect(weird.attachedRoutes).toBe(0);
  });
  it('route a: Accepted, ResolvedRefs=False/BackendNotFound; effective hostnames [app.example.com]', () => {
    const s = status(a, 'HTTPRoute', 'infra', 'a');
    expect(c(parent(s), 'Accepted')).toBe('True/Accepted');
    expect(c(parent(s), 'ResolvedRefs')).toBe('False/BackendNotFound');
    const l = a.controller.gateways[0]!.listeners.find((x) => x.name === 'http')!;
    expect(l.routes.map((r) => [r.name, r.hostnames])).toEqual([['a', ['app.example.com']]]);
  });
  it('route b: NotAllowedByListeners (namespace), ResolvedRefs=True; defaulted catch-all rule without backends', () => {
    const s = status(a, 'HTTPRoute', 'apps', 'b');
    expect(c(parent(s), 'Accepted')).toBe('False/NotAllowedByListeners');
    expect(c(parent(s), 'ResolvedRefs')).toBe('True/ResolvedRefs');
    const rb = a.controller.routes.find((r) => r.name === 'b')!;
    expect(rb.rules).toHaveLength(1);
    expect(rb.rules[0]!.matches).toEqual([{ path: { type: 'PathPrefix', value: '/' } }]);
    expect(rb.rules[0]!.backendRefs).toEqual([]);
  });
  it('publishes a synthetic address when spec.addresses is empty (SD §4.2)', () => {
    expect(status(a, 'Gateway', 'infra', 'gw').addresses?.length).toBe(1);
  });
  it('a Gateway whose class is missing gets no status, and a diagnostic says so', () => {
    const b = run(gw('  - {name: http, port: 80, protocol: HTTP}\n'));
    expect(b.status.find((s) => s.kind === 'Gateway')).toBeUndefined();
    expect(b.diagnostics.some((d) => d.code === 'GatewayClassNotFound')).toBe(true);
  });
  it('infrastructure.parametersRef to a missing object ⇒ Accepted=False/InvalidParameters', () => {
    const b = run(
      doc(
        gw(
          '  - {name: http, port: 80, protocol: HTTP}\n',
          '  infrastructure:\n    parametersRef: {group: invalid.io, kind: InvalidParameters, name: x}\n',
        ),
      ),
    );
    expect(c(status(b, 'Gateway', 'infra', 'gw').conditions, 'Accepted')).toBe('False/InvalidParameters');
  });
  it('an unsupported address type ⇒ Accepted=False/UnsupportedAddress', () => {
    const b = run(
      doc(gw('  - {name: http, port: 80, protocol: HTTP}\n', '  addresses: [{type: example.com/custom, value: x}]\n')),
    );
    expect(c(status(b, 'Gateway', 'infra', 'gw').conditions, 'Accepted')).toBe('False/UnsupportedAddress');
  });
});

describe('listeners (§4.3)', () => {
  const secret = (name: string, ns: string) => `apiVersion: v1
kind: Secret
metadata: {name: ${name}, namespace: ${ns}}
type: kubernetes.io/tls
data:
  tls.crt: ${btoa('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')}
  tls.key: ${btoa('-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n')}
`;
  const https = (ref: string) => `  - name: https
    port: 443
    protocol: HTTPS
    tls: {certificateRefs: [${ref}]}
`;
  it('HTTPS without tls ⇒ Programmed=False/InvalidTLSConfig (SD §11.1 #17)', () => {
    const a = run(doc(gw('  - {name: https, port: 443, protocol: HTTPS}\n')));
    expect(c(listener(status(a, 'Gateway', 'infra', 'gw'), 'https')!.conditions, 'Programmed')).toBe(
      'False/InvalidTLSConfig',
    );
  });
  it('a same-namespace Secret resolves', () => {
    const a = run(doc(gw(https('{name: cert}')), secret('cert', 'infra')));
    const l = listener(status(a, 'Gateway', 'infra', 'gw'), 'https')!;
    expect(c(l.conditions, 'ResolvedRefs')).toBe('True/ResolvedRefs');
    expect(c(l.conditions, 'Programmed')).toBe('True/Programmed');
  });
  it('a missing or malformed Secret ⇒ ResolvedRefs=False/InvalidCertificateRef and Programmed=False', () => {
    const a = run(doc(gw(https('{name: nope}'))));
    const l = listener(status(a, 'Gateway', 'infra', 'gw'), 'https')!;
    expect(c(l.conditions, 'ResolvedRefs')).toBe('False/InvalidCertificateRef');
    expect(c(l.conditions, 'Programmed')).toBe('False/Invalid');
    const bad = `apiVersion: v1\nkind: Secret\nmetadata: {name: cert, namespace: infra}\ntype: kubernetes.io/tls\ndata: {tls.crt: SGVsbG8gd29ybGQK, tls.key: SGVsbG8gd29ybGQK}\n`;
    const b = run(doc(gw(https('{name: cert}')), bad));
    expect(c(listener(status(b, 'Gateway', 'infra', 'gw'), 'https')!.conditions, 'ResolvedRefs')).toBe(
      'False/InvalidCertificateRef',
    );
  });
  it('a cross-namespace Secret needs a ReferenceGrant from Gateway to Secret (RefNotPermitted first)', () => {
    const text = doc(gw(https('{name: cert, namespace: certs}, {name: nope}')), secret('cert', 'certs'));
    const a = run(text);
    expect(c(listener(status(a, 'Gateway', 'infra', 'gw'), 'https')!.conditions, 'ResolvedRefs')).toBe(
      'False/RefNotPermitted',
    );
    // The fix adds the grant; the listener then only has the missing Secret left.
    const d = a.diagnostics.find((x) => x.code === 'RefNotPermitted')!;
    expect(d.fix).toBeTruthy();
    const b = run(applyFix(text, d));
    expect(c(listener(status(b, 'Gateway', 'infra', 'gw'), 'https')!.conditions, 'ResolvedRefs')).toBe(
      'False/InvalidCertificateRef',
    );
  });
  it('allowedRoutes.kinds with an incompatible kind ⇒ ResolvedRefs=False/InvalidRouteKinds, valid kinds kept', () => {
    const a = run(
      doc(
        gw(`  - name: http
    port: 80
    protocol: HTTP
    allowedRoutes: {kinds: [{kind: HTTPRoute}, {kind: TCPRoute}]}
`),
      ),
    );
    const l = listener(status(a, 'Gateway', 'infra', 'gw'), 'http')!;
    expect(c(l.conditions, 'ResolvedRefs')).toBe('False/InvalidRouteKinds');
    expect(l.supportedKinds.map((k) => k.kind)).toEqual(['HTTPRoute']);
  });
  it('TLS listeners: Passthrough allows TLSRoute only (TCPRoute no longer); Terminate needs TLSRouteModeTerminate', () => {
    const tls = (mode: string) => `  - name: tls
    port: 443
    protocol: TLS
    tls: {mode: ${mode}${mode === 'Terminate' ? ', certificateRefs: [{name: cert}]' : ''}}
`;
    const a = run(doc(gw(tls('Passthrough'))));
    expect(listener(status(a, 'Gateway', 'infra', 'gw'), 'tls')!.supportedKinds.map((k) => k.kind)).toEqual([
      'TLSRoute',
    ]);
    const b = run(doc(gw(tls('Terminate')), secret('cert', 'infra')), { features: ['Gateway', 'TLSRoute'] });
    const l = listener(status(b, 'Gateway', 'infra', 'gw'), 'tls')!;
    expect(c(l.conditions, 'Accepted')).toBe('False/UnsupportedValue');
    expect(l.supportedKinds).toEqual([]);
  });
  it('OverlappingTLSConfig on HTTPS listeners of one port whose hostnames overlap', () => {
    const a = run(
      doc(
        gw(`  - {name: a, port: 443, protocol: HTTPS, hostname: foo.example.com, tls: {certificateRefs: [{name: cert}]}}
  - {name: b, port: 443, protocol: HTTPS, hostname: "*.example.com", tls: {certificateRefs: [{name: cert}]}}
  - {name: c, port: 443, protocol: HTTPS, hostname: other.org, tls: {certificateRefs: [{name: cert}]}}
`),
        secret('cert', 'infra'),
      ),
    );
    const s = status(a, 'Gateway', 'infra', 'gw');
    expect(c(listener(s, 'a')!.conditions, 'OverlappingTLSConfig')).toBe('True/OverlappingHostnames');
    expect(c(listener(s, 'b')!.conditions, 'OverlappingTLSConfig')).toBe('True/OverlappingHostnames');
    expect(c(listener(s, 'c')!.conditions, 'OverlappingTLSConfig')).toBe('absent');
  });
});

describe('ports', () => {
  it('no port is unavailable (the SD deny-list is empty), 8080 included', () => {
    const text = doc(gw('  - {name: alt, port: 8080, protocol: HTTP}\n'));
    expect(
      c(
        listener(status(run(text, { features: ['Gateway', 'HTTPRoute'] }), 'Gateway', 'infra', 'gw'), 'alt')!
          .conditions,
        'Accepted',
      ),
    ).toBe('True/Accepted');
  });
  it('core features (Gateway, HTTPRoute, ReferenceGrant) are always claimed', () => {
    const a = run(doc(gw('  - {name: http, port: 80, protocol: HTTP}\n')), { features: ['ListenerSet'] });
    expect(listener(status(a, 'Gateway', 'infra', 'gw'), 'http')!.supportedKinds.map((k) => k.kind)).toEqual([
      'HTTPRoute',
    ]);
  });
});

describe('listener conflicts (§4.4)', () => {
  it('inside one Gateway nobody wins: TCP and HTTP on one port are both ProtocolConflict', () => {
    const a = run(doc(gw('  - {name: h, port: 80, protocol: HTTP}\n  - {name: t, port: 80, protocol: TCP}\n')));
    const s = status(a, 'Gateway', 'infra', 'gw');
    for (const n of ['h', 't']) {
      const l = listener(s, n)!;
      expect(c(l.conditions, 'Conflicted')).toBe('True/ProtocolConflict');
      expect(c(l.conditions, 'Accepted')).toBe('False/ProtocolConflict');
      expect(c(l.conditions, 'Programmed')).toBe('False/ProtocolConflict');
    }
    expect(c(s.conditions, 'Accepted')).toBe('False/ListenersNotValid');
  });
  it('TCP and UDP on one port coexist', () => {
    const a = run(doc(gw('  - {name: t, port: 53, protocol: TCP}\n  - {name: u, port: 53, protocol: UDP}\n')));
    const s = status(a, 'Gateway', 'infra', 'gw');
    expect(c(listener(s, 't')!.conditions, 'Conflicted')).toBe('False/NoConflicts');
    expect(c(listener(s, 'u')!.conditions, 'Conflicted')).toBe('False/NoConflicts');
  });
  it('TLS Terminate and Passthrough on one port conflict unless TLSRouteModeMixed', () => {
    const text = doc(
      gw(`  - {name: t, port: 8443, protocol: TLS, hostname: a.example.com, tls: {mode: Terminate, certificateRefs: [{name: cert}]}}
  - {name: p, port: 8443, protocol: TLS, hostname: b.example.com, tls: {mode: Passthrough}}
`),
    );
    const without = run(text, { features: ['Gateway', 'TLSRoute', 'TLSRouteModeTerminate'] });
    expect(c(listener(status(without, 'Gateway', 'infra', 'gw'), 'p')!.conditions, 'Accepted')).toBe(
      'False/ProtocolConflict',
    );
    const mixed = run(text, { features: ['Gateway', 'TLSRoute', 'TLSRouteModeTerminate', 'TLSRouteModeMixed'] });
    expect(c(listener(status(mixed, 'Gateway', 'infra', 'gw'), 'p')!.conditions, 'Conflicted')).toBe(
      'False/NoConflicts',
    );
  });
});

describe('ListenerSet (§4.5)', () => {
  const ls = (name: string, ns: string, listeners: string, extra = '') => `apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: ${name}, namespace: ${ns}}
spec:
  parentRef: {name: gw, namespace: infra}
${extra}  listeners:
${listeners}`;
  const allow = (from: string) => `  allowedListeners: {namespaces: {from: ${from}}}\n`;
  it('allowedListeners defaults to None: NotAllowed (Accepted and Programmed)', () => {
    const a = run(
      doc(
        gw('  - {name: http, port: 80, protocol: HTTP}\n'),
        ls('ls', 'infra', '  - {name: x, port: 81, protocol: HTTP}\n'),
      ),
    );
    const s = status(a, 'ListenerSet', 'infra', 'ls');
    expect(c(s.conditions, 'Accepted')).toBe('False/NotAllowed');
    expect(c(s.conditions, 'Programmed')).toBe('False/NotAllowed');
    expect(status(a, 'Gateway', 'infra', 'gw').attachedListenerSets).toBe(0);
  });
  it('from: Same admits a ListenerSet of the Gateway namespace and counts it', () => {
    const a = run(
      doc(
        gw('  - {name: http, port: 80, protocol: HTTP}\n', allow('Same')),
        ls('ls', 'infra', '  - {name: x, port: 81, protocol: HTTP}\n'),
        ls('far', 'other', '  - {name: y, port: 82, protocol: HTTP}\n'),
      ),
    );
    expect(c(status(a, 'ListenerSet', 'infra', 'ls').conditions, 'Accepted')).toBe('True/Accepted');
    expect(c(status(a, 'ListenerSet', 'other', 'far').conditions, 'Accepted')).toBe('False/NotAllowed');
    const g = status(a, 'Gateway', 'infra', 'gw');
    expect(g.attachedListenerSets).toBe(1);
    // The Gateway's status.listeners holds only its own listeners.
    expect(g.listeners?.map((l) => l.name)).toEqual(['http']);
  });
  it('a conflict with a Gateway listener: the Gateway wins, the ListenerSet listener is HostnameConflict', () => {
    const a = run(
      doc(
        gw('  - {name: shared, port: 80, protocol: HTTP, hostname: shared.example.com}\n', allow('Same')),
        ls(
          'ls',
          'infra',
          '  - {name: mine, port: 80, protocol: HTTP, hostname: mine.example.com}\n  - {name: shared, port: 80, protocol: HTTP, hostname: shared.example.com}\n',
        ),
      ),
    );
    expect(c(listener(status(a, 'Gateway', 'infra', 'gw'), 'shared')!.conditions, 'Conflicted')).toBe(
      'False/NoConflicts',
    );
    const s = status(a, 'ListenerSet', 'infra', 'ls');
    expect(c(listener(s, 'shared')!.conditions, 'Conflicted')).toBe('True/HostnameConflict');
    expect(c(listener(s, 'shared')!.conditions, 'Accepted')).toBe('False/HostnameConflict');
    expect(c(listener(s, 'mine')!.conditions, 'Accepted')).toBe('True/Accepted');
    expect(c(s.conditions, 'Accepted')).toBe('True/Accepted');
  });
  it('between ListenerSets the older wins', () => {
    const a = run(
      doc(
        gw('  - {name: http, port: 80, protocol: HTTP, hostname: gw.example.com}\n', allow('Same')),
        ls('old', 'infra', '  - {name: x, port: 80, protocol: HTTP, hostname: x.example.com}\n'),
        ls('new', 'infra', '  - {name: x, port: 80, protocol: HTTP, hostname: x.example.com}\n'),
      ),
    );
    expect(c(listener(status(a, 'ListenerSet', 'infra', 'old'), 'x')!.conditions, 'Accepted')).toBe('True/Accepted');
    const n = status(a, 'ListenerSet', 'infra', 'new');
    expect(c(listener(n, 'x')!.conditions, 'Accepted')).toBe('False/HostnameConflict');
    expect(c(n.conditions, 'Accepted')).toBe('False/ListenersNotValid');
    expect(status(a, 'Gateway', 'infra', 'gw').attachedListenerSets).toBe(1);
  });
  it('a Gateway parentRef never reaches ListenerSet listeners; a ListenerSet parentRef does, with Same = the ListenerSet namespace', () => {
    const a = run(
      doc(
        gw('  - {name: http, port: 80, protocol: HTTP}\n', allow('All')),
        ls('ls', 'apps', '  - {name: extra, port: 8080, protocol: HTTP}\n'),
        route('via-gw', 'apps', '  parentRefs: [{name: gw, namespace: infra, sectionName: extra}]\n'),
        route('via-ls', 'apps', '  parentRefs: [{kind: ListenerSet, name: ls, sectionName: extra}]\n'),
      ),
    );
    expect(c(parent(status(a, 'HTTPRoute', 'apps', 'via-gw')), 'Accepted')).toBe('False/NoMatchingParent');
    expect(c(parent(status(a, 'HTTPRoute', 'apps', 'via-ls')), 'Accepted')).toBe('True/Accepted');
    expect(listener(status(a, 'ListenerSet', 'apps', 'ls'), 'extra')!.attachedRoutes).toBe(1);
  });
  it('a ListenerSet listener uses the ListenerSet as ReferenceGrant referrer (a Gateway grant does not cover it)', () => {
    const grant = `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: g, namespace: certs}
spec:
  from: [{group: gateway.networking.k8s.io, kind: Gateway, namespace: apps}]
  to: [{group: "", kind: Secret}]
`;
    const a = run(
      doc(
        gw('  - {name: http, port: 80, protocol: HTTP}\n', allow('All')),
        ls(
          'ls',
          'apps',
          '  - {name: s, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert, namespace: certs}]}}\n',
        ),
        grant,
      ),
    );
    expect(c(listener(status(a, 'ListenerSet', 'apps', 'ls'), 's')!.conditions, 'ResolvedRefs')).toBe(
      'False/RefNotPermitted',
    );
  });
});

describe('route attachment (§4.6)', () => {
  const base = gw(`  - {name: a, port: 80, protocol: HTTP, hostname: a.example.com}
  - {name: b, port: 8080, protocol: HTTP}
`);
  const one = (spec: string, ns = 'infra') => {
    const a = run(doc(base, route('r', ns, spec)));
    return { a, s: status(a, 'HTTPRoute', ns, 'r') };
  };
  it('sectionName that names no listener ⇒ NoMatchingParent, with a fix to the closest name', () => {
    const text = doc(base, route('r', 'infra', '  parentRefs: [{name: gw, sectionName: bb}]\n'));
    const a = run(text);
    expect(c(parent(status(a, 'HTTPRoute', 'infra', 'r')), 'Accepted')).toBe('False/NoMatchingParent');
    const d = a.diagnostics.find((x) => x.code === 'NoMatchingParent')!;
    expect(d.fix?.title).toMatch(/sectionName/);
    const fixed = run(applyFix(text, d));
    expect(c(parent(status(fixed, 'HTTPRoute', 'infra', 'r')), 'Accepted')).toBe('True/Accepted');
  });
  it('port that matches no listener ⇒ NoMatchingParent; sectionName and port must both match', () => {
    expect(c(parent(one('  parentRefs: [{name: gw, port: 9999}]\n').s), 'Accepted')).toBe('False/NoMatchingParent');
    expect(c(parent(one('  parentRefs: [{name: gw, sectionName: a, port: 8080}]\n').s), 'Accepted')).toBe(
      'False/NoMatchingParent',
    );
    expect(c(parent(one('  parentRefs: [{name: gw, sectionName: b, port: 8080}]\n').s), 'Accepted')).toBe(
      'True/Accepted',
    );
  });
  it('port only selects listeners by port', () => {
    const { a } = one('  parentRefs: [{name: gw, port: 8080}]\n');
    const l = a.controller.gateways[0]!.listeners;
    expect(l.find((x) => x.name === 'a')!.attachedRoutes).toBe(0);
    expect(l.find((x) => x.name === 'b')!.attachedRoutes).toBe(1);
  });
  it('no hostname intersection ⇒ NoMatchingListenerHostname, and the route is not counted', () => {
    const { a, s } = one('  parentRefs: [{name: gw, sectionName: a}]\n  hostnames: [b.example.com]\n');
    expect(c(parent(s), 'Accepted')).toBe('False/NoMatchingListenerHostname');
    expect(a.controller.gateways[0]!.listeners[0]!.attachedRoutes).toBe(0);
  });
  it('a route kind the listener does not allow ⇒ NotAllowedByListeners (TLSRoute on HTTP)', () => {
    const a = run(
      doc(
        base,
        route(
          't',
          'infra',
          '  parentRefs: [{name: gw}]\n  hostnames: [a.example.com]\n  rules: [{backendRefs: [{name: s, port: 443}]}]\n',
          'TLSRoute',
        ),
      ),
    );
    expect(c(parent(status(a, 'TLSRoute', 'infra', 't')), 'Accepted')).toBe('False/NotAllowedByListeners');
  });
  it('Selector namespaces: labels of a declared Namespace count; the fix adds the missing label', () => {
    const sel = gw(`  - name: http
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: Selector
        selector:
          matchLabels: {team: a}
          matchExpressions: [{key: env, operator: In, values: [prod]}]
`);
    const ns = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n    team: a\n`;
    const text = doc(sel, ns, route('r', 'apps', '  parentRefs: [{name: gw, namespace: infra}]\n'));
    const a = run(text);
    expect(c(parent(status(a, 'HTTPRoute', 'apps', 'r')), 'Accepted')).toBe('False/NotAllowedByListeners');
    const d = a.diagnostics.find((x) => x.code === 'NotAllowedByListeners')!;
    expect(d.fix).toBeTruthy();
    const b = run(applyFix(text, d));
    expect(c(parent(status(b, 'HTTPRoute', 'apps', 'r')), 'Accepted')).toBe('True/Accepted');
  });
  it('each parentRef gets its own entry; a missing parent gets none, only a diagnostic', () => {
    const { a, s } = one('  parentRefs: [{name: gw, sectionName: b}, {name: nope}]\n');
    expect(s.parents).toHaveLength(1);
    expect(a.diagnostics.some((d) => d.code === 'ParentNotFound')).toBe(true);
    expect(a.controller.routes[0]!.parents[1]!.verdict).toBe('ignored');
  });
  it('several TCPRoutes on one TCP listener are all accepted and counted (§4.6.7)', () => {
    const a = run(
      doc(
        gw('  - {name: tcp, port: 9000, protocol: TCP}\n'),
        svc('s', 'infra', 9000),
        route(
          'one',
          'infra',
          '  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: s, port: 9000}]}]\n',
          'TCPRoute',
        ),
        route(
          'two',
          'infra',
          '  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: s, port: 9000}]}]\n',
          'TCPRoute',
        ),
      ),
    );
    expect(listener(status(a, 'Gateway', 'infra', 'gw'), 'tcp')!.attachedRoutes).toBe(2);
    expect(c(parent(status(a, 'TCPRoute', 'infra', 'two')), 'Accepted')).toBe('True/Accepted');
  });
  it('grpcHttpSameHostname=reject-newer rejects the newer of an HTTPRoute/GRPCRoute pair (SD §11.1 #5)', () => {
    const text = doc(
      gw('  - {name: http, port: 80, protocol: HTTP}\n'),
      route('h', 'infra', '  parentRefs: [{name: gw}]\n  hostnames: [x.example.com]\n'),
      route('g', 'infra', '  parentRefs: [{name: gw}]\n  hostnames: [x.example.com]\n', 'GRPCRoute'),
    );
    expect(c(parent(status(run(text), 'GRPCRoute', 'infra', 'g')), 'Accepted')).toBe('True/Accepted');
    const strict = run(text, { decisions: { grpcHttpSameHostname: 'reject-newer' } });
    expect(c(parent(status(strict, 'GRPCRoute', 'infra', 'g')), 'Accepted')).toBe('False/NotAllowedByListeners');
    expect(c(parent(status(strict, 'HTTPRoute', 'infra', 'h')), 'Accepted')).toBe('True/Accepted');
    expect(listener(status(strict, 'Gateway', 'infra', 'gw'), 'http')!.attachedRoutes).toBe(1);
  });
  it('reject-newer: disjoint hostnames coexist; a wildcard that covers an older hostname loses', () => {
    const text = doc(
      gw('  - {name: http, port: 80, protocol: HTTP}\n'),
      route('h', 'infra', '  parentRefs: [{name: gw}]\n  hostnames: [a.example.com]\n'),
      route('g1', 'infra', '  parentRefs: [{name: gw}]\n  hostnames: [b.example.com]\n', 'GRPCRoute'),
      route('g2', 'infra', '  parentRefs: [{name: gw}]\n  hostnames: ["*.example.com"]\n', 'GRPCRoute'),
    );
    const a = run(text, { decisions: { grpcHttpSameHostname: 'reject-newer' } });
    expect(c(parent(status(a, 'GRPCRoute', 'infra', 'g1')), 'Accepted')).toBe('True/Accepted');
    expect(c(parent(status(a, 'GRPCRoute', 'infra', 'g2')), 'Accepted')).toBe('False/NotAllowedByListeners');
    expect(listener(status(a, 'Gateway', 'infra', 'gw'), 'http')!.attachedRoutes).toBe(2);
  });
});

describe('default Gateways (§4.6.8, Experimental)', () => {
  const text = doc(
    gw(
      '  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}\n',
      '  defaultScope: All\n',
    ),
    route('r', 'apps', '  useDefaultGateways: All\n'),
  );
  it('a route with useDefaultGateways: All gets a status entry for each default Gateway', () => {
    const a = run(text, { channel: 'experimental' });
    expect(c(status(a, 'Gateway', 'infra', 'gw').conditions, 'DefaultGateway')).toBe('True/DefaultGateway');
    const s = status(a, 'HTTPRoute', 'apps', 'r');
    expect(s.parents?.[0]?.parentRef).toMatchObject({ kind: 'Gateway', namespace: 'infra', name: 'gw' });
    expect(c(parent(s), 'Accepted')).toBe('True/Accepted');
    expect(a.controller.routes[0]!.parents[0]!.implicit).toBe(true);
  });
});

describe('route validity (§4.7)', () => {
  const rules = `  parentRefs: [{name: gw}]
  rules:
  - matches: [{queryParams: [{name: a, value: b}]}]
  - matches: [{path: {value: /x}}]
`;
  it('a rule needing an unsupported feature is dropped: Accepted + PartiallyInvalid "Dropped Rule"', () => {
    const a = run(doc(gw('  - {name: http, port: 80, protocol: HTTP}\n'), route('r', 'infra', rules)), {
      features: ['Gateway', 'HTTPRoute'],
    });
    const s = status(a, 'HTTPRoute', 'infra', 'r');
    expect(c(parent(s), 'Accepted')).toBe('True/Accepted');
    const pi = parent(s)!.find((x) => x.type === 'PartiallyInvalid')!;
    expect(`${pi.status}/${pi.reason}`).toBe('True/UnsupportedValue');
    expect(pi.message.startsWith('Dropped Rule')).toBe(true);
    expect(a.controller.routes[0]!.rules.map((r) => r.dropped)).toEqual([true, false]);
  });
  it('no rule left ⇒ Accepted=False/UnsupportedValue, and no PartiallyInvalid', () => {
    const only = `  parentRefs: [{name: gw}]\n  rules:\n  - matches: [{queryParams: [{name: a, value: b}]}]\n`;
    const a = run(doc(gw('  - {name: http, port: 80, protocol: HTTP}\n'), route('r', 'infra', only)), {
      features: ['Gateway', 'HTTPRoute'],
    });
    const s = status(a, 'HTTPRoute', 'infra', 'r');
    expect(c(parent(s), 'Accepted')).toBe('False/UnsupportedValue');
    expect(c(parent(s), 'PartiallyInvalid')).toBe('absent');
  });
  it('a regular expression RE2 cannot compile drops its rule (SD §11.1 #4)', () => {
    const bad = `  parentRefs: [{name: gw}]\n  rules:\n  - matches: [{path: {type: RegularExpression, value: "/(a"}}]\n  - matches: [{path: {value: /ok}}]\n`;
    const a = run(doc(gw('  - {name: http, port: 80, protocol: HTTP}\n'), route('r', 'infra', bad)));
    expect(c(parent(status(a, 'HTTPRoute', 'infra', 'r')), 'PartiallyInvalid')).toBe('True/UnsupportedValue');
    expect(a.controller.routes[0]!.rules[0]!.dropped).toBe(true);
  });
  it('all features (the default) keep every rule', () => {
    const a = run(doc(gw('  - {name: http, port: 80, protocol: HTTP}\n'), route('r', 'infra', rules)));
    expect(c(parent(status(a, 'HTTPRoute', 'infra', 'r')), 'PartiallyInvalid')).toBe('absent');
  });
});

describe('backends and ReferenceGrants (§4.8, §4.9)', () => {
  const g = gw('  - {name: http, port: 80, protocol: HTTP}\n');
  const r = (backend: string) =>
    route('r', 'infra', `  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [${backend}]}]\n`);
  const resolved = (text: string, opts?: EngineOptions) =>
    c(parent(status(run(text, opts), 'HTTPRoute', 'infra', 'r')), 'ResolvedRefs');
  it('a missing Service ⇒ BackendNotFound; the fix adds the Service', () => {
    const text = doc(g, r('{name: s, port: 8080}'));
    const a = run(text);
    expect(c(parent(status(a, 'HTTPRoute', 'infra', 'r')), 'ResolvedRefs')).toBe('False/BackendNotFound');
    expect(c(parent(status(a, 'HTTPRoute', 'infra', 'r')), 'Accepted')).toBe('True/Accepted');
    const d = a.diagnostics.find((x) => x.code === 'BackendNotFound')!;
    expect(resolved(applyFix(text, d))).toBe('True/ResolvedRefs');
  });
  it('a Service without that port ⇒ BackendNotFound (SD §11.1 #8); the fix uses its port', () => {
    const text = doc(g, svc('s', 'infra', 8080), r('{name: s, port: 80}'));
    expect(resolved(text)).toBe('False/BackendNotFound');
    const d = run(text).diagnostics.find((x) => x.code === 'BackendNotFound')!;
    expect(resolved(applyFix(text, d))).toBe('True/ResolvedRefs');
  });
  it('an ExternalName Service ⇒ InvalidKind (SD)', () => {
    expect(
      resolved(
        doc(
          g,
          svc('s', 'infra', 8080, '  type: ExternalName\n  externalName: x.example.com\n'),
          r('{name: s, port: 8080}'),
        ),
      ),
    ).toBe('False/InvalidKind');
  });
  it('cross-namespace needs a grant in the target namespace; the fix adds one', () => {
    const text = doc(g, svc('s', 'apps'), r('{name: s, namespace: apps, port: 8080}'));
    expect(resolved(text)).toBe('False/RefNotPermitted');
    const d = run(text).diagnostics.find((x) => x.code === 'RefNotPermitted')!;
    expect(resolved(applyFix(text, d))).toBe('True/ResolvedRefs');
  });
  it.each([
    ['wrong from.kind', 'GRPCRoute', 'infra', '""', 'Service', 's'],
    ['wrong from.namespace', 'HTTPRoute', 'other', '""', 'Service', 's'],
    ['wrong to.kind', 'HTTPRoute', 'infra', '""', 'Secret', 's'],
    ['wrong to.name', 'HTTPRoute', 'infra', '""', 'Service', 'other'],
  ])('a grant with %s does not permit', (_what, fromKind, fromNs, toGroup, toKind, toName) => {
    const grant = `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: g, namespace: apps}
spec:
  from: [{group: gateway.networking.k8s.io, kind: ${fromKind}, namespace: ${fromNs}}]
  to: [{group: ${toGroup}, kind: ${toKind}, name: ${toName}}]
`;
    expect(resolved(doc(g, svc('s', 'apps'), grant, r('{name: s, namespace: apps, port: 8080}')))).toBe(
      'False/RefNotPermitted',
    );
  });
  it('a grant without to.name permits every object of the kind (v1 grants too)', () => {
    const grant = `apiVersion: gateway.networking.k8s.io/v1
kind: ReferenceGrant
metadata: {name: g, namespace: apps}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: infra}]
  to: [{group: "", kind: Service}]
`;
    expect(resolved(doc(g, svc('s', 'apps'), grant, r('{name: s, namespace: apps, port: 8080}')))).toBe(
      'True/ResolvedRefs',
    );
  });
  it('a kind outside supportedBackendKinds ⇒ InvalidKind; listing it makes an existing object valid', () => {
    const bucket = `apiVersion: storage.example.com/v1\nkind: Bucket\nmetadata: {name: b, namespace: infra}\nspec: {}\n`;
    const text = doc(g, bucket, r('{group: storage.example.com, kind: Bucket, name: b}'));
    expect(resolved(text)).toBe('False/InvalidKind');
    expect(resolved(text, { supportedBackendKinds: ['storage.example.com/Bucket'] })).toBe('True/ResolvedRefs');
  });
  it('weights default to 1 and are kept for the split', () => {
    const a = run(
      doc(g, svc('s', 'infra'), svc('t', 'infra'), r('{name: s, port: 8080, weight: 3}, {name: t, port: 8080}')),
    );
    expect(a.controller.routes[0]!.rules[0]!.backendRefs.map((b) => b.weight)).toEqual([3, 1]);
    const edges = a.topology.edges.filter((e) => e.type === 'backend');
    expect(edges.map((e) => e.share)).toEqual([0.75, 0.25]);
  });
  it('a rule without backendRefs keeps ResolvedRefs=True', () => {
    expect(
      resolved(doc(g, route('r', 'infra', '  parentRefs: [{name: gw}]\n  rules: [{matches: [{path: {value: /}}]}]\n'))),
    ).toBe('True/ResolvedRefs');
  });
});

describe('BackendTLSPolicy (§4.10)', () => {
  const cm = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ca, namespace: infra}\ndata:\n  ca.crt: |\n    -----BEGIN CERTIFICATE-----\n    MIIB\n    -----END CERTIFICATE-----\n`;
  const pol = (name: string, section = '', ca = 'ca') => `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: ${name}, namespace: infra}
spec:
  targetRefs: [{group: "", kind: Service, name: s${section ? `, sectionName: ${section}` : ''}}]
  validation:
    caCertificateRefs: [{group: "", kind: ConfigMap, name: ${ca}}]
    hostname: s.example.com
`;
  const base = [
    gw('  - {name: http, port: 80, protocol: HTTP}\n'),
    svc('s', 'infra', 443),
    cm,
    route('r', 'infra', '  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: s, port: 443}]}]\n'),
  ];
  const anc = (a: ReturnType<typeof run>, name: string, type: string) =>
    c(status(a, 'BackendTLSPolicy', 'infra', name).ancestors?.[0]?.conditions, type);
  it('a valid policy is Accepted on the Gateway ancestor and applies to the backend', () => {
    const a = run(doc(...base, pol('p')));
    expect(anc(a, 'p', 'Accepted')).toBe('True/Accepted');
    expect(status(a, 'BackendTLSPolicy', 'infra', 'p').ancestors?.[0]?.ancestorRef.name).toBe('gw');
    expect(a.controller.routes[0]!.rules[0]!.backendRefs[0]!.tls).toMatchObject({
      valid: true,
      hostname: 's.example.com',
    });
  });
  it('sectionName beats a whole-Service policy, and both stay Accepted', () => {
    const a = run(doc(...base, pol('whole'), pol('port', 'p')));
    expect(anc(a, 'whole', 'Accepted')).toBe('True/Accepted');
    expect(anc(a, 'port', 'Accepted')).toBe('True/Accepted');
    expect(a.controller.routes[0]!.rules[0]!.backendRefs[0]!.tls?.policy.name).toBe('port');
  });
  it('same target: the oldest wins, the other is Conflicted', () => {
    const a = run(doc(...base, pol('older'), pol('newer')));
    expect(anc(a, 'older', 'Accepted')).toBe('True/Accepted');
    expect(anc(a, 'newer', 'Accepted')).toBe('False/Conflicted');
  });
  it('a missing CA ConfigMap ⇒ NoValidCACertificate / InvalidCACertificateRef; a wrong kind ⇒ InvalidKind', () => {
    const a = run(doc(...base, pol('p', '', 'nope')));
    expect(anc(a, 'p', 'Accepted')).toBe('False/NoValidCACertificate');
    expect(anc(a, 'p', 'ResolvedRefs')).toBe('False/InvalidCACertificateRef');
    const b = run(doc(...base, pol('p').replace('kind: ConfigMap', 'kind: Secret')));
    expect(anc(b, 'p', 'ResolvedRefs')).toBe('False/InvalidKind');
  });
});

describe('observedGeneration', () => {
  it('echoes metadata.generation', () => {
    const a = run(
      doc(
        gw('  - {name: http, port: 80, protocol: HTTP}\n').replace(
          '{name: gw, namespace: infra}',
          '{name: gw, namespace: infra, generation: 7}',
        ),
      ),
    );
    expect(status(a, 'Gateway', 'infra', 'gw').conditions[0]!.observedGeneration).toBe(7);
  });
});

describe('topology', () => {
  it('has nodes for class, gateway, listeners, routes, rules, backends, and edges for attachments and backendRefs', () => {
    const a = run(
      doc(
        gw('  - {name: http, port: 80, protocol: HTTP}\n'),
        svc('s', 'infra'),
        route(
          'ok',
          'infra',
          '  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: s, port: 8080}, {name: gone, port: 80}]}]\n',
        ),
        route('no', 'apps', '  parentRefs: [{name: gw, namespace: infra}]\n'),
      ),
    );
    const t = a.topology;
    const types = new Set(t.nodes.map((n) => n.type));
    for (const x of ['GatewayClass', 'Gateway', 'Listener', 'Route', 'Rule', 'Backend'])
      expect(types.has(x as never)).toBe(true);
    expect(t.nodes.every((n) => n.range !== undefined || n.type === 'Backend')).toBe(true);
    const att = t.edges.filter((e) => e.type === 'attachment');
    expect(att.find((e) => e.source === 'route:HTTPRoute/infra/ok')).toMatchObject({
      ok: true,
      target: 'gw:infra/gw/http',
    });
    expect(att.find((e) => e.source === 'route:HTTPRoute/apps/no')).toMatchObject({
      ok: false,
      reason: 'NotAllowedByListeners',
    });
    const be = t.edges.filter((e) => e.type === 'backend');
    expect(be.map((e) => [e.ok, e.share, e.reason])).toEqual([
      [true, 0.5, undefined],
      [false, 0.5, 'BackendNotFound'],
    ]);
  });
});

describe('Gateway TLS: frontend validation and backend client certificate', () => {
  const cm = (name: string, ns = 'infra') =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: ${ns}}\ndata:\n  ca.crt: |\n    -----BEGIN CERTIFICATE-----\n    MIIB\n    -----END CERTIFICATE-----\n`;
  const secret = `apiVersion: v1
kind: Secret
metadata: {name: cert, namespace: infra}
type: kubernetes.io/tls
data:
  tls.crt: ${btoa('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')}
  tls.key: ${btoa('-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n')}
`;
  const listeners = `  - {name: http, port: 80, protocol: HTTP}
  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}
  - {name: alt, port: 8443, protocol: HTTPS, hostname: alt.example.com, tls: {certificateRefs: [{name: cert}]}}
`;
  it('perPort overrides default; all CA refs invalid ⇒ NoValidCACertificate; HTTP listeners unaffected', () => {
    const tls = `  tls:
    frontend:
      default: {validation: {caCertificateRefs: [{group: "", kind: ConfigMap, name: ca}]}}
      perPort:
      - {port: 8443, tls: {validation: {caCertificateRefs: [{group: "", kind: ConfigMap, name: missing}]}}}
`;
    const a = run(doc(gw(listeners, tls), secret, cm('ca')));
    const s = status(a, 'Gateway', 'infra', 'gw');
    expect(c(listener(s, 'http')!.conditions, 'Accepted')).toBe('True/Accepted');
    expect(c(listener(s, 'https')!.conditions, 'ResolvedRefs')).toBe('True/ResolvedRefs');
    expect(c(listener(s, 'alt')!.conditions, 'ResolvedRefs')).toBe('False/InvalidCACertificateRef');
    expect(c(listener(s, 'alt')!.conditions, 'Accepted')).toBe('False/NoValidCACertificate');
    expect(c(listener(s, 'alt')!.conditions, 'Programmed')).toBe('False/Invalid');
  });
  it('a CA ref of the wrong kind ⇒ InvalidCACertificateKind; cross-namespace without grant ⇒ RefNotPermitted', () => {
    const kind = `  tls:\n    frontend:\n      default: {validation: {caCertificateRefs: [{group: "", kind: Service, name: ca}]}}\n`;
    const a = run(doc(gw(listeners, kind), secret, cm('ca')));
    expect(c(listener(status(a, 'Gateway', 'infra', 'gw'), 'https')!.conditions, 'ResolvedRefs')).toBe(
      'False/InvalidCACertificateKind',
    );
    const cross = `  tls:\n    frontend:\n      default: {validation: {caCertificateRefs: [{group: "", kind: ConfigMap, name: ca, namespace: other}]}}\n`;
    const b = run(doc(gw(listeners, cross), secret, cm('ca', 'other')));
    expect(c(listener(status(b, 'Gateway', 'infra', 'gw'), 'https')!.conditions, 'ResolvedRefs')).toBe(
      'False/RefNotPermitted',
    );
  });
  it('AllowInsecureFallback sets InsecureFrontendValidationMode=True/ConfigurationChanged', () => {
    const tls = `  tls:\n    frontend:\n      default: {validation: {mode: AllowInsecureFallback, caCertificateRefs: [{group: "", kind: ConfigMap, name: ca}]}}\n`;
    const a = run(doc(gw(listeners, tls), secret, cm('ca')));
    expect(c(status(a, 'Gateway', 'infra', 'gw').conditions, 'InsecureFrontendValidationMode')).toBe(
      'True/ConfigurationChanged',
    );
    const b = run(doc(gw(listeners), secret));
    expect(c(status(b, 'Gateway', 'infra', 'gw').conditions, 'InsecureFrontendValidationMode')).toBe('absent');
  });
  it('tls.backend.clientCertificateRef: missing ⇒ ResolvedRefs=False/InvalidClientCertificateRef, Accepted stays True', () => {
    const tls = `  tls:\n    backend:\n      clientCertificateRef: {name: nope}\n`;
    const a = run(doc(gw(listeners, tls), secret));
    const s = status(a, 'Gateway', 'infra', 'gw');
    expect(c(s.conditions, 'ResolvedRefs')).toBe('False/InvalidClientCertificateRef');
    expect(c(s.conditions, 'Accepted')).toBe('True/Accepted');
    const ok = run(doc(gw(listeners, `  tls:\n    backend:\n      clientCertificateRef: {name: cert}\n`), secret));
    expect(c(status(ok, 'Gateway', 'infra', 'gw').conditions, 'ResolvedRefs')).toBe('True/ResolvedRefs');
  });
});

describe('more ListenerSet and route cases', () => {
  const ls = (name: string, ns: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: ${name}, namespace: ${ns}}
spec:
  parentRef: {name: gw, namespace: infra}
  listeners:
  - {name: x, port: 81, protocol: HTTP}
`;
  it('allowedListeners Selector uses the ListenerSet namespace labels', () => {
    const ns = `apiVersion: v1\nkind: Namespace\nmetadata: {name: team, labels: {listeners: ok}}\n`;
    const a = run(
      doc(
        gw(
          '  - {name: http, port: 80, protocol: HTTP}\n',
          '  allowedListeners: {namespaces: {from: Selector, selector: {matchLabels: {listeners: ok}}}}\n',
        ),
        ns,
        ls('in', 'team'),
        ls('out', 'other'),
      ),
    );
    expect(c(status(a, 'ListenerSet', 'team', 'in').conditions, 'Accepted')).toBe('True/Accepted');
    expect(c(status(a, 'ListenerSet', 'other', 'out').conditions, 'Accepted')).toBe('False/NotAllowed');
  });
  it('a parent Gateway that is not Accepted ⇒ ParentNotAccepted / ParentNotProgrammed', () => {
    const a = run(
      doc(
        gw('  - {name: bad, port: 80, protocol: NOPE}\n', '  allowedListeners: {namespaces: {from: All}}\n'),
        ls('l', 'infra'),
      ),
    );
    const s = status(a, 'ListenerSet', 'infra', 'l');
    expect(c(s.conditions, 'Accepted')).toBe('False/ParentNotAccepted');
    expect(c(s.conditions, 'Programmed')).toBe('False/ParentNotProgrammed');
  });
  it('a route to a ListenerSet that is not attached ⇒ NotAllowedByListeners (SD §11.1 #14)', () => {
    const a = run(
      doc(
        gw('  - {name: http, port: 80, protocol: HTTP}\n'),
        ls('l', 'infra'),
        route('r', 'infra', '  parentRefs: [{kind: ListenerSet, name: l}]\n'),
      ),
    );
    expect(c(parent(status(a, 'HTTPRoute', 'infra', 'r')), 'Accepted')).toBe('False/NotAllowedByListeners');
  });
  it('an invalid mirror backend sets ResolvedRefs=False without touching Accepted', () => {
    const a = run(
      doc(
        gw('  - {name: http, port: 80, protocol: HTTP}\n'),
        svc('s', 'infra'),
        route(
          'r',
          'infra',
          '  parentRefs: [{name: gw}]\n  rules:\n  - filters: [{type: RequestMirror, requestMirror: {backendRef: {name: gone, port: 80}}}]\n    backendRefs: [{name: s, port: 8080}]\n',
        ),
      ),
    );
    const s = status(a, 'HTTPRoute', 'infra', 'r');
    expect(c(parent(s), 'Accepted')).toBe('True/Accepted');
    expect(c(parent(s), 'ResolvedRefs')).toBe('False/BackendNotFound');
    expect(a.controller.routes[0]!.rules[0]!.filterBackendRefs[0]).toMatchObject({
      type: 'RequestMirror',
      ref: { valid: false },
    });
  });
  it('BackendTLSPolicy sectionName naming no port ⇒ TargetNotFound (SD)', () => {
    const pol = `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: p, namespace: infra}
spec:
  targetRefs: [{group: "", kind: Service, name: s, sectionName: nope}]
  validation: {wellKnownCACertificates: System, hostname: s.example.com}
`;
    const a = run(
      doc(
        gw('  - {name: http, port: 80, protocol: HTTP}\n'),
        svc('s', 'infra'),
        pol,
        route('r', 'infra', '  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: s, port: 8080}]}]\n'),
      ),
    );
    expect(c(status(a, 'BackendTLSPolicy', 'infra', 'p').ancestors?.[0]?.conditions, 'Accepted')).toBe(
      'False/TargetNotFound',
    );
  });
});
