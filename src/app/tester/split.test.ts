import { describe, expect, it } from 'vitest';
import { invalidShareTrace, splitTrace } from './fixtures.ts';
import { splitRows } from './split.ts';

describe('splitRows', () => {
  it('has no observed counts before sampling', () => {
    const { rows, others } = splitRows(splitTrace());
    expect(rows.map((r) => [r.key, r.b.share, r.observed])).toEqual([
      ['default/stable', 0.9, undefined],
      ['default/canary', 0.1, undefined],
    ]);
    expect(others).toEqual([]);
  });
  it('puts sampled counts on their backends, and a failing outcome on the one invalid backend', () => {
    const { rows, others } = splitRows(invalidShareTrace(), { 'default/a': 748, 'error 500': 252 });
    expect(rows.map((r) => [r.key, r.observed])).toEqual([
      ['default/a', 748],
      ['other/b', 252],
    ]);
    expect(others).toEqual([]);
  });
  it('lists outcomes it cannot attribute on their own', () => {
    const t = invalidShareTrace();
    t.backends.push({ ...(t.backends[1] as (typeof t.backends)[number]), name: 'c' });
    const { rows, others } = splitRows(t, { 'default/a': 600, 'error 500': 400 });
    expect(rows.map((r) => r.observed)).toEqual([600, undefined, undefined]);
    expect(others).toEqual([['error 500', 400]]);
  });
  it('counts a backend listed twice once', () => {
    const t = splitTrace();
    t.backends.push({ ...(t.backends[0] as (typeof t.backends)[number]), port: 81 });
    expect(splitRows(t, { 'default/stable': 900, 'default/canary': 100 }).rows.map((r) => r.observed)).toEqual([
      900,
      100,
      undefined,
    ]);
  });
});
