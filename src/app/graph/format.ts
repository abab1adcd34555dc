// Short text for the graph's nodes: matches (`PathPrefix /v2 · header version=2`), filter chips and
// timeouts. Pure; reads the topology's `details` defensively because they are plain JSON.

type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const PATH_TYPE: Record<string, string> = { PathPrefix: 'PathPrefix', Exact: 'Exact', RegularExpression: 'Regex' };

function pairs(list: unknown, word: string): string[] {
  return arr(list)
    .filter(isObj)
    .map((h) => {
      const op = h.type === 'RegularExpression' ? '~' : '=';
      return `${word} ${str(h.name) ?? '?'}${op}${str(h.value) ?? ''}`;
    });
}

/** One match (HTTPRoute or GRPCRoute) in short form, parts joined by ` · `. An empty match is `any`. */
export function shortMatch(m: unknown): string {
  if (typeof m === 'string') return m;
  if (!isObj(m)) return 'any';
  const parts: string[] = [];
  if (isObj(m.path)) {
    const t = str(m.path.type) ?? 'PathPrefix';
    parts.push(`${PATH_TYPE[t] ?? t} ${str(m.path.value) ?? '/'}`);
  }
  if (typeof m.method === 'string') parts.push(m.method);
  else if (isObj(m.method)) {
    // GRPCRoute method match: service/method, either may be absent.
    const svc = str(m.method.service) ?? '*';
    const meth = str(m.method.method) ?? '*';
    parts.push(`${m.method.type === 'RegularExpression' ? 'gRPC~' : 'gRPC'} ${svc}/${meth}`);
  }
  parts.push(...pairs(m.headers, 'header'));
  parts.push(...pairs(m.queryParams, 'query'));
  return parts.length ? parts.join(' · ') : 'any';
}

/** Every match of a rule, one string each (OR-ed). No matches = matches everything. */
export function shortMatches(matches: unknown): string[] {
  const list = arr(matches);
  if (list.length === 0) return ['any'];
  return list.map(shortMatch);
}

const FILTER_SHORT: Record<string, string> = {
  RequestHeaderModifier: 'req headers',
  ResponseHeaderModifier: 'resp headers',
  RequestRedirect: 'redirect',
  URLRewrite: 'rewrite',
  RequestMirror: 'mirror',
  CORS: 'CORS',
  ExternalAuth: 'ext auth',
  ExtensionRef: 'extension',
};

/** A filter as a small chip: its type shortened, plus the one fact that tells it apart. */
export function filterChip(f: unknown): string {
  if (typeof f === 'string') return FILTER_SHORT[f] ?? f;
  if (!isObj(f)) return '?';
  const type = str(f.type) ?? '?';
  const base = FILTER_SHORT[type] ?? type;
  if (type === 'RequestRedirect' && isObj(f.requestRedirect)) {
    const r = f.requestRedirect;
    const code = num(r.statusCode) ?? 302;
    const to = str(r.scheme) ?? str(r.hostname) ?? '';
    return `${base}${to ? ` ${to}` : ''} ${code}`;
  }
  if (type === 'URLRewrite' && isObj(f.urlRewrite)) {
    const r = f.urlRewrite;
    if (isObj(r.path)) {
      const p = str(r.path.replacePrefixMatch) ?? str(r.path.replaceFullPath);
      if (p !== undefined) return `${base} ${p}`;
    }
    if (str(r.hostname)) return `${base} host`;
  }
  if (type === 'RequestMirror' && isObj(f.requestMirror)) {
    const p = num(f.requestMirror.percent);
    if (p !== undefined) return `${base} ${p}%`;
  }
  if (type === 'ExtensionRef' && isObj(f.extensionRef)) return `${base} ${str(f.extensionRef.kind) ?? ''}`.trim();
  return base;
}

export function filterChips(filters: unknown): string[] {
  return arr(filters).map(filterChip);
}

/** `timeout 10s · backend 2s`, or undefined when the rule sets none. */
export function timeoutsText(t: unknown): string | undefined {
  if (!isObj(t)) return undefined;
  const parts: string[] = [];
  const req = str(t.request);
  const be = str(t.backendRequest);
  if (req) parts.push(`timeout ${req}`);
  if (be) parts.push(`backend ${be}`);
  return parts.length ? parts.join(' · ') : undefined;
}

/** Share as a percentage with at most one decimal: 1 → `100%`, 1/3 → `33.3%`. */
export function pct(share: number): string {
  const v = Math.round(share * 1000) / 10;
  return `${v}%`;
}

/** Listener facts in one line: `HTTPS :443 · *.example.com · Terminate`. */
export function listenerLine(d: Obj): string {
  const parts: string[] = [];
  const proto = str(d.protocol);
  const port = num(d.port);
  parts.push(`${proto ?? '?'}${port !== undefined ? ` :${port}` : ''}`);
  const host = str(d.hostname);
  parts.push(host ?? '*');
  const tls = str(d.tlsMode) ?? (isObj(d.tls) ? str(d.tls.mode) : undefined);
  if (tls) parts.push(tls);
  return parts.join(' · ');
}

/** Gateway addresses as text (`10.0.0.1, lb.example.com`). */
export function addressesText(v: unknown): string | undefined {
  const list = arr(v)
    .map((a) => (isObj(a) ? str(a.value) : str(a)))
    .filter((s): s is string => !!s);
  return list.length ? list.join(', ') : undefined;
}
