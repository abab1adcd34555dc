import { describe, expect, it } from 'vitest';
import { applyTextEdits, coerceScenario, describeScenario, sameScenario } from './scenarioData.ts';

describe('applyTextEdits', () => {
  it('applies several edits right to left against the original offsets', () => {
    const text = 'abc def ghi';
    expect(
      applyTextEdits(text, [
        { file: 'f', start: 0, end: 3, text: 'ABC' },
        { file: 'f', start: 8, end: 11, text: 'G' },
        { file: 'f', start: 11, end: 11, text: '\n---\nnew' },
      ]),
    ).toBe('ABC def G\n---\nnew');
  });
  it('clamps out-of-range offsets instead of corrupting text', () => {
    expect(applyTextEdits('abc', [{ file: 'f', start: 10, end: 20, text: 'x' }])).toBe('abcx');
  });
});

describe('sameScenario', () => {
  const a = { manifests: 'x', requests: [{ request: { host: 'a', path: '/' } }], tests: [], settings: {} };
  it('compares settings regardless of key order', () => {
    expect(
      sameScenario(
        { ...a, settings: { channel: 'standard', controllerName: 'c' } },
        { ...a, settings: { controllerName: 'c', channel: 'standard' } },
      ),
    ).toBe(true);
  });
  it('notices a changed request', () => {
    expect(sameScenario(a, { ...a, requests: [{ request: { host: 'b' } }] })).toBe(false);
  });
});

describe('coerceScenario', () => {
  it('rejects data without manifest text and drops ill-typed parts', () => {
    expect(coerceScenario(null)).toBeNull();
    expect(coerceScenario({ manifests: 3 })).toBeNull();
    expect(coerceScenario({ manifests: 'm', requests: [1, { request: {} }], tests: 'x', settings: [] })).toEqual({
      manifests: 'm',
      requests: [{ request: {} }],
      tests: [],
      settings: {},
    });
  });
});

describe('describeScenario', () => {
  it('names the first object', () => {
    expect(describeScenario('apiVersion: v1\nkind: Gateway\nmetadata:\n  name: gw\n')).toBe('Gateway gw');
    expect(describeScenario('')).toBe('Empty scenario');
  });
});
