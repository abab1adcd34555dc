import { describe, expect, it } from 'vitest';
import { type FxGateway, fixtureAnalysis } from './fixture.ts';
import { simulate } from './simulate.ts';
import { evaluateCase, expectationFromTrace, formatMismatches, runCases } from './testcases.ts';
import { parseCases, stringifyCases } from './testcases-yaml.ts';

const GW: FxGateway = { name: 'gw', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] };
const a = fixtureAnalysis(
  [GW],
  [
    {
      name: 'foo',
      hostnames: ['foo.example.com'],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          backendRefs: [
            { name: 'v1', port: 80, weight: 2 },
            { name: 'v2', port: 80, weight: 1 },
          ],
        },
        {
          matches: [{ path: { type: 'PathPrefix', value: '/old' } }],
          filters: [{ type: 'RequestRedirect', requestRedirect: { statusCode: 301, hostname: 'new.example.com' } }],
        },
      ],
    },
  ],
);

describe('test cases (contracts §5)', () => {
  it('parses the cases file and checks only the keys given, shares within ±0.005', () => {
    const cases = parseCases(`
cases:
  - name: split
    request: { host: foo.example.com, path: /x }
    expect: { outcome: forward, route: default/foo, rule: 0, backends: { default/v1: 0.667, default/v2: 0.333 } }
  - name: redirect
    request: { host: foo.example.com, path: /old/a }
    expect: { status: 301, location: http://new.example.com/old/a }
  - name: wrong
    request: { host: foo.example.com, path: /x }
    expect: { backend: default/v1, listener: https }
`);
    const r = runCases(a, cases);
    expect(r.map((x) => x.result.pass)).toEqual([true, true, false]);
    expect(formatMismatches(r[2]!.result.mismatches)).toBe(
      'listener: expected https, got http; backends.default/v1: expected 1, got 0.6667; backends.default/v2: expected (none), got 0.3333',
    );
  });
  it('rejects unknown keys and malformed files with a readable message', () => {
    expect(() => parseCases('cases: [{ name: x, request: {}, expect: { backnd: a } }]')).toThrow(
      /unknown expectation key `backnd`/,
    );
    expect(() => parseCases('cases: [{ name: x, request: {}, expect: { status: "302" } }]')).toThrow(
      /must be a number/,
    );
    expect(() => parseCases('cases: [')).toThrow(/Not valid YAML/);
    expect(() => parseCases('foo: bar')).toThrow(/`cases:` list/);
  });
  it('a trace saved as a case passes against itself, and round-trips through YAML', () => {
    const t = simulate(a, { host: 'foo.example.com', path: '/x' });
    const expect_ = expectationFromTrace(t);
    expect(evaluateCase(t, expect_).pass).toBe(true);
    const back = parseCases(
      stringifyCases([{ name: 'saved', request: { host: 'foo.example.com', path: '/x' }, expect: expect_ }]),
    );
    expect(back[0]!.expect).toEqual(expect_);
    expect(runCases(a, back)[0]!.result.pass).toBe(true);
  });
});
