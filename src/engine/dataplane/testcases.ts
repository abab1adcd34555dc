// Test cases (contracts.md §5): parse the cases YAML, evaluate expectations against a Trace (shares
// ±0.005), and describe the differences. Pure: shared by `gateway-sim test` and the page's test panel.

import { isMap, isSeq, parse, parseDocument, stringify, type YAMLMap } from 'yaml';
import type { Analysis } from '../analysis.ts';
import { LIMITS } from '../limits.ts';
import { flowDepth } from '../manifest/parse.ts';
import type { SimRequest, TestCase, TestExpect, Trace } from '../types.ts';
import { simulate } from './simulate.ts';

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
  /** The trace could not be computed. */
  error?: string;
}

export const EXPECT_KEYS: readonly (keyof TestExpect)[] = [
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
];

const nsName = (x: { namespace: string; name: string }) => `${x.namespace}/${x.name}`;
const round = (x: number) => Math.round(x * 10000) / 10000;

/** The backends of a trace as `ns/name → share` (shares of repeated refs summed). */
export function actualShares(trace: Trace): Record<string, number> {
  const out: Record<string, number> = {};
  if (trace.outcome.kind !== 'forward' && trace.outcome.kind !== 'error' && trace.outcome.kind !== 'rejected')
    return out;
  for (const b of trace.backends) out[nsName(b)] = (out[nsName(b)] ?? 0) + b.share;
  return out;
}

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
      const e = Number(backends[k] ?? 0);
      const a = actual[k] ?? 0;
      if (!(Math.abs(e - a) <= SHARE_TOLERANCE))
        mm.push({ key: `backends.${k}`, expected: k in backends ? e : null, actual: k in actual ? round(a) : null });
    }
  }
  eq('path', expect.path, trace.forwarded?.path);
  eq('host', expect.host, trace.forwarded?.host);
  for (const [k, v] of Object.entries(expect.headers ?? {}))
    eq(`headers.${k.toLowerCase()}`, String(v), trace.forwarded?.headers[k.toLowerCase()]);
  for (const k of expect.headersAbsent ?? []) {
    const a = trace.forwarded?.headers[k.toLowerCase()];
    if (a !== undefined) mm.push({ key: `headersAbsent.${k.toLowerCase()}`, expected: '(absent)', actual: a });
  }
  for (const [k, v] of Object.entries(expect.responseHeaders ?? {}))
    eq(`responseHeaders.${k.toLowerCase()}`, String(v), trace.responseHeaders[k.toLowerCase()]);
  return { pass: mm.length === 0, mismatches: mm };
}

/** Runs every case against an analysis (explain off: only the decision matters). */
export function runCases(
  analysis: Analysis,
  cases: TestCase[],
): { case: TestCase; result: CaseResult; trace: Trace }[] {
  return cases.map((c) => {
    const trace = simulate(analysis, c.request, { explain: false });
    return { case: c, trace, result: evaluateCase(trace, c.expect) };
  });
}

const show = (v: unknown) => (v === null || v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));

/** `key: expected X, got Y` for each mismatch, joined by `; `. */
export function formatMismatches(mm: Mismatch[]): string {
  return mm.map((m) => `${m.key}: expected ${show(m.expected)}, got ${show(m.actual)}`).join('; ');
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
    const live = Object.entries(actualShares(trace)).filter(([, s]) => s > 0);
    if (live.length === 1 && Math.abs(live[0]![1] - 1) < 1e-9) e.backend = live[0]![0];
    else e.backends = Object.fromEntries(live.map(([k, s]) => [k, round(s)]));
    const f = trace.forwarded;
    if (f) {
      if (trace.request.path !== undefined && f.path !== trace.request.path) e.path = f.path;
      const reqHost = trace.request.host?.toLowerCase();
      if (reqHost !== undefined && f.host.toLowerCase() !== reqHost) e.host = f.host;
      const sent = new Map<string, string>();
      const h = trace.request.headers;
      for (const [k, v] of Array.isArray(h) ? h : Object.entries(h ?? {})) sent.set(String(k).toLowerCase(), String(v));
      const changed = Object.entries(f.headers).filter(([k, v]) => sent.get(k) !== v);
      if (changed.length > 0 && trace.filters.length > 0) e.headers = Object.fromEntries(changed);
      const removed = [...sent.keys()].filter((k) => !(k in f.headers));
      if (removed.length > 0) e.headersAbsent = removed;
    }
  }
  if (Object.keys(trace.responseHeaders).length > 0) e.responseHeaders = { ...trace.responseHeaders };
  return e;
}

