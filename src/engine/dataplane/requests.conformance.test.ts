// Every request of ../shared/conformance/cases.json in tests marked `static: true`, judged as the
// conformance README's conventions say: backend, status, gRPC code, redirect, forwarded path/host/headers,
// response headers, mirrors, weights, connection rejection and backend TLS. Prints passed/total per kind.

import { afterAll, describe, expect, it } from 'vitest';
import { caseOptions, caseSkipReason, caseSteps, loadCases, type RequestCase } from '../../conformance/cases.ts';
import { hasConformance, SKIP_MESSAGE } from '../../conformance/shared.ts';
import { type Analysis, analyze } from '../index.ts';
import type { SimRequest, Trace } from '../types.ts';
import { simulate } from './simulate.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A conformance request entry → SimRequest (contracts §2). */
export function toSimRequest(rc: RequestCase, a?: Analysis): SimRequest {
  const r = rc.request;
  const out: SimRequest = {};
  if (rc.gateway) out.gateway = `${rc.gateway.namespace}/${rc.gateway.name}`;
  switch (r.protocol) {
    case 'HTTPS':
      out.protocol = 'HTTPS';
      break;
    case 'H2':
      out.protocol = 'HTTPS';
      out.httpVersion = '2';
      break;
    case 'H2C_PRIOR_KNOWLEDGE':
      out.protocol = 'HTTP';
      out.httpVersion = '2';
      break;
    case 'GRPC':
      out.protocol = 'GRPC';
      break;
    case 'TLS':
    case 'TCP':
    case 'UDP':
      out.protocol = r.protocol;
      break;
    default:
      out.protocol = 'HTTP';
  }
  if (typeof r.port === 'number') out.port = r.port;
  if (r.scheme === 'http' || r.scheme === 'https') out.scheme = r.scheme;
  if (typeof r.method === 'string') out.method = r.method;
  if (typeof r.host === 'string') out.host = r.host;
  if (typeof r.path === 'string') out.path = r.path;
  if (isObj(r.headers)) out.headers = r.headers as Record<string, string>;
  if (typeof r.sni === 'string') out.sni = r.sni;
  if (r.grpc) out.grpc = r.grpc;
  // The presented client certificate: its issuer, from the programmatic Secret's signed-by annotation.
  if (isObj(r.clientCertificate) && typeof r.clientCertificate.secret === 'string' && a) {
    const [ns, name] = r.clientCertificate.secret.split('/');
    const secret = a.resources.find((x) => x.kind === 'Secret' && x.namespace === ns && x.name === name);
    const md = isObj(secret?.raw.metadata) ? secret.raw.metadata : {};
    const ann = isObj(md.annotations) ? md.annotations : {};
    const by = ann['conformance.gateway-sim.dev/signed-by'];
    if (typeof by === 'string') out.clientCertificate = { signedBy: `${ns}/${by.replace(/^ConfigMap /, '')}` };
  }
  if (isObj(r.echoSetResponseHeaders))
    out.backendResponse = { status: 200, headers: r.echoSetResponseHeaders as Record<string, string> };
  return out;
}

/** The HTTP status the client sees (undefined: no HTTP response at all). */
function clientStatus(t: Trace, req: SimRequest): number | undefined {
  switch (t.outcome.kind) {
    case 'forward':
      return req.backendResponse?.status ?? 200;
    case 'no-listener':
    case 'rejected':
      return undefined;
    default:
      return t.outcome.status;
  }
}

const GRPC_CODES: Record<string, string> = { Unimplemented: 'UNIMPLEMENTED', Unavailable: 'UNAVAILABLE' };

/** Re-simulates the request as it reaches backend `i` (per-backend filters differ). */
function atBackend(a: Analysis, req: SimRequest, t: Trace, i: number): Trace {
  let acc = 0;
  for (let j = 0; j < i; j++) acc += t.backends[j]!.share;
  return simulate(a, req, { explain: false, sample: Math.min(acc + t.backends[i]!.share / 2, 1 - 1e-12) });
}

const norm = (s: string, ws: boolean) => (ws ? s.replace(/\s+/g, '') : s);

