// Before/after diffs of a filter's request (or response) snapshot. Pure.
// The snapshots are whatever the data plane puts in `filters[].before/after` (the Trace contract
// leaves their shape open), so the diff works on any JSON: objects are flattened to dotted keys,
// and keys under `headers` are shown as header names.

export interface Change {
  /** Display name: "path", "host", "header version", "response header x-a". */
  field: string;
  kind: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
}

function scalar(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.map(String).join(',');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A header list `[[name, value], …]` as a record (repeats joined with ','). */
function headerListToRecord(v: unknown): Record<string, unknown> | null {
  if (!Array.isArray(v) || !v.every((e) => Array.isArray(e) && e.length === 2)) return null;
  const out: Record<string, string> = {};
  for (const [k, val] of v as [unknown, unknown][]) {
    const key = String(k).toLowerCase();
    out[key] = key in out ? `${out[key]},${scalar(val)}` : scalar(val);
  }
  return out;
}

/** Flattens a snapshot to `key → text`. Header names are lower-cased (HTTP names are case-insensitive). */
export function flatten(v: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (isRecord(v)) {
    for (const [k, val] of Object.entries(v)) {
      const isHeaders = /(^|\.)(headers|responseHeaders|requestHeaders)$/i.test(prefix ? `${prefix}.${k}` : k);
      const key = prefix ? `${prefix}.${k}` : k;
      const asList = isHeaders ? headerListToRecord(val) : null;
      if (isHeaders && (isRecord(val) || asList)) {
        for (const [hk, hv] of Object.entries(asList ?? (val as Record<string, unknown>))) {
          out.set(`${key}.${hk.toLowerCase()}`, scalar(hv));
        }
      } else if (isRecord(val)) flatten(val, key, out);
      else out.set(key, scalar(val));
    }
  } else if (v !== undefined) {
    out.set(prefix || 'value', scalar(v));
  }
  return out;
}

/** "headers.x-a" → "header x-a"; "responseHeaders.x-a" → "response header x-a". */
export function fieldLabel(key: string): string {
  const m = /^(?:(.*)\.)?(headers|responseHeaders|requestHeaders)\.(.+)$/i.exec(key);
  if (m) {
    const base = (m[2] as string).toLowerCase() === 'responseheaders' ? 'response header' : 'header';
    const pre =
      m[1] && !/^(request|response)$/i.test(m[1]) ? `${m[1]} ` : m[1]?.toLowerCase() === 'response' ? 'response ' : '';
    return `${pre}${base} ${m[3]}`;
  }
  return key;
}

/** What changed between two snapshots, in a stable order (scalars first, then headers). */
export function diffSnapshots(before: unknown, after: unknown): Change[] {
  const a = flatten(before);
  const b = flatten(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  const isHeader = (k: string) => /(^|\.)(headers|responseheaders|requestheaders)\./i.test(k);
  keys.sort((x, y) => Number(isHeader(x)) - Number(isHeader(y)));
  const out: Change[] = [];
  for (const k of keys) {
    const x = a.get(k);
    const y = b.get(k);
    if (x === y) continue;
    const field = fieldLabel(k);
    if (x === undefined) out.push({ field, kind: 'added', after: y as string });
    else if (y === undefined) out.push({ field, kind: 'removed', before: x });
    else out.push({ field, kind: 'changed', before: x, after: y });
  }
  return out;
}

/** One line per change, for the CLI-like text form and for tests: `~ path: /a → /b`. */
export function formatChanges(changes: Change[]): string[] {
  return changes.map((c) => {
    if (c.kind === 'added') return `+ ${c.field}: ${c.after}`;
    if (c.kind === 'removed') return `- ${c.field}: ${c.before}`;
    return `~ ${c.field}: ${c.before} → ${c.after}`;
  });
}
