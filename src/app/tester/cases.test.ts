import { describe, expect, it } from 'vitest';
import { parseCases, stringifyCase, stringifyCases } from '../../engine/dataplane/testcases-yaml.ts';
import { caseName, evaluateCase, expectationFromTrace, loadCasesYaml } from './cases.ts';
import { baseTrace, invalidShareTrace, splitTrace } from './fixtures.ts';

describe('test cases', () => {
  it('saves the current outcome as an expectation that passes', () => {
    for (const t of [baseTrace(), splitTrace(), invalidShareTrace()]) {
      const e = expectationFromTrace(t);
      expect(evaluateCase(t, e)).toEqual({ pass: true, mismatches: [] });
    }
    expect(expectationFromTrace(baseTrace())).toEqual({
      outcome: 'forward',
      route: 'default/foo',
      rule: 1,
      backend: 'default/foo-v2',
    });
    expect(expectationFromTrace(splitTrace()).backends).toEqual({ 'default/stable': 0.9, 'default/canary': 0.1 });
  });
  it('checks shares with ±0.005 tolerance and reports mismatches', () => {
    const t = splitTrace();
    expect(evaluateCase(t, { backends: { 'default/stable': 0.896, 'default/canary': 0.104 } }).pass).toBe(true);
    const r = evaluateCase(t, { outcome: 'redirect', backend: 'default/stable' });
    expect(r.pass).toBe(false);
    expect(r.mismatches).toEqual([
      { key: 'outcome', expected: 'redirect', actual: 'forward' },
      { key: 'backends.default/stable', expected: 1, actual: 0.9 },
      { key: 'backends.default/canary', expected: null, actual: 0.1 },
    ]);
  });
  it('checks forwarded path, host and headers', () => {
    const t = baseTrace({
      forwarded: { method: 'GET', scheme: 'http', host: 'in', path: '/v2/bar', headers: { 'x-a': 'b' } },
      filters: [{ type: 'URLRewrite', level: 'rule', summary: 's' }],
    });
    const e = expectationFromTrace(t);
    expect(e).toMatchObject({ path: '/v2/bar', host: 'in', headers: { 'x-a': 'b' }, headersAbsent: ['version'] });
    expect(evaluateCase(t, { path: '/bar', headers: { 'X-A': 'b' }, headersAbsent: ['x-a'] }).mismatches).toEqual([
      { key: 'path', expected: '/bar', actual: '/v2/bar' },
      { key: 'headersAbsent.x-a', expected: '(absent)', actual: 'b' },
    ]);
  });
  it('reads and writes the §5 YAML', () => {
    const text = `cases:
  - name: version 2 goes to v2
    request: { gateway: default/gw, host: foo.example.com, path: /, headers: { version: "2" } }
    expect:
      outcome: forward
      backends: { default/foo-v2: 1 }
`;
    const cases = parseCases(text);
    expect(cases).toEqual([
      {
        name: 'version 2 goes to v2',
        request: { gateway: 'default/gw', host: 'foo.example.com', path: '/', headers: { version: '2' } },
        expect: { outcome: 'forward', backends: { 'default/foo-v2': 1 } },
      },
    ]);
    const out = stringifyCases(cases);
    expect(out).toContain(
      'request: { gateway: default/gw, host: foo.example.com, path: /, headers: { version: "2" } }',
    );
    expect(parseCases(out)).toEqual(cases);
    expect(parseCases(stringifyCase(cases[0]!))).toEqual(cases);
  });
  it('loads the YAML half on demand, once', async () => {
    const a = loadCasesYaml();
    expect(loadCasesYaml()).toBe(a);
    const m = await a;
    expect(m.parseCases(m.stringifyCases([{ name: 'n', request: { host: 'h' }, expect: {} }]))).toEqual([
      { name: 'n', request: { host: 'h' }, expect: {} },
    ]);
  });
  it('explains bad files', () => {
    expect(() => parseCases('cases: [ {')).toThrow(/Not valid YAML/);
    expect(() => parseCases('cases:\n  - name: x\n    request: 3\n')).toThrow(
      /case 1 \(x\): `request` must be a mapping/,
    );
    expect(() => parseCases('cases:\n  - request: {}\n    expect: { bakend: a }\n')).toThrow(
      /unknown expectation key `bakend`/,
    );
  });
  it('names cases after the request and the outcome', () => {
    expect(caseName({ host: 'h', path: '/' }, { backend: 'default/a' })).toBe('GET h/ → default/a');
  });
});
