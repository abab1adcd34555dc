// Hostile and broken YAML (issue "Hardening"): every case gives a clear diagnostic that points at a
// line, never throws, never hangs, and keeps the other documents.

import { describe, expect, it } from 'vitest';
import { analyze, LIMITS } from '../engine/index.ts';
import { analyzeHostile, at, errors, find } from './fixtures.ts';

const cm = (name: string, data = '{a: b}') =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\ndata: ${data}\n`;

describe('alias bombs', () => {
  it('billion laughs is refused quickly, the other documents stay', () => {
    const levels = ['  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const p = String.fromCharCode(96 + i);
      const c = String.fromCharCode(97 + i);
      levels.push(`  ${c}: &${c} [${Array(9).fill(`*${p}`).join(',')}]`);
    }
    const text = `${cm('ok')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n${levels.join('\n')}\n`;
    const a = analyzeHostile(text);
    const d = find(a, 'yaml-aliases');
    expect(d?.message).toMatch(/alias bomb/);
    expect([5, 6]).toContain(d?.line); // the document (its --- line)
    expect(a.resources.map((r) => r.name)).toEqual(['ok']);
  });

  it('a mapping bomb (aliases of maps of aliases) is refused too', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\nx0: &x0 {a: 1, b: 1, c: 1, d: 1}\n${Array.from(
      { length: 12 },
      (_, i) => `x${i + 1}: &x${i + 1} {a: *x${i}, b: *x${i}, c: *x${i}, d: *x${i}}`,
    ).join('\n')}\n`;
    const a = analyzeHostile(text);
    expect(find(a, 'yaml-aliases')).toBeDefined();
  });

  it('just under the alias cap is read; just over it is refused', () => {
    const doc = (n: number) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nbinaryData: &v {}\ndata: {${Array.from({ length: n }, (_, i) => `k${i}: *s`).join(', ')}}\nimmutable: &s x\n`;
    // Aliases must follow their anchor: build it the right way round.
    const ok = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nx: &s v\ndata: [${Array(
      LIMITS.maxAliasesPerDocument - 1,
    )
      .fill('*s')
      .join(',')}]\n`;
    const over = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nx: &s v\ndata: [${Array(
      LIMITS.maxAliasesPerDocument + 1,
    )
      .fill('*s')
      .join(',')}]\n`;
    expect(find(analyzeHostile(ok), 'yaml-aliases')).toBeUndefined();
    expect(find(analyzeHostile(over), 'yaml-aliases')).toBeDefined();
    // An alias before its anchor is not a bomb: it is unresolved, and said so at the alias.
    const early = doc(3);
    const a = analyzeHostile(early);
    const d = find(a, 'yaml-alias-unresolved');
    expect(d?.message).toMatch(/\*s has no anchor &s before it/);
    expect(at(early, d)).toBe('*s');
  });
});

describe('anchors and merge keys', () => {
  it('merge keys inside one document are resolved (kubectl accepts them)', () => {
    const text = `apiVersion: v1\nkind: Service\nmetadata: &meta {name: a, namespace: default, labels: {app: a}}\nspec: {ports: [{port: 80}]}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  <<: {x: "1", y: "2"}\n  y: "3"\n`;
    const a = analyzeHostile(text);
    expect(errors(a)).toEqual([]);
    const b = a.resources.find((r) => r.name === 'b');
    expect(b?.obj.data).toEqual({ x: '1', y: '3' });
  });

  it('merge keys from an anchor in the same document', () => {
    const text = `apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: gc}\nspec: &s {controllerName: example.com/c}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: default}\nspec:\n  gatewayClassName: gc\n  listeners:\n  - &l {name: a, port: 80, protocol: HTTP}\n  - <<: *l\n    name: b\n    port: 81\n`;
    const a = analyzeHostile(text);
    expect(errors(a)).toEqual([]);
    const gw = a.resources.find((r) => r.kind === 'Gateway');
    const spec = gw?.obj.spec as { listeners: { name: string; protocol: string }[] } | undefined;
    expect(spec?.listeners[1]).toMatchObject({
      name: 'b',
      protocol: 'HTTP',
    });
  });

  it('an anchor from another document is not visible: clear message at the alias, other documents kept', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: &m {name: a, namespace: default}\ndata: {}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: *m\ndata: {}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  <<: *m\n  name: b\nspec: {ports: [{port: 80}]}\n`;
    const a = analyzeHostile(text);
    const ds = a.diagnostics.filter((d) => d.code === 'yaml-alias-unresolved');
    expect(ds).toHaveLength(2);
    expect(ds[0]?.line).toBe(8);
    expect(ds[1]?.line).toBe(14);
    expect(ds[0]?.message).toMatch(/anchors do not carry across "---"/);
    expect(ds.every((d) => at(text, d) === '*m')).toBe(true);
    expect(a.resources.map((r) => r.name)).toEqual(['a']);
    expect(find(a, 'yaml-aliases')).toBeUndefined();
  });
});

