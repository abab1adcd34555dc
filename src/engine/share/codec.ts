// The `s1` share codec (contracts.md §6): scenario ⇄ URL fragment.
//
//   fragment = "s1." + base64url(deflate(payload, preset dictionary S1_DICTIONARY))   (no padding)
//   payload  = <one line of JSON: every scenario field except the manifests> "\n" <raw manifest text>
//
// The manifests follow the header as raw text, not as an escaped JSON string, so that their YAML
// (newlines, quotes, indentation) stays byte-for-byte what the dictionary was built from. JSON.stringify
// never writes a raw newline, so the first "\n" always ends the header.
//
// Decoding never throws: a link is text from a stranger. Inflate is streamed in small slices and stops
// as soon as the output passes LIMITS.shareMaxInflatedBytes, so a deflate bomb can neither allocate nor
// spin past the cap (one slice of compressed input inflates to at most ~1,032× its size).

import { deflateSync, Inflate } from 'fflate';
import { LIMITS } from '../limits.ts';
import type { Scenario, ScenarioSettings } from '../types.ts';
import { ENGINE_VERSION } from '../version.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { S1_DICTIONARY } from './dictionary.ts';
import { CURRENT_SCENARIO_VERSION, compareVersions, migrate } from './migrations.ts';
import {
  checkList,
  checkSavedRequest,
  checkSettings,
  checkTestCase,
  describeValue,
  type Issues,
  isPlainObject,
} from './shape.ts';

export const SHARE_PREFIX = 's1.';
export { CURRENT_SCENARIO_VERSION } from './migrations.ts';

export type DecodeResult = { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; error: string };

const encoder = new TextEncoder();
const DICTIONARY = encoder.encode(S1_DICTIONARY);
/** Deflate never grows data by more than 5 bytes per 16 KiB stored block; anything longer is not ours. */
const MAX_COMPRESSED_BYTES = LIMITS.shareMaxInflatedBytes + 4096;
const MAX_FRAGMENT_CHARS = Math.ceil((MAX_COMPRESSED_BYTES * 4) / 3);
/** Compressed bytes fed to inflate per step: bounds the output of one step to well under 1 MB. */
const INFLATE_SLICE = 512;

const HEADER_KEYS = ['scenarioVersion', 'engineVersion', 'settings', 'requests', 'tests'] as const;

const mb = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;

/** A thrown error with a message meant for the user (encode only; decode returns its errors). */
export class ShareError extends Error {}

/** Fills in the versions of a scenario the page or CLI builds from its parts. */
export function makeScenario(parts: Partial<Scenario> & { manifests: string }): Scenario {
  return {
    scenarioVersion: CURRENT_SCENARIO_VERSION,
    engineVersion: ENGINE_VERSION,
    requests: [],
    tests: [],
    settings: {},
    ...parts,
  };
}

function payloadOf(s: Scenario): string {
  // Key order matches the end of the dictionary; undefined fields drop out as usual.
  const settings: ScenarioSettings = s.settings ?? {};
  const header = JSON.stringify({
    scenarioVersion: CURRENT_SCENARIO_VERSION,
    engineVersion: typeof s.engineVersion === 'string' && s.engineVersion ? s.engineVersion : ENGINE_VERSION,
    settings,
    requests: s.requests ?? [],
    tests: s.tests ?? [],
  });
  return `${header}\n${s.manifests ?? ''}`;
}

/**
 * Scenario → `s1.<payload>` (the fragment without `#`). The scenario is always written in the current
 * scenarioVersion. Throws ShareError when the scenario is larger than a link may carry
 * (LIMITS.shareMaxInflatedBytes), because no page would open that link.
 */
export function encodeScenario(s: Scenario): string {
  const bytes = encoder.encode(payloadOf(s));
  if (bytes.length > LIMITS.shareMaxInflatedBytes)
    throw new ShareError(
      `This scenario is ${mb(bytes.length)}; a share link carries at most ${mb(LIMITS.shareMaxInflatedBytes)}. Download the scenario instead.`,
    );
  return SHARE_PREFIX + toBase64Url(deflateSync(bytes, { level: 9, mem: 8, dictionary: DICTIONARY }));
}

/** `<base>#s1.<payload>`; any fragment already on `base` is replaced. */
export function shareUrl(base: string, s: Scenario): string {
  const hash = base.indexOf('#');
  return `${hash < 0 ? base : base.slice(0, hash)}#${encodeScenario(s)}`;
}

/** The fragment part of whatever the user gave: a whole link, `#s1.…` or `s1.…`. */
function fragmentOf(input: string): string {
  const t = input.trim();
  const hash = t.indexOf('#');
  return hash < 0 ? t : t.slice(hash + 1);
}

/** Inflates with a hard cap on the output; returns the bytes or an error message. */
function inflateCapped(data: Uint8Array): Uint8Array | { error: string } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  let done = false;
  const inflater = new Inflate({ dictionary: DICTIONARY }, (chunk, final) => {
    total += chunk.length;
    if (total > LIMITS.shareMaxInflatedBytes) over = true;
    else if (chunk.length) chunks.push(chunk);
    if (final) done = true;
  });
  try {
    if (data.length === 0) return { error: 'the link has no content after "s1." (it was probably cut off)' };
    for (let i = 0; i < data.length && !over; i += INFLATE_SLICE) {
      const end = Math.min(i + INFLATE_SLICE, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
    }
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/unexpected EOF/i.test(msg)) return { error: 'the compressed data ends early (the link was probably cut off)' };
    return { error: `the compressed data is damaged (${msg})` };
  }
  if (over)
    return {
      error: `it unpacks to more than ${mb(LIMITS.shareMaxInflatedBytes)}, the most a share link may carry`,
    };
  if (!done) return { error: 'the compressed data ends early (the link was probably cut off)' };
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

