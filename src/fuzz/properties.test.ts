// Property tests (issue "Hardening"): the engine never throws, is deterministic, keeps every
// diagnostic range inside the text, and splits traffic in shares that sum to 1 — on documents built
// from the model's kinds with random mutations. `npm test` runs FUZZ_RUNS=1000 by default;
// `npm run fuzz` runs 100,000.

import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { analyze, type SimRequest, simulate } from '../engine/index.ts';
import { decodeScenario, encodeScenario, makeScenario } from '../engine/share/index.ts';
import type { Scenario } from '../engine/types.ts';
import { HOSTILE_STRINGS, SEED } from './corpus.ts';
import { generateDocs } from './schema-gen.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/** Per-test timeout: 100,000 runs on a loaded 2-core machine take far longer than 1,000. */
const TIMEOUT = Math.max(600_000, RUNS * 100);
/** FUZZ_PROGRESS=FILE appends a line per 1,000 cases, so a long `npm run fuzz` shows how far it got. */
const PROGRESS = process.env.FUZZ_PROGRESS;
const counts = new Map<string, number>();
function tick(name: string) {
  const n = (counts.get(name) ?? 0) + 1;
  counts.set(name, n);
  if (PROGRESS && n % 1000 === 0) appendFileSync(PROGRESS, `${new Date().toISOString()} ${name} ${n}\n`);
}
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

const seedManifestArb = fc
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

/**
 * Documents built from the model's schema (every served kind × version, both channels' shapes), with
 * random mutations on top, next to a few seed documents so that references resolve.
 */
const schemaManifestArb = fc
  .record({
    seed: fc.integer(),
    count: fc.integer({ min: 1, max: 8 }),
    channel: fc.constantFrom<'standard' | 'experimental'>('standard', 'experimental'),
    base: fc.subarray(
      seedDocs.map((_, i) => i),
      { maxLength: 4 },
    ),
    mutations: fc.array(fc.tuple(fc.nat(), mutation), { maxLength: 6 }),
  })
  .map(({ seed, count, channel, base, mutations }) => {
    const values: unknown[] = [...base.map((i) => seedDocs[i]), ...generateDocs(seed, channel, count)];
    for (const [which, m] of mutations) {
      const i = which % values.length;
      values[i] = mutate(values[i], m);
    }
    return values.map((v) => stringify(v ?? null)).join('---\n');
  });

const manifestArb = fc.oneof(seedManifestArb, schemaManifestArb);

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
  it(
    'analyze never throws, is deterministic, and keeps ranges inside the text',
    () => {
      fc.assert(
        fc.property(
          manifestArb,
          fc.constantFrom<'standard' | 'experimental'>('standard', 'experimental'),
          (text, channel) => {
            tick('analyze');
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
    },
    TIMEOUT,
  );

  it(
    'simulate never throws, is deterministic, and shares sum to 1',
    () => {
      fc.assert(
        fc.property(manifestArb, requestArb, fc.boolean(), (text, request, explain) => {
          tick('simulate');
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
    },
    TIMEOUT,
  );

  it(
    'documents built from every served schema analyse cleanly enough: no throw, ranges inside',
    () => {
      fc.assert(
        fc.property(
          fc.integer(),
          fc.constantFrom<'standard' | 'experimental'>('standard', 'experimental'),
          (seed, channel) => {
            tick('schema');
            const text = generateDocs(seed, channel, 6)
              .map((v) => stringify(v))
              .join('---\n');
            const a = analyze(text, { channel });
            for (const d of a.diagnostics) {
              if (!d.range) continue;
              expect(d.range.end).toBeLessThanOrEqual(text.length);
              expect(d.range.start).toBeLessThanOrEqual(d.range.end);
            }
            // Unmutated documents come from the schema: they parse (no YAML errors of ours).
            expect(a.diagnostics.filter((d) => d.code.startsWith('yaml'))).toEqual([]);
          },
        ),
        { numRuns: Math.max(50, Math.floor(RUNS / 4)) },
      );
    },
    TIMEOUT,
  );
});

const settingsArb = fc.record(
  {
    channel: fc.constantFrom<'standard' | 'experimental'>('standard', 'experimental'),
    features: fc.array(fc.constantFrom('Gateway', 'HTTPRoute', 'HTTPRouteQueryParamMatching', 'GRPCRoute'), {
      maxLength: 3,
    }),
    controllerName: fc.constantFrom('example.com/controller', 'a/b'),
    decisions: fc.record(
      { hostnamePrecedence: fc.constantFrom<'rank' | 'partition'>('rank', 'partition') },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    manifests: fc.oneof(manifestArb, fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 })),
    requests: fc.array(
      fc.record({ name: fc.string({ maxLength: 20 }), request: requestArb }, { requiredKeys: ['request'] }),
      {
        maxLength: 3,
      },
    ),
    tests: fc.array(
      fc.record({
        name: fc.string({ minLength: 1, maxLength: 20 }),
        request: requestArb,
        expect: fc.record(
          {
            outcome: fc.constantFrom('forward', 'not-found', 'redirect'),
            status: fc.constantFrom(200, 302, 404),
            backends: fc.dictionary(fc.constantFrom('default/a', 'default/b'), fc.constantFrom(0.5, 1, 0.25)),
            path: fc.constantFrom('/', '/v2'),
          },
          { requiredKeys: [] },
        ),
      }),
      { maxLength: 3 },
    ),
    settings: settingsArb,
  })
  .map((p) => makeScenario(p as Partial<Scenario> & { manifests: string }));

describe('share codec properties', () => {
  it(
    'round-trips every generated scenario exactly',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          tick('share');
          const link = encodeScenario(s);
          expect(link.startsWith('s1.')).toBe(true);
          const back = decodeScenario(`https://example.org/app/#${link}`);
          if (!back.ok) throw new Error(back.error);
          expect(back.warnings).toEqual([]);
          expect(back.scenario).toEqual(s);
          expect(back.scenario.manifests).toBe(s.manifests);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
