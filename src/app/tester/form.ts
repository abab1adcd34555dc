// The request form's state and its conversion to and from a SimRequest (contracts.md §2).
// Pure: no React, no DOM. The form keeps what it cannot show (address, backendResponse, …) in
// `extra`, so that a saved request survives a round trip through the form unchanged.

import type { SimProtocol, SimRequest } from '../../engine/index.ts';

export const PROTOCOLS: { value: SimProtocol; label: string }[] = [
  { value: 'HTTP', label: 'HTTP' },
  { value: 'HTTPS', label: 'HTTPS' },
  { value: 'GRPC', label: 'gRPC' },
  { value: 'TLS', label: 'TLS' },
  { value: 'TCP', label: 'TCP' },
  { value: 'UDP', label: 'UDP' },
];

/** The port a protocol uses when the form leaves it empty (contracts.md §2 defaults). */
export function defaultPort(p: SimProtocol): number | undefined {
  switch (p) {
    case 'HTTP':
    case 'GRPC':
      return 80;
    case 'HTTPS':
    case 'TLS':
      return 443;
    default:
      return undefined;
  }
}

export interface HeaderRow {
  /** Stable key for React lists and focus. */
  id: number;
  name: string;
  value: string;
}

export interface FormState {
  protocol: SimProtocol;
  /** `ns/name`, or '' for any Gateway. */
  gateway: string;
  /** Digits as typed; '' = the protocol's default. */
  port: string;
  method: string;
  /** Host / :authority (may carry `:port`). */
  host: string;
  /** Path with query. */
  path: string;
  httpVersion: '' | '1.1' | '2';
  headers: HeaderRow[];
  grpcService: string;
  grpcMethod: string;
  /** TLS server name; '' = the host (HTTPS) or none. */
  sni: string;
  /** Fields of the request the form does not edit, kept as they were. */
  extra: Partial<SimRequest>;
}

let nextRowId = 1;
export function headerRow(name = '', value = ''): HeaderRow {
  return { id: nextRowId++, name, value };
}

export function emptyForm(): FormState {
  return {
    protocol: 'HTTP',
    gateway: '',
    port: '',
    method: 'GET',
    host: '',
    path: '/',
    httpVersion: '',
    headers: [],
    grpcService: '',
    grpcMethod: '',
    sni: '',
    extra: {},
  };
}

export const isHttpLike = (p: SimProtocol) => p === 'HTTP' || p === 'HTTPS';
export const hasHeaders = (p: SimProtocol) => p === 'HTTP' || p === 'HTTPS' || p === 'GRPC';
export const hasSni = (p: SimProtocol) => p === 'HTTPS' || p === 'TLS';

/** The protocol a request uses when it names none (contracts.md §2: from the scheme, else HTTP). */
export function protocolOf(req: SimRequest): SimProtocol {
  if (req.protocol) return req.protocol;
  if (req.grpc) return 'GRPC';
  if (req.scheme === 'https') return 'HTTPS';
  return 'HTTP';
}

function headerEntries(h: SimRequest['headers']): [string, string][] {
  if (!h) return [];
  if (Array.isArray(h)) return h.map(([k, v]) => [String(k), String(v)]);
  return Object.entries(h).map(([k, v]) => [k, String(v)]);
}

export function requestToForm(req: SimRequest): FormState {
  const {
    gateway,
    port,
    protocol: _protocol,
    method,
    host,
    path,
    headers,
    sni,
    grpc,
    httpVersion,
    scheme: _scheme,
    ...extra
  } = req;
  const protocol = protocolOf(req);
  return {
    protocol,
    gateway: gateway ?? '',
    port: port === undefined ? '' : String(port),
    method: method ?? 'GET',
    host: host ?? '',
    path: path ?? '/',
    httpVersion: httpVersion ?? '',
    headers: headerEntries(headers).map(([k, v]) => headerRow(k, v)),
    grpcService: grpc?.service ?? '',
    grpcMethod: grpc?.method ?? '',
    sni: sni ?? '',
    extra,
  };
}

/** The SimRequest a form describes: only the fields that apply to its protocol, defaults left out. */
export function formToRequest(f: FormState): SimRequest {
  const req: SimRequest = { ...f.extra };
  if (f.gateway) req.gateway = f.gateway;
  req.protocol = f.protocol;
  const port = Number.parseInt(f.port.trim(), 10);
  if (f.port.trim() !== '' && Number.isFinite(port)) req.port = port;
  const p = f.protocol;
  if (isHttpLike(p) || p === 'GRPC') {
    const host = f.host.trim();
    if (host) req.host = host;
    if (isHttpLike(p)) {
      const method = f.method.trim().toUpperCase();
      if (method && method !== 'GET') req.method = method;
      req.path = f.path.trim() === '' ? '/' : f.path.trim();
      if (p === 'HTTPS') req.scheme = 'https';
      if (f.httpVersion) req.httpVersion = f.httpVersion;
    }
    if (p === 'GRPC') req.grpc = { service: f.grpcService.trim(), method: f.grpcMethod.trim() };
    const rows = f.headers.filter((r) => r.name.trim() !== '');
    if (rows.length > 0) {
      const names = rows.map((r) => r.name.trim().toLowerCase());
      const repeated = new Set(names).size !== names.length;
      // The list form allows repeats; the map form reads better in test files.
      req.headers = repeated
        ? rows.map((r) => [r.name.trim(), r.value] as [string, string])
        : Object.fromEntries(rows.map((r) => [r.name.trim(), r.value]));
    }
  }
  if (hasSni(p) && f.sni.trim()) req.sni = f.sni.trim();
  return req;
}

/** A short one-line description of a request, for names and lists: `GET foo.example.com/bar`. */
export function describeRequest(req: SimRequest): string {
  const p = protocolOf(req);
  const port = req.port ? `:${req.port}` : '';
  const gw = req.gateway ? ` via ${req.gateway}` : '';
  switch (p) {
    case 'GRPC':
      return `gRPC ${req.host ?? ''}${port} ${req.grpc?.service ?? ''}/${req.grpc?.method ?? ''}${gw}`.replace(
        /\s+/g,
        ' ',
      );
    case 'TLS':
      return `TLS${port} SNI ${req.sni ?? req.host ?? '(none)'}${gw}`;
    case 'TCP':
    case 'UDP':
      return `${p} port ${req.port ?? '?'}${gw}`;
    default: {
      const scheme = p === 'HTTPS' ? 'https://' : '';
      return `${req.method ?? 'GET'} ${scheme}${req.host ?? ''}${port}${req.path ?? '/'}${gw}`;
    }
  }
}

/** Whether two requests are the same (order of object keys ignored). */
export function sameRequest(a: SimRequest, b: SimRequest): boolean {
  return stableJson(a) === stableJson(b);
}

export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