function bad(why: string): { ok: false; error: string } {
  return { ok: false, error: `This share link cannot be opened: ${why}.` };
}

/**
 * `s1.<payload>` (or `#s1.…`, or a whole link) → scenario. Never throws. Warnings say what the page
 * should tell the user (an older or newer engine, a migrated scenario, ignored fields).
 */
export function decodeScenario(fragment: string): DecodeResult {
  try {
    return decode(fragment);
  } catch (e) {
    // Nothing above should throw; if it does, the user still gets a message and keeps their work.
    return bad(`an unexpected error occurred while reading it (${e instanceof Error ? e.message : String(e)})`);
  }
}

function decode(input: string): DecodeResult {
  if (typeof input !== 'string') return bad('it is not text');
  const frag = fragmentOf(input);
  if (frag === '') return bad('it carries no scenario (the part after "#" is empty)');
  const dot = frag.indexOf('.');
  const prefix = dot < 0 ? '' : frag.slice(0, dot);
  if (prefix !== 's1') {
    const m = /^s(\d+)$/.exec(prefix);
    if (m && Number(m[1]) > 1)
      return {
        ok: false,
        error: `This share link was made by a newer version of gateway-sim (link format ${prefix}; this version reads s1). Open it with a newer version.`,
      };
    return bad('it does not start with "s1." after the "#", so it is not a gateway-sim share link (or it was altered)');
  }
  const body = frag.slice(dot + 1);
  if (body.length > MAX_FRAGMENT_CHARS)
    return bad(`it is ${body.length.toLocaleString('en')} characters long, more than any share link can be`);
  const compressed = fromBase64Url(body);
  if (!(compressed instanceof Uint8Array)) return bad(compressed.error);
  const inflated = inflateCapped(compressed);
  if (!(inflated instanceof Uint8Array)) return bad(inflated.error);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(inflated);
  } catch {
    return bad('its content is not valid UTF-8 text');
  }
  const nl = text.indexOf('\n');
  if (nl < 0) return bad('its content is incomplete (no manifests section)');
  let header: unknown;
  try {
    header = JSON.parse(text.slice(0, nl));
  } catch (e) {
    return bad(`its header is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return readScenario(header, text.slice(nl + 1));
}

function readScenario(header: unknown, manifests: string): DecodeResult {
  if (!isPlainObject(header)) return bad(`its header should be a JSON object, not ${describeValue(header)}`);
  const version = header.scenarioVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return bad(`scenarioVersion should be a whole number from 1 up, not ${describeValue(version)}`);
  if (version > CURRENT_SCENARIO_VERSION)
    return {
      ok: false,
      error: `This share link was made by a newer version of gateway-sim (scenario version ${version}; this version reads up to ${CURRENT_SCENARIO_VERSION}). Open it with a newer version.`,
    };
  const warnings: string[] = [];
  const migrated = migrate(header, version, warnings);
  if ('error' in migrated) return bad(migrated.error);
  const h = migrated.header;

  const issues: Issues = { errors: [], warnings };
  for (const k of Object.keys(h))
    if (!(HEADER_KEYS as readonly string[]).includes(k)) warnings.push(`${k}: unknown field, ignored`);
  const engineVersion = h.engineVersion;
  if (typeof engineVersion !== 'string' || engineVersion === '')
    issues.errors.push(`engineVersion: expected text, got ${describeValue(engineVersion)}`);
  const settings = h.settings === undefined ? {} : checkSettings(h.settings, 'settings', issues);
  const requests = h.requests === undefined ? [] : checkList(h.requests, 'requests', issues, checkSavedRequest);
  const tests = h.tests === undefined ? [] : checkList(h.tests, 'tests', issues, checkTestCase);
  if (issues.errors.length || !settings || !requests || !tests || typeof engineVersion !== 'string') {
    const more = issues.errors.length > 3 ? ` (and ${issues.errors.length - 3} more)` : '';
    return bad(`it has values of the wrong type: ${issues.errors.slice(0, 3).join('; ')}${more}`);
  }
  const cmp = compareVersions(engineVersion, ENGINE_VERSION);
  if (cmp === undefined)
    warnings.push(
      `This link names an unknown engine version (${JSON.stringify(engineVersion.slice(0, 40))}); verdicts may differ.`,
    );
  else if (cmp < 0)
    warnings.push(
      `This link was made with an older engine (${engineVersion}; this is ${ENGINE_VERSION}); verdicts may differ.`,
    );
  else if (cmp > 0)
    warnings.push(
      `This link was made with a newer engine (${engineVersion}; this is ${ENGINE_VERSION}); verdicts may differ.`,
    );
  return {
    ok: true,
    scenario: { scenarioVersion: CURRENT_SCENARIO_VERSION, engineVersion, manifests, requests, tests, settings },
    warnings,
  };
}
