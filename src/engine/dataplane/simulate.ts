// request → gateway/listener → candidate routes → precedence → filters → weighted split → Trace.
// Semantics reference §6 (data plane), §7 (filters), §8 (weights, timeouts, retries, session persistence).

import type { Analysis } from '../analysis.ts';
import type { CBackendRef, CRoute, CRule } from '../controller/types.ts';
import { LIMITS } from '../limits.ts';
import { type ResolvedOptions, resolveOptions, supports } from '../options.ts';
import type { SimRequest, Trace, TraceBackend, TraceCandidate, TraceFilter } from '../types.ts';
import {
  type GatewayTable,
  type GrpcEntry,
  grpcTable,
  type HostTable,
  type HttpEntry,
  httpTable,
  type ListenerTable,
  l4Routes,
  prefixBases,
  routesTo,
  type Tables,
  tablesOf,
} from './compile.ts';
import type { DecisionName } from './decisions.ts';
import {
  applyHeaderModifier,
  computeRedirect,
  corsActual,
  corsPreflight,
  corsSpec,
  describeHeaderModifier,
  type HeaderMap,
  headerMapFrom,
  headerModifierSpec,
  headerRecord,
  mirrorPercent,
  modifyPath,
  pathModifierSpec,
  redirectStatusFeature,
  withQuery,
} from './filters.ts';
import { bestMatchingHostname, compareHostnameSpecificity, hostMatches, hostnameKey, lookupKeys } from './hostname.ts';
import { explainGrpcMatch, explainHttpMatch, testGrpcMatch, testHttpMatch } from './match.ts';
import { lostBecause, type MatchInfo, withHostname } from './precedence.ts';
import { type NormalizedRequest, normalizeRequest } from './request.ts';
import { pick, shares } from './split.ts';

export interface SimulateOptions {
  /** Fill `candidates` and filters' before/after (default true). */
  explain?: boolean;
  /** A sample in [0, 1) that picks the backend of this request by share; default: the most likely valid one. */
  sample?: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

interface Ctx {
  t: Tables;
  opts: ResolvedOptions;
  req: NormalizedRequest;
  explain: boolean;
  sample: number | undefined;
  decisions: Set<DecisionName>;
  extensionKeys: Set<string>;
  warnings: string[];
}

function newTrace(req: NormalizedRequest): Trace {
  return {
    request: req.filled,
    gateway: null,
    listener: null,
    route: null,
    outcome: { kind: 'error', reason: '' },
    forwarded: null,
    responseHeaders: {},
    responseHeadersRemoved: [],
    backends: [],
    mirrors: [],
    filters: [],
    timeouts: {},
    candidates: [],
  };
}

const EXT_MEMO = 'dataplane:resourceKeys';

function resourceKeys(analysis: Analysis): Set<string> {
  const hit = analysis.memo?.get(EXT_MEMO) as Set<string> | undefined;
  if (hit) return hit;
  const s = new Set<string>();
  for (const r of analysis.resources ?? []) if (r.valid) s.add(`${r.group}/${r.kind}/${r.namespace ?? ''}/${r.name}`);
  analysis.memo?.set(EXT_MEMO, s);
  return s;
}

/** contracts.md §1: never throws. */
export function simulate(analysis: Analysis, request: SimRequest, opts: SimulateOptions = {}): Trace {
  let req: NormalizedRequest | undefined;
  try {
    req = normalizeRequest(request);
    const ctx: Ctx = {
      t: tablesOf(analysis),
      opts: analysis.options ?? resolveOptions(),
      req,
      explain: opts.explain !== false,
      sample: typeof opts.sample === 'number' && opts.sample >= 0 && opts.sample < 1 ? opts.sample : undefined,
      decisions: new Set(),
      extensionKeys: resourceKeys(analysis),
      warnings: [...req.warnings],
    };
    if (req.warnings.some((w) => w.includes('no normalisation'))) ctx.decisions.add('no-path-normalisation');
    if (/\.(:\d+)?$/.test(req.authority) || req.filled.sni?.endsWith('.') || request?.sni?.endsWith('.'))
      ctx.decisions.add('host-trailing-dot');
    const trace = route(ctx);
    finish(ctx, trace);
    return trace;
  } catch (e) {
    const trace = newTrace(req ?? normalizeRequest({}));
    if (!req) trace.request = request;
    trace.outcome = {
      kind: 'error',
      reason: `Internal error while simulating: ${e instanceof Error ? e.message : String(e)} (please report this with your input).`,
    };
    return trace;
  }
}

function finish(ctx: Ctx, trace: Trace): void {
  if (ctx.decisions.size) trace.outcome.decisions = [...ctx.decisions].sort();
  if (ctx.warnings.length) trace.warnings = ctx.warnings;
  if (trace.candidates.length > LIMITS.maxTraceCandidates) {
    trace.candidatesOmitted = trace.candidates.length - LIMITS.maxTraceCandidates;
    trace.candidates = trace.candidates.slice(0, LIMITS.maxTraceCandidates);
  }
}

// ---------- gateway ----------

function route(ctx: Ctx): Trace {
  const { t, req } = ctx;
  const trace = newTrace(req);
  let candidates: GatewayTable[];
  const named = req.filled.gateway;
  if (typeof named === 'string' && named !== '') {
    const slash = named.indexOf('/');
    const g =
      slash >= 0
        ? t.byKey.get(named)
        : (() => {
            const hits = t.gateways.filter((x) => x.gw.name === named);
            return hits.length === 1 ? hits[0] : t.byKey.get(`default/${named}`);
          })();
    if (!g) {
      trace.outcome = {
        kind: 'no-listener',
        reason: `Gateway ${named} does not exist or is not reconciled by the simulated controller, so nothing listens for this request.`,
      };
      return trace;
    }
    candidates = [g];
  } else if (typeof req.filled.address === 'string' && req.filled.address !== '') {
    const addr = req.filled.address;
    candidates = t.gateways.filter((g) => (g.gw.addresses ?? []).some((a) => a.value === addr));
    if (!candidates.length) {
      trace.outcome = { kind: 'no-listener', reason: `No Gateway has the address ${addr}.` };
      return trace;
    }
  } else candidates = t.gateways;

  if (!candidates.length) {
    trace.outcome = { kind: 'no-listener', reason: 'No Gateway is reconciled by the simulated controller.' };
    return trace;
  }
  if (candidates.length > 1) candidates = preferListening(ctx, candidates);
  if (candidates.length === 1) return onGateway(ctx, candidates[0]!);
  // Several Gateways could receive it: the oldest one that serves it; say so.
  // Each Gateway is simulated with its own decisions and warnings; the shown one's are kept.
  const runs = candidates.map((g) => {
    const sub: Ctx = { ...ctx, decisions: new Set(ctx.decisions), warnings: [...ctx.warnings] };
    return { trace: onGateway(sub, g), sub };
  });
  const results = runs.map((r) => r.trace);
  const served = results.filter((r) => r.outcome.kind !== 'no-listener');
  const best =
    served.find((r) => ['forward', 'redirect', 'response'].includes(r.outcome.kind)) ?? served[0] ?? results[0]!;
  const kept = runs.find((r) => r.trace === best)!.sub;
  ctx.decisions = kept.decisions;
  ctx.warnings = kept.warnings;
  if (served.length > 1) {
    ctx.decisions.add('ambiguous-gateway');
    const names = served.map((r) => `${r.gateway?.namespace}/${r.gateway?.name}`).join(', ');
    best.outcome.reason += ` Ambiguous: the request names no Gateway and ${served.length} Gateways have a listener for it (${names}); ${best.gateway?.namespace}/${best.gateway?.name} is shown.`;
  }
  return best;
}

/**
 * Without a named Gateway: the Gateways whose most specific listener for this request (port, transport,
 * then SNI or Host) is the most specific of all — what DNS for that host would point at. Falls back to the
 * Gateways with any listener on the port, then to all (for the explanation).
 */
function preferListening(ctx: Ctx, gws: GatewayTable[]): GatewayTable[] {
  const { req } = ctx;
  let best: GatewayTable[] = [];
  let bestKey: [number, number] = [-1, -1];
  const onPort: GatewayTable[] = [];
  for (const g of gws) {
    if (!g.gw.accepted) continue;
    const pt = req.port === undefined ? undefined : g.ports.get(req.port);
    if (req.port !== undefined && !pt) continue;
    let key: [number, number] | undefined;
    if (!pt) key = [0, 0];
    else if (req.transport === 'UDP') key = pt.udp.length ? [0, 0] : undefined;
    else if (pt.tcp.length) key = [0, 0];
    else {
      const list = req.tls ? [...pt.https, ...pt.tls] : pt.http;
      if (list.length) onPort.push(g);
      const l = byHost(list, req.tls ? req.sni : req.host)[0];
      if (l) key = hostnameKey(l.l.hostname);
    }
    if (!key) continue;
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) {
      best = [g];
      bestKey = key;
    } else if (key[0] === bestKey[0] && key[1] === bestKey[1]) best.push(g);
  }
  if (best.length) return best;
  if (onPort.length) return onPort;
  return gws;
}

