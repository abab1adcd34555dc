// Route tables, compiled once per analysis and memoised on `analysis.memo` (never per request).
// Per Gateway: listeners grouped by port; per listener (compiled lazily, once): HTTP and gRPC entries
// bucketed by effective hostname ('' = any host) and sorted by the hostname-independent part of the
// precedence order, so that a request only looks up its host's buckets (most specific first) and takes
// the first entry that matches (§6.4 / §6.5).

import type { Analysis } from '../analysis.ts';
import type { CAttachedRoute, CGateway, CListener, ControllerResult, CRoute, CRule } from '../controller/types.ts';
import {
  type CompiledGrpcMatch,
  type CompiledHttpMatch,
  compileGrpcMatch,
  compileHttpMatch,
  defaultGrpcMatch,
  defaultHttpMatch,
  type RegexCache,
} from './match.ts';
import { compareStatic, grpcCriteria, httpCriteria, type PrecedenceKey } from './precedence.ts';

export interface Entry<M> {
  route: CRoute;
  attached: CAttachedRoute;
  rule: CRule;
  ruleIndex: number;
  matchIndex: number;
  m: M;
  /** Hostname-independent precedence key (hostExact/hostAny filled per bucket). */
  key: PrecedenceKey;
  /** The rule has a CORS filter (preflight method SD). */
  hasCors: boolean;
}

export type HttpEntry = Entry<CompiledHttpMatch>;
export type GrpcEntry = Entry<CompiledGrpcMatch>;

export interface HostTable<E> {
  /** effective hostname ('' = any) → entries sorted by precedence. */
  buckets: Map<string, E[]>;
  /** Number of entries (route × rule × match × hostname bucket). */
  size: number;
  /** Number of routes. */
  routes: number;
  /** Entries with a RegularExpression path (HTTP). */
  regex: number;
  /** HTTP only: per hostname bucket, the entries indexed by path (see PathIndex). */
  paths?: Map<string, PathIndex>;
}

/**
 * The entries of one hostname bucket indexed by path, each list in precedence order: Exact entries by
 * value, PathPrefix entries by value without its trailing slash, and the RegularExpression entries.
 * Scanning exact → prefixes of the request path (longest first) → regexes visits entries in precedence
 * order (path is the first criterion after the hostname, and a longer matching prefix base always has the
 * longer raw value), so the first full match is the best of the bucket.
 */
export interface PathIndex {
  exact: Map<string, HttpEntry[]>;
  prefix: Map<string, HttpEntry[]>;
  regex: HttpEntry[];
}

/** The PathPrefix bases (values without trailing slash) that can match `path`, longest first. */
export function prefixBases(path: string): string[] {
  const out: string[] = [path];
  for (let i = path.length - 1; i >= 0; i--) if (path.charCodeAt(i) === 47) out.push(path.slice(0, i));
  return out;
}

function indexPaths(buckets: Map<string, HttpEntry[]>): Map<string, PathIndex> {
  const out = new Map<string, PathIndex>();
  for (const [k, list] of buckets) {
    const ix: PathIndex = { exact: new Map(), prefix: new Map(), regex: [] };
    for (const e of list) {
      if (e.m.pathType === 'RegularExpression') {
        ix.regex.push(e);
        continue;
      }
      const map = e.m.pathType === 'Exact' ? ix.exact : ix.prefix;
      const key = e.m.pathType === 'Exact' ? e.m.pathValue : e.m.prefixBase;
      const l = map.get(key);
      if (l) l.push(e);
      else map.set(key, [e]);
    }
    out.set(k, ix);
  }
  return out;
}

export interface ListenerTable {
  l: CListener;
  http?: HostTable<HttpEntry>;
  grpc?: HostTable<GrpcEntry>;
  /** TLSRoutes / TCPRoutes / UDPRoutes attached, oldest first (then ns/name). */
  l4?: { attached: CAttachedRoute; route: CRoute }[];
}

