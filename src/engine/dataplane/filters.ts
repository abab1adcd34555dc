// Filter semantics (semantics §7), as pure functions over plain data.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

// ---------- headers (§7.2) ----------

/** Headers as an ordered map: lower-case name → { name as first written, values }. */
export type HeaderMap = Map<string, { name: string; values: string[] }>;

export function headerMapFrom(entries: Iterable<[string, string]>): HeaderMap {
  const m: HeaderMap = new Map();
  for (const [k, v] of entries) {
    const lk = k.toLowerCase();
    const e = m.get(lk);
    if (e) e.values.push(v);
    else m.set(lk, { name: k, values: [v] });
  }
  return m;
}

export function cloneHeaders(h: HeaderMap): HeaderMap {
  const m: HeaderMap = new Map();
  for (const [k, v] of h) m.set(k, { name: v.name, values: [...v.values] });
  return m;
}

/** lower-case name → value; repeated headers joined by ',' (how the conformance echo backend reports them). */
export function headerRecord(h: HeaderMap): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of h) out[k] = v.values.join(',');
  return out;
}

export interface HeaderModifierSpec {
  set: { name: string; value: string }[];
  add: { name: string; value: string }[];
  remove: string[];
}

export function headerModifierSpec(f: unknown): HeaderModifierSpec {
  const o = isObj(f) ? f : {};
  const nv = (l: unknown) =>
    (Array.isArray(l) ? l : [])
      .filter(isObj)
      .map((x) => ({ name: str(x.name) ?? '', value: str(x.value) ?? '' }))
      .filter((x) => x.name !== '');
  return {
    set: nv(o.set),
    add: nv(o.add),
    remove: (Array.isArray(o.remove) ? o.remove : []).filter((x): x is string => typeof x === 'string'),
  };
}

/**
 * §7.2: set replaces every value (or adds the header), add appends a value, remove deletes every
 * occurrence; names are case-insensitive. Applied in that order (set, add, remove). Mutates `h`.
 * Returns the names removed.
 */
export function applyHeaderModifier(h: HeaderMap, spec: HeaderModifierSpec): string[] {
  for (const { name, value } of spec.set) h.set(name.toLowerCase(), { name, values: [value] });
  for (const { name, value } of spec.add) {
    const e = h.get(name.toLowerCase());
    if (e) e.values.push(value);
    else h.set(name.toLowerCase(), { name, values: [value] });
  }
  const removed: string[] = [];
  for (const name of spec.remove) {
    h.delete(name.toLowerCase());
    removed.push(name.toLowerCase());
  }
  return removed;
}

export function describeHeaderModifier(spec: HeaderModifierSpec): string {
  const parts: string[] = [];
  if (spec.set.length) parts.push(`set ${spec.set.map((x) => `${x.name}: ${x.value}`).join(', ')}`);
  if (spec.add.length) parts.push(`add ${spec.add.map((x) => `${x.name}: ${x.value}`).join(', ')}`);
  if (spec.remove.length) parts.push(`remove ${spec.remove.join(', ')}`);
  return parts.join('; ') || 'no changes';
}

// ---------- paths (§7.3, §7.4) ----------

const stripSlash = (s: string) => (s.endsWith('/') ? s.slice(0, -1) : s);

/**
 * ReplacePrefixMatch (§7.4): replace the part of `path` matched by the PathPrefix `prefixValue`.
 * p = prefix without trailing '/', r = replacement without trailing '/', out = r + path[len(p):], '' ⇒ '/'.
 * Prefix `/` is the SD of §11.1 #11 (`/foo` with `/` → `/xyz` gives `/xyz/foo`).
 */
export function replacePrefix(path: string, prefixValue: string, replacement: string): string {
  const p = stripSlash(prefixValue);
  const rest = path.startsWith(p) ? path.slice(p.length) : path;
  const out = stripSlash(replacement) + rest;
  return out === '' ? '/' : out;
}

export interface PathModifier {
  type: 'ReplaceFullPath' | 'ReplacePrefixMatch';
  value: string;
}

