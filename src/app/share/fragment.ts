// URL-fragment handling for share links (contracts.md §6). The codec itself lives in src/engine/share
// (shared with the CLI); this module only decides what a fragment is and builds page URLs.

/** What the page's `location.hash` holds. */
export type FragmentKind =
  | { kind: 'none' }
  /** `#s<N>.…`: a share link of codec version N (maybe one this build does not know). */
  | { kind: 'share'; fragment: string; codec: number }
  /** Some other fragment (an anchor, a tracking tag): not ours, so it is left alone. */
  | { kind: 'foreign' };

const SHARE = /^s(\d{1,4})\.(.*)$/s;

export function classifyFragment(hash: string): FragmentKind {
  let h = hash.startsWith('#') ? hash.slice(1) : hash;
  // Some chat tools and mail clients percent-encode or wrap links; trailing whitespace and
  // angle brackets are never part of a base64url payload.
  h = h.trim().replace(/[>)\]}'"]+$/, '');
  if (h === '') return { kind: 'none' };
  const m = SHARE.exec(h);
  if (!m) return { kind: 'foreign' };
  return { kind: 'share', fragment: h, codec: Number(m[1]) };
}

/** The page URL without its fragment: the base every share link is built on. */
export function pageUrl(href: string): string {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
}

export function shareUrl(href: string, fragment: string): string {
  return `${pageUrl(href)}#${fragment}`;
}
