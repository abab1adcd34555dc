import { docs, GATEWAY_CLASS, HTTP_GATEWAY, service } from './common.ts';
import type { Example } from './types.ts';

export const headerMatching: Example = {
  id: 'header-matching',
  title: 'Header matching: version 2 goes to v2',
  topic: 'Matching',
  explanation:
    'One HTTPRoute has two rules. The first matches only requests that carry the header "version: 2" and sends them to foo-v2; ' +
    'the second has no match, which means "PathPrefix /", and catches everything else for foo-v1. A request with the header matches both rules, ' +
    'and the one with more header matches wins. Header names are case-insensitive, values are not: "Version: 2" still counts, "version: two" does not.',
  manifests: docs(
    GATEWAY_CLASS,
    HTTP_GATEWAY,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: foo
  namespace: default
spec:
  parentRefs:
  - name: gateway
  hostnames:
  - foo.example.com
  rules:
  - matches:
    - headers:
      - name: version
        value: "2"
    backendRefs:
    - name: foo-v2
      port: 8080
  - backendRefs:
    - name: foo-v1
      port: 8080`,
    service('foo-v1', 8080),
    service('foo-v2', 8080),
  ),
  requests: [
    { name: 'version: 2', request: { host: 'foo.example.com', path: '/', headers: { version: '2' } } },
    { name: 'no header', request: { host: 'foo.example.com', path: '/' } },
  ],
  tests: [
    {
      name: 'version 2 goes to v2',
      request: { host: 'foo.example.com', path: '/', headers: { version: '2' } },
      expect: { outcome: 'forward', backend: 'default/foo-v2', route: 'default/foo', rule: 0 },
    },
    {
      name: 'header names are case-insensitive',
      request: { host: 'foo.example.com', path: '/orders', headers: { Version: '2' } },
      expect: { outcome: 'forward', backend: 'default/foo-v2' },
    },
    {
      name: 'header values are case-sensitive and exact',
      request: { host: 'foo.example.com', path: '/', headers: { version: 'two' } },
      expect: { outcome: 'forward', backend: 'default/foo-v1', rule: 1 },
    },
    {
      name: 'no header goes to v1',
      request: { host: 'foo.example.com', path: '/' },
      expect: { outcome: 'forward', backend: 'default/foo-v1' },
    },
  ],
};
