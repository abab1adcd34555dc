// HTTPRoute and GRPCRoute match conditions (semantics §6.3, §6.5), compiled once per analysis.
// Paths: Exact; PathPrefix element-wise; RegularExpression = RE2 (re2js) full match on the path without
// the query (SD §11.1 #4). Headers: case-insensitive names, first duplicate entry counts; repeated request
// headers match if any occurrence or their comma-join matches (SD §11.1 #12). Query params: case-sensitive
// names, first value (SD). Method: exact.

import { RE2JS } from 're2js';
import type { NormalizedRequest } from './request.ts';

export type Regex = { testExact(s: string): boolean };
/** Compiled regexes of one analysis (compiling costs ~0.1 ms per pattern: stack-notes §8). */
export type RegexCache = Map<string, Regex | string>;

/** A compiled regex, or the compile error message. */
export function compileRegex(pattern: string, cache: RegexCache): Regex | string {
  const hit = cache.get(pattern);
  if (hit !== undefined) return hit;
  let out: Regex | string;
  try {
    out = RE2JS.compile(pattern);
  } catch (e) {
    out = e instanceof Error ? e.message : String(e);
  }
  cache.set(pattern, out);
  return out;
}

export type PathType = 'Exact' | 'PathPrefix' | 'RegularExpression';

export interface ValueMatch {
  /** Header names lower-case; query names as written. */
  name: string;
  /** As written in the manifest (for explanations). */
  displayName: string;
  type: 'Exact' | 'RegularExpression';
  value: string;
  regex?: Regex | undefined;
  /** Compile error, when the regex does not compile (the condition then never matches). */
  error?: string | undefined;
}

