import { describe, expect, it } from 'vitest';
import { classifyFragment, pageUrl, shareUrl } from './fragment.ts';

describe('classifyFragment', () => {
  it('recognises share links with and without the #', () => {
    expect(classifyFragment('#s1.abc-_')).toEqual({ kind: 'share', fragment: 's1.abc-_', codec: 1 });
    expect(classifyFragment('s1.abc')).toEqual({ kind: 'share', fragment: 's1.abc', codec: 1 });
  });
  it('keeps newer codec numbers so that the page can say "newer"', () => {
    expect(classifyFragment('#s7.xyz')).toMatchObject({ kind: 'share', codec: 7 });
  });
  it('treats an empty fragment as none', () => {
    expect(classifyFragment('')).toEqual({ kind: 'none' });
    expect(classifyFragment('#')).toEqual({ kind: 'none' });
  });
  it('leaves foreign fragments alone', () => {
    expect(classifyFragment('#top')).toEqual({ kind: 'foreign' });
    expect(classifyFragment('#section-2')).toEqual({ kind: 'foreign' });
  });
  it('strips punctuation that chat tools glue to the end of a link', () => {
    expect(classifyFragment('#s1.abc>')).toMatchObject({ fragment: 's1.abc' });
    expect(classifyFragment('#s1.abc) ')).toMatchObject({ fragment: 's1.abc' });
  });
  it('keeps a truncated payload as a share link: the codec reports the damage', () => {
    expect(classifyFragment('#s1.')).toMatchObject({ kind: 'share', fragment: 's1.' });
  });
});

describe('URLs', () => {
  it('builds a share URL on the page URL, keeping a sub-path and query', () => {
    expect(shareUrl('https://h.example/tools/gwsim/?x=1#s1.old', 's1.new')).toBe(
      'https://h.example/tools/gwsim/?x=1#s1.new',
    );
    expect(pageUrl('http://127.0.0.1:4301/')).toBe('http://127.0.0.1:4301/');
  });
});
