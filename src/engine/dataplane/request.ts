// SimRequest (contracts.md §2) → the normalised request the data plane works on.
// Defaults: protocol from scheme (else HTTP; GRPC when `grpc` is given), port from protocol (80 HTTP/GRPC,
// 443 HTTPS/TLS), method GET, path `/`, SNI = host for HTTPS/TLS. Host is lower-cased, its port is split
// off and one trailing dot is stripped (semantics §6.2, SD). No path normalisation (SD, §6.3): warnings only.

import type { SimProtocol, SimRequest } from '../types.ts';

export interface NormalizedRequest {
  /** The SimRequest after defaults (Trace.request). */
  filled: SimRequest;
  protocol: SimProtocol;
  /** Transport the connection uses: UDP for UDP, TCP for everything else. */
  transport: 'TCP' | 'UDP';
  /** Whether the client starts TLS (HTTPS, TLS, gRPC over https). */
  tls: boolean;
  port: number | undefined;
  httpVersion: '1.1' | '2';
  method: string;
  scheme: 'http' | 'https';
  /** Host without port, lower-case, one trailing dot stripped; '' when none (an IP is kept as written). */
  host: string;
  /** The Host header as the client sent it (with port), '' when none. */
  authority: string;
  /** Explicit port in Host, if any. */
  hostPort: number | undefined;
  /** SNI lower-cased, trailing dot stripped; '' = no SNI. */
  sni: string;
  /** Raw path with query. */
  rawPath: string;
  /** Path without query (no decoding, no normalisation). */
  path: string;
  /** Query string without '?', '' when none. */
  query: string;
  /** Query params in order (name → values), names case-sensitive, values raw. */
  queryParams: Map<string, string[]>;
  /** Headers: lower-case name → values in order (repeats kept). */
  headers: Map<string, string[]>;
  /** Header names as first written (lower-case → original), for forwarding. */
  headerOrder: [string, string][];
  grpc: { service: string; method: string } | undefined;
  /** True for a gRPC request (protocol GRPC, `grpc` given, or content-type application/grpc*). */
  isGrpc: boolean;
  warnings: string[];
}

const PROTOCOLS: ReadonlySet<string> = new Set(['HTTP', 'HTTPS', 'GRPC', 'TLS', 'TCP', 'UDP']);

export function defaultPort(protocol: SimProtocol, scheme?: string): number | undefined {
  switch (protocol) {
    case 'HTTP':
      return 80;
    case 'GRPC':
      return scheme === 'https' ? 443 : 80;
    case 'HTTPS':
    case 'TLS':
      return 443;
    default:
      return undefined;
  }
}

/** Splits `host[:port]`, `[v6]:port` or a bare IPv6 literal. */
export function splitHostPort(authority: string): { host: string; port: number | undefined } {
  const a = authority.trim();
  if (a.charCodeAt(0) === 91 /* [ */) {
    const end = a.indexOf(']');
    if (end < 0) return { host: a, port: undefined };
    const host = a.slice(0, end + 1);
    const rest = a.slice(end + 1);
    const port = rest.startsWith(':') && /^\d+$/.test(rest.slice(1)) ? Number(rest.slice(1)) : undefined;
    return { host, port };
  }
  const i = a.indexOf(':');
  if (i < 0) return { host: a, port: undefined };
  if (a.indexOf(':', i + 1) >= 0) return { host: a, port: undefined }; // bare IPv6
  const p = a.slice(i + 1);
  return { host: a.slice(0, i), port: /^\d+$/.test(p) ? Number(p) : undefined };
}

/** Lower-case and strip one trailing dot (SD, §6.2). */
export function canonicalHost(h: string): string {
  let x = h.toLowerCase();
  if (x.endsWith('.') && x.length > 1) x = x.slice(0, -1);
  return x;
}

export function parseQuery(q: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (q === '') return out;
  for (const part of q.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    const list = out.get(name);
    if (list) list.push(value);
    else out.set(name, [value]);
  }
  return out;
}

