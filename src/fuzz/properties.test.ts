// Property tests (issue "Hardening"): the engine never throws, is deterministic, keeps every
// diagnostic range inside the text, and splits traffic in shares that sum to 1 — on documents built
// from the model's kinds with random mutations. `npm test` runs FUZZ_RUNS=1000 by default;
// `npm run fuzz` runs 100,000.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { analyze, type SimRequest, simulate } from '../engine/index.ts';
import { HOSTILE_STRINGS, SEED } from './corpus.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const seedDocs = parseAllDocuments(SEED).map((d) => d.toJS() as unknown);

type Mutation = { path: number[]; op: number; pick: number };

/** Applies one mutation at a pseudo-random place of a JSON-like value (pure: returns a new value). */
function mutate(value: unknown, m: Mutation, depth = 0): unknown {
  const replacement = (): unknown => {
    switch (m.op % 9) {
      case 0:
        return undefined; // delete
      case 1:
        return null;
      case 2:
        return HOSTILE_STRINGS[m.pick % HOSTILE_STRINGS.length];
      case 3:
        return [0, -1, 65536, 1_000_000, 1_000_001, 1.5, Number.MAX_SAFE_INTEGER][m.pick % 7];
      case 4:
        return [value];
      case 5:
        return { value };
      case 6:
        return typeof value === 'string' ? value.toUpperCase() : String(value);
      case 7:
        return Array.isArray(value) ? [...value, ...value] : true;
      default:
        return {};
    }
  };
  const step = m.path[depth];
  if (step === undefined || value === null || typeof value !== 'object') return replacement();
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement();
    const i = step % value.length;
    const copy = [...value];
    const next = mutate(copy[i], m, depth + 1);
    if (next === undefined) copy.splice(i, 1);
    else copy[i] = next;
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement();
  const k = keys[step % keys.length] as string;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const next = mutate(copy[k], m, depth + 1);
  if (next === undefined) delete copy[k];
  else copy[k] = next;
  return copy;
}

const mutation = fc.record({
  path: fc.array(fc.nat(50), { minLength: 0, maxLength: 8 }),
  op: fc.nat(),
  pick: fc.nat(),
});

const manifestArb = fc
  .record({
    docs: fc.subarray(
      seedDocs.map((_, i) => i),
      { minLength: 1 },
    ),
    mutations: fc.array(fc.tuple(fc.nat(), mutation), { maxLength: 6 }),
  })
  .map(({ docs, mutations }) => {
    const values = docs.map((i) => seedDocs[i]);
    for (const [which, m] of mutations) {
      const i = which % values.length;
      values[i] = mutate(values[i], m);
    }
    return values.map((v) => stringify(v ?? null)).join('---\n');
  });

const requestArb: fc.Arbitrary<SimRequest> = fc.record(
  {
    protocol: fc.constantFrom('HTTP', 'HTTPS', 'GRPC', 'TLS', 'TCP', 'UDP'),
    port: fc.constantFrom(80, 443, 8080, 8443, 9000, 5353, 1),
    host: fc.constantFrom(
      'www.example.com',
      'a.example.com',
      'grpc.example.com',
      'secure.example.com',
      'EXTRA.example.com.',
      '10.0.0.1',
      '',
    ),
    path: fc.constantFrom('/', '/v2', '/v2/x', '/api/abc', '/old', '//x', '/a/../b', '/%2F', '/?q=x'),
    method: fc.constantFrom('GET', 'POST', 'OPTIONS', 'PATCH'),
    headers: fc.dictionary(
      fc.constantFrom('version', 'x', 'origin', 'Access-Control-Request-Method', 'bad name'),
      fc.constantFrom('2', 'y', 'https://a.example.com', 'GET', 'v\r\nx: y'),
    ),
    grpc: fc.record({ service: fc.constantFrom('pkg.Svc', 'x'), method: fc.constantFrom('Get', 'Put') }),
  },
  { requiredKeys: [] },
);

describe('engine properties', () => {
  it('analyze never throws, is deterministic, and keeps ranges inside the text', () => {
    fc.assert(
      fc.property(
        manifestArb,
        fc.constantFrom<'standard' | 'experimental'>('standard', 'experimental'),
        (text, channel) => {
          const a = analyze(text, { channel });
          const b = analyze(text, { channel });
          expect(JSON.stringify(b.diagnostics)).toBe(JSON.stringify(a.diagnostics));
          expect(JSON.stringify(b.status)).toBe(JSON.stringify(a.status));
          for (const d of a.diagnostics) {
            if (!d.range) continue;
            expect(d.range.start).toBeGreaterThanOrEqual(0);
            expect(d.range.end).toBeLessThanOrEqual(text.length);
            expect(d.range.start).toBeLessThanOrEqual(d.range.end);
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('simulate never throws, is deterministic, and shares sum to 1', () => {
    fc.assert(
      fc.property(manifestArb, requestArb, fc.boolean(), (text, request, explain) => {
        const a = analyze(text, { channel: 'experimental' });
        const t = simulate(a, request, { explain });
        expect(JSON.stringify(simulate(a, request, { explain }))).toBe(JSON.stringify(t));
        if (t.backends.length > 0 && t.outcome.kind !== 'error') {
          const sum = t.backends.reduce((s, x) => s + x.share, 0);
          expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: Math.max(50, Math.floor(RUNS / 2)) },
    );
  }, 600_000);
});
