// Test cases (contracts.md §5): evaluate expectations against a Trace (shares ±0.005) and describe the
// differences. Pure: shared by `gateway-sim test` and the page's test panel. Reading and writing the
// cases YAML is testcases-yaml.ts, so that the page can load the YAML library only when it needs it.

import type { Analysis } from '../analysis.ts';
import type { TestCase, TestExpect, Trace } from '../types.ts';
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