/** Path warnings: no normalisation or percent-decoding is done (SD, §6.3 / §11.1 #12). */
export function pathWarnings(path: string): string[] {
  const w: string[] = [];
  if (path.indexOf('//') < 0 && path.indexOf('/.') < 0 && path.indexOf('%') < 0) return w;
  if (path.includes('//'))
    w.push('The path contains "//": it is matched as written, without merging slashes (no normalisation, SD).');
  if (path.includes('/./') || path.endsWith('/.'))
    w.push('The path contains "/./": it is matched as written, without resolving dot segments (no normalisation, SD).');
  if (path.includes('/../') || path.endsWith('/..'))
    w.push(
      'The path contains "/../": it is matched as written, without resolving dot segments (no normalisation, SD); data planes that normalise may route it elsewhere.',
    );
  if (/%2f/i.test(path))
    w.push('The path contains "%2F": it is matched as written, without percent-decoding (no normalisation, SD).');
  return w;
}

function headerEntries(h: SimRequest['headers']): [string, string][] {
  if (!h) return [];
  const out: [string, string][] = [];
  if (Array.isArray(h)) {
    for (const e of h) if (Array.isArray(e) && e.length >= 2) out.push([String(e[0]), String(e[1])]);
    return out;
  }
  if (typeof h === 'object') for (const k in h) out.push([k, String((h as Record<string, unknown>)[k])]);
  return out;
}

