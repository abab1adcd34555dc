// Small pure helpers of the controller: defensive field access, conditions, hostnames, label selectors.

import type { Condition } from '../types.ts';

export const GW_GROUP = 'gateway.networking.k8s.io';

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
export const obj = (v: unknown): Obj => (isObj(v) ? v : {});
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const objs = (v: unknown): Obj[] => arr(v).filter(isObj);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function cond(
  type: string,
  status: boolean | 'Unknown',
  reason: string,
  message: string,
  observedGeneration: number,
): Condition {
  return {
    type,
    status: status === 'Unknown' ? 'Unknown' : status ? 'True' : 'False',
    reason,
    message,
    observedGeneration,
  };
}

/** `ns/name`. */
export const nn = (namespace: string | undefined, name: string) => `${namespace ?? ''}/${name}`;

// ---------- hostnames (§4.6.4) ----------

export const isWildcard = (h: string) => h.startsWith('*.');

/**
 * Does wildcard `w` (`*.s`) cover `h`? A wildcard matches one or more labels: `*.example.com` covers
 * `a.example.com`, `a.b.example.com` and `*.a.example.com`, not `example.com`.
 */
export function wildcardCovers(w: string, h: string): boolean {
  const suffix = w.slice(1); // `.s`
  const y = isWildcard(h) ? h.slice(2) : h;
  if (isWildcard(h)) return y.endsWith(suffix) || `.${y}` === suffix;
  return h.length > suffix.length && h.endsWith(suffix);
}

/**
 * Effective hostnames of a route with `routeHostnames` on a listener with `listenerHostname` (§4.6.4).
 * Returns `[]` for "any host" when neither side restricts; `null` when nothing intersects.
 */
export function intersectHostnames(listenerHostname: string | undefined, routeHostnames: string[]): string[] | null {
  if (!listenerHostname) return routeHostnames.length ? [...routeHostnames] : [];
  if (!routeHostnames.length) return [listenerHostname];
  const out: string[] = [];
  const l = listenerHostname.toLowerCase();
  for (const raw of routeHostnames) {
    const h = raw.toLowerCase();
    let eff: string | undefined;
    if (h === l) eff = raw;
    else if (isWildcard(l) && wildcardCovers(l, h)) eff = raw;
    else if (isWildcard(h) && wildcardCovers(h, l)) eff = listenerHostname;
    if (eff !== undefined && !out.includes(eff)) out.push(eff);
  }
  return out.length ? out : null;
}

/** Two listener hostnames overlap: equal, one covers the other, or either is unset (any host). */
export function hostnamesOverlap(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  return (isWildcard(x) && wildcardCovers(x, y)) || (isWildcard(y) && wildcardCovers(y, x));
}

// ---------- label selectors (§4.6.3) ----------

export interface SelectorResult {
  matches: boolean;
  /** Set when the selector itself is invalid (SD: matches nothing). */
  error?: string;
}

/** metav1.LabelSelector semantics; a missing selector matches nothing (SD), `{}` matches everything. */
export function matchSelector(selector: unknown, labels: Record<string, string>): SelectorResult {
  if (!isObj(selector)) return { matches: false, error: 'from: Selector needs a selector' };
  const ml = obj(selector.matchLabels);
  for (const [k, v] of Object.entries(ml)) if (labels[k] !== String(v)) return { matches: false };
  for (const e of objs(selector.matchExpressions)) {
    const key = str(e.key) ?? '';
    const op = str(e.operator);
    const values = arr(e.values).map(String);
    const has = Object.hasOwn(labels, key);
    switch (op) {
      case 'In':
        if (!values.length) return { matches: false, error: `operator In on "${key}" needs values` };
        if (!has || !values.includes(labels[key]!)) return { matches: false };
        break;
      case 'NotIn':
        if (!values.length) return { matches: false, error: `operator NotIn on "${key}" needs values` };
        if (has && values.includes(labels[key]!)) return { matches: false };
        break;
      case 'Exists':
        if (values.length) return { matches: false, error: `operator Exists on "${key}" takes no values` };
        if (!has) return { matches: false };
        break;
      case 'DoesNotExist':
        if (values.length) return { matches: false, error: `operator DoesNotExist on "${key}" takes no values` };
        if (has) return { matches: false };
        break;
      default:
        return { matches: false, error: `"${op}" is not a valid label selector operator` };
    }
  }
  return { matches: true };
}

/** Labels a namespace would need to satisfy `selector` (matchLabels and In/Exists expressions), for fixes. */
export function labelsToSatisfy(selector: unknown): Record<string, string> | undefined {
  if (!isObj(selector)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(selector.matchLabels))) out[k] = String(v);
  for (const e of objs(selector.matchExpressions)) {
    const key = str(e.key);
    if (!key) continue;
    if (e.operator === 'In' && arr(e.values).length) out[key] = String(arr(e.values)[0]);
    else if (e.operator === 'Exists') out[key] = 'true';
  }
  return out;
}

/** Levenshtein distance (small strings), for "did you mean" fixes. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[n]!;
}

export function closestName(name: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** Base64 → text, or undefined if it is not base64. */
export function decodeBase64(s: string): string | undefined {
  try {
    if (typeof atob === 'function') return atob(s.replace(/\s+/g, ''));
  } catch {
    return undefined;
  }
  return undefined;
}
