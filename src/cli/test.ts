// `gateway-sim test FILE... --cases CASES.yaml` (contracts.md §4–§5): like Envoy's route table check
// tool. One line per failing case with a diff, then `N passed, N failed`; exit 1 on any failure.

import { formatMismatches, runCases } from '../engine/dataplane/testcases.ts';
import { parseCases } from '../engine/dataplane/testcases-yaml.ts';
import { analyze } from '../engine/index.ts';
import { engineOptions, parse, UsageError } from './args.ts';
import { formatDiagnostic, InputError, type Out, readInput, readInputs } from './io.ts';

export const TEST_USAGE = 'gateway-sim test FILE... --cases CASES.yaml [--verbose] [OPTIONS]';

export function runTest(argv: string[], io: Out): number {
  const { values, positionals } = parse(argv, { cases: { type: 'string' }, verbose: { type: 'boolean', short: 'v' } });
  if (typeof values.cases !== 'string') throw new UsageError('--cases CASES.yaml is required');
  const options = engineOptions(values);
  const casesFile = readInput(values.cases);
  let cases: ReturnType<typeof parseCases>;
  try {
    cases = parseCases(casesFile.text);
  } catch (e) {
    throw new InputError(`${values.cases}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const files = readInputs(positionals);
  const analysis = analyze(files, options);
  for (const d of analysis.diagnostics.filter((x) => x.severity === 'error')) io.err(formatDiagnostic(d));
  let passed = 0;
  let failed = 0;
  for (const r of runCases(analysis, cases)) {
    if (r.result.pass) {
      passed++;
      if (values.verbose) io.out(`ok   ${r.case.name}`);
      continue;
    }
    failed++;
    io.out(`FAIL ${r.case.name}: ${formatMismatches(r.result.mismatches)} (${r.trace.outcome.reason})`);
  }
  io.out(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}
