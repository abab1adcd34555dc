// Test cases in the page (contracts.md §5): the interface the test panel uses.
//
// The pure test-case logic (parse and serialise the cases YAML, evaluate an expectation against a
// Trace with share tolerance ±0.005, diffs) belongs to the data plane (src/engine/dataplane/testcases.ts),
// which the CLI's `gateway-sim test` uses too. Until that module lands, this file carries a small
// implementation of the same contract; when it lands, these functions delegate to it, so that the page
// and the CLI can never disagree.

import { isMap, isSeq, parse, parseDocument, stringify, type YAMLMap } from 'yaml';
import type { SimRequest, TestCase, TestExpect, Trace } from '../../engine/index.ts';
import { describeRequest } from './form.ts';
import { nsName } from './verdict.ts';

export const SHARE_TOLERANCE = 0.005;

export interface Mismatch {
  /** The expectation key, e.g. `outcome`, `backends.default/foo-v2`, `headers.x-a`. */
  key: string;
  expected: unknown;
  actual: unknown;
}

export interface CaseResult {
  pass: boolean;
  mismatches: Mismatch[];
  /** The trace could not be computed (worker error). */
  error?: string;
}

const shareKey = (b: { namespace: string; name: string }) => `${b.namespace}/${b.name}`;

/** The backends of a trace as `ns/name → share` (shares of repeated refs summed). */
export function actualShares(trace: Trace): Record<string, number> {
  const out: Record<string, number> = {};
  for (const b of trace.backends) {
    if (trace.outcome.kind !== 'forward' && trace.outcome.kind !== 'error') continue;
    out[shareKey(b)] = (out[shareKey(b)] ?? 0) + b.share;
  }
  return out;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** Checks the keys an expectation gives, and only those. */
export function evaluateCase(trace: Trace, expect: TestExpect): CaseResult {
  const mm: Mismatch[] = [];
  const eq = (key: string, expected: unknown, actual: unknown) => {
    if (expected !== undefined && expected !== actual) mm.push({ key, expected, actual: actual ?? null });
  };
  eq('outcome', expect.outcome, trace.outcome.kind);
  eq('status', expect.status, trace.outcome.status);
  eq('grpcStatus', expect.grpcStatus, trace.outcome.grpcStatus);
  eq('location', expect.location, trace.outcome.location);
  eq('route', expect.route, trace.route ? nsName(trace.route) : undefined);
  eq('rule', expect.rule, trace.route?.rule);
  eq('match', expect.match, trace.route?.match ?? undefined);
  eq('listener', expect.listener, trace.listener?.name);
  const backends = expect.backends ?? (expect.backend ? { [expect.backend]: 1 } : undefined);
  if (backends) {
    const actual = actualShares(trace);
    const keys = new Set([...Object.keys(backends), ...Object.keys(actual)]);
    for (const k of keys) {
      const e = backends[k] ?? 0;
      const a = actual[k] ?? 0;
      if (Math.abs(e - a) > SHARE_TOLERANCE) {
        mm.push({ key: `backends.${k}`, expected: k in backends ? e : null, actual: k in actual ? round(a) : null });
      }
    }
  }
  eq('path', expect.path, trace.forwarded?.path);
  eq('host', expect.host, trace.forwarded?.host);
  for (const [k, v] of Object.entries(expect.headers ?? {})) {
    eq(`headers.${k.toLowerCase()}`, String(v), trace.forwarded?.headers[k.toLowerCase()]);
  }
  for (const k of expect.headersAbsent ?? []) {
    const a = trace.forwarded?.headers[k.toLowerCase()];
    if (a !== undefined) mm.push({ key: `headersAbsent.${k.toLowerCase()}`, expected: '(absent)', actual: a });
  }
  for (const [k, v] of Object.entries(expect.responseHeaders ?? {})) {
    eq(`responseHeaders.${k.toLowerCase()}`, String(v), trace.responseHeaders[k.toLowerCase()]);
  }
  return { pass: mm.length === 0, mismatches: mm };
}

/** The current outcome of a trace as an expectation ("Save as test"). */
export function expectationFromTrace(trace: Trace): TestExpect {
  const o = trace.outcome;
  const e: TestExpect = { outcome: o.kind };
  if (o.status !== undefined) e.status = o.status;
  if (o.grpcStatus !== undefined) e.grpcStatus = o.grpcStatus;
  if (o.location !== undefined) e.location = o.location;
  if (trace.route) {
    e.route = nsName(trace.route);
    e.rule = trace.route.rule;
  }
  if (o.kind === 'forward') {
    const shares = actualShares(trace);
    const live = Object.entries(shares).filter(([, s]) => s > 0);
    if (live.length === 1 && Math.abs((live[0] as [string, number])[1] - 1) < 1e-9)
      e.backend = (live[0] as [string, number])[0];
    else e.backends = Object.fromEntries(live.map(([k, s]) => [k, round(s)]));
    const f = trace.forwarded;
    if (f) {
      if (trace.request.path !== undefined && f.path !== trace.request.path) e.path = f.path;
      const reqHost = trace.request.host?.toLowerCase();
      if (reqHost !== undefined && f.host.toLowerCase() !== reqHost) e.host = f.host;
      // Headers the filters set or changed (not the ones the client sent unchanged).
      const sent = new Map<string, string>();
      const h = trace.request.headers;
      for (const [k, v] of Array.isArray(h) ? h : Object.entries(h ?? {})) sent.set(String(k).toLowerCase(), String(v));
      const changed = Object.entries(f.headers).filter(([k, v]) => k !== 'host' && sent.get(k) !== v);
      if (changed.length > 0 && trace.filters.length > 0) e.headers = Object.fromEntries(changed);
      const removed = [...sent.keys()].filter((k) => !(k in f.headers));
      if (removed.length > 0) e.headersAbsent = removed;
    }
  }
  if (Object.keys(trace.responseHeaders).length > 0) e.responseHeaders = { ...trace.responseHeaders };
  return e;
}

/** A readable default name for a new case: `GET foo.example.com/bar → default/foo-v2`. */
export function caseName(req: SimRequest, expect: TestExpect): string {
  const to =
    expect.backend ??
    (expect.backends ? Object.keys(expect.backends).join(' + ') : undefined) ??
    (expect.location ? `${expect.status ?? 302} ${expect.location}` : undefined) ??
    expect.grpcStatus ??
    (expect.status !== undefined ? String(expect.status) : expect.outcome);
  return `${describeRequest(req)} → ${to ?? 'anything'}`;
}

// ---------- YAML (the same file `gateway-sim test --cases` reads) ----------

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Parses a cases file (or a single case, or a list of cases). Throws with a readable message. */
export function parseCases(text: string): TestCase[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new Error(`Not valid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const list =
    isObj(doc) && Array.isArray(doc.cases) ? doc.cases : Array.isArray(doc) ? doc : isObj(doc) ? [doc] : null;
  if (!list) throw new Error('Expected a mapping with a `cases:` list.');
  return list.map((c, i) => parseCase(c, i));
}

function parseCase(c: unknown, i: number): TestCase {
  const where = `case ${i + 1}`;
  if (!isObj(c)) throw new Error(`${where}: expected a mapping with name, request and expect.`);
  const name = typeof c.name === 'string' && c.name.trim() !== '' ? c.name : `case ${i + 1}`;
  if (!isObj(c.request)) throw new Error(`${where} (${name}): \`request\` must be a mapping.`);
  if (c.expect !== undefined && !isObj(c.expect)) throw new Error(`${where} (${name}): \`expect\` must be a mapping.`);
  const known = new Set([
    'outcome',
    'backends',
    'backend',
    'status',
    'grpcStatus',
    'location',
    'route',
    'rule',
    'match',
    'listener',
    'path',
    'host',
    'headers',
    'headersAbsent',
    'responseHeaders',
  ]);
  const expect = (c.expect ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(expect)) {
    if (!known.has(k)) throw new Error(`${where} (${name}): unknown expectation key \`${k}\`.`);
  }
  return { name, request: c.request as SimRequest, expect: expect as TestExpect };
}

function flowify(item: unknown) {
  if (!isMap(item)) return;
  const req = item.get('request');
  if (isMap(req)) (req as YAMLMap).flow = true;
  const exp = item.get('expect');
  if (isMap(exp)) {
    for (const k of ['backends', 'headers', 'responseHeaders', 'headersAbsent']) {
      const n = exp.get(k);
      if (isMap(n) || isSeq(n)) n.flow = true;
    }
  }
}

/** Serialises cases as the §5 YAML: requests and small maps in flow style, like the contract's example. */
export function stringifyCases(cases: TestCase[]): string {
  const doc = parseDocument(stringify({ cases }));
  const root = doc.contents;
  if (isMap(root)) {
    const list = root.get('cases');
    if (isSeq(list)) for (const item of list.items) flowify(item);
  }
  return doc.toString({ lineWidth: 0 });
}

/** One case as YAML, for editing it in place. */
export function stringifyCase(c: TestCase): string {
  const doc = parseDocument(stringify(c));
  flowify(doc.contents);
  return doc.toString({ lineWidth: 0 });
}