function listenerTrace(lt: ListenerTable): NonNullable<Trace['listener']> {
  const l = lt.l;
  const out: NonNullable<Trace['listener']> = { name: l.name, port: l.port, protocol: l.protocol };
  if (l.hostname) out.hostname = l.hostname;
  if (l.owner?.kind === 'ListenerSet') out.listenerSet = { namespace: l.owner.namespace, name: l.owner.name };
  return out;
}

/** Listeners of `list` matching `host`, most specific first (then listener precedence). */
function byHost(list: ListenerTable[], host: string): ListenerTable[] {
  return list
    .filter((lt) => hostMatches(lt.l.hostname, host))
    .sort((a, b) => compareHostnameSpecificity(a.l.hostname, b.l.hostname) || a.l.precedence - b.l.precedence);
}

function onGateway(ctx: Ctx, g: GatewayTable): Trace {
  const trace = onGatewayInner(ctx, g);
  // Decided before any route: explain the listeners instead.
  if (ctx.explain && trace.route === null && trace.candidates.length === 0)
    trace.candidates = listenerCandidates(ctx, g, trace);
  return trace;
}

/** Why each listener of the Gateway did or did not take the request (explain mode). */
function listenerCandidates(ctx: Ctx, g: GatewayTable, trace: Trace): TraceCandidate[] {
  const { req } = ctx;
  const port = trace.request.port;
  const chosen = trace.listener?.name;
  const tlsProtocols = ['HTTPS', 'TLS'];
  const out: TraceCandidate[] = g.all.map((l) => {
    const c: TraceCandidate = {
      kind: l.owner?.kind === 'ListenerSet' ? 'ListenerSet listener' : 'Listener',
      namespace: l.owner?.namespace ?? g.gw.namespace,
      name: `${l.owner?.name ?? g.gw.name}/${l.name}`,
      verdict: 'no-match',
      why: '',
    };
    const name = req.tls ? req.sni : req.host;
    if (l.name === chosen && trace.listener?.port === l.port) {
      c.verdict = 'matched';
      c.why = req.tls ? `selected by SNI ${req.sni || '(none)'}` : `selected by Host ${req.host || '(none)'}`;
    } else if (!l.valid) c.why = `not Accepted/Programmed${l.conflictReason ? ` (${l.conflictReason})` : ''}`;
    else if (l.port !== port) c.why = `port ${l.port}, not ${port}`;
    else if ((l.protocol === 'UDP') !== (req.transport === 'UDP'))
      c.why = `${l.protocol} listener, the request is ${req.transport}`;
    else if (l.protocol === 'TCP') c.why = 'TCP listener';
    else if (tlsProtocols.includes(l.protocol) !== req.tls)
      c.why = req.tls ? `${l.protocol} listener: plaintext only` : `${l.protocol} listener: needs TLS`;
    else if (!hostMatches(l.hostname, name))
      c.why = `hostname ${l.hostname} does not match ${req.tls ? 'SNI' : 'Host'} ${name || '(none)'}`;
    else if (trace.outcome.kind === 'misdirected') {
      c.verdict = 'lost';
      c.why = `Host ${req.host} matches this listener, not the one SNI chose: 421`;
    } else {
      c.verdict = 'lost';
      c.why = `matches, but a more specific listener was chosen`;
    }
    return c;
  });
  return out.sort(candidateOrder);
}

function onGatewayInner(ctx: Ctx, g: GatewayTable): Trace {
  const { req } = ctx;
  const trace = newTrace(req);
  trace.gateway = { namespace: g.gw.namespace, name: g.gw.name };
  const gname = `${g.gw.namespace}/${g.gw.name}`;
  if (!g.gw.accepted) {
    trace.outcome = { kind: 'no-listener', reason: `Gateway ${gname} is not Accepted, so it serves no traffic.` };
    return trace;
  }
  let port = req.port;
  if (port === undefined) {
    // TCP/UDP without a port: the first port with a listener of that protocol.
    for (const pt of g.ports.values()) {
      if ((req.transport === 'UDP' ? pt.udp : pt.tcp).length) {
        port = pt.port;
        break;
      }
    }
    if (port === undefined) {
      trace.outcome = { kind: 'no-listener', reason: `Gateway ${gname} has no ${req.protocol} listener.` };
      return trace;
    }
    trace.request = { ...trace.request, port };
  }
  const pt = g.ports.get(port);
  const unusable = g.all.filter((l) => l.port === port && !l.valid);
  const unusableNote = unusable.length
    ? ` (listener${unusable.length > 1 ? 's' : ''} ${unusable.map((l) => l.name).join(', ')} on this port ${unusable.length > 1 ? 'are' : 'is'} not Accepted/Programmed)`
    : '';
  if (unusable.length) ctx.decisions.add('not-programmed-listener');

  if (req.transport === 'UDP') {
    const lt = pt?.udp[0];
    if (!lt) {
      trace.outcome = {
        kind: 'no-listener',
        reason: `No UDP listener on port ${port} of Gateway ${gname}${unusableNote}.`,
      };
      return trace;
    }
    return l4(ctx, g, lt, trace, 'UDPRoute');
  }
  const tcpSide = pt ? pt.http.length + pt.https.length + pt.tls.length + pt.tcp.length : 0;
  if (!pt || tcpSide === 0) {
    trace.outcome = {
      kind: 'no-listener',
      reason: `No listener on port ${port}/TCP of Gateway ${gname}${unusableNote}.`,
    };
    return trace;
  }
  if (pt.tcp.length) return l4(ctx, g, pt.tcp[0]!, trace, 'TCPRoute');

  if (req.tls) {
    const tlsish = [...pt.https, ...pt.tls];
    if (!tlsish.length) {
      ctx.decisions.add('plaintext-on-tls-port');
      trace.outcome = {
        kind: 'rejected',
        reason: `The client starts TLS on port ${port}, but only plaintext HTTP listeners are there: the handshake fails.`,
      };
      return trace;
    }
    const bySni = byHost(tlsish, req.sni);
    const L = bySni[0];
    if (!L) {
      if (req.sni === '') ctx.decisions.add('no-sni-catch-all');
      trace.outcome = {
        kind: 'rejected',
        reason:
          req.sni === ''
            ? `The ClientHello has no SNI and every TLS/HTTPS listener on port ${port} has a hostname: the handshake is refused.`
            : `No TLS/HTTPS listener on port ${port} matches SNI ${req.sni}: the handshake is refused.`,
      };
      return trace;
    }
    trace.listener = listenerTrace(L);
    if (L.l.protocol === 'TLS') return tlsRoute(ctx, g, L, trace);
    if (req.protocol === 'TLS')
      ctx.warnings.push(
        `Listener ${L.l.name} is HTTPS: the Gateway terminates TLS and expects HTTP inside, so the stream is simulated as ${req.method} ${req.rawPath}.`,
      );
    // HTTPS: frontend client-certificate validation (spec.tls.frontend).
    const fv = L.l.frontendValidation;
    if (fv) {
      const cert = req.filled.clientCertificate?.signedBy;
      const valid = fv.caCertificateRefs.filter((c) => c.valid);
      const trusted =
        typeof cert === 'string' && valid.some((c) => `${c.namespace}/${c.name}` === cert || c.name === cert);
      if (!trusted) {
        const why =
          cert === undefined
            ? 'the client presents no certificate'
            : !valid.length
              ? 'none of its CA certificate refs is valid'
              : `the client certificate (signed by ${cert}) is not signed by a trusted CA (${valid.map((c) => `${c.namespace}/${c.name}`).join(', ')})`;
        if (fv.mode === 'AllowValidOnly') {
          trace.outcome = {
            kind: 'rejected',
            reason: `Listener ${L.l.name} requires a valid client certificate (AllowValidOnly) and ${why}: the handshake fails.`,
          };
          return trace;
        }
        ctx.warnings.push(`Listener ${L.l.name}: ${why}; accepted anyway (AllowInsecureFallback).`);
      }
    }
    // §6.2.2: SNI chose L; H = most specific HTTPS listener matching Host.
    const H = byHost(pt.https, req.host)[0];
    if (supports(ctx.opts, 'GatewayHTTPSListenerDetectMisdirectedRequests')) {
      if (!H) {
        trace.outcome = notFound(ctx, `No HTTPS listener on port ${port} matches Host ${req.host || '(none)'}.`);
        return trace;
      }
      if (H !== L) {
        trace.outcome = {
          kind: 'misdirected',
          status: 421,
          reason: `SNI ${req.sni || '(none)'} selected listener ${L.l.name}, but Host ${req.host} belongs to the more specific listener ${H.l.name} on the same port: 421 Misdirected Request (§6.2.2).`,
        };
        return trace;
      }
    } else ctx.decisions.add('misdirected-without-feature');
    return http(
      ctx,
      g,
      [
        L,
        ...listenerFallbacks(
          ctx,
          bySni.filter((x) => x.l.protocol === 'HTTPS'),
          L,
        ),
      ],
      trace,
    );
  }

  // Plaintext.
  if (!pt.http.length) {
    ctx.decisions.add('plaintext-on-tls-port');
    trace.outcome = {
      kind: 'rejected',
      reason: `A plaintext request on port ${port}, where only TLS/HTTPS listeners are: the connection fails.`,
    };
    return trace;
  }
  const matching = byHost(pt.http, req.host);
  const L = matching[0];
  if (!L) {
    trace.outcome = notFound(
      ctx,
      `No HTTP listener on port ${port} matches Host ${req.host || '(none)'} (listener hostnames: ${pt.http.map((x) => x.l.hostname ?? '(any)').join(', ')}).`,
    );
    return trace;
  }
  trace.listener = listenerTrace(L);
  return http(ctx, g, [L, ...listenerFallbacks(ctx, matching, L)], trace);
}