export interface CompiledHttpMatch {
  pathType: PathType;
  pathValue: string;
  /** PathPrefix value without its trailing slash ('' for '/'). */
  prefixBase: string;
  pathRegex?: Regex | undefined;
  pathError?: string | undefined;
  headers: ValueMatch[];
  query: ValueMatch[];
  method: string | undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function stripTrailingSlash(s: string): string {
  return s.endsWith('/') ? s.slice(0, -1) : s;
}

/** PathPrefix, element by element: `p` matches `path` iff path == p or path starts with p + "/" (§6.3). */
export function prefixMatches(prefixBase: string, path: string): boolean {
  if (prefixBase === '') return true;
  if (!path.startsWith(prefixBase)) return false;
  return path.length === prefixBase.length || path.charCodeAt(prefixBase.length) === 47; /* '/' */
}

function compileValueMatches(list: unknown, lower: boolean, cache: RegexCache): ValueMatch[] {
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  const out: ValueMatch[] = [];
  for (const h of list) {
    if (!isObj(h)) continue;
    const displayName = str(h.name) ?? '';
    const name = lower ? displayName.toLowerCase() : displayName;
    // Only the first entry with a given name counts (HTTPHeaderMatch / HTTPQueryParamMatch docs).
    if (seen.has(name)) continue;
    seen.add(name);
    const type = h.type === 'RegularExpression' ? 'RegularExpression' : 'Exact';
    const value = str(h.value) ?? '';
    const vm: ValueMatch = { name, displayName, type, value };
    if (type === 'RegularExpression') {
      const r = compileRegex(value, cache);
      if (typeof r === 'string') vm.error = r;
      else vm.regex = r;
    }
    out.push(vm);
  }
  return out;
}

/** Compiles one `matches[]` entry (already API-defaulted or raw: defaults are applied here too). */
export function compileHttpMatch(m: unknown, cache: RegexCache): CompiledHttpMatch {
  const mo = isObj(m) ? m : {};
  const p = isObj(mo.path) ? mo.path : {};
  const pathType: PathType =
    p.type === 'Exact' || p.type === 'RegularExpression' || p.type === 'PathPrefix' ? p.type : 'PathPrefix';
  const pathValue = str(p.value) ?? '/';
  const out: CompiledHttpMatch = {
    pathType,
    pathValue,
    prefixBase: pathType === 'PathPrefix' ? stripTrailingSlash(pathValue) : pathValue,
    headers: compileValueMatches(mo.headers, true, cache),
    query: compileValueMatches(mo.queryParams, false, cache),
    method: str(mo.method),
  };
  if (pathType === 'RegularExpression') {
    const r = compileRegex(pathValue, cache);
    if (typeof r === 'string') out.pathError = r;
    else out.pathRegex = r;
  }
  return out;
}

/** The default match of a rule without `matches`: PathPrefix `/`. */
export function defaultHttpMatch(): CompiledHttpMatch {
  return { pathType: 'PathPrefix', pathValue: '/', prefixBase: '', headers: [], query: [], method: undefined };
}

export function pathMatches(m: CompiledHttpMatch, path: string): boolean {
  switch (m.pathType) {
    case 'Exact':
      return path === m.pathValue;
    case 'PathPrefix':
      return prefixMatches(m.prefixBase, path);
    default:
      return m.pathRegex ? m.pathRegex.testExact(path) : false;
  }
}

function valueOk(vm: ValueMatch, v: string): boolean {
  if (vm.type === 'Exact') return v === vm.value;
  return vm.regex ? vm.regex.testExact(v) : false;
}

/** SD §11.1 #12: a repeated request header matches if any occurrence, or the comma-join, matches. */
export function headerValueMatches(vm: ValueMatch, values: readonly string[] | undefined): boolean {
  if (!values || values.length === 0) return false;
  for (const v of values) if (valueOk(vm, v)) return true;
  return values.length > 1 && valueOk(vm, values.join(','));
}

/** SD §11.1 #12: the first value of a repeated query param. */
export function queryValueMatches(vm: ValueMatch, values: readonly string[] | undefined): boolean {
  if (!values || values.length === 0) return false;
  return valueOk(vm, values[0]!);
}

export function testHttpMatch(m: CompiledHttpMatch, req: NormalizedRequest): boolean {
  if (!pathMatches(m, req.path)) return false;
  if (m.method !== undefined && m.method !== req.method) return false;
  for (const h of m.headers) if (!headerValueMatches(h, req.headers.get(h.name))) return false;
  for (const q of m.query) if (!queryValueMatches(q, req.queryParams.get(q.name))) return false;
  return true;
}

export function describePath(m: CompiledHttpMatch): string {
  return `${m.pathType} ${m.pathValue}`;
}

/** Why a match fails, or null when it matches (explain mode). */
export function explainHttpMatch(m: CompiledHttpMatch, req: NormalizedRequest): string | null {
  if (!pathMatches(m, req.path)) {
    if (m.pathType === 'RegularExpression' && m.pathError)
      return `path regex ${m.pathValue} does not compile (${m.pathError})`;
    if (m.pathType === 'PathPrefix' && req.path.startsWith(m.prefixBase))
      return `path ${req.path} does not match PathPrefix ${m.pathValue} (prefixes match whole path elements)`;
    return `path ${req.path} does not match ${describePath(m)}`;
  }
  if (m.method !== undefined && m.method !== req.method) return `method ${req.method} is not ${m.method}`;
  for (const h of m.headers) {
    const vals = req.headers.get(h.name);
    if (!headerValueMatches(h, vals))
      return vals
        ? `header ${h.displayName}: ${vals.join(', ')} does not match ${h.type === 'Exact' ? '' : 'regex '}${h.value}`
        : `header ${h.displayName} is absent (wanted ${h.type === 'Exact' ? '' : 'regex '}${h.value})`;
  }
  for (const q of m.query) {
    const vals = req.queryParams.get(q.name);
    if (!queryValueMatches(q, vals))
      return vals
        ? `query param ${q.name}=${vals[0]} does not match ${q.type === 'Exact' ? '' : 'regex '}${q.value}`
        : `query param ${q.name} is absent (names are case-sensitive)`;
  }
  return null;
}

// ---------- GRPCRoute (§6.5) ----------

export interface CompiledGrpcMatch {
  type: 'Exact' | 'RegularExpression';
  service: string | undefined;
  method: string | undefined;
  serviceRegex?: Regex | undefined;
  methodRegex?: Regex | undefined;
  error?: string | undefined;
  headers: ValueMatch[];
}

export function compileGrpcMatch(m: unknown, cache: RegexCache): CompiledGrpcMatch {
  const mo = isObj(m) ? m : {};
  const me = isObj(mo.method) ? mo.method : {};
  const type = me.type === 'RegularExpression' ? 'RegularExpression' : 'Exact';
  const out: CompiledGrpcMatch = {
    type,
    service: str(me.service),
    method: str(me.method),
    headers: compileValueMatches(mo.headers, true, cache),
  };
  if (type === 'RegularExpression') {
    for (const part of ['service', 'method'] as const) {
      const v = out[part];
      if (v === undefined) continue;
      const r = compileRegex(v, cache);
      if (typeof r === 'string') out.error = r;
      else if (part === 'service') out.serviceRegex = r;
      else out.methodRegex = r;
    }
  }
  return out;
}

export function defaultGrpcMatch(): CompiledGrpcMatch {
  return { type: 'Exact', service: undefined, method: undefined, headers: [] };
}

function grpcPartOk(
  pattern: string | undefined,
  regex: Regex | undefined,
  type: 'Exact' | 'RegularExpression',
  v: string,
): boolean {
  if (pattern === undefined) return true;
  if (type === 'Exact') return pattern === v;
  return regex ? regex.testExact(v) : false;
}

export function testGrpcMatch(m: CompiledGrpcMatch, req: NormalizedRequest): boolean {
  const g = req.grpc;
  if (m.service !== undefined || m.method !== undefined) {
    if (!g) return false;
    if (!grpcPartOk(m.service, m.serviceRegex, m.type, g.service)) return false;
    if (!grpcPartOk(m.method, m.methodRegex, m.type, g.method)) return false;
  }
  for (const h of m.headers) if (!headerValueMatches(h, req.headers.get(h.name))) return false;
  return true;
}

export function explainGrpcMatch(m: CompiledGrpcMatch, req: NormalizedRequest): string | null {
  const g = req.grpc;
  if (m.service !== undefined || m.method !== undefined) {
    if (!g) return 'the request names no gRPC service/method';
    if (m.error) return `method regex does not compile (${m.error})`;
    if (!grpcPartOk(m.service, m.serviceRegex, m.type, g.service))
      return `service ${g.service} does not match ${m.type === 'Exact' ? '' : 'regex '}${m.service}`;
    if (!grpcPartOk(m.method, m.methodRegex, m.type, g.method))
      return `method ${g.method} does not match ${m.type === 'Exact' ? '' : 'regex '}${m.method}`;
  }
  for (const h of m.headers) {
    const vals = req.headers.get(h.name);
    if (!headerValueMatches(h, vals))
      return vals
        ? `header ${h.displayName}: ${vals.join(', ')} does not match ${h.value}`
        : `header ${h.displayName} is absent (wanted ${h.value})`;
  }
  return null;
}
