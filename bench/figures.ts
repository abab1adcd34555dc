// Figures of `npm run bench`: one entry per measured quantity, with its target and whether it is met.
// bench/results.json is the machine-readable record; the table is for people.

export interface Figure {
  name: string;
  /** null = not measurable yet (the part is not built, or not in --quick); `note` says why. */
  value: number | null;
  unit: string;
  /** Human form of the target, e.g. "≤ 2.5"; absent = reported only. */
  target?: string;
  /** true/false against the target; null when there is no target or no value. */
  met: boolean | null;
  note?: string;
}

export function figure(
  name: string,
  value: number | null,
  unit: string,
  target?: { max?: number; min?: number; text?: string },
  note?: string,
): Figure {
  const f: Figure = { name, value, unit, met: null };
  if (target) {
    f.target = target.text ?? (target.max !== undefined ? `≤ ${fmt(target.max)}` : `≥ ${fmt(target.min ?? 0)}`);
    if (value !== null && Number.isFinite(value))
      f.met = (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min);
  }
  if (note) f.note = note;
  return f;
}

export const na = (name: string, unit: string, note: string, target?: { max?: number; text?: string }): Figure =>
  figure(name, null, unit, target, note);

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en');
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  return v.toFixed(3);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function table(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    f.value === null ? 'n/a' : `${fmt(f.value)} ${f.unit}`,
    f.target ?? '',
    f.met === null ? '' : f.met ? 'met' : 'MISSED',
    f.note ?? '',
  ]);
  const head = ['figure', 'value', 'target', '', 'note'];
  const widths = head.map((h, i) => Math.min(66, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
