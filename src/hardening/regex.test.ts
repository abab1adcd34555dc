// Regexes from strangers (issue "Hardening"): RE2 runs in linear time, invalid syntax gets Go's error
// text on the value's range and drops its rule (§4.7 Dropped Rule, PartiallyInvalid, an SD), and huge
// programs are refused like Envoy's max program size.

import { describe, expect, it } from 'vitest';
import { LIMITS, simulate } from '../engine/index.ts';
import { re2Verdict } from '../engine/model/regex.ts';
import { analyzeHostile, at, find, withRoute } from './fixtures.ts';

const regexRoute = (value: string, where: 'path' | 'header' | 'query' = 'path') => {
  const q = JSON.stringify(value);
  const match =
    where === 'path'
      ? `{path: {type: RegularExpression, value: ${q}}}`
      : where === 'header'
        ? `{headers: [{name: x, type: RegularExpression, value: ${q}}]}`
        : `{queryParams: [{name: x, type: RegularExpression, value: ${q}}]}`;
  return withRoute(
    `  rules:\n  - matches: [${match}]\n    backendRefs: [{name: svc, port: 80}]\n  - matches: [{path: {type: PathPrefix, value: /ok}}]\n    backendRefs: [{name: svc, port: 80}]\n`,
  );
};

function parentConditions(a: ReturnType<typeof analyzeHostile>) {
  const st = a.status.find((s) => s.kind === 'HTTPRoute' && s.name === 'r');
  return st?.parents?.[0]?.conditions ?? [];
}

describe('catastrophic patterns run in linear time', () => {
  for (const pattern of ['/(a+)+$', '/(a|a)*b', '/(a*)*b', '/(.*a){20}', '/((a+)+)+c']) {
    it(pattern, () => {
      const text = regexRoute(pattern);
      const a = analyzeHostile(text);
      const t0 = performance.now();
      const t = simulate(a, { path: `/${'a'.repeat(100_000)}!` });
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(t.outcome.kind).toBe('not-found');
    });
  }
  it('a header regex against a 100 KB header value', () => {
    const a = analyzeHostile(regexRoute('(x+x+)+y', 'header'));
    const t0 = performance.now();
    const t = simulate(a, { path: '/', headers: { x: 'x'.repeat(100_000) } });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(t.outcome.kind).toBe('not-found');
  });
});

