// Scenario versions and their migrations (contracts.md §6: "scenarioVersion has migrations").
//
// The scenario header a link carries is versioned apart from the codec (`s1`): the codec says how bytes
// are packed, the scenario version says what the JSON means. When the Scenario type changes shape,
// bump CURRENT_SCENARIO_VERSION and add MIGRATIONS[old] that rewrites a header of version `old` into
// version `old + 1`. Old links then keep opening for good.

export const CURRENT_SCENARIO_VERSION = 1;

export type Header = Record<string, unknown>;

/** MIGRATIONS[v] turns a version-v header into a version-(v+1) header; it may add warnings. */
export const MIGRATIONS: Record<number, (h: Header, warnings: string[]) => Header> = {};

export function migrate(
  header: Header,
  from: number,
  warnings: string[],
  migrations: Record<number, (h: Header, warnings: string[]) => Header> = MIGRATIONS,
  to: number = CURRENT_SCENARIO_VERSION,
): { header: Header } | { error: string } {
  let h = header;
  for (let v = from; v < to; v++) {
    const step = migrations[v];
    if (!step) return { error: `scenario version ${v} is no longer supported (no migration to ${v + 1})` };
    h = step(h, warnings);
  }
  if (from < to) warnings.push(`This link uses scenario version ${from}; it was upgraded to version ${to}.`);
  return { header: h };
}

/** Compares dotted numeric versions (`0.1.0`, `1.2`); a pre-release suffix is ignored. undefined = unparseable. */
export function compareVersions(a: string, b: string): number | undefined {
  const parse = (v: string) => {
    const m = /^v?(\d+(?:\.\d+){0,3})(?:[-+][0-9A-Za-z.-]*)?$/.exec(v);
    return m ? m[1]!.split('.').map(Number) : undefined;
  };
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return undefined;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}
