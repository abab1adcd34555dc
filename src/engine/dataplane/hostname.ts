// Hostname matching and specificity (semantics §6.2, §4.6.4).
// `*.s` matches any host ending in `.s` with at least one more label (one or more labels).

/** hostMatches(unset, x) = true; exact; `*.s` ⇒ x ends with `.s`. Host is already lower-cased. */
export function hostMatches(pattern: string | undefined | null, host: string): boolean {
  if (pattern === undefined || pattern === null || pattern === '') return true;
  const p = pattern.toLowerCase();
  if (p.startsWith('*.')) {
    const suffix = p.slice(1); // ".s"
    return host.length > suffix.length && host.endsWith(suffix);
  }
  return p === host;
}

export function isWildcard(h: string | undefined | null): boolean {
  return !!h && h.startsWith('*.');
}

/**
 * Specificity of a hostname pattern (higher is more specific): exact > wildcard with more characters
 * (= more labels after `*`) > no hostname. Encoded as [exactLength, anyLength].
 */
export function hostnameKey(pattern: string | undefined | null): [number, number] {
  if (!pattern) return [0, 0];
  if (isWildcard(pattern)) return [0, pattern.length];
  return [pattern.length, pattern.length];
}

/** Compares two patterns by specificity: negative when a is more specific. */
export function compareHostnameSpecificity(a: string | undefined | null, b: string | undefined | null): number {
  const ka = hostnameKey(a);
  const kb = hostnameKey(b);
  return kb[0] - ka[0] || kb[1] - ka[1];
}

/**
 * The most specific of `patterns` that matches `host`, or undefined when none does.
 * `null` in the list stands for "any host" (no hostname).
 */
export function bestMatchingHostname(
  patterns: readonly (string | null)[],
  host: string,
): { pattern: string | null } | undefined {
  let best: { pattern: string | null } | undefined;
  for (const p of patterns) {
    if (!hostMatches(p, host)) continue;
    if (!best || compareHostnameSpecificity(p, best.pattern) < 0) best = { pattern: p };
  }
  return best;
}

/**
 * The lookup keys a host can be found under in a hostname-indexed table, most specific first:
 * the host itself, then `*.<suffix>` for every suffix at a label boundary (longest first), then '' (any).
 */
export function lookupKeys(host: string): string[] {
  const keys: string[] = [];
  if (host !== '') keys.push(host);
  let i = host.indexOf('.');
  while (i >= 0 && i < host.length - 1) {
    keys.push(`*${host.slice(i)}`);
    i = host.indexOf('.', i + 1);
  }
  keys.push('');
  return keys;
}
