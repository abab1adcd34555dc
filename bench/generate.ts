// Deterministic generator of realistic Gateway API manifests for the benchmark (issue 2 §4, issue 9).
//
// Same inputs → byte-identical output, on any machine: a seeded PRNG (mulberry32) and no clock. The
// proportions follow what a platform team's cluster looks like: a few shared Gateways in an infra
// namespace with HTTP and HTTPS listeners, app namespaces of ~50 routes each, one Service per route
// (plus canary Services), some backends in a shared namespace reached through ReferenceGrants, and
// rules that mix path, header, query and method matches with the common filters. Everything is meant
// to analyse cleanly, so the benchmark measures the normal path, not error reporting.

import type { SimRequest } from '../src/engine/types.ts';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
}

const WORDS = [
  'cart',
  'checkout',
  'catalog',
  'search',
  'orders',
  'payments',
  'users',
  'profile',
  'reviews',
  'inventory',
  'shipping',
  'billing',
  'invoices',
  'auth',
  'login',
  'media',
  'images',
  'reports',
  'metrics',
  'notify',
  'chat',
  'feed',
  'ads',
  'recommend',
  'pricing',
  'promo',
  'support',
  'tickets',
  'docs',
  'status',
] as const;
const TEAMS = ['shop', 'pay', 'growth', 'core', 'data', 'web', 'mobile', 'platform', 'ops', 'risk'] as const;
const DOMAIN = 'example.com';

export interface GeneratedScenario {
  /** Multi-document YAML. */
  text: string;
  routes: number;
  gateways: number;
  /** `ns/name` of each Gateway. */
  gatewayNames: string[];
  /** Hosts and path prefixes that routes serve: the benchmark builds matching requests from these. */
  served: { gateway: string; host: string; path: string }[];
}

interface GenOptions {
  seed?: number;
  /** Routes per app namespace. */
  routesPerNamespace?: number;
  /** Routes per Gateway. */
  routesPerGateway?: number;
}

/**
 * `routes` HTTPRoutes plus everything they need, in proportion. At 100 / 1,000 / 10,000 routes this gives
 * roughly 3,300 / 33,000 / 330,000 lines.
 */
