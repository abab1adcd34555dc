// Content hash for analysis keys: the same manifests + options give the same key, so that undo back to
// an analysed text, or a settings toggle back and forth, reuses the result instead of re-running it.
// Not cryptographic: cyrb53 (two 32-bit FNV-like lanes), fast on megabyte strings, 53 bits of output.

export function hashString(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Stable JSON: object keys sorted, so that `{a,b}` and `{b,a}` options hash alike. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`).join(',')}}`;
}

/** The key of one analysis: what the engine reads, nothing else. */
export function analysisKey(text: string, options: unknown): string {
  const opts = stableJson(options);
  return `${hashString(text)}-${text.length}-${hashString(opts)}`;
}
