// Hostile input through the CLI (issue "Hardening"): never a stack trace, exit 1 for findings and 2 for
// usage errors or unreadable input (contracts §4), and under a second for each case.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import { LIMITS } from '../engine/index.ts';
import { encodeScenario, makeScenario } from '../engine/share/index.ts';
import { BASE, withRoute } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'gwsim-hardening-'));
let n = 0;
function file(text: string | Uint8Array, name = `f${n++}.yaml`): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

async function run(argv: string[], budgetMs = 1000) {
  const out: string[] = [];
  const err: string[] = [];
  const t0 = performance.now();
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  const ms = performance.now() - t0;
  const all = `${out.join('\n')}\n${err.join('\n')}`;
  // Never a stack trace, never an internal error.
  expect(all).not.toMatch(/^\s+at .*[:(]\d+:\d+\)?$/m);
  expect(all).not.toMatch(/internal error/);
  expect(ms, `${argv.join(' ').slice(0, 80)} took ${ms} ms`).toBeLessThan(budgetMs);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const route = file(withRoute('  rules:\n  - backendRefs: [{name: svc, port: 80}]\n'), 'route.yaml');

const bomb = (() => {
  const levels = ['  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const p = String.fromCharCode(96 + i);
    const c = String.fromCharCode(97 + i);
    levels.push(`  ${c}: &${c} [${Array(9).fill(`*${p}`).join(',')}]`);
  }
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n${levels.join('\n')}\n`;
})();

describe('check with hostile manifests: exit 1 with file:line:col', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['an alias bomb', bomb, /:1:1: error: .*alias bomb/],
    ['10,000-level flow nesting', `a: ${'['.repeat(10000)}${']'.repeat(10000)}\n`, /:1:4: error: .*nests more than/],
    ['10,000-level block nesting', `a:\n${'- '.repeat(10000)}x\n`, /:2:1: error: .*nests more than/],
    ['binary data', Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) & 0xff), /error: /],
    ['a NUL byte', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "a\u0000"}\n', /:3:\d+: error: .*NUL byte/],
    ['tabs', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n', /:4:1: error: .*Tabs/],
    [
      'duplicate keys',
      'apiVersion: v1\nkind: ConfigMap\nkind: ConfigMap\nmetadata: {name: a}\n',
      /:3:1: error: Duplicate key/,
    ],
    [
      'an anchor from another document',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: &m {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: *m\n',
      /:7:11: error: The alias \*m has no anchor/,
    ],
    [
      'wrong types',
      withRoute('  rules: {backendRefs: {name: svc, port: "80"}}\n'),
      /error: spec\.rules: Invalid value/,
    ],
    [
      "an invalid RE2 regex (Dropped Rule is a warning; the lint names Go's error)",
      withRoute('  rules:\n  - matches: [{path: {type: RegularExpression, value: "/(a"}}]\n'),
      /error: .*All rules are dropped: rule 0 has a regular expression RE2 cannot compile[\s\S]*warning: .*error parsing regexp: missing closing \)/,
    ],
  ];
  for (const [what, text, message] of cases) {
    it(what, async () => {
      const r = await run(['check', file(text)]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(message);
    });
  }

  it('the RE2 error text and the Dropped Rule appear in --json', async () => {
    const text = withRoute(
      '  rules:\n  - matches: [{path: {type: RegularExpression, value: "/(a"}}]\n    backendRefs: [{name: svc, port: 80}]\n  - backendRefs: [{name: svc, port: 80}]\n',
    );
    const r = await run(['check', '--json', file(text)]);
    const j = JSON.parse(r.out) as { diagnostics: { code: string; message: string; line: number }[] };
    expect(j.diagnostics.find((d) => d.code === 'regex-not-re2')?.message).toContain(
      'error parsing regexp: missing closing ): `/(a`',
    );
    expect(j.diagnostics.find((d) => d.code === 'UnsupportedValue')?.message).toMatch(/^Dropped Rule/);
  });

  it('a BOM, CRLF line endings and merge keys are fine: exit 0', async () => {
    const text = `\uFEFF${BASE.replace(/\n/g, '\r\n')}---\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: m, namespace: default, labels: &x {a: "1"}}\r\ndata: {<<: *x, b: "2"}\r\n`;
    const r = await run(['check', file(text)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('check around the input cap', () => {
  const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: ';
  const sized = (bytes: number) => `${head}${'a'.repeat(bytes - head.length - 1)}\n`;

  it('--max-input-bytes: at the cap exit 0, one byte over exit 1 with one message', async () => {
    const under = await run(['check', '--max-input-bytes', '65536', file(sized(65536))]);
    expect(under.code).toBe(0);
    const over = await run(['check', '--max-input-bytes', '65536', file(sized(65537))]);
    expect(over.code).toBe(1);
    expect(over.err.split('\n')).toHaveLength(1);
    expect(over.err).toMatch(/:1:1: error: The input is at least 0\.1 MB, over the 0\.1 MB limit.*--max-input-bytes/);
  });

  it('the default 64 MB cap: one byte over is refused quickly', async () => {
    const p = file(sized(LIMITS.engineMaxInputBytes + 1), 'big.yaml');
    const r = await run(['check', p], 5000);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/over the 64\.0 MB limit/);
  }, 30_000);

  it('bad --max-input-bytes values are usage errors', async () => {
    for (const v of ['abc', '-1', '0', '1.5', '1e400'])
      expect((await run(['check', '--max-input-bytes', v, route])).code, v).toBe(2);
  });

  it('unreadable input: exit 2', async () => {
    expect((await run(['check', join(dir, 'missing.yaml')])).code).toBe(2);
    expect((await run(['check', dir])).code).toBe(2);
    expect((await run(['check'])).code).toBe(2);
  });
});

describe('request with hostile requests', () => {
  it('CR/LF in header values and bad header names: answered, with warnings', async () => {
    const r = await run([
      'request',
      route,
      '--request',
      JSON.stringify({
        path: '/',
        headers: [
          ['x\r\ny', 'a'],
          ['ok', 'v\r\nInjected: 1'],
        ],
      }),
    ]);
    expect(r.code).toBe(0);
    expect(`${r.out}\n${r.err}`).toMatch(/not a valid HTTP field name/);
    expect(`${r.out}\n${r.err}`).toMatch(/contains a CR, LF or NUL/);
  });

  it('-H without a colon, bad JSON, wrong JSON types, bad URLs and ports: exit 2', async () => {
    for (const argv of [
      ['-H', 'no colon here', '--url', 'http://a/'],
      ['--request', '{'],
      ['--request', '[]'],
      ['--request', 'null'],
      ['--request', '"x"'],
      ['--request', '{"port": "80"}'],
      ['--request', '{"headers": 5}'],
      ['--url', 'ftp://a/'],
      ['--url', 'javascript://alert(1)'],
      ['--url', 'http://a/', '--port', 'abc'],
      ['--url', 'http://a/', '--port', '70000'],
    ]) {
      const r = await run(['request', route, ...argv]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.length).toBeGreaterThan(0);
    }
  });

  it('an IDN host, an IPv6 host and a 100 KB path get a verdict', async () => {
    for (const url of ['http://bücher.example/', 'http://[::1]:80/', `http://a.example/${'a'.repeat(100_000)}`]) {
      const r = await run(['request', route, '--url', url, '--json']);
      expect([0, 1]).toContain(r.code);
      expect(() => JSON.parse(r.out)).not.toThrow();
    }
  });
});

