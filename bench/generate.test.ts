import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { generateManifests, generateRequests, mulberry32, shareReferenceScenarios } from './generate.ts';

// FNV-1a: a cheap fingerprint, so that an accidental change of the generator (and so of every
// benchmark figure) shows up here rather than as an unexplained jump in bench/results.json.
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}

describe('benchmark generator', () => {
  it('is deterministic: same input, same bytes', () => {
    expect(generateManifests(100).text).toBe(generateManifests(100).text);
    expect(generateManifests(300, { seed: 5 }).text).toBe(generateManifests(300, { seed: 5 }).text);
    expect(generateManifests(100, { seed: 5 }).text).not.toBe(generateManifests(100).text);
    const s = generateManifests(100);
    expect(generateRequests(s, 50)).toEqual(generateRequests(s, 50));
    expect(shareReferenceScenarios()).toEqual(shareReferenceScenarios());
  });

  it('has a pinned fingerprint (update it, and say so, when the generator changes on purpose)', () => {
    expect({
      r100: fnv1a(generateManifests(100).text),
      share: shareReferenceScenarios().map((s) => fnv1a(s.text)),
    }).toMatchInlineSnapshot(`
      {
        "r100": "64f077a9",
        "share": [
          "a2199f63",
          "52f19548",
          "b605f143",
        ],
      }
    `);
  });

  it('the PRNG is the published mulberry32', () => {
    const r = mulberry32(1);
    expect([r(), r(), r()].map((x) => x.toFixed(6))).toEqual(['0.627074', '0.002736', '0.527447']);
  });

  it('scales in proportion and parses as YAML', () => {
    const small = generateManifests(100);
    const docs = parseAllDocuments(small.text);
    expect(Array.isArray(docs) && docs.every((d) => d.errors.length === 0)).toBe(true);
    const kinds = (text: string) => {
      const c: Record<string, number> = {};
      for (const m of text.matchAll(/^kind: (\w+)$/gm)) c[m[1]!] = (c[m[1]!] ?? 0) + 1;
      return c;
    };
    const k100 = kinds(small.text);
    const k1000 = kinds(generateManifests(1000).text);
    expect(k100.HTTPRoute).toBe(100);
    expect(k1000.HTTPRoute).toBe(1000);
    expect(k1000.Gateway).toBe(1);
    expect(k1000.ReferenceGrant).toBe(20);
    expect(k1000.Service! / k100.Service!).toBeGreaterThan(8);
  });

  it('reference scenarios are about 40, 300 and 2,000 lines', () => {
    const lines = shareReferenceScenarios().map((s) => s.text.split('\n').length);
    expect(lines[0]).toBeGreaterThan(30);
    expect(lines[0]).toBeLessThan(60);
    expect(lines[1]).toBeGreaterThan(250);
    expect(lines[1]).toBeLessThan(400);
    expect(lines[2]).toBeGreaterThan(1700);
    expect(lines[2]).toBeLessThan(2400);
  });
});
