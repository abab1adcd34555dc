// Rules from the semantics reference, tested on the helpers: hostname intersection (§4.6.4, its table
// row by row), listener hostname overlap (§4.3 OverlappingTLSConfig), label selectors (§4.6.3).
import { describe, expect, it } from 'vitest';
import { hostnamesOverlap, intersectHostnames, matchSelector } from './util.ts';

describe('effective hostnames (§4.6.4)', () => {
  it.each([
    ['very.specific.com', ['non.matching.com', '*.nonmatchingwildcard.io', 'very.specific.com'], ['very.specific.com']],
    [
      '*.wildcard.io',
      ['non.matching.com', 'wildcard.io', 'foo.wildcard.io', 'bar.wildcard.io', 'foo.bar.wildcard.io'],
      ['foo.wildcard.io', 'bar.wildcard.io', 'foo.bar.wildcard.io'],
    ],
    ['very.specific.com', ['non.matching.com', '*.specific.com'], ['very.specific.com']],
    ['*.anotherwildcard.io', ['*.anotherwildcard.io'], ['*.anotherwildcard.io']],
    [
      '*.foo.example.com',
      ['bar.com', '*.example.com', '*.foo.example.com', 'abc.foo.example.com'],
      ['*.foo.example.com', 'abc.foo.example.com'],
    ],
    ['*.com', ['*.example.com'], ['*.example.com']],
    [undefined, ['first.com', 'sub.first.com'], ['first.com', 'sub.first.com']],
    ['abc.example.com', ['*.example.com'], ['abc.example.com']],
  ] as [string | undefined, string[], string[]][])('listener %s × route %j', (l, r, want) => {
    expect(intersectHostnames(l, r)).toEqual(want);
  });

  it('a listener hostname with no route hostnames is the listener hostname', () => {
    expect(intersectHostnames('a.example.com', [])).toEqual(['a.example.com']);
  });
  it('neither side restricting means any host ([])', () => {
    expect(intersectHostnames(undefined, [])).toEqual([]);
  });
  it('no intersection is null', () => {
    expect(intersectHostnames('foo.example.com', ['bar.example.com'])).toBeNull();
    // A wildcard needs at least one more label: *.example.com does not match example.com.
    expect(intersectHostnames('*.example.com', ['example.com'])).toBeNull();
  });
  it('compares case-insensitively', () => {
    expect(intersectHostnames('Foo.Example.com', ['foo.example.COM'])).toEqual(['foo.example.COM']);
  });
});

describe('listener hostname overlap (§4.3)', () => {
  it('equal, covered, or unset overlap; disjoint do not', () => {
    expect(hostnamesOverlap('foo.example.com', '*.example.com')).toBe(true);
    expect(hostnamesOverlap(undefined, 'a.b')).toBe(true);
    expect(hostnamesOverlap('a.example.com', 'a.example.com')).toBe(true);
    expect(hostnamesOverlap('a.example.com', 'b.example.com')).toBe(false);
    expect(hostnamesOverlap('*.a.com', '*.b.com')).toBe(false);
  });
});

describe('label selectors (§4.6.3)', () => {
  const labels = { team: 'a', env: 'prod', 'kubernetes.io/metadata.name': 'apps' };
  it('ANDs matchLabels and matchExpressions', () => {
    expect(
      matchSelector(
        {
          matchLabels: { team: 'a' },
          matchExpressions: [
            { key: 'env', operator: 'In', values: ['prod', 'staging'] },
            { key: 'quarantined', operator: 'DoesNotExist' },
          ],
        },
        labels,
      ).matches,
    ).toBe(true);
    expect(matchSelector({ matchLabels: { team: 'b' } }, labels).matches).toBe(false);
  });
  it('NotIn matches an absent key', () => {
    expect(matchSelector({ matchExpressions: [{ key: 'x', operator: 'NotIn', values: ['1'] }] }, labels).matches).toBe(
      true,
    );
    expect(
      matchSelector({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, labels).matches,
    ).toBe(false);
  });
  it('Exists / DoesNotExist', () => {
    expect(matchSelector({ matchExpressions: [{ key: 'env', operator: 'Exists' }] }, labels).matches).toBe(true);
    expect(matchSelector({ matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, labels).matches).toBe(false);
  });
  it('the automatic kubernetes.io/metadata.name label works like any other', () => {
    expect(matchSelector({ matchLabels: { 'kubernetes.io/metadata.name': 'apps' } }, labels).matches).toBe(true);
  });
  it('{} matches everything; a missing selector or a bad operator matches nothing (SD)', () => {
    expect(matchSelector({}, labels).matches).toBe(true);
    expect(matchSelector(undefined, labels).matches).toBe(false);
    const bad = matchSelector({ matchExpressions: [{ key: 'env', operator: 'Is', values: ['prod'] }] }, labels);
    expect(bad.matches).toBe(false);
    expect(bad.error).toBeTruthy();
    expect(
      matchSelector({ matchExpressions: [{ key: 'env', operator: 'In', values: [] }] }, labels).error,
    ).toBeTruthy();
  });
});
