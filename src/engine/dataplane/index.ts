// The data plane: request → gateway/listener → candidate routes → precedence → filters → weighted split
// → Trace (contracts.md §1–§3; semantics reference §6–§8, §11). Pure: no clock, no Math.random.

import type { Analysis } from '../analysis.ts';
import type { SimRequest, Trace } from '../types.ts';
import { simulate } from './simulate.ts';
import { prng } from './split.ts';

export { SD } from './decisions.ts';
export type { SimulateOptions } from './simulate.ts';
export { simulate };

/** The key one simulated request counts under: the backend `ns/name` it reaches, else the outcome. */
export function outcomeKey(t: Trace, backendIndex?: number): string {
  if (t.outcome.kind === 'forward') {
    const b = backendIndex !== undefined ? t.backends[backendIndex] : undefined;
    if (b) return `${b.namespace}/${b.name}`;
    if (t.route) return `${t.route.namespace}/${t.route.name}`;
  }
  let k: string = t.outcome.kind;
  if (t.outcome.status !== undefined) k += ` ${t.outcome.status}`;
  if (t.outcome.grpcStatus) k += ` ${t.outcome.grpcStatus}`;
  return k;
}

/**
 * `n` requests sampled with a PRNG seeded by `seed` (deterministic): counts per backend `ns/name`, or per
 * outcome (`not-found 404`, `error 500`, `redirect 302`, `rejected`, …) for requests that reach none.
 */
export function simulateMany(analysis: Analysis, request: SimRequest, n: number, seed: number): Record<string, number> {
  const out: Record<string, number> = {};
  const count = Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
  if (count === 0) return out;
  const base = simulate(analysis, request, { explain: false });
  const shares = base.backends.map((b) => b.share);
  const total = shares.reduce((a, b) => a + b, 0);
  if (!base.backends.length || total <= 0) {
    out[outcomeKey(base)] = count;
    return out;
  }
  // The outcome depends only on the backend the sample picks: simulate once per backend.
  const keys: string[] = [];
  let acc = 0;
  for (let i = 0; i < shares.length; i++) {
    const s = shares[i]!;
    if (s <= 0) {
      keys.push('');
      continue;
    }
    const mid = Math.min(acc + s / 2, 1 - Number.EPSILON);
    acc += s;
    keys.push(outcomeKey(simulate(analysis, request, { explain: false, sample: mid }), i));
  }
  const rand = prng(seed);
  for (let j = 0; j < count; j++) {
    const u = rand() * total;
    let a = 0;
    let idx = -1;
    for (let i = 0; i < shares.length; i++) {
      if (shares[i]! <= 0) continue;
      idx = i;
      a += shares[i]!;
      if (u < a) break;
    }
    const k = keys[idx]!;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

export {
  actualShares,
  type CaseResult,
  EXPECT_KEYS,
  evaluateCase,
  expectationFromTrace,
  formatMismatches,
  type Mismatch,
  runCases,
  SHARE_TOLERANCE,
} from './testcases.ts';
export { parseCases, stringifyCase, stringifyCases } from './testcases-yaml.ts';