/** Listener isolation (§6.2.1): with the feature, only L; without, the less specific matching ones too. */
function listenerFallbacks(ctx: Ctx, matching: ListenerTable[], L: ListenerTable): ListenerTable[] {
  const rest = matching.filter((x) => x !== L);
  if (!rest.length) return [];
  if (supports(ctx.opts, 'GatewayHTTPListenerIsolation')) {
    ctx.decisions.add('listener-isolation');
    return [];
  }
  ctx.decisions.add('no-listener-isolation');
  return rest;
}

function notFound(ctx: Ctx, reason: string): Trace['outcome'] {
  const o: Trace['outcome'] = { kind: 'not-found', status: 404, reason };
  if (ctx.req.isGrpc) o.grpcStatus = 'UNIMPLEMENTED';
  return o;
}

// ---------- HTTP / gRPC routing ----------

interface Found<E> {
  entry: E;
  hostname: string;
  lt: ListenerTable;
}

function findIn<E extends HttpEntry | GrpcEntry>(
  ctx: Ctx,
  table: HostTable<E>,
  test: (e: E) => boolean,
): { entry: E; hostname: string } | undefined {
  const partition = ctx.opts.decisions.hostnamePrecedence === 'partition';
  for (const k of lookupKeys(ctx.req.host)) {
    const list = table.buckets.get(k);
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (test(e)) return { entry: e, hostname: k };
    }
    if (partition) return undefined;
  }
  return undefined;
}

/** findIn for HTTP tables, through the per-bucket path index. */
function findHttp(
  ctx: Ctx,
  table: HostTable<HttpEntry>,
  test: (e: HttpEntry) => boolean,
): { entry: HttpEntry; hostname: string } | undefined {
  const paths = table.paths;
  if (!paths) return findIn(ctx, table, test);
  const partition = ctx.opts.decisions.hostnamePrecedence === 'partition';
  const path = ctx.req.path;
  let bases: string[] | undefined;
  for (const k of lookupKeys(ctx.req.host)) {
    const ix = paths.get(k);
    if (!ix) continue;
    const ex = ix.exact.get(path);
    if (ex) for (const e of ex) if (test(e)) return { entry: e, hostname: k };
    if (ix.prefix.size) {
      bases ??= prefixBases(path);
      for (const b of bases) {
        const l = ix.prefix.get(b);
        if (l) for (const e of l) if (test(e)) return { entry: e, hostname: k };
      }
    }
    for (const e of ix.regex) if (test(e)) return { entry: e, hostname: k };
    if (partition) return undefined;
  }
  return undefined;
}

function httpTest(ctx: Ctx): (e: HttpEntry) => boolean {
  const req = ctx.req;
  const acrm = preflightMethod(req);
  if (acrm === undefined) return (e) => testHttpMatch(e.m, req);
  // SD: a CORS preflight matches a CORS rule's method condition through Access-Control-Request-Method.
  const asAcrm: NormalizedRequest = { ...req, method: acrm };
  return (e) =>
    testHttpMatch(e.m, req) ||
    (e.hasCors && e.m.method !== undefined && e.m.method === acrm && testHttpMatch(e.m, asAcrm));
}

/** The Access-Control-Request-Method of a CORS preflight (OPTIONS + Origin + ACRM), else undefined. */
function preflightMethod(req: NormalizedRequest): string | undefined {
  if (req.method !== 'OPTIONS' || !req.headers.has('origin')) return undefined;
  return req.headers.get('access-control-request-method')?.[0];
}

function http(ctx: Ctx, g: GatewayTable, listeners: ListenerTable[], trace: Trace): Trace {
  const { req } = ctx;
  const partition = ctx.opts.decisions.hostnamePrecedence === 'partition';
  let found: Found<HttpEntry> | undefined;
  let foundGrpc: Found<GrpcEntry> | undefined;
  const test = httpTest(ctx);
  for (const lt of listeners) {
    if (req.isGrpc) {
      const gt = grpcTable(ctx.t, lt);
      const r = gt.size ? findIn(ctx, gt, (e) => testGrpcMatch(e.m, req)) : undefined;
      if (r) {
        foundGrpc = { entry: r.entry, hostname: r.hostname, lt };
        break;
      }
    }
    const ht = httpTable(ctx.t, lt);
    if (req.isGrpc && ht.size) ctx.decisions.add('grpc-before-http');
    const r = ht.size ? findHttp(ctx, ht, test) : undefined;
    if (r) {
      found = { entry: r.entry, hostname: r.hostname, lt };
      break;
    }
  }
  nameDecisions(ctx, listeners, foundGrpc, found);
  const winnerLt = foundGrpc?.lt ?? found?.lt ?? listeners[0]!;
  trace.listener = listenerTrace(winnerLt);
  if (ctx.explain) trace.candidates = explainHttp(ctx, g, listeners, foundGrpc, found);
  if (foundGrpc) return forwardHttp(ctx, g, winnerLt, foundGrpc.entry, trace, 'GRPCRoute');
  if (found) return forwardHttp(ctx, g, winnerLt, found.entry, trace, 'HTTPRoute');
  const lt = listeners[0]!;
  const n = httpTable(ctx.t, lt).routes + grpcTable(ctx.t, lt).routes;
  trace.outcome = notFound(
    ctx,
    n === 0
      ? `Listener ${lt.l.name} has no HTTPRoute or GRPCRoute attached: ${req.isGrpc ? 'UNIMPLEMENTED' : '404'}.`
      : `None of the ${n} route${n === 1 ? '' : 's'} attached to listener ${lt.l.name} has a rule matching this request${partition ? ' in the most specific hostname partition (SD)' : ''}: ${req.isGrpc ? 'UNIMPLEMENTED' : '404'}.`,
  );
  return trace;
}

