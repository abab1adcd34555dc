// Precedence among matching (route, rule, match) entries: HTTPRoute §6.4, GRPCRoute §6.5.
// First difference decides:
//   1. characters of a matching non-wildcard hostname, then of any matching hostname (intersected
//      hostnames, SD §11.1 #3);
//   HTTP: 2. Exact path; 3. longest prefix (raw value length, SD); 4. RegularExpression after those, longer
//      pattern first (SD §11.1 #4); 5. method; 6. number of header matches; 7. number of query matches;
//   gRPC: 2. characters of the matching service; 3. of the method; 4. number of header matches;
//   then: oldest route; namespace/name alphabetically; rule order; match order (SD).

import { hostnameKey } from './hostname.ts';
import type { CompiledGrpcMatch, CompiledHttpMatch } from './match.ts';

export interface PrecedenceKey {
  /** Hostname criterion (request-dependent; filled for the matching hostname). */
  hostExact: number;
  hostAny: number;
  hostname: string | null;
  /** HTTP: [pathRank, pathLen, method, headers, query]; gRPC: [serviceLen, methodLen, headers]. Higher wins. */
  crit: number[];
  routeOrder: number;
  /** `namespace/name`. */
  routeId: string;
  rule: number;
  match: number;
}

export const PATH_RANK = { Exact: 3, PathPrefix: 2, RegularExpression: 1 } as const;

export function httpCriteria(m: CompiledHttpMatch): number[] {
  return [PATH_RANK[m.pathType], m.pathValue.length, m.method !== undefined ? 1 : 0, m.headers.length, m.query.length];
}

export function grpcCriteria(m: CompiledGrpcMatch): number[] {
  return [m.service?.length ?? 0, m.method?.length ?? 0, m.headers.length];
}

export function withHostname(k: Omit<PrecedenceKey, 'hostExact' | 'hostAny' | 'hostname'>, hostname: string | null) {
  const [hostExact, hostAny] = hostnameKey(hostname);
  return { ...k, hostExact, hostAny, hostname };
}

/** The part of the key that does not depend on the hostname. Negative when a wins. */
export function compareStatic(a: PrecedenceKey, b: PrecedenceKey): number {
  const n = Math.min(a.crit.length, b.crit.length);
  for (let i = 0; i < n; i++) {
    const d = b.crit[i]! - a.crit[i]!;
    if (d !== 0) return d;
  }
  return (
    a.routeOrder - b.routeOrder ||
    (a.routeId < b.routeId ? -1 : a.routeId > b.routeId ? 1 : 0) ||
    a.rule - b.rule ||
    a.match - b.match
  );
}

/** Full comparator: negative when a wins over b. */
export function comparePrecedence(a: PrecedenceKey, b: PrecedenceKey): number {
  return b.hostExact - a.hostExact || b.hostAny - a.hostAny || compareStatic(a, b);
}

export interface MatchInfo {
  key: PrecedenceKey;
  /** Human form of the criteria, e.g. pathValue, service, method. */
  path?: string;
  pathType?: string;
  method?: string;
  service?: string;
  grpcMethod?: string;
}

const hn = (h: string | null) => (h === null ? '(any hostname)' : h);

/** The precedence step on which `loser` lost to `winner`, in words. */
export function lostBecause(kind: 'http' | 'grpc', winner: MatchInfo, loser: MatchInfo): string {
  const w = winner.key;
  const l = loser.key;
  if (w.hostExact !== l.hostExact)
    return w.hostExact > 0 && l.hostExact === 0
      ? `more specific hostname: exact ${hn(w.hostname)} beats ${hn(l.hostname)}`
      : `longer exact hostname (${hn(w.hostname)} > ${hn(l.hostname)})`;
  if (w.hostAny !== l.hostAny) return `more specific hostname (${hn(w.hostname)} > ${hn(l.hostname)})`;
  for (let i = 0; i < Math.min(w.crit.length, l.crit.length); i++) {
    if (w.crit[i] === l.crit[i]) continue;
    if (kind === 'http') {
      switch (i) {
        case 0:
          if (w.crit[0] === PATH_RANK.Exact)
            return `Exact path beats ${loser.pathType} (${winner.path} vs ${loser.path})`;
          return `PathPrefix beats RegularExpression (SD: regexes rank after prefixes; ${winner.path} vs ${loser.path})`;
        case 1:
          if (w.crit[0] === PATH_RANK.PathPrefix) return `longer prefix (${winner.path} > ${loser.path})`;
          if (w.crit[0] === PATH_RANK.RegularExpression)
            return `longer regular expression (SD: ${winner.path} > ${loser.path})`;
          return `longer path (${winner.path} > ${loser.path})`;
        case 2:
          return `a method match (${winner.method}) beats none`;
        case 3:
          return `more header matches (${w.crit[3]} > ${l.crit[3]})`;
        default:
          return `more query param matches (${w.crit[4]} > ${l.crit[4]})`;
      }
    }
    switch (i) {
      case 0:
        return `longer service match (${winner.service ?? '(any)'} > ${loser.service ?? '(any)'})`;
      case 1:
        return `longer method match (${winner.grpcMethod ?? '(any)'} > ${loser.grpcMethod ?? '(any)'})`;
      default:
        return `more header matches (${w.crit[2]} > ${l.crit[2]})`;
    }
  }
  if (w.routeOrder !== l.routeOrder) return 'equal precedence; the older route wins (creation order)';
  if (w.routeId !== l.routeId) return `equal precedence and age; ${w.routeId} comes first alphabetically`;
  if (w.rule !== l.rule) return `equal precedence; earlier rule (${w.rule} < ${l.rule})`;
  return `equal precedence; earlier match (${w.match} < ${l.match})`;
}