export function pathModifierSpec(p: unknown): PathModifier | undefined {
  if (!isObj(p)) return undefined;
  if (p.type === 'ReplaceFullPath') return { type: 'ReplaceFullPath', value: str(p.replaceFullPath) ?? '' };
  if (p.type === 'ReplacePrefixMatch') return { type: 'ReplacePrefixMatch', value: str(p.replacePrefixMatch) ?? '' };
  return undefined;
}

/**
 * Applies a path modifier to `path` (no query). `prefix` is the PathPrefix value of the match that
 * matched (undefined when the match was not a PathPrefix: ReplacePrefixMatch then keeps the path, which
 * the API forbids by CEL anyway).
 */
export function modifyPath(path: string, mod: PathModifier, prefix: string | undefined): string {
  if (mod.type === 'ReplaceFullPath') return mod.value === '' ? '/' : mod.value;
  if (prefix === undefined) return path;
  return replacePrefix(path, prefix, mod.value);
}

/** Keeps the query string (SD §11.1 #10). */
export function withQuery(path: string, query: string): string {
  return query === '' ? path : `${path}?${query}`;
}

// ---------- redirect (§7.3) ----------

export interface RedirectInput {
  /** Request scheme (http/https). */
  scheme: string;
  /** Request host without port ('' = unknown: `fallbackHost` is used). */
  host: string;
  fallbackHost: string;
  path: string;
  query: string;
  listenerPort: number;
  /** PathPrefix value of the matching match, if it is a PathPrefix. */
  prefix: string | undefined;
}

export interface RedirectResult {
  status: number;
  location: string;
  scheme: string;
  host: string;
  port: number;
  path: string;
}

const WELL_KNOWN: Record<string, number> = { http: 80, https: 443 };

export function computeRedirect(f: unknown, r: RedirectInput): RedirectResult {
  const o = isObj(f) ? f : {};
  const scheme = str(o.scheme) ?? r.scheme;
  const host = str(o.hostname) ?? (r.host || r.fallbackHost);
  // Port: explicit; else the well-known port of an explicit scheme; else the listener port (§7.3).
  let port: number;
  if (typeof o.port === 'number') port = o.port;
  else if (str(o.scheme) !== undefined) port = WELL_KNOWN[scheme] ?? r.listenerPort;
  else port = r.listenerPort;
  const mod = pathModifierSpec(o.path);
  const path = mod ? modifyPath(r.path, mod, r.prefix) : r.path;
  const status = typeof o.statusCode === 'number' ? o.statusCode : 302;
  const showPort = WELL_KNOWN[scheme] !== port;
  const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const location = `${scheme}://${hostPart}${showPort ? `:${port}` : ''}${withQuery(path, r.query)}`;
  return { status, location, scheme, host, port, path };
}

/** Feature needed by a redirect status code (§7.3). */
export function redirectStatusFeature(status: number): string | undefined {
  if (status === 303) return 'HTTPRoute303RedirectStatusCode';
  if (status === 307) return 'HTTPRoute307RedirectStatusCode';
  if (status === 308) return 'HTTPRoute308RedirectStatusCode';
  return undefined;
}

// ---------- mirror (§7.5) ----------

/** Mirror share in percent: `percent`, or `fraction` (denominator default 100), else 100. */
export function mirrorPercent(f: unknown): number {
  const o = isObj(f) ? f : {};
  if (typeof o.percent === 'number') return Math.max(0, Math.min(100, o.percent));
  if (isObj(o.fraction)) {
    const num = typeof o.fraction.numerator === 'number' ? o.fraction.numerator : 0;
    const den = typeof o.fraction.denominator === 'number' ? o.fraction.denominator : 100;
    if (den <= 0) return 0;
    return Math.max(0, Math.min(100, (num / den) * 100));
  }
  return 100;
}

// ---------- CORS (§7.6) ----------

export interface CorsSpec {
  allowOrigins: string[];
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  allowCredentials: boolean;
  maxAge: number;
}

export function corsSpec(f: unknown): CorsSpec {
  const o = isObj(f) ? f : {};
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    allowOrigins: list(o.allowOrigins),
    allowMethods: list(o.allowMethods),
    allowHeaders: list(o.allowHeaders),
    exposeHeaders: list(o.exposeHeaders),
    allowCredentials: o.allowCredentials === true,
    maxAge: typeof o.maxAge === 'number' ? o.maxAge : 5,
  };
}

