// Weighted split (semantics §8.1) and a seeded PRNG (no Math.random, no clock: DESIGN.md).
// share = weight ÷ Σ weights of all the rule's backendRefs (valid or not); weight 0 gets nothing.

/** Exact shares; all-zero weights give all-zero shares (the caller reports `error`, SD §11.1 #1). */
export function shares(weights: readonly number[]): number[] {
  let total = 0;
  for (const w of weights) total += Math.max(w, 0);
  if (total <= 0) return weights.map(() => 0);
  return weights.map((w) => (w > 0 ? w / total : 0));
}

/** mulberry32: a small, fast, seedable 32-bit PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Index picked by a sample u in [0, 1) over `shares`; -1 when every share is 0. */
export function pick(shareList: readonly number[], u: number): number {
  let acc = 0;
  let last = -1;
  for (let i = 0; i < shareList.length; i++) {
    const s = shareList[i]!;
    if (s <= 0) continue;
    last = i;
    acc += s;
    if (u < acc) return i;
  }
  return last;
}
