// Every status assertion of ../shared/conformance/cases.json for tests marked `static: true`, state by
// state (steps applied cumulatively), with the assert semantics of conformance/README.md (upstream
// conformance/utils/kubernetes/helpers.go): conditions are a subset check on type + status + reason
// (null = any); listener counts are exact; supportedKinds are a containment check.

import { afterAll, describe, expect, it } from 'vitest';
import { type ConformanceTest, caseOptions, caseSkipReason, caseSteps, loadCases } from '../../conformance/cases.ts';
import { hasConformance, SKIP_MESSAGE } from '../../conformance/shared.ts';
import { checkAssertion } from '../../conformance/status-assert.ts';
import { analyze } from '../analysis.ts';

interface Tally {
  passed: number;
  total: number;
}
const byAssert = new Map<string, Tally>();
const byKind = new Map<string, Tally>();
const failures: string[] = [];
const count = (m: Map<string, Tally>, k: string, ok: boolean) => {
  let t = m.get(k);
  if (!t) {
    t = { passed: 0, total: 0 };
    m.set(k, t);
  }
  t.total++;
  if (ok) t.passed++;
};

/** Kind of a test by its name (README "kind (by test name)"). */
function testKind(t: ConformanceTest): string {
  for (const k of [
    'HTTPRoute',
    'GRPC',
    'TLSRoute',
    'TCPRoute',
    'UDPRoute',
    'GatewayClass',
    'Gateway',
    'ListenerSet',
    'BackendTLSPolicy',
  ])
    if (t.name.startsWith(k)) return k === 'GRPC' ? 'GRPCRoute' : k;
  return 'other';
}

const minimalTally = { passed: 0, total: 0 };

describe.skipIf(!hasConformance)('conformance status (static tests)', () => {
  const tests = hasConformance ? loadCases().tests.filter((t) => t.static) : [];
  for (const t of tests) {
    it(t.name, () => {
      const skip = caseSkipReason(t);
      expect(skip, `test would be skipped: ${skip}`).toBeUndefined();
      const errors: string[] = [];
      for (const step of caseSteps(t)) {
        if (!step.status.length) continue;
        const analysis = analyze(step.files, caseOptions(t));
        for (const a of step.status) {
          if (a.assert === 'statusAddresses') continue; // runtime-only (README)
          const v = checkAssertion(analysis.status, a);
          count(byAssert, a.assert, v.ok);
          count(byKind, testKind(t), v.ok);
          if (!v.ok) {
            const msg = `${t.name}[${step.index}] ${a.assert} ${a.kind} ${a.namespace ?? ''}/${a.name}: ${v.why}`;
            errors.push(msg);
            failures.push(msg);
          }
        }
        // Again with only the features the test lists (an implementation claiming nothing more).
        const minimal = analyze(step.files, caseOptions(t, {}, 'minimal'));
        for (const a of step.status) {
          if (a.assert === 'statusAddresses') continue;
          const v = checkAssertion(minimal.status, a);
          minimalTally.total++;
          if (v.ok) minimalTally.passed++;
          else
            errors.push(
              `[minimal features] ${t.name}[${step.index}] ${a.assert} ${a.kind} ${a.namespace ?? ''}/${a.name}: ${v.why}`,
            );
        }
      }
      expect(errors).toEqual([]);
    });
  }
  // The suite's own setup assertions (GatewayClass Accepted, base Gateways Accepted + Programmed), on the
  // state every test starts from.
  it('suite setup', () => {
    const t = tests[0]!;
    const first = caseSteps({ ...t, manifests: loadCases().setup.manifests, steps: [] })[0]!;
    const analysis = analyze(first.files, caseOptions(t));
    const errors: string[] = [];
    for (const a of loadCases().setup.status) {
      const v = checkAssertion(analysis.status, a);
      count(byAssert, a.assert, v.ok);
      count(byKind, `setup:${a.kind}`, v.ok);
      if (!v.ok) errors.push(`setup ${a.assert} ${a.kind} ${a.namespace ?? ''}/${a.name}: ${v.why}`);
    }
    expect(errors).toEqual([]);
  });

  // Tests marked static: false need runtime behaviour for some of their checks; their status assertions
  // are run for information only (never failing this suite) and reported on their own line.
  const info = { passed: 0, total: 0, failed: [] as string[] };
  it('non-static tests (informational)', () => {
    for (const t of hasConformance ? loadCases().tests.filter((x) => !x.static) : []) {
      for (const step of caseSteps(t)) {
        if (!step.status.length) continue;
        const analysis = analyze(step.files, caseOptions(t));
        for (const a of step.status) {
          if (a.assert === 'statusAddresses') continue;
          const v = checkAssertion(analysis.status, a);
          info.total++;
          if (v.ok) info.passed++;
          else info.failed.push(`${t.name}[${step.index}] ${a.assert}: ${v.why}`);
        }
      }
    }
  });

  afterAll(() => {
    const line = (m: Map<string, Tally>) => [...m.entries()].map(([k, t]) => `${k} ${t.passed}/${t.total}`).join(', ');
    const all = [...byAssert.values()].reduce((a, t) => ({ passed: a.passed + t.passed, total: a.total + t.total }), {
      passed: 0,
      total: 0,
    });
    console.log(
      `conformance status: ${all.passed}/${all.total} assertions passed (static tests + suite setup)\n  by assert: ${line(byAssert)}\n  by kind: ${line(byKind)}\n  same with only each test's own features: ${minimalTally.passed}/${minimalTally.total}\n  non-static tests (informational): ${info.passed}/${info.total}${info.failed.length ? `; not passing: ${info.failed.join(' | ')}` : ''}`,
    );
  });
});

describe.skipIf(hasConformance)('conformance status (no data)', () => {
  it.skip(SKIP_MESSAGE, () => {});
});
