// Test and benchmark helper: a hand-written ControllerResult from a compact description, so that the
// data plane can be tested on its own (the controller computes the real one from manifests).

import type { Analysis } from '../analysis.ts';
import type {
  CAttachedRoute,
  CBackendRef,
  CGateway,
  CListener,
  ControllerResult,
  CRoute,
  CRule,
  RouteKind,
} from '../controller/types.ts';
import { resolveOptions } from '../options.ts';
import type { EngineOptions } from '../types.ts';

export interface FxBackend {
  name: string;
  namespace?: string;
  port?: number;
  weight?: number;
  valid?: boolean;
  reason?: CBackendRef['reason'];
  filters?: Record<string, unknown>[];
  kind?: string;
  group?: string;
  tls?: CBackendRef['tls'];
}

export interface FxRule {
  name?: string;
  matches?: Record<string, unknown>[];
  filters?: Record<string, unknown>[];
  backendRefs?: FxBackend[];
  timeouts?: Record<string, unknown>;
  retry?: Record<string, unknown>;
  sessionPersistence?: Record<string, unknown>;
  /** Filter backends (mirrors, external auth): level/filter/backend indexes as in CFilterBackendRef. */
  filterBackendRefs?: CRule['filterBackendRefs'];
}

export interface FxRoute {
  kind?: RouteKind;
  name: string;
  namespace?: string;
  hostnames?: string[];
  /** `gwns/gwname` or `gwns/gwname/listener`; default: every listener of the first Gateway. */
  parents?: string[];
  rules?: FxRule[];
  /** Parent verdict when not attached (for not-attached explanations). */
  rejected?: { gateway: string; reason: string; message: string };
}

export interface FxListener {
  name: string;
  port: number;
  protocol: string;
  hostname?: string;
  tlsMode?: 'Terminate' | 'Passthrough';
  valid?: boolean;
  frontendValidation?: CListener['frontendValidation'];
}

export interface FxGateway {
  name: string;
  namespace?: string;
  listeners: FxListener[];
  addresses?: string[];
  accepted?: boolean;
}

const isWild = (h: string) => h.startsWith('*.');
function covers(w: string, x: string): boolean {
  const s = w.slice(1);
  const y = x.startsWith('*.') ? x.slice(1) : `.${x}`;
  return (y.endsWith(s) && y.length > s.length) || (x.startsWith('*.') && y === s);
}

/** §4.6.4 effective hostnames; [] = any; null = no intersection. */
export function effectiveHostnames(listener: string | undefined, route: string[]): string[] | null {
  if (!listener) return route;
  if (!route.length) return [listener];
  const out = new Set<string>();
  for (const h of route) {
    if (h === listener) out.add(h);
    else if (isWild(listener) && covers(listener, h)) out.add(h);
    else if (isWild(h) && covers(h, listener)) out.add(listener);
  }
  return out.size ? [...out] : null;
}

const KIND_FOR: Record<string, RouteKind[]> = {
  HTTP: ['HTTPRoute', 'GRPCRoute'],
  HTTPS: ['HTTPRoute', 'GRPCRoute'],
  TLS: ['TLSRoute'],
  TCP: ['TCPRoute'],
  UDP: ['UDPRoute'],
};

