// Gateway API Duration (GEP-2257): 1–4 components of 1–5 digits with units h, m, s, ms.
// Parsed to milliseconds for CEL `duration()` comparisons. null = not a valid Duration.

const UNIT: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

export function durationMs(s: string): number | null {
  const re = /([0-9]{1,5})(ms|h|m|s)/y;
  let total = 0;
  let i = 0;
  let n = 0;
  while (i < s.length) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) return null;
    total += Number(m[1]) * (UNIT[m[2] as string] as number);
    i = re.lastIndex;
    n++;
  }
  return n === 0 || n > 4 ? null : total;
}

/** Go time.ParseDuration subset used by CEL `duration()` on XBackendTrafficPolicy intervals. */
export const goDurationMs = durationMs;