export function generateManifests(routes: number, opts: GenOptions = {}): GeneratedScenario {
  const rng = new Rng(opts.seed ?? 20260601);
  const perNs = opts.routesPerNamespace ?? 50;
  const perGw = opts.routesPerGateway ?? 1000;
  const namespaces = Math.max(1, Math.ceil(routes / perNs));
  const gateways = Math.max(1, Math.ceil(routes / perGw));
  const out: string[] = [];
  const served: GeneratedScenario['served'] = [];
  const gatewayNames: string[] = [];
  const nsName = (i: number) => `${TEAMS[i % TEAMS.length]}-${Math.floor(i / TEAMS.length) + 1}`;

  out.push(`apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: platform
spec:
  controllerName: example.com/gateway-controller
  description: Shared ingress for all teams`);
  out.push(`apiVersion: v1
kind: Namespace
metadata:
  name: infra`);
  out.push(`apiVersion: v1
kind: Namespace
metadata:
  name: shared
  labels:
    tier: shared`);
  for (let i = 0; i < namespaces; i++) {
    out.push(`apiVersion: v1
kind: Namespace
metadata:
  name: ${nsName(i)}
  labels:
    gateway-access: "true"
    team: ${TEAMS[i % TEAMS.length]}`);
  }

  // Gateways: one wildcard HTTPS listener per Gateway domain, an HTTP listener for redirects and plain
  // traffic, and a few dedicated HTTPS hostnames.
  for (let g = 0; g < gateways; g++) {
    const name = gateways === 1 ? 'public' : `public-${g + 1}`;
    gatewayNames.push(`infra/${name}`);
    const zone = `z${g + 1}.${DOMAIN}`;
    const extra: string[] = [];
    for (let k = 0; k < 2; k++) {
      extra.push(`  - name: https-${WORDS[(g + k) % WORDS.length]}
    protocol: HTTPS
    port: 443
    hostname: ${WORDS[(g + k) % WORDS.length]}.${zone}
    tls:
      certificateRefs:
      - name: ${name}-${WORDS[(g + k) % WORDS.length]}-cert
    allowedRoutes:
      namespaces:
        from: Selector
        selector:
          matchLabels:
            gateway-access: "true"`);
    }
    out.push(`apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: ${name}
  namespace: infra
spec:
  gatewayClassName: platform
  listeners:
  - name: http
    protocol: HTTP
    port: 80
    hostname: "*.${zone}"
    allowedRoutes:
      namespaces:
        from: All
  - name: https
    protocol: HTTPS
    port: 443
    hostname: "*.${zone}"
    tls:
      mode: Terminate
      certificateRefs:
      - kind: Secret
        name: ${name}-wildcard-cert
    allowedRoutes:
      namespaces:
        from: Selector
        selector:
          matchLabels:
            gateway-access: "true"
${extra.join('\n')}`);
    for (const cert of ['wildcard', ...[0, 1].map((k) => WORDS[(g + k) % WORDS.length])]) {
      out.push(`apiVersion: v1
kind: Secret
metadata:
  name: ${name}-${cert}-cert
  namespace: infra
type: kubernetes.io/tls
data:
  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJrVENCK3dJSkFLSE4K
  tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2UUlCQURBTkJna3Foa2lHOXcwQkFRRUYK`);
    }
  }

  // Shared backends reached across namespaces, allowed by one ReferenceGrant per app namespace.
  const sharedServices = ['auth-proxy', 'static-assets', 'feature-flags', 'rate-limiter'];
  for (const s of sharedServices) out.push(service('shared', s, 8080));
  for (let i = 0; i < namespaces; i++) {
    out.push(`apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata:
  name: from-${nsName(i)}
  namespace: shared
spec:
  from:
  - group: gateway.networking.k8s.io
    kind: HTTPRoute
    namespace: ${nsName(i)}
  to:
  - group: ""
    kind: Service`);
  }

  for (let r = 0; r < routes; r++) {
    const nsIndex = Math.floor(r / perNs);
    const ns = nsName(nsIndex);
    const gIndex = Math.floor(r / perGw) % gateways;
    const gw = gatewayNames[gIndex]!;
    const gwName = gw.slice('infra/'.length);
    const zone = `z${gIndex + 1}.${DOMAIN}`;
    const word = WORDS[r % WORDS.length]!;
    const app = `${word}-${Math.floor(r / WORDS.length) + 1}`;
    const host = `${app}.${zone}`;
    const svc = `${app}-svc`;
    const port = rng.pick([80, 8080, 8080, 3000, 9090]);
    const canary = rng.chance(0.2);
    const redirectRoute = rng.chance(0.05);
    const doc: string[] = [];
    doc.push(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${app}
  namespace: ${ns}
  labels:
    app: ${app}
spec:
  parentRefs:
  - name: ${gwName}
    namespace: infra
    sectionName: ${redirectRoute ? 'http' : 'https'}
  hostnames:
  - ${host}${rng.chance(0.2) ? `\n  - www.${host}` : ''}
  rules:`);
    if (redirectRoute) {
      // The usual HTTP → HTTPS redirect on port 80.
      doc.push(`  - filters:
    - type: RequestRedirect
      requestRedirect:
        scheme: https
        statusCode: 301`);
      served.push({ gateway: gw, host, path: '/' });
    } else {
      const rules = 1 + rng.int(3);
      for (let k = 0; k < rules; k++) {
        const segment = k === rules - 1 ? '/' : `/${WORDS[(r + k * 7) % WORDS.length]}`;
        const lines: string[] = [];
        const m = rng.float();
        // URLRewrite ReplacePrefixMatch is only valid on a PathPrefix match (CEL, semantics §3.4).
        const prefixMatch = m >= 0.2;
        if (m < 0.05) {
          lines.push(`  - matches:
    - path:
        type: RegularExpression
        value: ${segment === '/' ? '/v[0-9]+/.*' : `${segment}/[a-z0-9-]+`}`);
        } else if (m < 0.2) {
          lines.push(`  - matches:
    - path:
        type: Exact
        value: ${segment === '/' ? '/healthz' : segment}`);
        } else {
          lines.push(`  - matches:
    - path:
        type: PathPrefix
        value: ${segment}`);
        }
        if (rng.chance(0.2))
          lines.push(`      headers:
      - name: x-version
        value: "${1 + rng.int(3)}"`);
        if (rng.chance(0.1))
          lines.push(`      queryParams:
      - name: debug
        value: "true"`);
        if (rng.chance(0.1)) lines.push(`      method: ${rng.pick(['GET', 'POST', 'PUT'])}`);
        if (rng.chance(0.15) || segment !== '/') {
          const f: string[] = [];
          if (rng.chance(0.5))
            f.push(`    - type: RequestHeaderModifier
      requestHeaderModifier:
        set:
        - name: x-team
          value: ${TEAMS[nsIndex % TEAMS.length]}
        remove:
        - x-debug`);
          if (prefixMatch && segment !== '/' && rng.chance(0.4))
            f.push(`    - type: URLRewrite
      urlRewrite:
        path:
          type: ReplacePrefixMatch
          replacePrefixMatch: /`);
          if (rng.chance(0.1))
            f.push(`    - type: ResponseHeaderModifier
      responseHeaderModifier:
        add:
        - name: cache-control
          value: no-store`);
          if (rng.chance(0.05))
            f.push(`    - type: RequestMirror
      requestMirror:
        backendRef:
          name: ${svc}
          port: ${port}
        percent: 10`);
          if (f.length) lines.push(`    filters:\n${f.join('\n')}`);
        }
        if (rng.chance(0.1)) {
          lines.push(`    backendRefs:
    - name: ${sharedServices[r % sharedServices.length]}
      namespace: shared
      port: 8080`);
        } else if (canary && k === rules - 1) {
          const w = 1 + rng.int(20);
          lines.push(`    backendRefs:
    - name: ${svc}
      port: ${port}
      weight: ${100 - w}
    - name: ${app}-canary
      port: ${port}
      weight: ${w}`);
        } else {
          lines.push(`    backendRefs:
    - name: ${svc}
      port: ${port}`);
        }
        if (rng.chance(0.1))
          lines.push(`    timeouts:
      request: ${rng.pick(['5s', '10s', '30s', '1m'])}`);
        doc.push(lines.join('\n'));
        if (segment !== '/') served.push({ gateway: gw, host, path: `${segment}/item` });
      }
      served.push({ gateway: gw, host, path: '/' });
    }
    out.push(doc.join('\n'));
    out.push(service(ns, svc, port));
    if (canary) out.push(service(ns, `${app}-canary`, port));
  }
  return { text: `${out.join('\n---\n')}\n`, routes, gateways, gatewayNames, served };
}

function service(ns: string, name: string, port: number): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector:
    app: ${name}
  ports:
  - name: http
    port: ${port}
    targetPort: ${port}`;
}

/**
 * A fixed mix of requests for the `simulate` figure: about 60% hit a served host and path, 20% a served
 * host with an unknown path or header, 20% an unknown host (404 after the listener's wildcard).
 */
export function generateRequests(s: GeneratedScenario, count: number, seed = 7): SimRequest[] {
  const rng = new Rng(seed);
  const out: SimRequest[] = [];
  for (let i = 0; i < count; i++) {
    const t = s.served[rng.int(s.served.length)]!;
    const x = rng.float();
    if (x < 0.6) out.push({ host: t.host, path: t.path, scheme: 'https', port: 443, headers: { 'x-version': '2' } });
    else if (x < 0.8)
      out.push({ host: t.host, path: `/nope-${rng.int(1000)}/x`, method: 'DELETE', port: 443, scheme: 'https' });
    else out.push({ host: `missing-${rng.int(100000)}.${t.host.split('.').slice(1).join('.')}`, path: '/', port: 80 });
  }
  return out;
}

// ---------- reference scenarios for the share-link figure (≈ 40, 300 and 2,000 lines) ----------

/** ≈ 40 lines: one Gateway and one HTTPRoute splitting 90/10. */
export const SHARE_SMALL = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: web
  namespace: default
spec:
  gatewayClassName: acme-lb
  listeners:
  - name: http
    protocol: HTTP
    port: 80
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: storefront
  namespace: default
spec:
  parentRefs:
  - name: web
  hostnames:
  - shop.acme.io
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /
    backendRefs:
    - name: storefront-v1
      port: 8080
      weight: 90
    - name: storefront-v2
      port: 8080
      weight: 10
---
apiVersion: v1
kind: Service
metadata:
  name: storefront-v1
spec:
  ports:
  - port: 8080
`;

/** The three reference manifests of the share-link figure, generated deterministically. */
export function shareReferenceScenarios(): { name: string; text: string }[] {
  return [
    { name: 'small', text: SHARE_SMALL },
    { name: 'medium', text: generateManifests(3, { seed: 13, routesPerNamespace: 3 }).text },
    { name: 'large', text: generateManifests(32, { seed: 12, routesPerNamespace: 12, routesPerGateway: 16 }).text },
  ];
}