export function fixtureController(gws: FxGateway[], routes: FxRoute[]): ControllerResult {
  const gateways: CGateway[] = gws.map((g, gi) => {
    const ns = g.namespace ?? 'default';
    return {
      namespace: ns,
      name: g.name,
      order: gi,
      gatewayClassName: 'gc',
      controllerName: 'x',
      accepted: g.accepted !== false,
      programmed: true,
      addresses: (g.addresses ?? []).map((value) => ({ type: 'IPAddress', value })),
      listeners: g.listeners.map((l, li) => {
        const out: CListener = {
          id: `gw:${ns}/${g.name}/${l.name}`,
          name: l.name,
          port: l.port,
          protocol: l.protocol,
          owner: { kind: 'Gateway', namespace: ns, name: g.name },
          gateway: { namespace: ns, name: g.name },
          precedence: li,
          accepted: true,
          programmed: true,
          resolvedRefs: true,
          conflicted: false,
          valid: l.valid !== false,
          supportedKinds: [],
          certificateRefs: [],
          routes: [],
          attachedRoutes: 0,
        };
        if (l.hostname) out.hostname = l.hostname;
        if (l.tlsMode) out.tlsMode = l.tlsMode;
        else if (l.protocol === 'TLS' || l.protocol === 'HTTPS')
          out.tlsMode = l.protocol === 'TLS' ? 'Passthrough' : 'Terminate';
        if (l.frontendValidation) out.frontendValidation = l.frontendValidation;
        return out;
      }),
      listenerSets: [],
    };
  });
  const index: ControllerResult['index'] = { gateways: {}, routes: {}, listeners: {} };
  gateways.forEach((g, gi) => {
    index.gateways[`${g.namespace}/${g.name}`] = gi;
    g.listeners.forEach((l, li) => {
      index.listeners[l.id] = [gi, li];
    });
  });
  const croutes: CRoute[] = routes.map((r, ri) => {
    const kind = r.kind ?? 'HTTPRoute';
    const ns = r.namespace ?? 'default';
    const key = `${kind}/${ns}/${r.name}`;
    const rules: CRule[] = (r.rules ?? [{}]).map((rule, i) => ({
      index: i,
      ...(rule.name ? { name: rule.name } : {}),
      matches:
        kind === 'HTTPRoute' && !rule.matches?.length
          ? [{ path: { type: 'PathPrefix', value: '/' } }]
          : (rule.matches ?? []),
      filters: rule.filters ?? [],
      ...(rule.timeouts ? { timeouts: rule.timeouts } : {}),
      ...(rule.retry ? { retry: rule.retry } : {}),
      ...(rule.sessionPersistence ? { sessionPersistence: rule.sessionPersistence } : {}),
      backendRefs: (rule.backendRefs ?? []).map((b, bi) => {
        const out: CBackendRef = {
          index: bi,
          group: b.group ?? '',
          kind: b.kind ?? 'Service',
          namespace: b.namespace ?? ns,
          name: b.name,
          weight: b.weight ?? 1,
          filters: b.filters ?? [],
          valid: b.valid !== false,
        };
        if (b.port !== undefined) out.port = b.port;
        if (b.reason) out.reason = b.reason;
        else if (b.valid === false) out.reason = 'BackendNotFound';
        if (b.tls) out.tls = b.tls;
        return out;
      }),
      filterBackendRefs: rule.filterBackendRefs ?? [],
      dropped: false,
    }));
    const parents = r.parents ?? [`${gateways[0]!.namespace}/${gateways[0]!.name}`];
    const verdicts: CRoute['parents'] = parents.map((p, pi) => {
      const [gns, gname, lname] = p.split('/');
      const gi = index.gateways[`${gns}/${gname}`];
      const g = gi !== undefined ? gateways[gi] : undefined;
      const ids: string[] = [];
      if (g && !(r.rejected && r.rejected.gateway === `${gns}/${gname}`)) {
        for (const l of g.listeners) {
          if (lname && l.name !== lname) continue;
          if (!KIND_FOR[l.protocol]?.includes(kind)) continue;
          const eff =
            kind === 'TCPRoute' || kind === 'UDPRoute' ? [] : effectiveHostnames(l.hostname, r.hostnames ?? []);
          if (eff === null) continue;
          const a: CAttachedRoute = {
            route: key,
            kind,
            namespace: ns,
            name: r.name,
            order: ri,
            parentRef: pi,
            hostnames: eff,
          };
          l.routes.push(a);
          l.attachedRoutes++;
          ids.push(l.id);
        }
      }
      const rejected = r.rejected && r.rejected.gateway === `${gns}/${gname}`;
      return {
        index: pi,
        parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: gns!, name: gname! },
        ...(g ? { gateway: { namespace: g.namespace, name: g.name } } : {}),
        verdict: rejected ? 'rejected' : ids.length ? 'accepted' : 'rejected',
        reason: rejected ? r.rejected!.reason : ids.length ? 'Accepted' : 'NoMatchingListenerHostname',
        message: rejected ? r.rejected!.message : '',
        listeners: ids,
        conditions: [],
      };
    });
    index.routes[key] = ri;
    return {
      key,
      kind,
      namespace: ns,
      name: r.name,
      order: ri,
      generation: 1,
      hostnames: r.hostnames ?? [],
      rules,
      parents: verdicts,
      accepted: verdicts.some((v) => v.verdict === 'accepted'),
      resolvedRefs: true,
    };
  });
  return {
    status: [],
    topology: { nodes: [], edges: [] },
    diagnostics: [],
    gateways,
    routes: croutes,
    backendTLSPolicies: [],
    index,
  };
}

/** An Analysis carrying only what the data plane reads. */
export function fixtureAnalysis(gws: FxGateway[], routes: FxRoute[], options: EngineOptions = {}): Analysis {
  const controller = fixtureController(gws, routes);
  return {
    engineVersion: 'test',
    options: resolveOptions(options),
    files: [],
    docs: [],
    resources: [],
    diagnostics: [],
    status: [],
    topology: controller.topology,
    controller,
    memo: new Map(),
  };
}
