import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.ts';
import { LIMITS } from '../limits.ts';
import { LineIndex } from './lines.ts';
import { locate, ParseCache, parseFile, splitDocuments } from './parse.ts';

const svc = (name: string, extra = '') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${extra}spec:\n  ports:\n  - port: 80\n`;

describe('splitDocuments', () => {
  it('splits on --- lines and keeps offsets', () => {
    const text = `${svc('a')}---\n${svc('b')}`;
    const chunks = splitDocuments(text);
    expect(chunks).toHaveLength(2);
    expect(chunks[1]?.start).toBe(text.indexOf('---'));
    expect(chunks.map((c) => c.text).join('')).toBe(text);
  });
  it('does not split on --- inside a line or on ----', () => {
    expect(splitDocuments('a: x---\n----\nb: 1\n')).toHaveLength(1);
  });
  it('keeps a directive with the document after it', () => {
    const chunks = splitDocuments('%YAML 1.2\n---\na: 1\n');
    expect(chunks).toHaveLength(1);
  });
});

describe('parseFile', () => {
  it('reports a syntax error at its position and keeps the other documents', () => {
    const text = `${svc('a')}---\nfoo: [\n---\n${svc('b')}`;
    const a = analyze(text);
    expect(a.resources.map((r) => r.name)).toEqual(['a', 'b']);
    const err = a.diagnostics.find((d) => d.code === 'yaml-syntax');
    expect(err).toBeDefined();
    expect(err?.line).toBeGreaterThanOrEqual(10);
  });

  it('reports duplicate keys as errors at the second key', () => {
    const a = analyze('apiVersion: v1\nkind: Service\nkind: Service\nmetadata: {name: a}\n');
    const d = a.diagnostics.find((x) => x.message.startsWith('Duplicate key'));
    expect(d?.severity).toBe('error');
    expect(d?.line).toBe(3);
  });

  it('accepts JSON input', () => {
    const a = analyze('{"apiVersion":"v1","kind":"Service","metadata":{"name":"j"}}');
    expect(a.resources[0]?.name).toBe('j');
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('handles a BOM, CRLF line endings and reports positions in the original text', () => {
    const text = `\uFEFF${svc('a').replace(/\n/g, '\r\n')}---\r\nkind: [\r\n`;
    const a = analyze(text);
    expect(a.resources[0]?.name).toBe('a');
    const err = a.diagnostics.find((d) => d.code === 'yaml-syntax');
    expect(err?.line).toBeGreaterThanOrEqual(9);
  });

  it('rejects tabs as indentation with a clear message', () => {
    const a = analyze('apiVersion: v1\nkind: Service\nmetadata:\n\tname: a\n');
    const d = a.diagnostics.find((x) => x.code === 'yaml-syntax');
    expect(d?.message).toMatch(/Tabs are not allowed/);
    expect(d?.line).toBe(4);
  });

  it('refuses an alias bomb quickly', () => {
    const bomb = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: lol}',
      'data:',
      '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      '  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      '  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      '  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      '  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      '  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      '  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      '  h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
      '  i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
    ].join('\n');
    const t0 = performance.now();
    const a = analyze(bomb);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(a.diagnostics.some((d) => d.code === 'yaml-aliases' && d.message.includes('alias bomb'))).toBe(true);
    expect(a.resources).toEqual([]);
  });

  it('refuses deep nesting with a message instead of a crash', () => {
    const deep = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${'['.repeat(10000)}${']'.repeat(10000)}\n`;
    const a = analyze(deep);
    expect(a.diagnostics.some((d) => d.severity === 'error' && /nest/i.test(d.message))).toBe(true);
    expect(a.resources).toEqual([]);
  });

  it('skips binary data with a clear message', () => {
    const a = analyze(`${svc('a')}---\nkind: \u0000\u0001\u0002garbage\n`);
    expect(a.resources.map((r) => r.name)).toEqual(['a']);
    expect(a.diagnostics.some((d) => d.code === 'binary')).toBe(true);
  });

  it('refuses input over the size cap with one message', () => {
    const a = analyze('a'.repeat(2000), { maxInputBytes: 1000 });
    expect(a.diagnostics).toHaveLength(1);
    expect(a.diagnostics[0]?.code).toBe('input-too-large');
    expect(a.diagnostics[0]?.message).toMatch(/over the .* limit/);
  });

  it('the default engine cap is the contract value', () => {
    expect(LIMITS.engineMaxInputBytes).toBe(64 * 1024 * 1024);
    expect(LIMITS.pageMaxInputBytes).toBe(16 * 1024 * 1024);
  });

  it('re-parses only changed documents', () => {
    const cache = new ParseCache();
    const a = `${svc('a')}---\n${svc('b')}`;
    const first = parseFile({ name: 'f', text: a }, cache);
    cache.generation();
    const second = parseFile({ name: 'f', text: a.replace('name: b', 'name: c') }, cache);
    expect(second[0]?.doc).toBe(first[0]?.doc);
    expect(second[1]?.doc).not.toBe(first[1]?.doc);
  });
});

