import { describe, expect, it } from 'vitest';
import { analysisKey, hashString, stableJson } from './hash.ts';

describe('hashString', () => {
  it('is deterministic and sensitive to one character', () => {
    expect(hashString('kind: Gateway')).toBe(hashString('kind: Gateway'));
    expect(hashString('kind: Gateway')).not.toBe(hashString('kind: Gatewax'));
    expect(hashString('')).toBe(hashString(''));
  });
  it('tells apart texts that differ only in order', () => {
    expect(hashString('ab')).not.toBe(hashString('ba'));
  });
});

describe('stableJson', () => {
  it('sorts keys and drops undefined', () => {
    expect(stableJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });
});

describe('analysisKey', () => {
  it('ignores option key order but not option values', () => {
    const t = 'apiVersion: v1\n';
    expect(analysisKey(t, { channel: 'standard', features: ['A'] })).toBe(
      analysisKey(t, { features: ['A'], channel: 'standard' }),
    );
    expect(analysisKey(t, { channel: 'standard' })).not.toBe(analysisKey(t, { channel: 'experimental' }));
  });
});