describe('invalid RE2 syntax: Go error text, exact range, Dropped Rule', () => {
  const cases: [string, string][] = [
    ['/(a', 'error parsing regexp: missing closing ): `/(a`'],
    ['/a++', 'error parsing regexp: invalid nested repetition operator: `++`'],
    ['/a{1001}', 'error parsing regexp: invalid repeat count: `{1001}`'],
    ['/(?<=x)a', 'error parsing regexp: invalid named capture: `(?<=x)a`'],
    ['/[z-a]', 'error parsing regexp: invalid character class range: `z-a`'],
    ['/(a)\\1', 'error parsing regexp: invalid escape sequence: `\\1`'],
    ['/a(?=b)', 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`'],
  ];
  for (const [pattern, goError] of cases) {
    it(pattern, () => {
      const text = regexRoute(pattern);
      const a = analyzeHostile(text);
      const lint = find(a, 'regex-not-re2');
      expect(lint?.message).toContain(goError);
      expect(lint?.path).toBe('spec.rules[0].matches[0].path.value');
      // the range is the pattern as written (a JSON-quoted YAML scalar here)
      expect(at(text, lint)).toBe(JSON.stringify(pattern));
      const dropped = a.diagnostics.find((d) => d.code === 'UnsupportedValue' && d.message.startsWith('Dropped Rule'));
      expect(dropped?.range).toEqual(lint?.range);
      const conds = parentConditions(a);
      expect(conds.find((c) => c.type === 'Accepted')?.status).toBe('True');
      const pi = conds.find((c) => c.type === 'PartiallyInvalid');
      expect(pi?.status).toBe('True');
      expect(pi?.reason).toBe('UnsupportedValue');
      expect(pi?.message.startsWith('Dropped Rule')).toBe(true);
      // the condition and the Dropped Rule diagnostic carry Go's error text too
      expect(pi?.message).toContain(goError);
      expect(dropped?.message).toContain(goError);
      // the other rule still routes; the dropped one never matches
      expect(simulate(a, { path: '/ok' }).outcome.kind).toBe('forward');
      expect(simulate(a, { path: pattern }).outcome.kind).toBe('not-found');
    });
  }

  it('a route whose only rule is dropped is not Accepted', () => {
    const text = withRoute(`  rules:\n  - matches: [{path: {type: RegularExpression, value: "/(a"}}]\n`);
    const conds = parentConditions(analyzeHostile(text));
    expect(conds.find((c) => c.type === 'Accepted')).toMatchObject({ status: 'False', reason: 'UnsupportedValue' });
    expect(conds.find((c) => c.type === 'PartiallyInvalid')).toBeUndefined();
  });

  it('header and query regexes are checked the same way', () => {
    for (const where of ['header', 'query'] as const) {
      const a = analyzeHostile(regexRoute('(a', where));
      expect(find(a, 'regex-not-re2')?.message).toContain('error parsing regexp: missing closing ): `(a`');
      expect(parentConditions(a).find((c) => c.type === 'PartiallyInvalid')?.status).toBe('True');
    }
  });

  it('gRPC method regexes too', () => {
    const text = withRoute(
      `  rules:\n  - matches: [{method: {type: RegularExpression, service: "pkg.(Svc", method: "Get"}}]\n    backendRefs: [{name: svc, port: 80}]\n  - backendRefs: [{name: svc, port: 80}]\n`,
      'GRPCRoute',
    );
    const a = analyzeHostile(text);
    const lint = find(a, 'regex-not-re2');
    expect(lint?.message).toContain('error parsing regexp: missing closing ): `pkg.(Svc`');
    expect(at(text, lint)).toBe('"pkg.(Svc"');
  });
});

describe('program size (Envoy max_program_size)', () => {
  it('re2Verdict counts the program and reports like Envoy', () => {
    expect(re2Verdict('/api/v[0-9]+/users/[^/]+').ok).toBe(true);
    const alt = `/(${Array.from({ length: 60 }, (_, i) => `w${i * 7919}`).join('|')})`;
    const v = re2Verdict(alt);
    expect(v.ok).toBe(false);
    if (v.ok || v.kind !== 'program-size') throw new Error('expected a program-size verdict');
    expect(v.programSize).toBeGreaterThan(LIMITS.maxRegexProgramSize);
    expect(v.message).toBe(
      `regex '${alt}' RE2 program size of ${v.programSize} > max program size of ${LIMITS.maxRegexProgramSize} set for the error level threshold. Increase configured max program size if necessary.`,
    );
  });

  it('a huge alternation is refused on its range and drops its rule, quickly', () => {
    // Within the schema's 1024 characters (longer values are refused by the API server first).
    const alt = `/(${Array.from({ length: 90 }, (_, i) => `wd${i * 7919}`).join('|')})`;
    expect(alt.length).toBeLessThanOrEqual(1024);
    const text = regexRoute(alt);
    const a = analyzeHostile(text);
    const lint = find(a, 'regex-program-size');
    expect(lint?.message).toMatch(/RE2 program size of \d+ > max program size of 100/);
    expect(at(text, lint)).toBe(JSON.stringify(alt));
    const pi = parentConditions(a).find((c) => c.type === 'PartiallyInvalid');
    expect(pi?.status).toBe('True');
    expect(pi?.message).toMatch(/RE2 program size of \d+ > max program size of 100/);
    expect(simulate(a, { path: '/wd0' }).outcome.kind).toBe('not-found');
    expect(simulate(a, { path: '/ok' }).outcome.kind).toBe('forward');
  });

  it('a bounded repeat that explodes the program is refused, not compiled into a hang', () => {
    const text = regexRoute('/[a-z]{1,1000}');
    const a = analyzeHostile(text);
    expect(find(a, 'regex-program-size')).toBeDefined();
  });

  it('just under the cap is accepted', () => {
    let n = 1;
    while (re2Verdict(`/${'a'.repeat(n + 1)}`).ok) n++;
    const ok = re2Verdict(`/${'a'.repeat(n)}`);
    expect(ok.ok && ok.programSize <= LIMITS.maxRegexProgramSize).toBe(true);
    const a = analyzeHostile(regexRoute(`/${'a'.repeat(n)}`));
    expect(find(a, 'regex-program-size')).toBeUndefined();
    expect(simulate(a, { path: `/${'a'.repeat(n)}` }).outcome.kind).toBe('forward');
    expect(find(analyzeHostile(regexRoute(`/${'a'.repeat(n + 1)}`)), 'regex-program-size')).toBeDefined();
  });

  it('a regex at the schema maximum length (1024) is judged quickly', () => {
    let long = '/(';
    for (let i = 0; long.length < 1000; i++) long += `${(i * 104729).toString(36)}|`;
    long = `${long}z)`;
    expect(long.length).toBeLessThanOrEqual(1024);
    const a = analyzeHostile(regexRoute(long));
    expect(find(a, 'regex-program-size')).toBeDefined();
    // and one character over the schema maximum is the API server's error, not a compile
    const over = analyzeHostile(regexRoute(`/${'a'.repeat(1024)}`));
    expect(over.diagnostics.some((d) => d.severity === 'error' && /1024/.test(d.message))).toBe(true);
  });
});
