import { describe, expect, it } from 'vitest';
import { analyze, locateObject } from './index.ts';

const text = `apiVersion: v1
kind: Service
metadata: { name: foo }
---
apiVersion: v1
kind: List
items:
- apiVersion: gateway.networking.k8s.io/v1
  kind: HTTPRoute
  metadata:
    name: foo
  spec:
    rules:
    - backendRefs: [{ name: a }]
    - matches:
      - path: { type: Exact, value: /x }
      backendRefs: [{ name: b }]
`;

describe('locateObject', () => {
  const a = analyze(text);
  it('finds a rule and a match of a route by the engine identity (defaulted namespace, List items)', () => {
    const ref = { kind: 'HTTPRoute', namespace: 'default', name: 'foo' };
    const rule = locateObject(a, ref, ['spec', 'rules', 1]);
    expect(text.slice(rule!.start, rule!.end)).toMatch(/^matches:/);
    const m = locateObject(a, ref, ['spec', 'rules', 1, 'matches', 0]);
    expect(text.slice(m!.start, m!.end)).toMatch(/^path: \{ type: Exact, value: \/x \}/);
  });
  it('returns null for objects that are not there', () => {
    expect(locateObject(a, { kind: 'HTTPRoute', namespace: 'other', name: 'foo' })).toBeNull();
  });
});