/** Every failed check of one request, in words (empty = pass). */
export function judge(a: Analysis, rc: RequestCase): { failures: string[]; trace: Trace } {
  const req = toSimRequest(rc, a);
  const e = rc.expect;
  let t = simulate(a, req, { explain: true });
  const f: string[] = [];
  const o = t.outcome;
  const status = clientStatus(t, req);
  const ok2xx = status === 200 || status === 204;

  if (e.requestError || e.connectionRejected) {
    // A TCP/TLS/UDP stream with no valid backend is outcome `error` (contracts §3): the connection is closed.
    const l4 = req.protocol === 'TLS' || req.protocol === 'TCP' || req.protocol === 'UDP';
    if (o.kind !== 'rejected' && o.kind !== 'no-listener' && !(l4 && e.connectionRejected && o.kind === 'error'))
      f.push(`expected the connection to fail, got ${o.kind}`);
    return { failures: f, trace: t };
  }
  if (e.anyResponse && o.kind !== 'forward') f.push(`expected a response from a backend, got ${o.kind}`);
  if (e.notFromEchoBackend && o.kind === 'forward') f.push('expected the gateway to answer, got a forward');
  if (e.status !== undefined) {
    const want = Array.isArray(e.status) ? (e.status as number[]) : [e.status as number];
    if (status === undefined || !want.includes(status))
      f.push(`status: expected ${want.join('|')}, got ${status ?? `no response (${o.kind})`}`);
  }
  if (e.notStatus !== undefined && status === e.notStatus) f.push(`status: expected not ${e.notStatus}`);
  if (e.failure && status === 200) f.push('expected a failure, got 200');
  if (typeof e.grpcCode === 'string') {
    if (e.grpcCode === 'OK') {
      if (o.kind !== 'forward') f.push(`grpc: expected OK, got ${o.kind} ${o.grpcStatus ?? ''}`);
    } else if (o.grpcStatus !== (GRPC_CODES[e.grpcCode] ?? e.grpcCode.toUpperCase()))
      f.push(`grpc: expected ${e.grpcCode}, got ${o.grpcStatus ?? o.kind}`);
  }
  const httpish = ok2xx || (e.grpcCode === 'OK' && o.kind === 'forward');

  // The backend: checked when the status is 200/204 (or gRPC OK); without a status or gRPC code to
  // expect (TCP/TLS/UDP echo), the request must reach a backend at all.
  const gated = e.status !== undefined || e.grpcCode !== undefined;
  if (isObj(e.backend) && !gated && o.kind !== 'forward') f.push(`backend: expected a forward, got ${o.kind}`);
  if (isObj(e.backend) && (gated ? httpish : o.kind === 'forward')) {
    const want = e.backend as { namespace: string; name: string | null };
    const live = t.backends.map((b, i) => ({ b, i })).filter((x) => x.b.valid && x.b.share > 0);
    const hit =
      want.name === null
        ? live.find((x) => x.b.namespace === want.namespace)
        : live.find((x) => x.b.namespace === want.namespace && x.b.name === want.name);
    if (!hit)
      f.push(
        `backend: expected ${want.namespace}/${want.name ?? '*'}, got ${live.map((x) => `${x.b.namespace}/${x.b.name}`).join(', ') || 'none'}`,
      );
    else if (live.length > 1) t = atBackend(a, req, t, hit.i);
  }
  if (isObj(e.backendRequest) && httpish) {
    const br = e.backendRequest as Obj;
    const fw = t.forwarded;
    if (!fw) f.push('backendRequest: nothing forwarded');
    else {
      if (typeof br.method === 'string' && fw.method !== br.method)
        f.push(`method: expected ${br.method}, got ${fw.method}`);
      if (typeof br.path === 'string' && fw.path !== br.path) f.push(`path: expected ${br.path}, got ${fw.path}`);
      if (typeof br.grpcMethod === 'string' && fw.path !== br.grpcMethod)
        f.push(`grpc method: expected ${br.grpcMethod}, got ${fw.path}`);
      if (typeof br.host === 'string' && fw.host !== br.host) f.push(`host: expected ${br.host}, got ${fw.host}`);
      for (const [k, v] of Object.entries(isObj(br.headersPresent) ? br.headersPresent : {})) {
        const got = fw.headers[k.toLowerCase()];
        if (got !== v) f.push(`header ${k}: expected ${String(v)}, got ${got ?? '(absent)'}`);
      }
      for (const k of Array.isArray(br.headersAbsent) ? (br.headersAbsent as string[]) : [])
        if (fw.headers[k.toLowerCase()] !== undefined)
          f.push(`header ${k}: expected absent, got ${fw.headers[k.toLowerCase()]}`);
      if (typeof br.sni === 'string') {
        const b = t.backends.find((x) => x.valid && x.share > 0);
        if (b?.tls?.sni !== br.sni) f.push(`backend TLS SNI: expected ${br.sni}, got ${b?.tls?.sni ?? '(no TLS)'}`);
      }
    }
  }
  if (typeof e.backendHeaderNamesPod === 'string' && httpish) {
    const h = e.backendHeaderNamesPod.toLowerCase();
    t.backends.forEach((b, i) => {
      if (!b.valid || b.share <= 0) return;
      const v = atBackend(a, req, t, i).forwarded?.headers[h];
      if (!v || !b.name.startsWith(v))
        f.push(`backend ${b.name} receives ${e.backendHeaderNamesPod}: ${v ?? '(absent)'}`);
    });
  }
  if (ok2xx) {
    const ws = e.ignoreWhitespace === true;
    for (const [k, v] of Object.entries(isObj(e.responseHeaders) ? e.responseHeaders : {})) {
      const got = t.responseHeaders[k.toLowerCase()];
      if (got === undefined || norm(got, ws) !== norm(String(v), ws))
        f.push(`response header ${k}: expected ${String(v)}, got ${got ?? '(absent)'}`);
    }
    for (const [k, vs] of Object.entries(isObj(e.responseHeadersOneOf) ? e.responseHeadersOneOf : {})) {
      const got = t.responseHeaders[k.toLowerCase()];
      if (got === undefined || !(vs as string[]).some((v) => norm(v, ws) === norm(got, ws)))
        f.push(`response header ${k}: expected one of ${(vs as string[]).join(' | ')}, got ${got ?? '(absent)'}`);
    }
    for (const k of Array.isArray(e.responseHeadersAbsent) ? (e.responseHeadersAbsent as string[]) : [])
      if (t.responseHeaders[k.toLowerCase()] !== undefined)
        f.push(`response header ${k}: expected absent, got ${t.responseHeaders[k.toLowerCase()]}`);
  }
  if (isObj(e.redirectEffective) && status !== undefined && status >= 300 && status < 400) {
    const want = e.redirectEffective as { scheme?: string; host?: string | null; port?: string | null; path?: string };
    const m = /^([a-z]+):\/\/(\[[^\]]*\]|[^:/]*)(?::(\d+))?(\/[^?]*)?/.exec(o.location ?? '');
    if (!m) f.push(`redirect: bad Location ${o.location}`);
    else {
      const [, scheme, host, port, path] = m;
      if (want.scheme && scheme !== want.scheme) f.push(`redirect scheme: expected ${want.scheme}, got ${scheme}`);
      if (want.host && host !== want.host) f.push(`redirect host: expected ${want.host}, got ${host}`);
      const dflt = scheme === 'https' ? '443' : '80';
      if (want.port === null || want.port === undefined) {
        if (port !== undefined && port !== dflt) f.push(`redirect port: expected none, got ${port}`);
      } else if ((port ?? dflt) !== want.port) f.push(`redirect port: expected ${want.port}, got ${port ?? '(none)'}`);
      if (want.path && (path ?? '/') !== want.path) f.push(`redirect path: expected ${want.path}, got ${path}`);
    }
  }
  if (Array.isArray(e.mirroredTo) && httpish) {
    for (const m of e.mirroredTo as { namespace: string; name: string; percent?: number }[]) {
      const got = t.mirrors.find((x) => x.namespace === m.namespace && x.name === m.name);
      if (!got) f.push(`mirror to ${m.namespace}/${m.name} missing`);
      else if (m.percent !== undefined && Math.abs(got.percent - m.percent) > 1e-9)
        f.push(`mirror ${m.name}: expected ${m.percent}%, got ${got.percent}%`);
    }
  }
  if (Array.isArray(e.weights)) {
    const tol = typeof e.tolerance === 'number' ? e.tolerance : 0.05;
    for (const w of e.weights as { namespace: string; name: string; fraction: number }[]) {
      const share = t.backends
        .filter((b) => b.valid && b.namespace === w.namespace && b.name === w.name)
        .reduce((s, b) => s + b.share, 0);
      if (Math.abs(share - w.fraction) > tol || (w.fraction === 0 && share !== 0))
        f.push(`weight ${w.name}: expected ${w.fraction}, got ${share}`);
    }
  }
  if (typeof e.backendIsTLS === 'boolean' && o.kind === 'forward') {
    const lname = t.listener?.name;
    const gwi = t.gateway ? a.controller.index.gateways[`${t.gateway.namespace}/${t.gateway.name}`] : undefined;
    const l = gwi !== undefined ? a.controller.gateways[gwi]?.listeners.find((x) => x.name === lname) : undefined;
    const b = t.backends.find((x) => x.valid && x.share > 0);
    const isTls = (l?.protocol === 'TLS' && l.tlsMode === 'Passthrough') || !!b?.tls;
    if (isTls !== e.backendIsTLS) f.push(`backend TLS: expected ${e.backendIsTLS}, got ${isTls}`);
    if (typeof e.backendSNI === 'string') {
      const sni = l?.tlsMode === 'Passthrough' ? t.request.sni : b?.tls?.sni;
      if (sni !== e.backendSNI) f.push(`backend SNI: expected ${e.backendSNI}, got ${sni}`);
    }
  }
  return { failures: f, trace: t };
}

