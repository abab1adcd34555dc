import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../examples/index.ts';
import { MAX_RECENT, withRecent } from './scenario.ts';

const mine = (n: number) => ({
  manifests: `kind: Gateway\nmetadata:\n  name: gw${n}\n`,
  requests: [],
  tests: [],
  settings: {},
});

describe('withRecent', () => {
  it('keeps local work, newest first, and caps the list', () => {
    let r = withRecent([], mine(1), 'one', 1);
    r = withRecent(r, mine(2), 'two', 2);
    expect(r.map((e) => e.title)).toEqual(['two', 'one']);
    for (let i = 3; i < 20; i++) r = withRecent(r, mine(i), `n${i}`, i);
    expect(r).toHaveLength(MAX_RECENT);
  });
  it('does not store the same scenario twice', () => {
    const r = withRecent(withRecent([], mine(1), 'a', 1), mine(1), 'b', 2);
    expect(r).toHaveLength(1);
  });
  it('skips unchanged built-in examples and empty text', () => {
    const ex = EXAMPLES[0]!;
    const data = { manifests: ex.manifests, requests: ex.requests, tests: ex.tests, settings: ex.settings ?? {} };
    expect(withRecent([], data, 'ex', 1)).toEqual([]);
    expect(withRecent([], { ...mine(1), manifests: '  \n' }, 'empty', 1)).toEqual([]);
  });
});
