// `gateway-sim request FILE... (--url URL | --request JSON) …` (contracts.md §4): simulate one request
// and print a readable trace (listener → route/rule/match → filters → backends), or the Trace as JSON.

import { analyze, type SimProtocol, type SimRequest, simulate, type Trace } from '../engine/index.ts';
import { checkSimRequest } from '../engine/share/shape.ts';
import { engineOptions, parse, UsageError } from './args.ts';
import { formatDiagnostic, type Out, readInputs } from './io.ts';

export const REQUEST_USAGE =
  "gateway-sim request FILE... (--url URL | --request JSON) [-X METHOD] [-H 'Name: value']... [--gateway NS/NAME] [--port N] [--protocol P] [--sni HOST] [--grpc SVC/METHOD] [--json] [OPTIONS]";

const PROTOCOLS = ['HTTP', 'HTTPS', 'GRPC', 'TLS', 'TCP', 'UDP'];

/** Splits a URL without normalising its path (no URL class: it would resolve `..` and decode). */
export function requestFromUrl(url: string): SimRequest {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^#]*)/.exec(url);
  const scheme = (m ? m[1]! : 'http').toLowerCase();
  const authority = m ? m[2]! : (/^[^/?#]*/.exec(url)?.[0] ?? '');
  const rest = m ? m[3]! : url.slice(authority.length);
  const req: SimRequest = {};
  switch (scheme) {
    case 'http':
      req.scheme = 'http';
      break;
    case 'https':
      req.scheme = 'https';
      break;
    case 'grpc':
    case 'h2c':
      req.protocol = 'GRPC';
      break;
    case 'grpcs':
      req.protocol = 'GRPC';
      req.scheme = 'https';
      break;
    case 'tls':
      req.protocol = 'TLS';
      break;
    case 'tcp':
      req.protocol = 'TCP';
      break;
    case 'udp':
      req.protocol = 'UDP';
      break;
    default:
      throw new UsageError(`--url: unsupported scheme "${scheme}" (http, https, grpc, grpcs, tls, tcp, udp)`);
  }
  const at = authority.lastIndexOf('@');
  const hostPort = at >= 0 ? authority.slice(at + 1) : authority;
  const pm = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(hostPort);
  if (pm?.[2]) req.port = Number(pm[2]);
  if (req.protocol === 'TLS') req.sni = pm?.[1] ?? hostPort;
  else if (req.protocol !== 'TCP' && req.protocol !== 'UDP') {
    req.host = hostPort;
    req.path = rest === '' ? '/' : rest;
  }
  return req;
}

export function buildRequest(values: Record<string, unknown>): SimRequest {
  let req: SimRequest = {};
  if (typeof values.request === 'string') {
    try {
      const j = JSON.parse(values.request) as unknown;
      if (!j || typeof j !== 'object' || Array.isArray(j)) throw new Error('not an object');
      req = j as SimRequest;
    } catch (e) {
      throw new UsageError(
        `--request must be a JSON object (contracts §2): ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    // Wrong types (a string for the port, a number for headers) are usage errors, not silent defaults.
    const issues = { errors: [] as string[], warnings: [] as string[] };
    checkSimRequest(req, 'request', issues);
    if (issues.errors.length) throw new UsageError(`--request: ${issues.errors.slice(0, 3).join('; ')}`);
  }
  if (typeof values.url === 'string') req = { ...req, ...requestFromUrl(values.url) };
  if (typeof values.url !== 'string' && typeof values.request !== 'string')
    throw new UsageError('give the request with --url URL or --request JSON');
  if (typeof values.method === 'string') req.method = values.method;
  const headerFlags = (values.header as string[] | undefined) ?? [];
  if (headerFlags.length) {
    const list: [string, string][] = Array.isArray(req.headers)
      ? [...req.headers]
      : Object.entries(req.headers ?? {}).map(([k, v]) => [k, String(v)]);
    for (const h of headerFlags) {
      const i = h.indexOf(':');
      if (i <= 0) throw new UsageError(`-H takes 'Name: value', not "${h}"`);
      const name = h.slice(0, i).trim();
      const value = h.slice(i + 1).trim();
      if (name.toLowerCase() === 'host') req.host = value;
      else list.push([name, value]);
    }
    req.headers = list;
  }
  if (typeof values.gateway === 'string') req.gateway = values.gateway;
  if (typeof values.port === 'string') {
    const n = Number(values.port);
    if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UsageError('--port takes a port number (1-65535)');
    req.port = n;
  }
  if (typeof values.protocol === 'string') {
    const p = values.protocol.toUpperCase();
    if (!PROTOCOLS.includes(p)) throw new UsageError(`--protocol must be one of ${PROTOCOLS.join(', ')}`);
    req.protocol = p as SimProtocol;
  }
  if (typeof values.sni === 'string') req.sni = values.sni;
  if (typeof values.grpc === 'string') {
    const g = values.grpc.replace(/^\//, '');
    const i = g.lastIndexOf('/');
    if (i <= 0) throw new UsageError('--grpc takes SERVICE/METHOD, e.g. pkg.Svc/Get');
    req.grpc = { service: g.slice(0, i), method: g.slice(i + 1) };
    req.protocol ??= 'GRPC';
    if (req.path === '/') delete req.path;
  }
  return req;
}

const pct = (x: number) => `${(Math.round(x * 10000) / 100).toFixed(2)}%`;

function describeRequestLine(t: Trace): string {
  const r = t.request;
  const p = r.protocol ?? 'HTTP';
  if (p === 'TCP' || p === 'UDP') return `${p} connection to port ${r.port ?? '?'}`;
  if (p === 'TLS') return `TLS connection to port ${r.port ?? '?'} with SNI ${r.sni || '(none)'}`;
  const g = r.grpc ? ` (gRPC ${r.grpc.service}/${r.grpc.method})` : '';
  return `${r.method ?? 'GET'} ${r.scheme ?? 'http'}://${r.host || '(gateway address)'}${r.path ?? '/'}${g} — ${p}, port ${r.port ?? '?'}${r.sni ? `, SNI ${r.sni}` : ''}`;
}

/** The human form of a trace: listener → route/rule/match → filters → backends → outcome. */
export function formatTrace(t: Trace): string[] {
  const out: string[] = [];
  const row = (label: string, text: string) => out.push(`${label.padEnd(11)}${text}`);
  row('Request', describeRequestLine(t));
  row('Gateway', t.gateway ? `${t.gateway.namespace}/${t.gateway.name}` : '(none)');
  if (t.listener) {
    const l = t.listener;
    row(
      'Listener',
      `${l.name} (${l.protocol} :${l.port}${l.hostname ? `, hostname ${l.hostname}` : ''}${l.listenerSet ? `, ListenerSet ${l.listenerSet.namespace}/${l.listenerSet.name}` : ''})`,
    );
  } else row('Listener', '(none)');
  if (t.route) {
    const r = t.route;
    row(
      'Route',
      `${r.kind} ${r.namespace}/${r.name} rule ${r.rule}${r.ruleName ? ` (${r.ruleName})` : ''}${r.match !== null ? ` match ${r.match}` : ''}`,
    );
  }
  t.filters.forEach((f, i) => {
    row(i === 0 ? 'Filters' : '', `[${f.level}] ${f.type}: ${f.summary}`);
  });
  if (t.backends.length) {
    const w = Math.max(
      ...t.backends.map((b) => `${b.namespace}/${b.name}${b.port !== undefined ? `:${b.port}` : ''}`.length),
    );
    t.backends.forEach((b, i) => {
      const id = `${b.namespace}/${b.name}${b.port !== undefined ? `:${b.port}` : ''}`;
      const tls = b.tls
        ? `  TLS to backend, SNI ${b.tls.sni} (BackendTLSPolicy ${b.tls.policy.namespace}/${b.tls.policy.name})`
        : '';
      row(
        i === 0 ? 'Backends' : '',
        `${id.padEnd(w)}  ${pct(b.share).padStart(7)}  weight ${b.weight}${b.valid ? '' : `  INVALID: ${b.reason ?? ''}`}${tls}`,
      );
    });
  }
  t.mirrors.forEach((m, i) => {
    row(i === 0 ? 'Mirrors' : '', `${m.namespace}/${m.name}${m.port !== undefined ? `:${m.port}` : ''}  ${m.percent}%`);
  });
  if (t.forwarded) {
    const f = t.forwarded;
    row(
      'Forwarded',
      `${f.method} ${f.scheme}://${f.host || '(gateway address)'}${f.path}${f.port !== undefined ? ` → backend port ${f.port}` : ''}`,
    );
    for (const [k, v] of Object.entries(f.headers)) row('', `${k}: ${v}`);
  }
  if (t.timeouts.request || t.timeouts.backendRequest)
    row(
      'Timeouts',
      [
        t.timeouts.request ? `request ${t.timeouts.request}` : '',
        t.timeouts.backendRequest ? `backendRequest ${t.timeouts.backendRequest}` : '',
      ]
        .filter(Boolean)
        .join(', '),
    );
  if (t.retry) row('Retry', JSON.stringify(t.retry));
  if (t.sessionPersistence) row('Session', JSON.stringify(t.sessionPersistence));
  const o = t.outcome;
  const code = [o.status !== undefined ? String(o.status) : '', o.grpcStatus ?? ''].filter(Boolean).join(' ');
  row('Outcome', `${o.kind}${code ? ` ${code}` : ''}${o.location ? ` → ${o.location}` : ''}`);
  row('', o.reason);
  const rh = Object.entries(t.responseHeaders);
  rh.forEach(([k, v], i) => {
    row(i === 0 ? 'Response' : '', `${k}: ${v}`);
  });
  if (t.responseHeadersRemoved.length)
    row(rh.length ? '' : 'Response', `removed: ${t.responseHeadersRemoved.join(', ')}`);
  if (o.decisions?.length) row('Decisions', o.decisions.join(', '));
  (t.warnings ?? []).forEach((w, i) => {
    row(i === 0 ? 'Warnings' : '', w);
  });
  if (t.candidates.length) {
    out.push('Candidates');
    for (const c of t.candidates) {
      const where = `${c.kind} ${c.namespace}/${c.name}${c.rule !== undefined ? ` rule ${c.rule}` : ''}${c.match !== undefined ? ` match ${c.match}` : ''}`;
      out.push(`  ${c.verdict.padEnd(12)} ${where}: ${c.why}`);
    }
    if (t.candidatesOmitted) out.push(`  … and ${t.candidatesOmitted} more`);
  }
  return out;
}

export function runRequest(argv: string[], io: Out): number {
  const { values, positionals } = parse(argv, {
    url: { type: 'string' },
    request: { type: 'string' },
    method: { type: 'string', short: 'X' },
    header: { type: 'string', short: 'H', multiple: true },
    gateway: { type: 'string' },
    port: { type: 'string' },
    protocol: { type: 'string' },
    sni: { type: 'string' },
    grpc: { type: 'string' },
    json: { type: 'boolean' },
  });
  const options = engineOptions(values);
  const req = buildRequest(values);
  const files = readInputs(positionals);
  const analysis = analyze(files, options);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) io.err(formatDiagnostic(d));
  const trace = simulate(analysis, req, { explain: true });
  if (values.json) io.out(JSON.stringify(trace, null, 2));
  else for (const line of formatTrace(trace)) io.out(line);
  return 0;
}
