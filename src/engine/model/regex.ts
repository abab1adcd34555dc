// Pattern matching as the API server does it: Go RE2 with *search* semantics (unanchored unless the
// pattern anchors itself; §2.0). Patterns are compiled once; recent results are memoised per pattern
// because manifests repeat the same values (groups, kinds, names) thousands of times.

import { RE2JS } from 're2js';
import { LIMITS } from '../limits.ts';

interface Compiled {
  re: RE2JS | null;
  memo: Map<string, boolean>;
}

const compiled = new Map<string, Compiled>();
const MEMO_MAX = 4096;

function get(pattern: string): Compiled {
  let c = compiled.get(pattern);
  if (!c) {
    let re: RE2JS | null = null;
    try {
      re = RE2JS.compile(pattern);
    } catch {
      re = null;
    }
    c = { re, memo: new Map() };
    // Bounded: a long editing session (or a hostile manifest) must not grow it without end.
    if (compiled.size >= MEMO_MAX) compiled.clear();
    compiled.set(pattern, c);
  }
  return c;
}

/** RE2 search: true when the pattern matches anywhere in `s` (as OpenAPI `pattern` and CEL `matches()`). */
export function matchesPattern(pattern: string, s: string): boolean {
  const c = get(pattern);
  const hit = c.memo.get(s);
  if (hit !== undefined) return hit;
  const r = c.re ? c.re.test(s) : false;
  if (c.memo.size >= MEMO_MAX) c.memo.clear();
  c.memo.set(s, r);
  return r;
}

/** What an RE2 data plane says about a pattern: ok, a syntax error (Go's text), or over the program size cap. */
export type Re2Verdict =
  | { ok: true; programSize: number }
  | { ok: false; kind: 'syntax'; message: string }
  | { ok: false; kind: 'program-size'; programSize: number; message: string };

const verdicts = new Map<string, Re2Verdict>();
const VERDICTS_MAX = 4096;

/**
 * Compiles `pattern` with re2js (Go's RE2: linear time; syntax errors read exactly like Go's
 * `error parsing regexp: …`) and checks its program size against LIMITS.maxRegexProgramSize, the way
 * Envoy refuses large programs (its default error level is 100). The size is re2js's instruction count,
 * a close stand-in for RE2's ProgramSize. Memoised: the lints, the controller and the data plane ask
 * about the same patterns.
 */
export function re2Verdict(pattern: string): Re2Verdict {
  const hit = verdicts.get(pattern);
  if (hit) return hit;
  let v: Re2Verdict;
  try {
    const re = RE2JS.compile(pattern) as unknown as { re2Input?: { prog?: { inst?: unknown[] } } };
    const programSize = re.re2Input?.prog?.inst?.length ?? 0;
    v =
      programSize > LIMITS.maxRegexProgramSize
        ? {
            ok: false,
            kind: 'program-size',
            programSize,
            message: `regex '${pattern}' RE2 program size of ${programSize} > max program size of ${LIMITS.maxRegexProgramSize} set for the error level threshold. Increase configured max program size if necessary.`,
          }
        : { ok: true, programSize };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    v = {
      ok: false,
      kind: 'syntax',
      message: message.startsWith('error parsing regexp') ? message : `error parsing regexp: ${message}`,
    };
  }
  if (verdicts.size >= VERDICTS_MAX) verdicts.clear();
  verdicts.set(pattern, v);
  return v;
}

/**
 * Whether `pattern` compiles under RE2 within the program size cap (what Envoy-style data planes
 * accept). A pattern refused here drops its rule (§4.7, SD §11.1 #4).
 */
export function isRe2(pattern: string): boolean {
  return re2Verdict(pattern).ok;
}

/** Go net.ParseIP-compatible IPv4 dotted quad (kube-openapi `format: ipv4`). */
export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  if (parts.length !== 4) return false;
  for (const p of parts) {
    if (p.length === 0 || p.length > 3 || !/^[0-9]+$/.test(p)) return false;
    if (Number(p) > 255) return false;
  }
  return true;
}

/** IPv6 in textual form (with optional embedded IPv4 tail), as Go net.ParseIP accepts it (no zone). */
export function isIPv6(s: string): boolean {
  if (!s.includes(':')) return false;
  let head = s;
  let groupsNeeded = 8;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIPv4(tail)) return false;
    head = s.slice(0, lastColon + 1);
    if (!head.endsWith('::')) head = head.slice(0, -1);
    groupsNeeded = 6;
  }
  const dbl = head.indexOf('::');
  if (dbl !== head.lastIndexOf('::')) return false;
  const hex = /^[0-9a-fA-F]{1,4}$/;
  if (dbl >= 0) {
    const left = head.slice(0, dbl);
    const right = head.slice(dbl + 2);
    const l = left === '' ? [] : left.split(':');
    const r = right === '' ? [] : right.split(':');
    if (![...l, ...r].every((g) => hex.test(g))) return false;
    return l.length + r.length < groupsNeeded;
  }
  const g = head.split(':');
  return g.length === groupsNeeded && g.every((x) => hex.test(x));
}

/** IP address (either family): CEL `isIP()`. */
export function isIP(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
}
