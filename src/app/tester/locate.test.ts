import { describe, expect, it } from 'vitest';
import { locateInManifests } from './locate.ts';

const text = `apiVersion: v1
kind: Service
metadata: { name: foo }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: foo
  namespace: default
spec:
  rules:
  - backendRefs: [{ name: a }]
  - matches:
    - path: { type: Exact, value: /x }
    backendRefs: [{ name: b }]
`;

describe('locateInManifests', () => {
  it('finds a rule and a match of a route', () => {
    const ref = { kind: 'HTTPRoute', namespace: 'default', name: 'foo' };
    const rule = locateInManifests(text, ref, ['spec', 'rules', 1]);
    expect(text.slice(rule!.start, rule!.end)).toMatch(/^matches:/);
    const m = locateInManifests(text, ref, ['spec', 'rules', 1, 'matches', 0]);
    expect(text.slice(m!.start, m!.end)).toMatch(/^path: \{ type: Exact, value: \/x \}/);
  });
  it('returns null for unknown objects', () => {
    expect(locateInManifests(text, { kind: 'HTTPRoute', namespace: 'other', name: 'foo' })).toBeNull();
  });
});