describe('nesting', () => {
  it('10,000 levels of flow nesting: refused before parsing, at the first bracket', () => {
    for (const [open, close] of [
      ['[', ']'],
      ['{a: ', '}'],
    ] as const) {
      const text = `${cm('ok')}---\n${cm('deep', `${open.repeat(10000)}1${close.repeat(10000)}`)}`;
      const a = analyzeHostile(text);
      const d = find(a, 'too-deep');
      expect(d?.message).toMatch(new RegExp(`more than ${LIMITS.maxNestingDepth} levels`));
      expect(d?.line).toBe(8);
      expect(a.resources.map((r) => r.name)).toEqual(['ok']);
    }
  });

  it('10,000 levels of block nesting: a clear error, no crash', () => {
    const text = `${cm('ok')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n${'- '.repeat(10000)}x\n`;
    const a = analyzeHostile(text);
    const d = errors(a).find((x) => /nest/i.test(x.message));
    expect(d).toBeDefined();
    expect(d?.line).toBeGreaterThanOrEqual(5);
    expect(a.resources.map((r) => r.name)).toEqual(['ok']);
  });

  it('just under the nesting cap is read (the flow pre-check does not refuse it)', () => {
    const n = 200;
    const a = analyzeHostile(cm('d', `{x: ${'['.repeat(n)}${']'.repeat(n)}}`));
    expect(find(a, 'too-deep')).toBeUndefined();
    expect(errors(a).some((d) => /nest/i.test(d.message))).toBe(false);
    // and just over is refused
    const over = LIMITS.maxNestingDepth + 1;
    expect(find(analyzeHostile(cm('d', `${'['.repeat(over)}${']'.repeat(over)}`)), 'too-deep')).toBeDefined();
  });
});

describe('size caps (contracts §7)', () => {
  const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: ';
  const sized = (bytes: number) => `${head}${'a'.repeat(bytes - head.length - 1)}\n`;

  it('a small cap: one byte over is refused with one message, at the cap it is read', () => {
    const cap = 4096;
    expect(analyzeHostile(sized(cap), { maxInputBytes: cap }).diagnostics).toEqual([]);
    const a = analyzeHostile(sized(cap + 1), { maxInputBytes: cap });
    expect(a.diagnostics.map((d) => d.code)).toEqual(['input-too-large']);
    expect(a.diagnostics[0]?.line).toBe(1);
  });

  it('the cap counts UTF-8 bytes, not characters', () => {
    const cap = 4096;
    const text = `${head}${'é'.repeat(3000)}\n`; // ~6 KB of UTF-8, ~3 K characters
    expect(text.length).toBeLessThan(cap);
    expect(analyzeHostile(text, { maxInputBytes: cap }).diagnostics.map((d) => d.code)).toEqual(['input-too-large']);
  });

  it('page cap (16 MB): just over is refused at once; just under is analysed', () => {
    const cap = LIMITS.pageMaxInputBytes;
    const under = sized(cap);
    const over = `${under}x`;
    const a = analyzeHostile(over, { maxInputBytes: cap }, 1000);
    expect(a.diagnostics.map((d) => d.code)).toEqual(['input-too-large']);
    expect(a.diagnostics[0]?.message).toMatch(/over the 16\.0 MB limit.*use the CLI/);
    // Analysing 16 MB takes a few seconds (the page does it in its worker, with the watchdog).
    const b = analyzeHostile(under, { maxInputBytes: cap }, 30_000);
    expect(b.diagnostics).toEqual([]);
    expect(b.resources[0]?.name).toBe('big');
  }, 60_000);

  it('engine cap (64 MB): just over is refused at once, with the flag to raise it', () => {
    const cap = LIMITS.engineMaxInputBytes;
    const over = `${sized(cap)}x`;
    const a = analyzeHostile(over, undefined, 1000);
    expect(a.diagnostics.map((d) => d.code)).toEqual(['input-too-large']);
    expect(a.diagnostics[0]?.message).toMatch(/over the 64\.0 MB limit.*--max-input-bytes/);
  }, 60_000);

  it('engine cap (64 MB): just under is analysed', () => {
    const a = analyzeHostile(sized(LIMITS.engineMaxInputBytes), undefined, 60_000);
    expect(a.diagnostics).toEqual([]);
  }, 120_000);
});

