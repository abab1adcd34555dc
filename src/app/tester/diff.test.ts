import { describe, expect, it } from 'vitest';
import { diffSnapshots, formatChanges } from './diff.ts';

describe('diffSnapshots', () => {
  it('shows path, host and header changes', () => {
    const before = {
      method: 'GET',
      host: 'a',
      path: '/foo/bar',
      headers: { 'x-keep': '1', 'x-gone': '2', 'X-Add': 'a' },
    };
    const after = {
      method: 'GET',
      host: 'b',
      path: '/xyz/bar',
      headers: { 'x-keep': '1', 'x-add': 'a,b', 'x-new': 'n' },
    };
    expect(formatChanges(diffSnapshots(before, after))).toEqual([
      '~ host: a → b',
      '~ path: /foo/bar → /xyz/bar',
      '- header x-gone: 2',
      '~ header x-add: a → a,b',
      '+ header x-new: n',
    ]);
  });
  it('reads header lists and nested request/response snapshots', () => {
    const before = { request: { headers: [['a', '1']] }, response: { headers: {} } };
    const after = {
      request: {
        headers: [
          ['a', '1'],
          ['a', '2'],
        ],
      },
      response: { headers: { 'x-r': 'v' } },
    };
    expect(formatChanges(diffSnapshots(before, after))).toEqual(['~ header a: 1 → 1,2', '+ response header x-r: v']);
  });
  it('handles non-object snapshots', () => {
    expect(formatChanges(diffSnapshots('a', 'b'))).toEqual(['~ value: a → b']);
    expect(diffSnapshots(undefined, undefined)).toEqual([]);
  });
});
