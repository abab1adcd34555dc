// Test cases in the page (contracts.md §5): what the test panel uses.
//
// The test-case logic (parse and serialise the cases YAML, evaluate an expectation against a Trace with
// share tolerance ±0.005, the current outcome as an expectation) is the data plane's
// (src/engine/dataplane/testcases.ts), which `gateway-sim test` uses too, so that the page and the CLI
// never disagree. This module adds only what the page needs on top: default names and one-case YAML.

import { isMap, isSeq, parseDocument, stringify, type YAMLMap } from 'yaml';
import type { SimRequest, TestCase, TestExpect } from '../../engine/index.ts';
import { describeRequest } from './form.ts';

export type { CaseResult, Mismatch } from '../../engine/dataplane/testcases.ts';
export {
  actualShares,
  EXPECT_KEYS,
  evaluateCase,
  expectationFromTrace,
  formatMismatches,
  parseCases,
  SHARE_TOLERANCE,
  stringifyCases,
} from '../../engine/dataplane/testcases.ts';

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

function flowify(item: unknown) {
  if (!isMap(item)) return;
  const req = item.get('request');
  if (isMap(req)) (req as YAMLMap).flow = true;
  const exp = item.get('expect');
  if (isMap(exp)) {
    for (const k of ['backends', 'headers', 'responseHeaders', 'headersAbsent']) {
      const n = exp.get(k);
      if (isMap(n) || isSeq(n)) n.flow = true;
    }
  }
}

/** One case as YAML, for editing it in place. */
export function stringifyCase(c: TestCase): string {
  const doc = parseDocument(stringify(c));
  flowify(doc.contents);
  return doc.toString({ lineWidth: 0 });
}