/** Hostname buckets of `table` that the request's host falls into. */
function bucketsFor(ctx: Ctx, table: HostTable<HttpEntry | GrpcEntry>): number {
  let n = 0;
  for (const k of lookupKeys(ctx.req.host)) if (table.buckets.has(k)) n++;
  return n;
}

/** The SDs the routing decision rests on (outcome.decisions). */
function nameDecisions(
  ctx: Ctx,
  listeners: ListenerTable[],
  foundGrpc: Found<GrpcEntry> | undefined,
  found: Found<HttpEntry> | undefined,
): void {
  const { req, decisions } = ctx;
  const partition = ctx.opts.decisions.hostnamePrecedence === 'partition';
  const sd = partition ? 'hostnamePrecedence=partition' : 'hostnamePrecedence=rank';
  const winner = foundGrpc ?? found;
  if (!winner) {
    // A 404 may rest on the partition (a less specific hostname had a matching rule).
    if (partition && listeners.some((lt) => bucketsFor(ctx, httpTable(ctx.t, lt)) > 1)) decisions.add(sd);
    if (req.isGrpc && ctx.opts.decisions.grpcHttpSameHostname === 'reject-newer') decisions.add('grpcHttpSameHostname');
    return;
  }
  const table = foundGrpc ? grpcTable(ctx.t, winner.lt) : httpTable(ctx.t, winner.lt);
  if (bucketsFor(ctx, table) > 1) decisions.add(sd);
  const spec = winner.entry.route.hostnames.map((h) => h.toLowerCase());
  if (winner.hostname !== '' && !spec.includes(winner.hostname)) decisions.add('intersected-hostnames');
  if (foundGrpc && httpTable(ctx.t, foundGrpc.lt).buckets.has(foundGrpc.hostname))
    decisions.add('grpcHttpSameHostname');
  if (found && req.isGrpc && grpcTable(ctx.t, found.lt).buckets.has(found.hostname))
    decisions.add('grpcHttpSameHostname');
  if (foundGrpc && httpTable(ctx.t, foundGrpc.lt).size) decisions.add('grpc-before-http');
  // Under reject-newer, a gRPC request served by an HTTPRoute may owe it to a rejected GRPCRoute.
  if (found && req.isGrpc && ctx.opts.decisions.grpcHttpSameHostname === 'reject-newer')
    decisions.add('grpcHttpSameHostname');
  const m = found?.entry.m;
  if (m) {
    if (m.pathType === 'RegularExpression') {
      decisions.add('regex-re2-full-match');
      decisions.add('regex-after-prefix');
    } else if (table.regex > 0) {
      // Did a matching RegularExpression entry lose only because regexes rank after prefixes (SD)?
      const ht = table as HostTable<HttpEntry>;
      const test = httpTest(ctx);
      outer: for (const k of lookupKeys(req.host)) {
        for (const e of ht.buckets.get(k) ?? [])
          if (e.m.pathType === 'RegularExpression' && test(e)) {
            decisions.add('regex-after-prefix');
            decisions.add('regex-re2-full-match');
            break outer;
          }
        if (partition) break;
      }
    }
    if (m.headers.some((h) => h.type === 'RegularExpression') || m.query.some((q) => q.type === 'RegularExpression'))
      decisions.add('regex-re2-full-match');
    if (m.headers.some((h) => (req.headers.get(h.name)?.length ?? 0) > 1)) decisions.add('repeated-header-any');
    if (m.query.some((q) => (req.queryParams.get(q.name)?.length ?? 0) > 1)) decisions.add('query-first-value');
    if (m.pathType === 'PathPrefix' && m.pathValue.length > 1 && m.pathValue.endsWith('/')) {
      // `/foo/` outranks an equivalent `/foo` only by the raw-length SD.
      const base = m.pathValue.slice(0, -1);
      const test = httpTest(ctx);
      const same = (table as HostTable<HttpEntry>).paths?.get(winner.hostname)?.prefix.get(m.prefixBase);
      if (same?.some((e) => e.m.pathValue === base && test(e))) decisions.add('prefix-raw-length');
    }
  }
}

function ruleName(rule: CRule): { ruleName?: string } {
  return rule.name ? { ruleName: rule.name } : {};
}

function backendId(b: { namespace: string; name: string }): string {
  return `${b.namespace}/${b.name}`;
}

function traceBackend(b: CBackendRef, share: number): TraceBackend {
  const out: TraceBackend = {
    group: b.group ?? '',
    kind: b.kind ?? 'Service',
    namespace: b.namespace,
    name: b.name,
    weight: b.weight,
    share,
    valid: b.valid,
  };
  if (b.port !== undefined) out.port = b.port;
  if (!b.valid) out.reason = b.message ? `${b.reason ?? 'Invalid'}: ${b.message}` : (b.reason ?? 'Invalid');
  if (b.tls) {
    const tls: NonNullable<TraceBackend['tls']> = { sni: b.tls.hostname, policy: b.tls.policy };
    if (b.tls.caCertificateRefs?.length) tls.caCertificateRefs = b.tls.caCertificateRefs;
    if (b.tls.wellKnownCACertificates) tls.wellKnownCACertificates = b.tls.wellKnownCACertificates;
    out.tls = tls;
    if (!b.tls.valid && b.valid) {
      out.valid = false;
      out.reason = `BackendTLSPolicy ${backendId(b.tls.policy)} is invalid${b.tls.reason ? ` (${b.tls.reason})` : ''}: connections to this backend fail`;
    }
  }
  return out;
}

const pct = (x: number) => `${Math.round(x * 10000) / 100}%`;

interface Split {
  backends: TraceBackend[];
  chosen: number;
  refs: CBackendRef[];
}

/** Shares of a rule's backendRefs, and the backend this sample follows. */
function split(ctx: Ctx, rule: CRule): Split {
  const refs = rule.backendRefs ?? [];
  const sh = shares(refs.map((b) => b.weight));
  const backends = refs.map((b, i) => traceBackend(b, sh[i]!));
  let chosen: number;
  if (ctx.sample !== undefined) chosen = pick(sh, ctx.sample);
  else {
    chosen = -1;
    let best = 0;
    backends.forEach((b, i) => {
      if (b.valid && b.share > best) {
        best = b.share;
        chosen = i;
      }
    });
    if (chosen < 0) chosen = pick(sh, 0);
    if (backends.length > 1) ctx.decisions.add('sample-most-likely-backend');
  }
  return { backends, chosen, refs };
}

function invalidShare(s: Split): number {
  return s.backends.reduce((a, b) => a + (b.valid ? 0 : b.share), 0);
}

interface HttpState {
  method: string;
  scheme: string;
  /** Host header as sent (authority, possibly with port). */
  host: string;
  path: string;
  query: string;
  headers: HeaderMap;
}

function snapshot(s: HttpState) {
  return { host: s.host, path: withQuery(s.path, s.query), headers: headerRecord(s.headers) };
}

interface Terminal {
  kind: 'redirect' | 'response' | 'error';
  status: number;
  location?: string;
  reason: string;
  headers?: Record<string, string>;
}

