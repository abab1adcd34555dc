import { docs, GATEWAY_CLASS, service } from './common.ts';
import type { Example } from './types.ts';

// Semantics §4.6.4 (intersection: the narrower of listener and route hostname wins, a wildcard covers
// one or more labels) and §6.2.1 (isolation: only the most specific matching listener's routes count).
export const hostnameIntersection: Example = {
  id: 'hostname-intersection',
  title: 'Hostname intersection and listener isolation',
  topic: 'Hostnames',
  explanation:
    'Four HTTP listeners share port 80: one without hostname, *.example.com, *.foo.example.com and abc.foo.example.com. ' +
    'A request is handled by the most specific listener whose hostname matches, and only by routes attached to that listener: ' +
    'abc.foo.example.com/other gets a 404 even though broader listeners have catch-all routes (listener isolation). ' +
    'A route\'s hostnames are intersected with its listener\'s: "wildcard" lists other.org, which its listener cannot serve, so it is ignored there; ' +
    '"foo" asks for *.example.com but its listener narrows that to *.foo.example.com; "stray" shares nothing with its listener and is not accepted. ' +
    'A wildcard covers one or more labels: *.example.com matches a.b.example.com but not example.com.',
  manifests: docs(
    GATEWAY_CLASS,
    `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gateway
  namespace: default
spec:
  gatewayClassName: example
  listeners:
  - name: any
    protocol: HTTP
    port: 80
  - name: wildcard
    protocol: HTTP
    port: 80
    hostname: "*.example.com"
  - name: foo
    protocol: HTTP
    port: 80
    hostname: "*.foo.example.com"
  - name: abc
    protocol: HTTP
    port: 80
    hostname: abc.foo.example.com`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: any
  namespace: default
spec:
  parentRefs:
  - name: gateway
    sectionName: any
  rules:
  - backendRefs:
    - name: any
      port: 80`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: wildcard
  namespace: default
spec:
  parentRefs:
  - name: gateway
    sectionName: wildcard
  hostnames:
  - "*.example.com"
  - other.org
  rules:
  - backendRefs:
    - name: wildcard
      port: 80`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: foo
  namespace: default
spec:
  parentRefs:
  - name: gateway
    sectionName: foo
  hostnames:
  - "*.example.com"
  rules:
  - backendRefs:
    - name: foo
      port: 80`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: abc
  namespace: default
spec:
  parentRefs:
  - name: gateway
    sectionName: abc
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /abc
    backendRefs:
    - name: abc
      port: 80`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: stray
  namespace: default
spec:
  parentRefs:
  - name: gateway
    sectionName: abc
  hostnames:
  - shop.example.net
  rules:
  - backendRefs:
    - name: any
      port: 80`,
    service('any'),
    service('wildcard'),
    service('foo'),
    service('abc'),
  ),
  requests: [
    { name: 'bar.com', request: { host: 'bar.com', path: '/' } },
    { name: 'bar.example.com', request: { host: 'bar.example.com', path: '/' } },
    { name: 'bar.foo.example.com', request: { host: 'bar.foo.example.com', path: '/' } },
    { name: 'abc.foo.example.com/abc', request: { host: 'abc.foo.example.com', path: '/abc' } },
    { name: 'abc.foo.example.com/other', request: { host: 'abc.foo.example.com', path: '/other' } },
  ],
  tests: [
    {
      name: 'no listener hostname matches: the catch-all listener',
      request: { host: 'bar.com', path: '/' },
      expect: { outcome: 'forward', backend: 'default/any', listener: 'any' },
    },
    {
      name: '*.example.com',
      request: { host: 'bar.example.com', path: '/' },
      expect: { outcome: 'forward', backend: 'default/wildcard', listener: 'wildcard' },
    },
    {
      name: 'a wildcard covers several labels',
      request: { host: 'a.b.example.com', path: '/' },
      expect: { outcome: 'forward', backend: 'default/wildcard' },
    },
    {
      name: 'the more specific wildcard listener wins',
      request: { host: 'bar.foo.example.com', path: '/' },
      expect: { outcome: 'forward', backend: 'default/foo', listener: 'foo' },
    },
    {
      name: 'the exact listener',
      request: { host: 'abc.foo.example.com', path: '/abc' },
      expect: { outcome: 'forward', backend: 'default/abc', listener: 'abc' },
    },
    {
      name: 'isolation: no fallback to broader listeners',
      request: { host: 'abc.foo.example.com', path: '/other' },
      expect: { outcome: 'not-found', status: 404 },
    },
    {
      name: 'other.org is served by the listener without hostname, not by "wildcard"',
      request: { host: 'other.org', path: '/' },
      expect: { outcome: 'forward', backend: 'default/any' },
    },
  ],
  expectDiagnostics: ['NoMatchingListenerHostname'],
};
