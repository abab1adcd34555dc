// simulate (explain: false) per request over a mix of matching and non-matching requests, at 100 and
// 10,000 HTTPRoutes (issue targets: ≤ 20 µs median at 10,000 routes and ≤ 3× the 100-route figure).
// Runs only with GWSIM_PERF=1 (analysing 10,000 routes takes tens of seconds), and then asserts the targets.

import { describe, expect, it } from 'vitest';
import { generateManifests, generateRequests } from '../../../bench/generate.ts';
import { analyze } from '../index.ts';
import { simulate } from './simulate.ts';

function measure(routes: number) {
  const s = generateManifests(routes);
  const t0 = performance.now();
  const a = analyze(s.text);
  const analyzeMs = performance.now() - t0;
  const reqs = generateRequests(s, 2000);
  const t1 = performance.now();
  for (const r of reqs) simulate(a, r, { explain: false }); // compiles the tables once, warms up
  const firstPassMs = performance.now() - t1;
  const samples: number[] = [];
  for (let round = 0; round < 5; round++)
    for (const r of reqs) {
      const t = performance.now();
      simulate(a, r, { explain: false });
      samples.push((performance.now() - t) * 1000);
    }
  samples.sort((x, y) => x - y);
  // CPU time per request (mean over batches): far less sensitive to other processes than wall time.
  const c0 = process.cpuUsage();
  for (let round = 0; round < 5; round++) for (const r of reqs) simulate(a, r, { explain: false });
  const cu = process.cpuUsage(c0);
  const meanUs = (cu.user + cu.system) / (5 * reqs.length);
  const outcomes: Record<string, number> = {};
  for (const r of reqs) {
    const k = simulate(a, r, { explain: false }).outcome.kind;
    outcomes[k] = (outcomes[k] ?? 0) + 1;
  }
  return {
    median: samples[samples.length >> 1]!,
    p99: samples[Math.floor(samples.length * 0.99)]!,
    meanUs,
    analyzeMs,
    firstPassMs,
    outcomes,
  };
}

describe.skipIf(process.env.GWSIM_PERF !== '1')('simulate performance', () => {
  it('100 vs 10,000 HTTPRoutes', () => {
    const small = measure(100);
    const big = measure(10_000);
    const f = (x: number) => x.toFixed(2);
    console.log(
      `simulate (explain: false): 100 routes median ${f(small.median)} µs (CPU mean ${f(small.meanUs)}, p99 ${f(small.p99)}); 10,000 routes median ${f(big.median)} µs (CPU mean ${f(big.meanUs)}, p99 ${f(big.p99)}); ratio ${f(big.median / small.median)}; analyze 10k ${big.analyzeMs.toFixed(0)} ms, first pass (compile) ${big.firstPassMs.toFixed(0)} ms; outcomes ${JSON.stringify(big.outcomes)}`,
    );
    expect(big.outcomes.forward ?? 0).toBeGreaterThan(0);
    expect(big.median).toBeLessThanOrEqual(20);
    expect(big.median).toBeLessThanOrEqual(3 * Math.max(small.median, 1));
  }, 300_000);
});
