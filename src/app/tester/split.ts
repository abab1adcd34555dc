// Rows of the weighted-split chart: each backendRef with its share and, after "Simulate 1,000
// requests", the observed count from the seeded sampler. Pure.

import type { Trace, TraceBackend } from '../../engine/index.ts';

export interface SplitRow {
  b: TraceBackend;
  /** `ns/name`, the key the sampler counts a backend under. */
  key: string;
  /** Observed count; undefined before sampling, or for a repeated backend (counted on its first row). */
  observed?: number;
}

/**
 * Attributes sampled counts to rows. Counts are keyed by backend `ns/name`; samples that reach no
 * backend (an invalid backendRef's share) count under the outcome (`error 500`, `rejected`, …). With a
 * single invalid backend that gets traffic and a single such outcome, that count is the backend's;
 * otherwise those outcomes are listed on their own (`others`).
 */
export function splitRows(
  trace: Trace,
  counts?: Record<string, number>,
): { rows: SplitRow[]; others: [string, number][] } {
  const seen = new Set<string>();
  const observedOf = (key: string): number | undefined => {
    if (!counts || seen.has(key)) return undefined;
    seen.add(key);
    return counts[key] ?? 0;
  };
  const rows: SplitRow[] = trace.backends.map((b) => {
    const key = `${b.namespace}/${b.name}`;
    const observed = b.valid || (counts && key in counts) ? observedOf(key) : undefined;
    return observed === undefined ? { b, key } : { b, key, observed };
  });
  const counted = new Set(rows.filter((r) => r.observed !== undefined).map((r) => r.key));
  let others: [string, number][] = counts ? Object.entries(counts).filter(([k]) => !counted.has(k)) : [];
  const failing = rows.filter((r) => !r.b.valid && r.b.share > 0 && r.observed === undefined);
  if (counts && failing.length === 1 && others.length <= 1) {
    (failing[0] as SplitRow).observed = others[0]?.[1] ?? 0;
    others = [];
  }
  return { rows, others };
}
