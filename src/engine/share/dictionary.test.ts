import { describe, expect, it } from 'vitest';
import { decodeScenario } from './codec.ts';
import { S1_DICTIONARY } from './dictionary.ts';

// FNV-1a over the UTF-8 bytes: enough to notice any edit.
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(s)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

// A link made when s1 was released. It must open for good (contracts.md §6).
const GOLDEN =
  's1.o4ZLgJGUlwKKTlSL4CGSAYp0bKFSXl6ul1oB7KHlpOoBUwZqICG5E8UkhfT81GLgwDiwdE4iylRi0yBQLCU1LbE0p0QfZDTQBbXULMiAZpI7pIjmIyLHd0EWotUrAA';

describe('s1 dictionary is frozen', () => {
  it('has not changed (a new dictionary needs a new codec prefix, s2)', () => {
    expect({ bytes: new TextEncoder().encode(S1_DICTIONARY).length, fnv1a: fnv1a(S1_DICTIONARY) }).toEqual({
      bytes: 6802,
      fnv1a: '42c17063',
    });
    expect(new TextEncoder().encode(S1_DICTIONARY).length).toBeLessThanOrEqual(32768);
  });

  it('a link made at release still opens', () => {
    const r = decodeScenario(GOLDEN);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.manifests).toContain('kind: HTTPRoute');
    expect(r.scenario.requests).toEqual([{ name: 'home', request: { host: 'www.example.com', path: '/' } }]);
    expect(r.scenario.tests[0]).toMatchObject({ name: 'home goes to web', expect: { backend: 'default/web' } });
    expect(r.scenario.settings).toEqual({ channel: 'standard' });
  });
});