interface FilterRun {
  state: HttpState;
  responseMods: { spec: ReturnType<typeof headerModifierSpec>; level: 'rule' | 'backend'; summary: string }[];
  cors?: Record<string, string>;
  mirrors: Trace['mirrors'];
  terminal?: Terminal;
}

function forwardHttp(
  ctx: Ctx,
  g: GatewayTable,
  lt: ListenerTable,
  entry: HttpEntry | GrpcEntry,
  trace: Trace,
  kind: 'HTTPRoute' | 'GRPCRoute',
): Trace {
  const { req } = ctx;
  const rule = entry.rule;
  const route = entry.route;
  const grpc = kind === 'GRPCRoute';
  trace.route = {
    kind,
    namespace: route.namespace,
    name: route.name,
    rule: rule.index,
    ...ruleName(rule),
    match: rule.matches?.length ? entry.matchIndex : null,
  };
  if (isObj(rule.timeouts)) {
    if (typeof rule.timeouts.request === 'string') trace.timeouts.request = rule.timeouts.request;
    if (typeof rule.timeouts.backendRequest === 'string') trace.timeouts.backendRequest = rule.timeouts.backendRequest;
  }
  if (isObj(rule.retry)) trace.retry = rule.retry;
  if (isObj(rule.sessionPersistence)) trace.sessionPersistence = rule.sessionPersistence;
  const routeId = `${kind} ${route.namespace}/${route.name} rule ${rule.index}${rule.name ? ` (${rule.name})` : ''}`;

  const run: FilterRun = {
    state: {
      method: req.method,
      scheme: req.scheme,
      host: req.authority,
      path: req.path,
      query: req.query,
      headers: headerMapFrom(req.headerOrder),
    },
    responseMods: [],
    mirrors: [],
  };
  if (req.isGrpc && !run.state.headers.has('content-type'))
    run.state.headers.set('content-type', { name: 'content-type', values: ['application/grpc'] });
  const prefix =
    !grpc && (entry as HttpEntry).m.pathType === 'PathPrefix' ? (entry as HttpEntry).m.pathValue : undefined;

  (rule.filters ?? []).forEach((f, i) => {
    if (!run.terminal) applyFilter(ctx, g, lt, route, rule, run, f, i, 'rule', undefined, prefix, trace);
  });

  const status = (o: Trace['outcome']) => {
    if (grpc || req.isGrpc) {
      if (o.status === 500 || o.status === 503) o.grpcStatus = 'UNAVAILABLE';
      else if (o.status === 404) o.grpcStatus = 'UNIMPLEMENTED';
    }
    return o;
  };

  if (run.terminal) {
    const tm = run.terminal;
    trace.outcome = status({
      kind: tm.kind,
      status: tm.status,
      ...(tm.location ? { location: tm.location } : {}),
      reason: `${routeId}: ${tm.reason}`,
    });
    const resp = headerMapFrom(Object.entries(tm.headers ?? {}));
    applyResponse(ctx, run, resp, trace);
    return trace;
  }

  const refs = rule.backendRefs ?? [];
  if (!refs.length) {
    trace.outcome = status({
      kind: 'error',
      status: 500,
      reason: `${routeId} has no backendRefs and no filter that answers: 500 (HTTPRouteNoBackendRefs).`,
    });
    return trace;
  }
  const s = split(ctx, rule);
  trace.backends = s.backends;
  const weighted = s.backends.filter((b) => b.share > 0);
  if (!weighted.length) {
    ctx.decisions.add('all-weights-zero-500');
    trace.outcome = status({
      kind: 'error',
      status: 500,
      reason: `Every backendRef of ${routeId} has weight 0: no traffic can be forwarded, 500${grpc ? ' / UNAVAILABLE' : ''} (SD).`,
    });
    return trace;
  }
  const bad = invalidShare(s);
  if (bad > 0) ctx.decisions.add('invalid-backend-keeps-share');
  const chosen = s.backends[s.chosen]!;
  const chosenRef = s.refs[s.chosen]!;
  if (!chosen.valid) {
    const tlsFail = chosenRef.valid && chosenRef.tls && !chosenRef.tls.valid;
    if (tlsFail) ctx.decisions.add('backend-tls-invalid-503');
    trace.outcome = status({
      kind: 'error',
      status: tlsFail ? 503 : 500,
      reason: `${routeId}: ${bad >= 0.99999 ? 'every backend is invalid' : `this request goes to ${backendId(chosen)} (share ${pct(chosen.share)}), which is invalid`} (${chosen.reason}): ${tlsFail ? 503 : 500}${grpc || req.isGrpc ? ' / UNAVAILABLE' : ''}.`,
    });
    return trace;
  }
  const bfilters = chosenRef.filters ?? [];
  if (bfilters.length && (rule.filters ?? []).length) ctx.decisions.add('filter-order-rule-then-backend');
  bfilters.forEach((f, i) => {
    if (!run.terminal) applyFilter(ctx, g, lt, route, rule, run, f, i, 'backend', chosenRef.index, prefix, trace);
  });
  const bterm = run.terminal as Terminal | undefined;
  if (bterm) {
    const tm = bterm;
    trace.outcome = status({
      kind: tm.kind,
      status: tm.status,
      ...(tm.location ? { location: tm.location } : {}),
      reason: `${routeId}, backend ${backendId(chosen)}: ${tm.reason}`,
    });
    applyResponse(ctx, run, headerMapFrom(Object.entries(tm.headers ?? {})), trace);
    return trace;
  }
  const st = run.state;
  trace.forwarded = {
    method: st.method,
    scheme: st.scheme,
    host: st.host,
    ...(chosen.port !== undefined ? { port: chosen.port } : {}),
    path: withQuery(st.path, st.query),
    headers: headerRecord(st.headers),
  };
  trace.mirrors = run.mirrors;
  if (run.mirrors.length) ctx.decisions.add('mirror-gets-final-request');
  const others =
    weighted.length > 1
      ? ` (split: ${weighted.map((b) => `${backendId(b)} ${pct(b.share)}${b.valid ? '' : ' → error'}`).join(', ')})`
      : '';
  trace.outcome = {
    kind: 'forward',
    reason: `${routeId} forwards to ${backendId(chosen)}${chosen.port !== undefined ? `:${chosen.port}` : ''}${others}${bad > 0 ? `; ${pct(bad)} of requests go to invalid backends and get ${grpc ? 'UNAVAILABLE' : '500'}` : ''}.`,
  };
  const resp = headerMapFrom(Object.entries(req.filled.backendResponse?.headers ?? {}));
  applyResponse(ctx, run, resp, trace);
  return trace;
}

function applyResponse(ctx: Ctx, run: FilterRun, resp: HeaderMap, trace: Trace): void {
  const removed: string[] = [];
  // SD §7.1: the chosen backend's response filters, then the rule's.
  const mods = [
    ...run.responseMods.filter((m) => m.level === 'backend'),
    ...run.responseMods.filter((m) => m.level === 'rule'),
  ];
  for (const m of mods) {
    const before = ctx.explain ? headerRecord(resp) : undefined;
    removed.push(...applyHeaderModifier(resp, m.spec));
    const f: TraceFilter = { type: 'ResponseHeaderModifier', level: m.level, summary: m.summary };
    if (ctx.explain) {
      f.before = before;
      f.after = headerRecord(resp);
    }
    trace.filters.push(f);
  }
  if (run.cors) for (const [k, v] of Object.entries(run.cors)) resp.set(k, { name: k, values: [v] });
  trace.responseHeaders = headerRecord(resp);
  trace.responseHeadersRemoved = [...new Set(removed)].filter((n) => !resp.has(n));
}

