import fc from 'fast-check';
import { deflateSync, inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits.ts';
import type { SavedRequest, Scenario, ScenarioSettings, SimRequest, TestCase } from '../types.ts';
import { ENGINE_VERSION } from '../version.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { S1_DICTIONARY } from './dictionary.ts';
import { decodeScenario, encodeScenario, makeScenario, ShareError, shareUrl } from './index.ts';
import { CURRENT_SCENARIO_VERSION, compareVersions, migrate } from './migrations.ts';

const DICT = new TextEncoder().encode(S1_DICTIONARY);
/** Packs an arbitrary payload the way s1 does, for hand-made hostile links. */
const pack = (payload: string | Uint8Array, dictionary: Uint8Array | undefined = DICT) =>
  `s1.${toBase64Url(
    deflateSync(typeof payload === 'string' ? new TextEncoder().encode(payload) : payload, {
      level: 6,
      ...(dictionary ? { dictionary } : {}),
    }),
  )}`;
const header = (h: Record<string, unknown>) =>
  JSON.stringify({ scenarioVersion: 1, engineVersion: ENGINE_VERSION, ...h });

const MANIFEST = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
spec:
  parentRefs:
  - name: gateway
  rules:
  - backendRefs:
    - name: web
      port: 80
`;

function expectError(link: string, pattern: RegExp) {
  const r = decodeScenario(link);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error).toMatch(pattern);
  return r;
}

// ---------- arbitraries: every field of contracts §2, §5 and §6 ----------
const text = fc.string({ unit: 'grapheme', maxLength: 30 });
const nonEmpty = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 });
const headerMap = fc.dictionary(nonEmpty, text, { maxKeys: 4 });
const simRequest: fc.Arbitrary<SimRequest> = fc.record(
  {
    gateway: nonEmpty,
    address: nonEmpty,
    port: fc.integer({ min: 1, max: 65535 }),
    protocol: fc.constantFrom('HTTP', 'HTTPS', 'GRPC', 'TLS', 'TCP', 'UDP'),
    httpVersion: fc.constantFrom('1.1', '2'),
    method: nonEmpty,
    scheme: fc.constantFrom('http', 'https'),
    host: text,
    path: text,
    headers: fc.oneof(headerMap, fc.array(fc.tuple(text, text), { maxLength: 4 })),
    sni: text,
    grpc: fc.record({ service: text, method: text }),
    backendResponse: fc.record(
      { status: fc.integer({ min: 100, max: 599 }), headers: headerMap },
      { requiredKeys: [] },
    ),
    authAllows: fc.boolean(),
    clientCertificate: fc.record({ signedBy: nonEmpty }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<SimRequest>;
const testCase: fc.Arbitrary<TestCase> = fc.record({
  name: text,
  request: simRequest,
  expect: fc.record(
    {
      outcome: fc.constantFrom('forward', 'redirect', 'not-found', 'error'),
      backends: fc.dictionary(nonEmpty, fc.double({ min: 0, max: 1, noNaN: true }), { maxKeys: 3 }),
      backend: nonEmpty,
      status: fc.integer({ min: 100, max: 599 }),
      location: text,
      route: nonEmpty,
      rule: fc.nat(20),
      match: fc.nat(20),
      listener: nonEmpty,
      path: text,
      headers: headerMap,
      headersAbsent: fc.array(text, { maxLength: 3 }),
      responseHeaders: headerMap,
    },
    { requiredKeys: [] },
  ),
}) as fc.Arbitrary<TestCase>;
const settings: fc.Arbitrary<ScenarioSettings> = fc.record(
  {
    channel: fc.constantFrom('standard', 'experimental'),
    features: fc.array(nonEmpty, { maxLength: 4 }),
    controllerName: text,
    supportedBackendKinds: fc.array(nonEmpty, { maxLength: 2 }),
    decisions: fc.record(
      {
        hostnamePrecedence: fc.constantFrom('rank', 'partition'),
        grpcHttpSameHostname: fc.constantFrom('allow', 'reject-newer'),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<ScenarioSettings>;
// Manifests: YAML-ish lines mixed with arbitrary (well-formed) Unicode, CRLF, tabs, NUL and BOMs.
const manifests = fc
  .array(
    fc.oneof(
      fc.constantFrom(...MANIFEST.split('\n'), '---', '\r', '\t', '\0', '\uFEFF', '# ü ✓ 😀', ''),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.string({ unit: 'binary-ascii', maxLength: 20 }),
    ),
    { maxLength: 40 },
  )
  .map((lines) => lines.join('\n'));
const scenario: fc.Arbitrary<Scenario> = fc.record({
  scenarioVersion: fc.constant(CURRENT_SCENARIO_VERSION),
  engineVersion: fc.constant(ENGINE_VERSION),
  manifests,
  requests: fc.array(
    fc.record({ name: text, request: simRequest }, { requiredKeys: ['request'] }) as fc.Arbitrary<SavedRequest>,
    { maxLength: 3 },
  ),
  tests: fc.array(testCase, { maxLength: 3 }),
  settings,
});

describe('base64url', () => {
  it('round-trips every length, without padding or +/', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const s = toBase64Url(bytes);
        expect(s).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(s)).toEqual(bytes);
      }),
    );
  });
  it('agrees with the standard alphabet on a known vector', () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
    expect(toBase64Url(new TextEncoder().encode('foob'))).toBe('Zm9vYg');
  });
  it('tolerates padding, rejects other characters and impossible lengths', () => {
    expect(fromBase64Url('Zm9vYg==')).toEqual(new TextEncoder().encode('foob'));
    expect(fromBase64Url('Zm9v+g')).toHaveProperty('error');
    expect(fromBase64Url('Zm9vY')).toHaveProperty('error');
    expect(fromBase64Url('Zm9v\u00e9g')).toHaveProperty('error');
  });
});

describe('s1 round-trips', () => {
  it('encodes to s1.<base64url> and decodes to the same scenario (fuzzed)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const link = encodeScenario(s);
        expect(link).toMatch(/^s1\.[A-Za-z0-9_-]+$/);
        const r = decodeScenario(link);
        if (!r.ok) throw new Error(r.error);
        expect(r.scenario).toEqual(s);
        expect(r.warnings).toEqual([]);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('accepts a whole link, #s1.… and surrounding whitespace', () => {
    const s = makeScenario({ manifests: MANIFEST, requests: [{ name: 'home', request: { host: 'a', path: '/' } }] });
    const url = shareUrl('https://example.org/sim/?x=1#old', s);
    expect(url.startsWith('https://example.org/sim/?x=1#s1.')).toBe(true);
    for (const form of [url, url.slice(url.indexOf('#')), `  ${url.slice(url.indexOf('#') + 1)}\n`]) {
      const r = decodeScenario(form);
      expect(r.ok && r.scenario).toEqual(s);
    }
  });

  it('keeps the manifests as raw text after a one-line JSON header (so the dictionary matches)', () => {
    // Inflate by hand: the YAML must appear verbatim, not JSON-escaped.
    const link = encodeScenario(makeScenario({ manifests: MANIFEST }));
    const bytes = fromBase64Url(link.slice(3)) as Uint8Array;
    const payload = new TextDecoder().decode(inflateSync(bytes, { dictionary: DICT }));
    const nl = payload.indexOf('\n');
    expect(JSON.parse(payload.slice(0, nl))).toMatchObject({ scenarioVersion: 1, engineVersion: ENGINE_VERSION });
    expect(payload.slice(nl + 1)).toBe(MANIFEST);
  });

  it('compresses with the dictionary: a small scenario fits in a short link', () => {
    const link = encodeScenario(makeScenario({ manifests: MANIFEST }));
    expect(link.length).toBeLessThan(130);
  });

  it('round-trips a 5 MB manifests field, fast', () => {
    const big = makeScenario({ manifests: MANIFEST.repeat(Math.ceil((5 * 1024 * 1024) / MANIFEST.length)) });
    const t0 = performance.now();
    const r = decodeScenario(encodeScenario(big));
    expect(r.ok && r.scenario.manifests === big.manifests).toBe(true);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('refuses to encode more than a link may carry, with a clear message', () => {
    const huge = makeScenario({ manifests: 'x'.repeat(LIMITS.shareMaxInflatedBytes + 1) });
    expect(() => encodeScenario(huge)).toThrow(ShareError);
    expect(() => encodeScenario(huge)).toThrow(/at most 8 MB/);
  });
});

describe('hostile and broken links never throw and say what is wrong', () => {
  const good = encodeScenario(makeScenario({ manifests: MANIFEST }));

  it('empty or missing fragment', () => {
    expectError('', /no scenario/);
    expectError('https://example.org/#', /no scenario/);
  });

  it('wrong prefix', () => {
    expectError(`v1.${good.slice(3)}`, /does not start with "s1\."/);
    expectError('S1.abc', /does not start with "s1\."/);
    expectError('s1abc', /does not start with "s1\."/);
    expectError('#top', /does not start with "s1\."/);
  });

  it('a newer codec says so', () => {
    expectError(`s2.${good.slice(3)}`, /newer version of gateway-sim \(link format s2/);
  });

  it('malformed base64', () => {
    expectError('s1.abc$def', /character "\$" at position 4/);
    expectError('s1.ab cd', /character " "/);
    expectError('s1.a', /impossible/);
  });

  it('a truncated payload', () => {
    for (const cut of [4, 10, Math.floor(good.length / 2), good.length - 3]) {
      const r = decodeScenario(good.slice(0, cut));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/cut off|damaged|impossible|not valid|incomplete/);
    }
    expectError('s1.', /no content/);
  });

  it('garbage after the prefix', () => {
    expectError('s1.hello-world_this-is-not-deflate', /damaged|cut off|not valid|incomplete/);
    expectError(`s1.${'A'.repeat(64)}`, /damaged|cut off|not valid|incomplete/);
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
          maxLength: 200,
        }),
        (g) => {
          const r = decodeScenario(`s1.${g}`);
          // Random bytes almost never inflate to a valid scenario, and must never throw.
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a payload compressed without the dictionary (or another one) is damaged, not accepted', () => {
    const r = decodeScenario(pack(`${header({})}\n${MANIFEST}`, new TextEncoder().encode('x'.repeat(2000))));
    // Back-references into the wrong dictionary give wrong text or invalid distances; either way no throw.
    expect(typeof r.ok).toBe('boolean');
  });

  it('a deflate bomb stops at the cap, quickly', () => {
    // 16 MB of one byte compresses to ~16 KB; inflating all of it would allocate 16 MB.
    const bomb = new Uint8Array(16 * 1024 * 1024).fill(32);
    const link = pack(bomb);
    const t0 = performance.now();
    expectError(link, /more than 8 MB/);
    // ~0.1 s warm; the bound is loose because a cold JIT on a loaded 2-core CI box is several times slower.
    expect(performance.now() - t0).toBeLessThan(4000);
  });

  it('an oversized fragment is refused before any work', () => {
    const t0 = performance.now();
    expectError(`s1.${'A'.repeat(12 * 1024 * 1024)}`, /more than any share link can be/);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('content that is not UTF-8, or has no header line', () => {
    expectError(pack(new Uint8Array([0xff, 0xfe, 0x00, 0x0a])), /not valid UTF-8/);
    expectError(pack('{"scenarioVersion":1}'), /incomplete/);
    expectError(pack(`{"scenarioVersion":1,\n${MANIFEST}`), /header is not valid JSON/);
  });

  it('unexpected JSON types', () => {
    expectError(pack(`[]\n${MANIFEST}`), /should be a JSON object, not a list/);
    expectError(pack(`null\n`), /not null/);
    expectError(pack(`"s"\n`), /not the text "s"/);
    expectError(pack(`${header({ scenarioVersion: '1' })}\n`), /scenarioVersion should be a whole number/);
    expectError(pack(`${header({ scenarioVersion: 1.5 })}\n`), /scenarioVersion/);
    expectError(pack(`${header({ engineVersion: 7 })}\n`), /engineVersion: expected text, got the number 7/);
    expectError(pack(`${header({ requests: {} })}\n`), /requests: expected a list, got a map/);
    expectError(
      pack(`${header({ requests: [{ request: { port: '80' } }] })}\n`),
      /requests\[0\]\.request\.port: expected a whole number from 1 to 65535, got the text "80"/,
    );
    expectError(pack(`${header({ requests: [{ name: 'x' }] })}\n`), /requests\[0\]: the field "request" is missing/);
    expectError(pack(`${header({ requests: [{ request: { headers: [['a']] } }] })}\n`), /\[name, value\] pair/);
    expectError(
      pack(`${header({ tests: [{ name: 't', request: {}, expect: { outcome: 'teleport' } }] })}\n`),
      /tests\[0\]\.expect\.outcome: expected one of/,
    );
    expectError(
      pack(`${header({ tests: [{ name: 't', request: {}, expect: { backends: { 'a/b': 2 } } }] })}\n`),
      /share from 0 to 1/,
    );
    expectError(pack(`${header({ settings: { channel: 'beta' } })}\n`), /settings\.channel/);
    expectError(pack(`${header({ settings: [] })}\n`), /settings: expected a map, got a list/);
  });

  it('a manifests field inside the header (5 MB of it) is ignored with a warning: manifests are the raw text', () => {
    const r = decodeScenario(pack(`${header({ manifests: 'a'.repeat(5 * 1024 * 1024) })}\n${MANIFEST}`));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.scenario.manifests).toBe(MANIFEST);
      expect(r.warnings).toContain('manifests: unknown field, ignored');
    }
  });

  it('prototype keys stay plain data', () => {
    const r = decodeScenario(
      pack(`${header({ requests: [{ request: { headers: JSON.parse('{"__proto__":"x","a":"b"}') } }] })}\n`),
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      const h = r.scenario.requests[0]!.request.headers as Record<string, string>;
      expect(Object.getPrototypeOf(h)).toBe(Object.prototype);
      expect(Object.keys(h)).toEqual(['__proto__', 'a']);
    }
  });

  it('unknown fields are dropped with a warning', () => {
    const r = decodeScenario(
      pack(
        `${header({ future: 1, requests: [{ request: { host: 'a', teleport: true } }], settings: { decisions: { newThing: 'x', hostnamePrecedence: 'sideways' } } })}\n`,
      ),
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.scenario.requests).toEqual([{ request: { host: 'a' } }]);
      expect(r.scenario.settings).toEqual({ decisions: {} });
      expect(r.warnings.join('\n')).toMatch(/future: unknown field/);
      expect(r.warnings.join('\n')).toMatch(/requests\[0\]\.request\.teleport: unknown field/);
      expect(r.warnings.join('\n')).toMatch(/newThing: unknown simulator decision/);
      expect(r.warnings.join('\n')).toMatch(/hostnamePrecedence: the text "sideways" is not one of rank, partition/);
    }
  });

  it('missing lists and settings default to empty', () => {
    const r = decodeScenario(pack(`{"scenarioVersion":1,"engineVersion":"${ENGINE_VERSION}"}\n${MANIFEST}`));
    expect(r.ok && r.scenario).toEqual(makeScenario({ manifests: MANIFEST }));
  });
});

describe('versions', () => {
  it('a newer scenario version is refused with a clear message', () => {
    expectError(
      pack(`${header({ scenarioVersion: 99 })}\n`),
      /newer version of gateway-sim \(scenario version 99; this version reads up to 1\)/,
    );
  });

  it('an older or newer engine version opens with a warning', () => {
    const older = decodeScenario(pack(`${header({ engineVersion: '0.0.1' })}\n${MANIFEST}`));
    expect(older.ok && older.warnings).toEqual([
      `This link was made with an older engine (0.0.1; this is ${ENGINE_VERSION}); verdicts may differ.`,
    ]);
    const newer = decodeScenario(pack(`${header({ engineVersion: '99.0.0' })}\n${MANIFEST}`));
    expect(newer.ok && newer.warnings[0]).toMatch(/newer engine \(99\.0\.0/);
    const odd = decodeScenario(pack(`${header({ engineVersion: 'banana' })}\n${MANIFEST}`));
    expect(odd.ok && odd.warnings[0]).toMatch(/unknown engine version/);
  });

  it('migrations step through every version and say so', () => {
    const warnings: string[] = [];
    const r = migrate(
      { scenarioVersion: 1, old: 'x' },
      1,
      warnings,
      {
        1: (h) => ({ ...h, scenarioVersion: 2, renamed: h.old }),
        2: (h) => ({ ...h, scenarioVersion: 3 }),
      },
      3,
    );
    expect(r).toEqual({ header: { scenarioVersion: 3, old: 'x', renamed: 'x' } });
    expect(warnings).toEqual(['This link uses scenario version 1; it was upgraded to version 3.']);
    expect(migrate({}, 1, [], {}, 2)).toEqual({
      error: 'scenario version 1 is no longer supported (no migration to 2)',
    });
  });

  it('compares engine versions numerically', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('v1.2', '1.2.0')).toBe(0);
    expect(compareVersions('1.0.0-rc1', '1.0.0')).toBe(0);
    expect(compareVersions('x', '1')).toBeUndefined();
  });
});