/** RFC 9110 field names (tokens); HTTP/2 pseudo-headers start with ':'. */
const FIELD_NAME = /^:?[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FIELD_VALUE_BAD = /[\r\n\0]/;
const NON_ASCII = /[\u0080-\uffff]/;

/** Header names and values no HTTP client can send (hostile or mistyped input): said, then matched as written. */
function headerWarnings(entries: [string, string][]): string[] {
  const w: string[] = [];
  for (const [k, v] of entries) {
    if (w.length >= 10) break;
    if (!FIELD_NAME.test(k))
      w.push(
        `The header name ${JSON.stringify(k)} is not a valid HTTP field name (RFC 9110 token): a real gateway answers 400 Bad Request. It is matched as written.`,
      );
    if (FIELD_VALUE_BAD.test(v))
      w.push(
        `The value of header ${JSON.stringify(k)} contains a CR, LF or NUL character: HTTP does not allow them (header injection); a real gateway answers 400 Bad Request. It is matched as written.`,
      );
  }
  return w;
}

function idnWarning(host: string): string {
  let ascii = '';
  try {
    ascii = new URL(`http://${host}/`).hostname;
  } catch {
    ascii = '';
  }
  return `The host "${host}" is not ASCII: clients send internationalised names in punycode${ascii && ascii !== host ? ` ("${ascii}")` : ' (xn--…)'}, and Gateway API hostnames are ASCII. It is matched as written.`;
}

/** An IP literal (v4 or bracketed v6): never an SNI. */
function isIpLiteral(host: string): boolean {
  if (host.charCodeAt(0) === 91) return true;
  const c = host.charCodeAt(host.length - 1);
  return c >= 48 && c <= 57 && /^\d+\.\d+\.\d+\.\d+$/.test(host);
}

export function normalizeRequest(req: SimRequest): NormalizedRequest {
  const r: SimRequest = req && typeof req === 'object' ? req : {};
  const warnings: string[] = [];
  const grpc =
    r.grpc && typeof r.grpc === 'object'
      ? { service: String(r.grpc.service ?? ''), method: String(r.grpc.method ?? '') }
      : undefined;
  let protocol: SimProtocol;
  if (r.protocol && PROTOCOLS.has(r.protocol)) protocol = r.protocol;
  else {
    if (r.protocol) warnings.push(`Unknown protocol "${String(r.protocol)}"; using the default.`);
    protocol = grpc ? 'GRPC' : r.scheme === 'https' ? 'HTTPS' : 'HTTP';
  }
  const scheme: 'http' | 'https' =
    r.scheme === 'https' || r.scheme === 'http'
      ? r.scheme
      : protocol === 'HTTPS' || protocol === 'TLS'
        ? 'https'
        : 'http';
  const tls = protocol === 'HTTPS' || protocol === 'TLS' || (protocol === 'GRPC' && scheme === 'https');
  const port = typeof r.port === 'number' && Number.isFinite(r.port) ? r.port : defaultPort(protocol, scheme);
  const httpVersion: '1.1' | '2' =
    r.httpVersion === '2' || r.httpVersion === '1.1' ? r.httpVersion : protocol === 'GRPC' ? '2' : '1.1';

  const entries = headerEntries(r.headers);
  const headers = new Map<string, string[]>();
  const headerOrder: [string, string][] = [];
  for (const [k, v] of entries) {
    const lk = k.toLowerCase();
    const list = headers.get(lk);
    if (list) list.push(v);
    else headers.set(lk, [v]);
    // Host / :authority travel as the request's host (ForwardedRequest.host), not as a header.
    if (lk !== 'host' && lk !== ':authority') headerOrder.push([k, v]);
  }

  warnings.push(...headerWarnings(entries));

  const authority =
    typeof r.host === 'string' ? r.host : (headers.get('host')?.[0] ?? headers.get(':authority')?.[0] ?? '');
  const hp = splitHostPort(authority);
  const host = canonicalHost(hp.host);
  if (NON_ASCII.test(host)) warnings.push(idnWarning(host));
  let sni = '';
  if (typeof r.sni === 'string') sni = canonicalHost(r.sni);
  else if (tls && !isIpLiteral(host)) sni = host;

  const isGrpc =
    protocol === 'GRPC' ||
    grpc !== undefined ||
    (headers.get('content-type')?.[0] ?? '').startsWith('application/grpc');
  let rawPath = typeof r.path === 'string' && r.path !== '' ? r.path : '/';
  if (grpc && (typeof r.path !== 'string' || r.path === '')) rawPath = `/${grpc.service}/${grpc.method}`;
  const qi = rawPath.indexOf('?');
  const path = qi < 0 ? rawPath : rawPath.slice(0, qi);
  const query = qi < 0 ? '' : rawPath.slice(qi + 1);
  if (!path.startsWith('/') && protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'TLS')
    warnings.push(`The path "${path}" does not start with "/".`);
  warnings.push(...pathWarnings(path));
  const method =
    typeof r.method === 'string' && r.method !== '' ? r.method : isGrpc && protocol === 'GRPC' ? 'POST' : 'GET';
  if (isGrpc && !headers.has('content-type')) headers.set('content-type', ['application/grpc']);

  // The request after defaults, built field by field in a fixed order (one object shape: fast).
  const l7 = protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'TLS';
  const filled: SimRequest = {};
  if (r.gateway !== undefined) filled.gateway = r.gateway;
  if (r.address !== undefined) filled.address = r.address;
  if (port !== undefined) filled.port = port;
  filled.protocol = protocol;
  if (l7) {
    filled.httpVersion = httpVersion;
    filled.method = method;
    filled.scheme = scheme;
    filled.host = authority;
    filled.path = rawPath;
  }
  if (r.headers !== undefined) filled.headers = r.headers;
  if (r.grpc !== undefined) filled.grpc = r.grpc;
  if (r.backendResponse !== undefined) filled.backendResponse = r.backendResponse;
  if (r.authAllows !== undefined) filled.authAllows = r.authAllows;
  if (r.clientCertificate !== undefined) filled.clientCertificate = r.clientCertificate;
  for (const k in r) if (!(k in filled)) (filled as Record<string, unknown>)[k] = (r as Record<string, unknown>)[k];
  if (tls) filled.sni = sni;
  return {
    filled,
    protocol,
    transport: protocol === 'UDP' ? 'UDP' : 'TCP',
    tls,
    port,
    httpVersion,
    method,
    scheme,
    host,
    authority,
    hostPort: hp.port,
    sni,
    rawPath,
    path,
    query,
    queryParams: parseQuery(query),
    headers,
    headerOrder,
    grpc: grpc ?? (isGrpc ? grpcFromPath(path) : undefined),
    isGrpc,
    warnings,
  };
}

function grpcFromPath(path: string): { service: string; method: string } | undefined {
  const m = /^\/([^/]+)\/([^/]+)$/.exec(path);
  return m ? { service: m[1]!, method: m[2]! } : undefined;
}