function applyFilter(
  ctx: Ctx,
  g: GatewayTable,
  lt: ListenerTable,
  route: CRoute,
  rule: CRule,
  run: FilterRun,
  f: Obj,
  index: number,
  level: 'rule' | 'backend',
  backendIndex: number | undefined,
  prefix: string | undefined,
  trace: Trace,
): void {
  const { req } = ctx;
  const type = typeof f?.type === 'string' ? f.type : '(no type)';
  const push = (tf: TraceFilter) => trace.filters.push(tf);
  switch (type) {
    case 'RequestHeaderModifier': {
      const spec = headerModifierSpec(f.requestHeaderModifier);
      const before = ctx.explain ? headerRecord(run.state.headers) : undefined;
      applyHeaderModifier(run.state.headers, spec);
      const tf: TraceFilter = { type, level, summary: describeHeaderModifier(spec) };
      if (ctx.explain) {
        tf.before = before;
        tf.after = headerRecord(run.state.headers);
      }
      push(tf);
      return;
    }
    case 'ResponseHeaderModifier': {
      const spec = headerModifierSpec(f.responseHeaderModifier);
      // Applied to the response, after the backend answers (see applyResponse).
      run.responseMods.push({ spec, level, summary: describeHeaderModifier(spec) });
      return;
    }
    case 'RequestRedirect': {
      const rr = isObj(f.requestRedirect) ? f.requestRedirect : {};
      const r = computeRedirect(rr, {
        scheme: req.scheme,
        host: req.host,
        fallbackHost: g.gw.addresses?.[0]?.value ?? lt.l.hostname ?? `${g.gw.name}.${g.gw.namespace}`,
        path: req.path,
        query: req.query,
        listenerPort: lt.l.port,
        prefix,
      });
      if (req.query) ctx.decisions.add('redirect-keeps-query');
      const feature = redirectStatusFeature(r.status);
      if (feature && !supports(ctx.opts, feature))
        ctx.warnings.push(
          `Redirect status ${r.status} needs the feature ${feature}, which the simulated implementation does not claim.`,
        );
      const tf: TraceFilter = { type, level, summary: `redirect ${r.status} to ${r.location}` };
      if (ctx.explain) {
        tf.before = `${req.scheme}://${req.authority || '(gateway address)'}${req.rawPath}`;
        tf.after = r.location;
      }
      push(tf);
      run.terminal = {
        kind: 'redirect',
        status: r.status,
        location: r.location,
        reason: `redirect ${r.status} to ${r.location}.`,
      };
      return;
    }
    case 'URLRewrite': {
      const ur = isObj(f.urlRewrite) ? f.urlRewrite : {};
      const before = ctx.explain ? snapshot(run.state) : undefined;
      const parts: string[] = [];
      if (typeof ur.hostname === 'string') {
        run.state.host = ur.hostname;
        parts.push(`host → ${ur.hostname}`);
      }
      const mod = pathModifierSpec(ur.path);
      if (mod) {
        if (mod.type === 'ReplacePrefixMatch' && (prefix === '/' || prefix === ''))
          ctx.decisions.add('replace-prefix-root');
        run.state.path = modifyPath(run.state.path, mod, prefix);
        parts.push(`path → ${run.state.path} (${mod.type} ${JSON.stringify(mod.value)})`);
        if (req.query) ctx.decisions.add('redirect-keeps-query');
      }
      const tf: TraceFilter = { type, level, summary: parts.join('; ') || 'no changes' };
      if (ctx.explain) {
        tf.before = before;
        tf.after = snapshot(run.state);
      }
      push(tf);
      return;
    }
    case 'RequestMirror': {
      const rm = isObj(f.requestMirror) ? f.requestMirror : {};
      const percent = mirrorPercent(rm);
      const fb = (rule.filterBackendRefs ?? []).find(
        (x) =>
          x.level === level &&
          x.filter === index &&
          (level === 'rule' || x.backend === backendIndex) &&
          x.type === 'RequestMirror',
      );
      const ref = fb?.ref;
      const br = isObj(rm.backendRef) ? rm.backendRef : {};
      const ns = ref?.namespace ?? (typeof br.namespace === 'string' ? br.namespace : route.namespace);
      const name = ref?.name ?? (typeof br.name === 'string' ? br.name : '?');
      const port = ref?.port ?? (typeof br.port === 'number' ? br.port : undefined);
      if (ref && !ref.valid) {
        push({
          type,
          level,
          summary: `mirror to ${ns}/${name} dropped: ${ref.reason ?? 'invalid'}${ref.message ? ` (${ref.message})` : ''}; primary traffic unaffected`,
        });
        return;
      }
      run.mirrors.push({ namespace: ns, name, ...(port !== undefined ? { port } : {}), percent });
      push({
        type,
        level,
        summary: `mirror ${percent}% to ${ns}/${name}${port !== undefined ? `:${port}` : ''} (its response is ignored)`,
      });
      return;
    }
    case 'CORS': {
      const spec = corsSpec(f.cors);
      const origin = req.headers.get('origin')?.[0];
      if (origin === undefined) {
        push({ type, level, summary: 'no Origin header: not a cross-origin request, CORS does nothing' });
        return;
      }
      ctx.decisions.add('cors-echo-origin');
      const acrm = preflightMethod(req);
      if (acrm !== undefined) {
        const p = corsPreflight(spec, origin, acrm, req.headers.get('access-control-request-headers')?.join(', '));
        if (!p.allowed) ctx.decisions.add('cors-preflight-403');
        else if (rule.matches?.some((m) => isObj(m) && typeof m.method === 'string' && m.method !== 'OPTIONS'))
          ctx.decisions.add('cors-preflight-method');
        push({
          type,
          level,
          summary: `preflight answered by the gateway: ${p.status}; ${p.why}`,
          ...(ctx.explain ? { after: p.headers } : {}),
        });
        run.terminal = {
          kind: 'response',
          status: p.status,
          reason: `CORS preflight answered by the gateway with ${p.status} (${p.why}).`,
          headers: p.headers,
        };
        return;
      }
      const h = corsActual(spec, origin);
      if (h) run.cors = { ...(run.cors ?? {}), ...h };
      push({
        type,
        level,
        summary: h
          ? `origin ${origin} allowed: ${Object.keys(h).join(', ')} added to the response`
          : `origin ${origin} not allowed: no CORS headers`,
        ...(ctx.explain && h ? { after: h } : {}),
      });
      return;
    }
    case 'ExternalAuth': {
      ctx.decisions.add('external-auth-input');
      const ea = isObj(f.externalAuth) ? f.externalAuth : {};
      const fb = (rule.filterBackendRefs ?? []).find(
        (x) => x.level === level && x.filter === index && x.type === 'ExternalAuth',
      );
      const br = isObj(ea.backendRef) ? ea.backendRef : {};
      const target = fb?.ref
        ? `${fb.ref.namespace}/${fb.ref.name}${fb.ref.port !== undefined ? `:${fb.ref.port}` : ''}`
        : `${typeof br.namespace === 'string' ? br.namespace : route.namespace}/${String(br.name ?? '?')}`;
      const proto = typeof ea.protocol === 'string' ? ea.protocol : 'HTTP';
      if (fb?.ref && !fb.ref.valid) {
        push({ type, level, summary: `auth service ${target} is invalid (${fb.ref.reason}): fails closed, 403` });
        run.terminal = {
          kind: 'response',
          status: 403,
          reason: `the ExternalAuth service ${target} is invalid: the filter fails closed.`,
        };
        return;
      }
      const allows = req.filled.authAllows !== false;
      push({
        type,
        level,
        summary: `calls auth service ${target} (${proto}): ${allows ? 'allowed' : 'denied'} (authAllows input)`,
      });
      if (!allows)
        run.terminal = {
          kind: 'response',
          status: 403,
          reason: `the ExternalAuth service ${target} denies the request (403).`,
        };
      return;
    }
    case 'ExtensionRef': {
      const er = isObj(f.extensionRef) ? f.extensionRef : {};
      const key = `${String(er.group ?? '')}/${String(er.kind ?? '')}/${route.namespace}/${String(er.name ?? '')}`;
      const label = `${String(er.kind ?? '?')} ${route.namespace}/${String(er.name ?? '?')}`;
      if (!ctx.extensionKeys.has(key)) {
        ctx.decisions.add('extensionref-unresolved-500');
        push({ type, level, summary: `extension ${label} cannot be resolved: the filter must not be skipped, 500` });
        run.terminal = {
          kind: 'error',
          status: 500,
          reason: `the ExtensionRef filter ${label} cannot be resolved: 500.`,
        };
        return;
      }
      ctx.decisions.add('extensionref-not-simulated');
      push({ type, level, summary: `extension ${label}: implementation-specific, not simulated` });
      return;
    }
    default:
      push({ type, level, summary: `unknown filter type ${type}: not simulated` });
  }
}