export interface PortTable {
  port: number;
  /** Usable listeners on the port by protocol, in listener precedence order. */
  http: ListenerTable[];
  https: ListenerTable[];
  tls: ListenerTable[];
  tcp: ListenerTable[];
  udp: ListenerTable[];
}

export interface GatewayTable {
  gw: CGateway;
  key: string;
  ports: Map<number, PortTable>;
  /** Every listener (also unusable ones), for explanations. */
  all: CListener[];
  /** Routes with a parentRef resolving to this Gateway (for "not attached" explanations), built lazily. */
  routesToMe?: CRoute[];
}

/** Routes whose parentRefs resolve to Gateway `g` (memoised on the table). */
export function routesTo(t: Tables, g: GatewayTable): CRoute[] {
  if (g.routesToMe) return g.routesToMe;
  const out: CRoute[] = [];
  for (const r of t.controller.routes ?? [])
    if (
      (r.parents ?? []).some((p) => p.gateway && p.gateway.namespace === g.gw.namespace && p.gateway.name === g.gw.name)
    )
      out.push(r);
  g.routesToMe = out;
  return out;
}

export interface Tables {
  controller: ControllerResult;
  gateways: GatewayTable[];
  byKey: Map<string, GatewayTable>;
  regex: RegexCache;
  routeByKey: Map<string, CRoute>;
}

const MEMO_KEY = 'dataplane:tables';

function emptyController(): ControllerResult {
  return {
    status: [],
    topology: { nodes: [], edges: [] },
    diagnostics: [],
    gateways: [],
    routes: [],
    backendTLSPolicies: [],
    index: { gateways: {}, routes: {}, listeners: {} },
  };
}

export function tablesOf(analysis: Analysis): Tables {
  const hit = analysis.memo?.get(MEMO_KEY) as Tables | undefined;
  if (hit) return hit;
  const t = buildTables(analysis.controller);
  analysis.memo?.set(MEMO_KEY, t);
  return t;
}

/** Which per-port list a listener of each protocol goes to (other protocols serve nothing). */
const PROTOCOL_BUCKET: Record<string, 'http' | 'https' | 'tls' | 'tcp' | 'udp'> = {
  HTTP: 'http',
  HTTPS: 'https',
  TLS: 'tls',
  TCP: 'tcp',
  UDP: 'udp',
};

export function buildTables(c: ControllerResult | undefined): Tables {
  const controller = c && Array.isArray(c.gateways) ? c : emptyController();
  const routeByKey = new Map<string, CRoute>();
  for (const r of controller.routes ?? []) routeByKey.set(r.key, r);
  const gateways: GatewayTable[] = [];
  const byKey = new Map<string, GatewayTable>();
  for (const gw of controller.gateways) {
    const ports = new Map<number, PortTable>();
    for (const l of gw.listeners ?? []) {
      if (!l.valid) continue;
      let pt = ports.get(l.port);
      if (!pt) {
        pt = { port: l.port, http: [], https: [], tls: [], tcp: [], udp: [] };
        ports.set(l.port, pt);
      }
      const bucket = PROTOCOL_BUCKET[l.protocol];
      if (bucket) pt[bucket].push({ l });
    }
    const key = `${gw.namespace}/${gw.name}`;
    const g: GatewayTable = { gw, key, ports, all: gw.listeners ?? [] };
    gateways.push(g);
    byKey.set(key, g);
  }
  return { controller, gateways, byKey, regex: new Map(), routeByKey };
}

function ruleHasCors(rule: CRule): boolean {
  return (rule.filters ?? []).some((f) => f?.type === 'CORS');
}

function sortBuckets<E extends { key: PrecedenceKey }>(buckets: Map<string, E[]>): void {
  for (const list of buckets.values()) list.sort((a, b) => compareStatic(a.key, b.key));
}

