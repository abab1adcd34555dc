// `gateway-sim check FILE... [--json] [--status-yaml]`: diagnostics, the status a conformant controller
// would write, and what attached where. Exit 0 = no errors, 1 = errors, 2 = usage or unreadable input.

import { formatStatusYaml, summarizeAttachments } from '../engine/controller/report.ts';
import { analyze } from '../engine/index.ts';
import type { ObjectStatus } from '../engine/types.ts';
import { engineOptions, parse } from './args.ts';
import { formatDiagnostic, type Out, readInputs } from './io.ts';

export const CHECK_USAGE = 'gateway-sim check FILE... [--json] [--status-yaml] [OPTIONS]';

/** contracts.md §4: conditions as {type, status, reason, message} (plus observedGeneration). */
function jsonStatus(s: ObjectStatus): Record<string, unknown> {
  const { group: _group, ...rest } = s;
  return rest;
}

export function runCheck(argv: string[], io: Out): number {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, 'status-yaml': { type: 'boolean' } });
  const options = engineOptions(values);
  const files = readInputs(positionals);
  const analysis = analyze(files, options);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          diagnostics: analysis.diagnostics.map(({ range: _r, ...d }) => d),
          status: analysis.status.map(jsonStatus),
        },
        null,
        2,
      ),
    );
  } else if (values['status-yaml']) {
    for (const d of analysis.diagnostics) io.err(formatDiagnostic(d));
    io.out(formatStatusYaml(analysis).trimEnd());
  } else {
    for (const d of analysis.diagnostics) io.err(formatDiagnostic(d));
    const summary = summarizeAttachments(analysis);
    if (summary) io.out(summary);
    const warnings = analysis.diagnostics.filter((d) => d.severity === 'warning').length;
    io.out(
      `${analysis.resources.length} objects checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    );
  }
  return errors > 0 ? 1 : 0;
}