describe('test with hostile cases files', () => {
  const cases: [string, string][] = [
    ['an alias bomb', bomb.replace('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\n', 'cases: []\n')],
    ['deep nesting', `cases: ${'['.repeat(10000)}${']'.repeat(10000)}\n`],
    ['not a list', 'cases: 5\n'],
    ['wrong types', 'cases:\n- name: x\n  request: [1]\n'],
    ['a bad expectation', 'cases:\n- name: x\n  request: {path: /}\n  expect: {status: "200"}\n'],
    ['binary', '\u0000\u0001\u0002\u00ff'],
  ];
  for (const [what, text] of cases) {
    it(what, async () => {
      const r = await run(['test', route, '--cases', file(text)]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^gateway-sim test: /);
    });
  }

  it('hostile manifests with a good cases file: findings, exit 1', async () => {
    const cases = file('cases:\n- name: root\n  request: {path: /}\n  expect: {outcome: forward}\n');
    const r = await run(['test', file(bomb), '--cases', cases]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/0 passed, 1 failed/);
  });
});

describe('share with hostile links and inputs', () => {
  const good = encodeScenario(makeScenario({ manifests: BASE }));
  const b64url = (u: Uint8Array) => {
    let s = '';
    for (const b of u) s += String.fromCharCode(b);
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  const links: [string, string, RegExp][] = [
    ['malformed base64', 's1.abc$def', /character "\$"/],
    ['a truncated payload', good.slice(0, Math.floor(good.length / 2)), /cut off|damaged|incomplete|not valid/],
    ['a wrong version prefix', `v9.${good.slice(3)}`, /does not start with "s1\."/],
    ['a newer codec', `s2.${good.slice(3)}`, /newer version/],
    ['a valid prefix with garbage', 's1.hello-world_this-is-not-deflate', /damaged|cut off|not valid|incomplete/],
    [
      'a deflate bomb',
      `s1.${b64url(deflateSync(new Uint8Array(16 * 1024 * 1024).fill(32), { level: 9 }))}`,
      /more than 8 MB/,
    ],
    [
      'JSON of the wrong type',
      `s1.${b64url(deflateSync(new TextEncoder().encode('[]\n')))}`,
      /damaged|JSON object|not valid/,
    ],
  ];
  for (const [what, link, message] of links) {
    it(`--decode: ${what}`, async () => {
      const r = await run(['share', '--decode', `https://example.org/gwsim/#${link}`], 4000);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    });
  }

  it('a 5 MB manifests field round-trips through share and share --decode', async () => {
    const big = `${BASE}---\n${'# filler line for a big scenario\n'.repeat(160_000)}`;
    expect(big.length).toBeGreaterThan(5_000_000);
    const made = await run(['share', file(big)], 10_000);
    expect(made.code).toBe(0);
    const link = made.out.trim().split('\n').pop() ?? '';
    const back = await run(['share', '--decode', link, '--json'], 10_000);
    expect(back.code).toBe(0);
    expect((JSON.parse(back.out) as { manifests: string }).manifests).toBe(big);
  }, 60_000);

  it('share of an unreadable file, or with a bad --request: exit 2', async () => {
    expect((await run(['share', join(dir, 'nope.yaml')])).code).toBe(2);
    expect((await run(['share', route, '--request', '{'])).code).toBe(2);
  });
});