describe('locate', () => {
  it('finds values and keys, and falls back to the closest written node', () => {
    const text = svc('alpha');
    const [pd] = parseFile({ name: 'f', text });
    if (!pd) throw new Error('no doc');
    const v = locate(pd, ['metadata', 'name']);
    expect(text.slice(v.start, v.end)).toBe('alpha');
    const k = locate(pd, ['metadata', 'name'], true);
    expect(text.slice(k.start, k.end)).toBe('name');
    const port = locate(pd, ['spec', 'ports', 0, 'port']);
    expect(text.slice(port.start, port.end)).toBe('80');
    const missing = locate(pd, ['spec', 'ports', 0, 'targetPort']);
    expect(text.slice(missing.start, missing.end)).toContain('port: 80');
  });

  it('keeps only a compact index of the document, with the same answers on edge cases', () => {
    const text = 'a:\n  empty:\n  list: [x, y]\n  al: &A {q: 1}\n  ref: *A\n? [complex]\n: v\n';
    const [pd] = parseFile({ name: 'f', text }, new ParseCache());
    if (!pd) throw new Error('no doc');
    expect(pd.doc.nodes).toBeInstanceOf(Int32Array);
    const at = (path: (string | number)[], key = false) => {
      const r = locate(pd, path, key);
      return text.slice(r.start, r.end);
    };
    expect(at(['a', 'empty'], true)).toBe('empty');
    expect(at(['a', 'empty']).length).toBe(1); // an empty value: one character where it would be
    expect(at(['a', 'list', 1])).toBe('y');
    expect(at(['a', 'list', 5])).toBe('[x, y]'); // past the end: the sequence
    expect(at(['a', 'list', -1])).toBe(text); // no such item: the whole document
    expect(at(['a', 'ref', 'q'])).toBe('*A'); // an alias is not followed
    expect(at(['a', 'al', 'q'], true)).toBe('q');
    expect(at(['nope'])).toBe(text); // the whole document
  });
});

describe('LineIndex', () => {
  it('maps offsets to 1-based lines and columns', () => {
    const li = new LineIndex('ab\ncd\r\nef');
    expect(li.position(0)).toEqual({ line: 1, column: 1 });
    expect(li.position(3)).toEqual({ line: 2, column: 1 });
    expect(li.position(7)).toEqual({ line: 3, column: 1 });
    expect(li.offset(3, 2)).toBe(8);
  });
});

describe('property: arbitrary text', () => {
  const runs = Number(process.env.FUZZ_RUNS ?? 300);
  it('never throws and every diagnostic range lies inside the text', () => {
    const yamlish = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc
        .array(
          fc.constantFrom(
            'apiVersion: v1\n',
            'kind: Service\n',
            '---\n',
            'metadata:\n',
            '  name: x\n',
            '  - ',
            '[',
            ']',
            '{',
            '}',
            ': ',
            '&a ',
            '*a ',
            '\t',
            '\r\n',
            '"',
            "'",
            '\u0000',
            '\uFEFF',
            '#',
            '|\n',
            '%YAML 1.2\n',
          ),
          { maxLength: 40 },
        )
        .map((a) => a.join('')),
    );
    fc.assert(
      fc.property(yamlish, (text) => {
        const a = analyze(text);
        for (const d of a.diagnostics) {
          if (!d.range) continue;
          expect(d.range.start).toBeGreaterThanOrEqual(0);
          expect(d.range.end).toBeLessThanOrEqual(Math.max(text.length, 1));
          expect(d.range.start).toBeLessThanOrEqual(d.range.end);
        }
      }),
      { numRuns: runs },
    );
  });
});