// ---------- TLS (§6.7) ----------

function tlsRoute(ctx: Ctx, g: GatewayTable, lt: ListenerTable, trace: Trace): Trace {
  const { req } = ctx;
  const routes = l4Routes(ctx.t, lt, 'TLSRoute');
  let best: { i: number; hostname: string | null } | undefined;
  routes.forEach((r, i) => {
    const hs = r.attached.hostnames?.length ? r.attached.hostnames : [null];
    const m = bestMatchingHostname(hs, req.sni);
    if (!m) return;
    if (!best || compareHostnameSpecificity(m.pattern, best.hostname) < 0) best = { i, hostname: m.pattern };
  });
  const mode = lt.l.tlsMode ?? 'Passthrough';
  if (ctx.explain) {
    trace.candidates = routes.map((r, i) => {
      const hs = r.attached.hostnames ?? [];
      const m = bestMatchingHostname(hs.length ? hs : [null], req.sni);
      const c: TraceCandidate = {
        kind: 'TLSRoute',
        namespace: r.route.namespace,
        name: r.route.name,
        rule: 0,
        verdict: 'no-match',
        why: '',
      };
      if (!m)
        c.why = `SNI ${req.sni || '(none)'} does not match its hostnames on this listener (${hs.join(', ') || 'any'})`;
      else if (best && i === best.i) {
        c.verdict = 'matched';
        c.why = `SNI ${req.sni} matches ${m.pattern ?? '(any)'}`;
      } else {
        c.verdict = 'lost';
        const w = routes[best!.i]!;
        c.why =
          compareHostnameSpecificity(best!.hostname, m.pattern) !== 0
            ? `lost to ${w.route.namespace}/${w.route.name}: more specific hostname (${best!.hostname} > ${m.pattern})`
            : `lost to ${w.route.namespace}/${w.route.name}: equal hostname, older route wins`;
      }
      return c;
    });
    trace.candidates.push(...notAttached(ctx, g, lt, ['TLSRoute']));
    trace.candidates.sort(candidateOrder);
  }
  if (!best) {
    trace.outcome = {
      kind: 'rejected',
      reason: `No TLSRoute on listener ${lt.l.name} matches SNI ${req.sni || '(none)'}: the connection is rejected.`,
    };
    return trace;
  }
  const r = routes[best.i]!;
  return l4Forward(
    ctx,
    r.route,
    trace,
    `TLS ${mode === 'Terminate' ? 'terminated at the Gateway; the plaintext stream is' : 'passthrough: the encrypted stream is'}`,
  );
}

function l4Forward(ctx: Ctx, route: CRoute, trace: Trace, how: string): Trace {
  const rule = route.rules?.[0];
  trace.route = {
    kind: route.kind,
    namespace: route.namespace,
    name: route.name,
    rule: 0,
    ...(rule ? ruleName(rule) : {}),
    match: null,
  };
  const udp = route.kind === 'UDPRoute';
  const id = `${route.kind} ${route.namespace}/${route.name}`;
  if (!rule || !(rule.backendRefs ?? []).length) {
    trace.outcome = {
      kind: 'error',
      reason: `${id} has no backendRefs: every ${udp ? 'datagram is dropped' : 'connection is rejected'}.`,
    };
    return trace;
  }
  const s = split(ctx, rule);
  trace.backends = s.backends;
  if (!s.backends.some((b) => b.share > 0)) {
    ctx.decisions.add('all-weights-zero-500');
    trace.outcome = { kind: 'error', reason: `Every backendRef of ${id} has weight 0: no traffic can be forwarded.` };
    return trace;
  }
  const bad = invalidShare(s);
  if (bad > 0) ctx.decisions.add('invalid-backend-keeps-share');
  const chosen = s.backends[s.chosen]!;
  if (!chosen.valid) {
    // contracts §3: an invalid backend's share is rejected (UDP: dropped); no valid backend at all is `error`.
    const none = bad >= 0.99999;
    trace.outcome = {
      kind: none ? 'error' : 'rejected',
      reason: `${id}: ${none ? 'no valid backend' : `this ${udp ? 'flow' : 'connection'} goes to ${backendId(chosen)}, which is invalid`} (${chosen.reason}): every ${udp ? 'datagram is dropped' : 'connection is rejected'}${none ? '' : ' for its share'}.`,
    };
    return trace;
  }
  const weighted = s.backends.filter((b) => b.share > 0);
  const others =
    weighted.length > 1 ? ` (split: ${weighted.map((b) => `${backendId(b)} ${pct(b.share)}`).join(', ')})` : '';
  const r = ctx.req;
  if (r.protocol === 'HTTP' || r.protocol === 'HTTPS' || r.protocol === 'GRPC') {
    // An HTTP request inside the stream reaches the backend unchanged (the Gateway does not parse it).
    trace.forwarded = {
      method: r.method,
      scheme: r.scheme,
      host: r.authority,
      ...(chosen.port !== undefined ? { port: chosen.port } : {}),
      path: r.rawPath,
      headers: headerRecord(headerMapFrom(r.headerOrder)),
    };
  }
  trace.outcome = {
    kind: 'forward',
    reason: `${id}: ${how} forwarded to ${backendId(chosen)}${chosen.port !== undefined ? `:${chosen.port}` : ''}${others}${bad > 0 ? `; ${pct(bad)} ${udp ? 'dropped' : 'rejected'} (invalid backends)` : ''}.`,
  };
  return trace;
}

// ---------- TCP / UDP (§6.8) ----------

function l4(ctx: Ctx, g: GatewayTable, lt: ListenerTable, trace: Trace, kind: 'TCPRoute' | 'UDPRoute'): Trace {
  trace.listener = listenerTrace(lt);
  const routes = l4Routes(ctx.t, lt, kind);
  if (ctx.explain) {
    trace.candidates = routes.map((r, i) => ({
      kind,
      namespace: r.route.namespace,
      name: r.route.name,
      rule: 0,
      verdict: i === 0 ? ('matched' as const) : ('lost' as const),
      why:
        i === 0
          ? 'the oldest route on the listener gets all traffic'
          : `lost to ${routes[0]!.route.namespace}/${routes[0]!.route.name}: the oldest route on the listener gets all traffic`,
    }));
    trace.candidates.push(...notAttached(ctx, g, lt, [kind]));
  }
  const udp = kind === 'UDPRoute';
  if (!routes.length) {
    trace.outcome = {
      kind: 'rejected',
      reason: `No ${kind} is attached to listener ${lt.l.name}: the ${udp ? 'datagram is dropped' : 'connection is refused'}.`,
    };
    return trace;
  }
  if (routes.length > 1) ctx.decisions.add('l4-oldest-route');
  return l4Forward(ctx, routes[0]!.route, trace, udp ? 'the datagram is' : 'the connection is');
}

// ---------- explanations ----------

const VERDICT_ORDER = { matched: 0, lost: 1, 'no-match': 2, 'not-attached': 3 } as const;

function candidateOrder(a: TraceCandidate, b: TraceCandidate): number {
  return VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict];
}