interface ParsedOrigin {
  scheme: string;
  host: string;
  port: number | undefined;
}

function parseOrigin(s: string): ParsedOrigin | undefined {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(\[[^\]]*\]|[^:/]*)(?::(\d+))?\/?$/.exec(s.trim());
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase();
  const port = m[3] !== undefined ? Number(m[3]) : WELL_KNOWN[scheme];
  return { scheme, host: m[2]!.toLowerCase(), port };
}

/**
 * Origin matching (§7.6): `*` matches all; otherwise scheme, host and port must match (default ports
 * 80/443); a `*` host label is a greedy left match over one or more labels.
 */
export function originAllowed(spec: CorsSpec, origin: string): boolean {
  const req = parseOrigin(origin);
  for (const a of spec.allowOrigins) {
    if (a === '*') return true;
    if (!req) continue;
    const al = parseOrigin(a);
    if (!al) continue;
    if (al.scheme !== req.scheme || al.port !== req.port) continue;
    if (al.host.startsWith('*.')) {
      const suffix = al.host.slice(1);
      if (req.host.length > suffix.length && req.host.endsWith(suffix)) return true;
    } else if (al.host === req.host) return true;
  }
  return false;
}

const SAFELISTED = new Set(['GET', 'HEAD', 'POST']);

export function methodAllowed(spec: CorsSpec, method: string): boolean {
  return SAFELISTED.has(method) || spec.allowMethods.includes('*') || spec.allowMethods.includes(method);
}

export interface CorsPreflightResult {
  allowed: boolean;
  /** Gateway's own answer. */
  status: number;
  headers: Record<string, string>;
  why: string;
}

/** A preflight answered by the Gateway (§7.6). Not allowed ⇒ 403 without CORS headers. */
export function corsPreflight(
  spec: CorsSpec,
  origin: string,
  requestMethod: string | undefined,
  requestHeaders: string | undefined,
): CorsPreflightResult {
  if (!originAllowed(spec, origin))
    return { allowed: false, status: 403, headers: {}, why: `origin ${origin} is not in allowOrigins` };
  if (requestMethod !== undefined && !methodAllowed(spec, requestMethod))
    return { allowed: false, status: 403, headers: {}, why: `method ${requestMethod} is not in allowMethods` };
  const h: Record<string, string> = {};
  // Echoing the Origin is valid with and without credentials (a literal `*` is not, with credentials).
  h['access-control-allow-origin'] = origin;
  if (spec.allowMethods.includes('*')) {
    if (requestMethod !== undefined) h['access-control-allow-methods'] = requestMethod;
    else if (!spec.allowCredentials) h['access-control-allow-methods'] = '*';
  } else if (spec.allowMethods.length) h['access-control-allow-methods'] = spec.allowMethods.join(', ');
  if (spec.allowHeaders.includes('*')) {
    if (requestHeaders !== undefined && requestHeaders !== '') h['access-control-allow-headers'] = requestHeaders;
    else if (!spec.allowCredentials) h['access-control-allow-headers'] = '*';
  } else if (spec.allowHeaders.length) h['access-control-allow-headers'] = spec.allowHeaders.join(', ');
  const expose = spec.exposeHeaders.filter((x) => !(x === '*' && spec.allowCredentials));
  if (expose.length) h['access-control-expose-headers'] = expose.join(', ');
  h['access-control-max-age'] = String(spec.maxAge);
  if (spec.allowCredentials) h['access-control-allow-credentials'] = 'true';
  return { allowed: true, status: 204, headers: h, why: `origin ${origin} is allowed` };
}

/** CORS headers added to the response of an actual (non-preflight) cross-origin request. */
export function corsActual(spec: CorsSpec, origin: string): Record<string, string> | undefined {
  if (!originAllowed(spec, origin)) return undefined;
  const h: Record<string, string> = { 'access-control-allow-origin': origin };
  if (spec.allowCredentials) h['access-control-allow-credentials'] = 'true';
  const expose = spec.exposeHeaders.filter((x) => !(x === '*' && spec.allowCredentials));
  if (expose.length) h['access-control-expose-headers'] = expose.join(', ');
  return h;
}
