// Hand-made traces for the tester's unit tests (the shapes of contracts.md §3).
import type { Trace } from '../../engine/index.ts';

export function baseTrace(over: Partial<Trace> = {}): Trace {
  return {
    request: { protocol: 'HTTP', host: 'foo.example.com', path: '/bar', headers: { version: '2' } },
    gateway: { namespace: 'default', name: 'gw' },
    listener: { name: 'http', port: 80, protocol: 'HTTP' },
    route: { kind: 'HTTPRoute', namespace: 'default', name: 'foo', rule: 1, match: 0 },
    outcome: { kind: 'forward', reason: 'Rule 1 of default/foo matched.' },
    forwarded: { method: 'GET', scheme: 'http', host: 'foo.example.com', path: '/bar', headers: { version: '2' } },
    responseHeaders: {},
    responseHeadersRemoved: [],
    backends: [
      {
        group: '',
        kind: 'Service',
        namespace: 'default',
        name: 'foo-v2',
        port: 8080,
        weight: 1,
        share: 1,
        valid: true,
      },
    ],
    mirrors: [],
    filters: [],
    timeouts: {},
    candidates: [],
    ...over,
  };
}

export function splitTrace(): Trace {
  return baseTrace({
    backends: [
      {
        group: '',
        kind: 'Service',
        namespace: 'default',
        name: 'stable',
        port: 80,
        weight: 90,
        share: 0.9,
        valid: true,
      },
      {
        group: '',
        kind: 'Service',
        namespace: 'default',
        name: 'canary',
        port: 80,
        weight: 10,
        share: 0.1,
        valid: true,
      },
    ],
  });
}

export function invalidShareTrace(): Trace {
  return baseTrace({
    backends: [
      { group: '', kind: 'Service', namespace: 'default', name: 'a', port: 80, weight: 3, share: 0.75, valid: true },
      {
        group: '',
        kind: 'Service',
        namespace: 'other',
        name: 'b',
        port: 80,
        weight: 1,
        share: 0.25,
        valid: false,
        reason: 'RefNotPermitted: no ReferenceGrant allows it',
      },
    ],
  });
}