/** Routes with a parentRef to this Gateway that are not attached to listener `lt`. */
function notAttached(
  ctx: Ctx,
  g: GatewayTable,
  lt: ListenerTable,
  kinds: string[],
  also: ListenerTable[] = [],
): TraceCandidate[] {
  const out: TraceCandidate[] = [];
  // Routes of the listeners that were evaluated (the chosen one, and fallbacks without isolation).
  const attached = new Set([lt, ...also].flatMap((x) => (x.l.routes ?? []).map((r) => r.route)));
  for (const r of routesTo(ctx.t, g)) {
    if (!kinds.includes(r.kind) || attached.has(r.key)) continue;
    const mine = (r.parents ?? []).filter(
      (p) => p.gateway && p.gateway.namespace === g.gw.namespace && p.gateway.name === g.gw.name,
    );
    if (!mine.length) continue;
    const rejected = mine.find((p) => p.verdict !== 'accepted');
    const accepted = mine.filter((p) => p.verdict === 'accepted');
    let why: string;
    if (accepted.length) {
      const ls = accepted
        .flatMap((p) => p.listeners)
        .map((id) => {
          const ix = ctx.t.controller.index?.listeners?.[id];
          return ix ? ctx.t.controller.gateways[ix[0]]?.listeners[ix[1]] : undefined;
        })
        .filter((l): l is NonNullable<typeof l> => !!l);
      const host = ctx.req.tls ? ctx.req.sni : ctx.req.host;
      const why1 = (l: (typeof ls)[number]) =>
        l.port !== lt.l.port
          ? `${l.name} (port ${l.port})`
          : !hostMatches(l.hostname, host)
            ? `${l.name} (hostname ${l.hostname} does not match ${host || '(none)'})`
            : `${l.name} (it matches too, but only the most specific listener, ${lt.l.name}, serves this host: isolation)`;
      why = `attached to listener${ls.length === 1 ? '' : 's'} ${ls.map(why1).join(', ') || '(none)'}, not ${lt.l.name}`;
    } else why = `${rejected!.reason}${rejected!.message ? `: ${rejected!.message}` : ''}`;
    out.push({ kind: r.kind, namespace: r.namespace, name: r.name, verdict: 'not-attached', why });
  }
  return out;
}

function explainHttp(
  ctx: Ctx,
  g: GatewayTable,
  listeners: ListenerTable[],
  foundGrpc: Found<GrpcEntry> | undefined,
  found: Found<HttpEntry> | undefined,
): TraceCandidate[] {
  const { req } = ctx;
  const out: TraceCandidate[] = [];
  const partition = ctx.opts.decisions.hostnamePrecedence === 'partition';
  const keys = lookupKeys(req.host);
  const winner = foundGrpc ?? found;
  const winnerKind: 'grpc' | 'http' = foundGrpc ? 'grpc' : 'http';
  const winnerInfo = winner ? info(winnerKind, winner.entry, winner.hostname) : undefined;
  const winnerLabel = winner
    ? `${winner.entry.route.namespace}/${winner.entry.route.name} rule ${winner.entry.ruleIndex}`
    : '';
  const acrm = preflightMethod(req);
  const asAcrm: NormalizedRequest | undefined = acrm !== undefined ? { ...req, method: acrm } : undefined;

  const visit = <E extends HttpEntry | GrpcEntry>(kind: 'grpc' | 'http', table: HostTable<E>, lt: ListenerTable) => {
    const seen = new Set<string>();
    const routeHostOk = new Set<string>();
    const firstKey = keys.find((k) => table.buckets.has(k));
    for (const k of keys) {
      const list = table.buckets.get(k);
      if (!list) continue;
      for (const e of list) {
        const id = `${e.route.key}#${e.ruleIndex}#${e.matchIndex}`;
        routeHostOk.add(e.route.key);
        if (seen.has(id)) continue;
        seen.add(id);
        const c: TraceCandidate = {
          kind: e.route.kind,
          namespace: e.route.namespace,
          name: e.route.name,
          rule: e.ruleIndex,
          match: e.matchIndex,
          verdict: 'no-match',
          why: '',
        };
        if (winner && e === winner.entry) {
          c.verdict = 'matched';
          c.why = `matches (${describeEntry(kind, e)}) and wins${k ? ` via hostname ${k}` : ''}`;
          out.push(c);
          continue;
        }
        let fail =
          kind === 'grpc' ? explainGrpcMatch((e as GrpcEntry).m, req) : explainHttpMatch((e as HttpEntry).m, req);
        if (fail && asAcrm && e.hasCors && kind === 'http' && (e as HttpEntry).m.method === acrm)
          fail = explainHttpMatch((e as HttpEntry).m, asAcrm);
        if (fail) {
          c.why = fail;
        } else if (!winner) {
          c.verdict = 'lost';
          c.why = 'matches, but is not reached (hostname partition, SD)';
        } else if (winnerKind !== kind) {
          c.verdict = 'lost';
          c.why = `matches, but GRPCRoutes are tried first for a gRPC request (SD); lost to ${winnerLabel}`;
        } else if (lt !== winner.lt) {
          c.verdict = 'lost';
          c.why = `matches on the less specific listener ${lt.l.name}; the request was served by ${winner.lt.l.name}`;
        } else if (partition && k !== firstKey) {
          c.verdict = 'lost';
          c.why = `matches, but hostname partition (SD): only routes of the most specific hostname ${firstKey || '(any)'} are considered; lost to ${winnerLabel}`;
        } else {
          c.verdict = 'lost';
          c.why = `lost to ${winnerLabel}: ${lostBecause(kind, winnerInfo!, info(kind, e, k))}`;
        }
        out.push(c);
      }
    }
    // Attached routes whose effective hostnames do not match the host at all.
    const listed = new Set<string>();
    for (const [k, list] of table.buckets) {
      if (keys.includes(k)) continue;
      for (const e of list) {
        if (routeHostOk.has(e.route.key) || listed.has(e.route.key)) continue;
        listed.add(e.route.key);
        const hs = e.attached.hostnames ?? [];
        out.push({
          kind: e.route.kind,
          namespace: e.route.namespace,
          name: e.route.name,
          verdict: 'no-match',
          why: `host ${req.host || '(none)'} does not match its hostnames on listener ${lt.l.name} (${hs.join(', ')})`,
        });
      }
    }
  };

  for (const lt of listeners) {
    if (req.isGrpc) visit('grpc', grpcTable(ctx.t, lt), lt);
    visit('http', httpTable(ctx.t, lt), lt);
  }
  const first = listeners[0]!;
  out.push(...notAttached(ctx, g, first, ['HTTPRoute', 'GRPCRoute'], listeners));
  out.sort(candidateOrder);
  return out;
}

function describeEntry(kind: 'grpc' | 'http', e: HttpEntry | GrpcEntry): string {
  const parts: string[] = [];
  if (kind === 'http') {
    const m = (e as HttpEntry).m;
    parts.push(`${m.pathType} ${m.pathValue}`);
    if (m.method) parts.push(`method ${m.method}`);
    if (m.headers.length) parts.push(`${m.headers.length} header${m.headers.length > 1 ? 's' : ''}`);
    if (m.query.length) parts.push(`${m.query.length} query param${m.query.length > 1 ? 's' : ''}`);
  } else {
    const m = (e as GrpcEntry).m;
    parts.push(m.service || m.method ? `${m.service ?? '*'}/${m.method ?? '*'}` : 'any method');
    if (m.headers.length) parts.push(`${m.headers.length} header${m.headers.length > 1 ? 's' : ''}`);
  }
  return parts.join(' + ');
}

function info(kind: 'grpc' | 'http', e: HttpEntry | GrpcEntry, hostname: string): MatchInfo {
  const key = withHostname(e.key, hostname === '' ? null : hostname);
  if (kind === 'http') {
    const m = (e as HttpEntry).m;
    return { key, path: m.pathValue, pathType: m.pathType, ...(m.method ? { method: m.method } : {}) };
  }
  const m = (e as GrpcEntry).m;
  return { key, ...(m.service ? { service: m.service } : {}), ...(m.method ? { grpcMethod: m.method } : {}) };
}