const KINDS = [
  'HTTPRoute',
  'GRPCRoute',
  'TLSRoute',
  'TCPRoute',
  'UDPRoute',
  'ListenerSet',
  'BackendTLSPolicy',
  'Gateway',
];
const kindOf = (name: string) =>
  name.startsWith('GRPC') ? 'GRPCRoute' : (KINDS.find((k) => name.startsWith(k)) ?? 'other');

describe.skipIf(!hasConformance)('conformance requests (static tests)', () => {
  const tally = new Map<string, { passed: number; total: number }>();
  const failed: string[] = [];
  const tests = hasConformance ? loadCases().tests.filter((t) => t.static) : [];
  for (const test of tests) {
    const skip = caseSkipReason(test);
    const steps = caseSteps(test).filter((s) => s.requests.length);
    if (!steps.length) continue;
    describe(test.name, () => {
      let analyses: Analysis[] | undefined;
      const get = (i: number) => {
        analyses ??= steps.map((s) => analyze(s.files, caseOptions(test)));
        return analyses[i]!;
      };
      steps.forEach((step, si) => {
        for (const rc of step.requests) {
          it.skipIf(!!skip)(rc.id, () => {
            const { failures, trace } = judge(get(si), rc);
            const k = kindOf(test.name);
            const c = tally.get(k) ?? { passed: 0, total: 0 };
            c.total++;
            if (!failures.length) c.passed++;
            else failed.push(`${rc.id}: ${failures.join('; ')}`);
            tally.set(k, c);
            expect(failures, `${rc.id} → ${trace.outcome.kind}: ${trace.outcome.reason}`).toEqual([]);
          });
        }
      });
    });
  }
  afterAll(() => {
    let p = 0;
    let n = 0;
    const parts = [...tally].map(([k, c]) => {
      p += c.passed;
      n += c.total;
      return `${k} ${c.passed}/${c.total}`;
    });
    console.log(`conformance requests: ${parts.join(', ')}; total ${p}/${n}`);
  });
});

describe.skipIf(hasConformance)('conformance requests (no data)', () => {
  it.skip(SKIP_MESSAGE, () => {});
});