// ---------- YAML ----------

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Parses a cases file (a `cases:` list, a bare list, or one case). Throws with a readable message. */
export function parseCases(text: string): TestCase[] {
  let doc: unknown;
  // Hostile depth is refused before the (recursive) parser sees it.
  if (flowDepth(text) > LIMITS.maxNestingDepth)
    throw new Error(`Not valid YAML: it nests more than ${LIMITS.maxNestingDepth} levels deep.`);
  try {
    doc = parse(text);
  } catch (e) {
    throw new Error(`Not valid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const list =
    isObj(doc) && Array.isArray(doc.cases)
      ? doc.cases
      : Array.isArray(doc)
        ? doc
        : isObj(doc) && isObj(doc.request)
          ? [doc]
          : null;
  if (!list) throw new Error('Expected a mapping with a `cases:` list.');
  return list.map((c, i) => parseCase(c, i));
}

const KNOWN = new Set<string>(EXPECT_KEYS);

function parseCase(c: unknown, i: number): TestCase {
  const where = `case ${i + 1}`;
  if (!isObj(c)) throw new Error(`${where}: expected a mapping with name, request and expect.`);
  const name = typeof c.name === 'string' && c.name.trim() !== '' ? c.name : `case ${i + 1}`;
  if (!isObj(c.request)) throw new Error(`${where} (${name}): \`request\` must be a mapping.`);
  if (c.expect !== undefined && !isObj(c.expect)) throw new Error(`${where} (${name}): \`expect\` must be a mapping.`);
  const expect = (c.expect ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(expect))
    if (!KNOWN.has(k))
      throw new Error(`${where} (${name}): unknown expectation key \`${k}\` (known: ${EXPECT_KEYS.join(', ')}).`);
  const num = (k: string) => {
    if (expect[k] !== undefined && typeof expect[k] !== 'number')
      throw new Error(`${where} (${name}): \`${k}\` must be a number.`);
  };
  num('status');
  num('rule');
  num('match');
  if (expect.backends !== undefined) {
    if (!isObj(expect.backends)) throw new Error(`${where} (${name}): \`backends\` must map ns/name to a share.`);
    for (const [k, v] of Object.entries(expect.backends))
      if (typeof v !== 'number') throw new Error(`${where} (${name}): share of ${k} must be a number.`);
  }
  return { name, request: c.request as SimRequest, expect: expect as TestExpect };
}

function flowify(item: unknown) {
  if (!isMap(item)) return;
  const req = item.get('request');
  if (isMap(req)) (req as YAMLMap).flow = true;
  const exp = item.get('expect');
  if (isMap(exp))
    for (const k of ['backends', 'headers', 'responseHeaders', 'headersAbsent']) {
      const n = exp.get(k);
      if (isMap(n) || isSeq(n)) n.flow = true;
    }
}

/** Serialises cases as the §5 YAML: requests and small maps in flow style. */
export function stringifyCases(cases: TestCase[]): string {
  const doc = parseDocument(stringify({ cases }));
  const root = doc.contents;
  if (isMap(root)) {
    const list = root.get('cases');
    if (isSeq(list)) for (const item of list.items) flowify(item);
  }
  return doc.toString({ lineWidth: 0 });
}
