// Shared building blocks of the hardening tests: a minimal Gateway + Service, routes around them,
// and helpers that time a call and check the invariants every hostile case must keep.

import { expect } from 'vitest';
import { type Analysis, analyze, type Diagnostic, type EngineOptions } from '../engine/index.ts';

export const GW = 'gateway.networking.k8s.io/v1';

export const BASE = `apiVersion: ${GW}
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}
---
apiVersion: ${GW}
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: gc
  listeners:
  - {name: http, protocol: HTTP, port: 80}
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: default}
spec: {ports: [{port: 80}]}
`;

/** BASE plus one HTTPRoute `r` attached to gw, with `body` under spec (after parentRefs). */
export function withRoute(body: string, kind = 'HTTPRoute'): string {
  return `${BASE}---\napiVersion: ${GW}\nkind: ${kind}\nmetadata: {name: r, namespace: default}\nspec:\n  parentRefs: [{name: gw}]\n${body}`;
}

/** Analyses `text`, asserting the invariants of hostile input: no throw, fast, ranges inside the text. */
export function analyzeHostile(text: string, options?: EngineOptions, budgetMs = 1000): Analysis {
  const t0 = performance.now();
  const a = analyze(text, options);
  const ms = performance.now() - t0;
  expect(ms, 'analysis time (ms)').toBeLessThan(budgetMs);
  for (const d of a.diagnostics) {
    if (!d.range) continue;
    expect(d.range.start).toBeGreaterThanOrEqual(0);
    expect(d.range.end).toBeLessThanOrEqual(text.length);
    expect(d.range.start).toBeLessThanOrEqual(d.range.end);
    expect(d.message.length).toBeGreaterThan(0);
  }
  return a;
}

export function find(a: Analysis, code: string): Diagnostic | undefined {
  return a.diagnostics.find((d) => d.code === code);
}

export function errors(a: Analysis): Diagnostic[] {
  return a.diagnostics.filter((d) => d.severity === 'error');
}

/** The source text a diagnostic points at. */
export function at(text: string, d: Diagnostic | undefined): string {
  if (!d?.range) return '';
  return text.slice(d.range.start, d.range.end);
}
