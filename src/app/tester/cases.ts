// Test cases in the page (contracts.md §5): what the test panel uses.
//
// The test-case logic (evaluate an expectation against a Trace with share tolerance ±0.005, the current
// outcome as an expectation; read and write the cases YAML) is the data plane's
// (src/engine/dataplane/testcases.ts and testcases-yaml.ts), which `gateway-sim test` uses too, so that
// the page and the CLI never disagree. This module adds only what the page needs on top: default names,
// and the YAML half loaded on first use (it brings the `yaml` library, which the first paint does not need).

import type { SimRequest, TestExpect } from '../../engine/index.ts';
import { describeRequest } from './form.ts';

export type { CaseResult, Mismatch } from '../../engine/dataplane/testcases.ts';
export {
  actualShares,
  EXPECT_KEYS,
  evaluateCase,
  expectationFromTrace,
  formatMismatches,
  SHARE_TOLERANCE,
} from '../../engine/dataplane/testcases.ts';

export type CasesYaml = typeof import('../../engine/dataplane/testcases-yaml.ts');
let casesYaml: Promise<CasesYaml> | null = null;

/** The cases YAML functions (parseCases, stringifyCases, stringifyCase), loaded once. */
export function loadCasesYaml(): Promise<CasesYaml> {
  casesYaml ??= import('../../engine/dataplane/testcases-yaml.ts').catch((e: unknown) => {
    casesYaml = null; // A failed load (offline before it was cached) is retried next time.
    throw e;
  });
  return casesYaml;
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