describe('bytes that are not YAML text', () => {
  it('binary data (a PNG, random bytes) is skipped with a message; other documents stay', () => {
    const png = String.fromCharCode(
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      0x0d,
      0x49,
      0x48,
      0x44,
      0x52,
    );
    let seed = 7;
    const rnd = Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return String.fromCharCode(seed & 0xff);
    }).join('');
    for (const junk of [png, rnd, `\uFFFD\uFFFD${rnd}`]) {
      const text = `${cm('ok')}---\n${junk}\n`;
      const a = analyzeHostile(text);
      expect(a.resources.map((r) => r.name)).toEqual(['ok']);
      expect(errors(a).length).toBeGreaterThan(0);
      expect(errors(a).every((d) => (d.line ?? 0) >= 5)).toBe(true);
    }
  });

  it('a NUL byte is named and located', () => {
    const text = `${cm('ok')}---\n${cm('bad').replace('name: bad', 'name: b\u0000ad')}`;
    const a = analyzeHostile(text);
    const d = find(a, 'binary');
    expect(d?.message).toMatch(/NUL byte/);
    expect(d?.line).toBe(8);
    expect(at(text, d)).toBe('\u0000');
  });

  it('a BOM, CRLF line endings and a lone CR are read; positions stay right', () => {
    const text = `\uFEFF${cm('a').replace(/\n/g, '\r\n')}---\r\n${cm('b').replace(/\n/g, '\r\n')}---\r\nkind: [\r\n`;
    const a = analyzeHostile(text);
    expect(a.resources.map((r) => r.name)).toEqual(['a', 'b']);
    expect(find(a, 'yaml-syntax')?.line).toBeGreaterThanOrEqual(10);
  });

  it('tabs as indentation are refused with the line; tabs inside values are fine', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n`;
    const d = find(analyzeHostile(text), 'yaml-syntax');
    expect(d?.message).toMatch(/Tabs are not allowed/);
    expect(d?.line).toBe(4);
    expect(errors(analyzeHostile(cm('t', '{a: "x\ty"}')))).toEqual([]);
  });

  it('duplicate keys are errors at the second key (kubectl rejects them)', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  k: "1"\n  k: "2"\n`;
    const d = analyzeHostile(text).diagnostics.find((x) => x.message.startsWith('Duplicate key'));
    expect(d?.severity).toBe('error');
    expect(d?.line).toBe(6);
  });

  it('an empty, whitespace-only or comment-only input is not an error', () => {
    for (const t of ['', '   \n\n', '# nothing\n', '---\n---\n', '\uFEFF'])
      expect(errors(analyzeHostile(t)), JSON.stringify(t)).toEqual([]);
  });

  it('a lone surrogate and unusual line separators do not break positions', () => {
    const text = `${cm('a')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: "\uD800x"}\ndata: {a: "\u2028\u2029"}\n`;
    const a = analyzeHostile(text);
    expect(a.resources.map((r) => r.name)[0]).toBe('a');
  });

  it('the same hostile input gives the same diagnostics twice (deterministic)', () => {
    const text = `${cm('x', `${'['.repeat(600)}${']'.repeat(600)}`)}---\nkind: \u0000\n---\na: *nope\n`;
    expect(JSON.stringify(analyze(text).diagnostics)).toBe(JSON.stringify(analyze(text).diagnostics));
  });
});
