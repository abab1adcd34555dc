// Every built-in example must be correct workshop material: YAML that parses, manifests that analyse
// with no error the example is not about, and test cases whose spec-derived expectations hold.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { evaluateCase, formatMismatches } from '../../engine/dataplane/testcases.ts';
import { analyze, simulate } from '../../engine/index.ts';
import { decodeScenario, encodeScenario, makeScenario } from '../../engine/share/index.ts';
import { EXAMPLES } from './index.ts';

const engineDir = fileURLToPath(new URL('../../engine/', import.meta.url));
/** All engine source text: a diagnostic code the engine never mentions is one it cannot emit yet. */
const engineSource = (function read(dir: string): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((e) =>
      e.isDirectory()
        ? read(join(dir, e.name))
        : e.name.endsWith('.ts') && !e.name.includes('.test.')
          ? readFileSync(join(dir, e.name), 'utf8')
          : '',
    )
    .join('\n');
})(engineDir);
const engineKnows = (code: string) => engineSource.includes(`'${code}'`) || engineSource.includes(`"${code}"`);

describe('built-in examples', () => {
  it('cover the workshop topics, with unique ids, and load basic first', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(21);
    expect(EXAMPLES[0]!.id).toBe('basic');
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
    for (const ex of EXAMPLES) {
      expect(ex.title.length, ex.id).toBeGreaterThan(5);
      expect(ex.explanation.length, ex.id).toBeGreaterThan(200);
      expect(ex.requests.length, ex.id).toBeGreaterThan(0);
    }
  });

  for (const ex of EXAMPLES) {
    describe(ex.id, () => {
      it('is valid YAML', () => {
        const docs = parseAllDocuments(ex.manifests);
        const errors = (Array.isArray(docs) ? docs : [docs]).flatMap((d) => d.errors.map((e) => e.message));
        expect(errors).toEqual([]);
      });

      const analysis = analyze(ex.manifests, ex.settings ?? {});

      it('analyses with no error it is not about', () => {
        const expected = new Set(ex.expectDiagnostics ?? []);
        const unexpected = analysis.diagnostics
          .filter((d) => d.severity === 'error' && !expected.has(d.code))
          .map((d) => `${d.line}:${d.column} [${d.code}] ${d.message}`);
        expect(unexpected).toEqual([]);
      });

      it('shows the diagnostics it is about (once the engine knows them)', () => {
        const seen = new Set(analysis.diagnostics.map((d) => d.code));
        const missing = (ex.expectDiagnostics ?? []).filter((c) => engineKnows(c) && !seen.has(c));
        expect(missing).toEqual([]);
      });

      it('meets its test cases (expectations from the semantics reference)', () => {
        const failures: string[] = [];
        for (const t of ex.tests) {
          const trace = simulate(analysis, t.request, { explain: false });
          // Until the data plane answers, there is nothing to compare.
          if (/not implemented/i.test(trace.outcome.reason)) return;
          const r = evaluateCase(trace, t.expect);
          if (!r.pass) failures.push(`${t.name}: ${formatMismatches(r.mismatches)}`);
        }
        expect(failures).toEqual([]);
      });

      it('round-trips through a share link', () => {
        const s = makeScenario({
          manifests: ex.manifests,
          requests: ex.requests,
          tests: ex.tests,
          settings: ex.settings ?? {},
        });
        const r = decodeScenario(encodeScenario(s));
        expect(r.ok && r.scenario).toEqual(s);
      });
    });
  }

  it('the Experimental example is accepted once the channel is Experimental', () => {
    const ex = EXAMPLES.find((e) => e.id === 'experimental-under-standard')!;
    const a = analyze(ex.manifests, { channel: 'experimental' });
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const trace = simulate(a, ex.requests[0]!.request, { explain: false });
    if (!/not implemented/i.test(trace.outcome.reason)) expect(trace.outcome.kind).toBe('forward');
  });
});