function addToBuckets<E>(buckets: Map<string, E[]>, hostnames: string[], e: E): void {
  const keys = hostnames.length ? hostnames : [''];
  for (const h of new Set(keys.map((x) => x.toLowerCase()))) {
    const list = buckets.get(h);
    if (list) list.push(e);
    else buckets.set(h, [e]);
  }
}

export function httpTable(t: Tables, lt: ListenerTable): HostTable<HttpEntry> {
  if (lt.http) return lt.http;
  const buckets = new Map<string, HttpEntry[]>();
  let size = 0;
  let routes = 0;
  let regex = 0;
  for (const a of lt.l.routes ?? []) {
    if (a.kind !== 'HTTPRoute') continue;
    const route = t.routeByKey.get(a.route);
    if (!route) continue;
    routes++;
    for (const rule of route.rules ?? []) {
      if (rule.dropped) continue;
      const hasCors = ruleHasCors(rule);
      const matches = rule.matches?.length
        ? rule.matches.map((m) => compileHttpMatch(m, t.regex))
        : [defaultHttpMatch()];
      matches.forEach((m, mi) => {
        const e: HttpEntry = {
          route,
          attached: a,
          rule,
          ruleIndex: rule.index,
          matchIndex: mi,
          m,
          hasCors,
          key: {
            hostExact: 0,
            hostAny: 0,
            hostname: null,
            crit: httpCriteria(m),
            routeOrder: a.order,
            routeId: `${a.namespace}/${a.name}`,
            rule: rule.index,
            match: mi,
          },
        };
        addToBuckets(buckets, a.hostnames ?? [], e);
        size++;
        if (m.pathType === 'RegularExpression') regex++;
      });
    }
  }
  sortBuckets(buckets);
  lt.http = { buckets, size, routes, regex, paths: indexPaths(buckets) };
  return lt.http;
}

export function grpcTable(t: Tables, lt: ListenerTable): HostTable<GrpcEntry> {
  if (lt.grpc) return lt.grpc;
  const buckets = new Map<string, GrpcEntry[]>();
  let size = 0;
  let routes = 0;
  for (const a of lt.l.routes ?? []) {
    if (a.kind !== 'GRPCRoute') continue;
    const route = t.routeByKey.get(a.route);
    if (!route) continue;
    routes++;
    for (const rule of route.rules ?? []) {
      if (rule.dropped) continue;
      const matches = rule.matches?.length
        ? rule.matches.map((m) => compileGrpcMatch(m, t.regex))
        : [defaultGrpcMatch()];
      matches.forEach((m, mi) => {
        const e: GrpcEntry = {
          route,
          attached: a,
          rule,
          ruleIndex: rule.index,
          matchIndex: mi,
          m,
          hasCors: false,
          key: {
            hostExact: 0,
            hostAny: 0,
            hostname: null,
            crit: grpcCriteria(m),
            routeOrder: a.order,
            routeId: `${a.namespace}/${a.name}`,
            rule: rule.index,
            match: mi,
          },
        };
        addToBuckets(buckets, a.hostnames ?? [], e);
        size++;
      });
    }
  }
  sortBuckets(buckets);
  lt.grpc = { buckets, size, routes, regex: 0 };
  return lt.grpc;
}

/** L4 routes of a listener (TLS/TCP/UDP), oldest first, then namespace/name (§4.6.7, §6.7). */
export function l4Routes(t: Tables, lt: ListenerTable, kind: string): { attached: CAttachedRoute; route: CRoute }[] {
  if (lt.l4) return lt.l4;
  const out: { attached: CAttachedRoute; route: CRoute }[] = [];
  for (const a of lt.l.routes ?? []) {
    if (a.kind !== kind) continue;
    const route = t.routeByKey.get(a.route);
    if (route) out.push({ attached: a, route });
  }
  out.sort(
    (x, y) =>
      x.attached.order - y.attached.order ||
      (`${x.attached.namespace}/${x.attached.name}` < `${y.attached.namespace}/${y.attached.name}` ? -1 : 1),
  );
  lt.l4 = out;
  return out;
}
