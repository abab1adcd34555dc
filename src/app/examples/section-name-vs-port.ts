import { docs, GATEWAY_CLASS, service, tlsSecret } from './common.ts';
import type { Example } from './types.ts';

// Semantics §4.6.1: sectionName selects one listener by name, port every listener on that port; with
// both, one listener must satisfy both, else NoMatchingParent.
export const sectionNameVsPort: Example = {
  id: 'section-name-vs-port',
  title: 'parentRef by sectionName versus by port',
  topic: 'Attachment',
  explanation:
    'A parentRef can narrow which listeners of a Gateway a route joins. sectionName names exactly one listener: admin-ui is reachable only on port 8080. ' +
    'port picks every listener on that port: tls-sites attaches to both HTTPS listeners on 443 and so serves a.example.com and b.example.com, ' +
    'and it would also join any listener added on 443 later, which the simulator points out. When a parentRef gives both, a single listener must match both: ' +
    'the "wrong" route asks for listener admin on port 80, no listener is both, so it is not accepted (NoMatchingParent) and port 80 has nothing to serve.',
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
  - name: web
    protocol: HTTP
    port: 80
  - name: admin
    protocol: HTTP
    port: 8080
  - name: https-a
    protocol: HTTPS
    port: 443
    hostname: a.example.com
    tls:
      certificateRefs:
      - name: a-cert
  - name: https-b
    protocol: HTTPS
    port: 443
    hostname: b.example.com
    tls:
      certificateRefs:
      - name: b-cert`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: admin-ui
  namespace: default
spec:
  parentRefs:
  - name: gateway
    sectionName: admin
  rules:
  - backendRefs:
    - name: admin-ui
      port: 80`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: tls-sites
  namespace: default
spec:
  parentRefs:
  - name: gateway
    port: 443
  rules:
  - backendRefs:
    - name: sites
      port: 80`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: wrong
  namespace: default
spec:
  parentRefs:
  - name: gateway
    sectionName: admin
    port: 80
  rules:
  - backendRefs:
    - name: sites
      port: 80`,
    tlsSecret('a-cert'),
    tlsSecret('b-cert'),
    service('admin-ui'),
    service('sites'),
  ),
  requests: [
    { name: 'admin on 8080', request: { port: 8080, host: 'gw.example.com', path: '/' } },
    { name: 'a.example.com', request: { scheme: 'https', host: 'a.example.com', path: '/' } },
    { name: 'plain port 80', request: { host: 'gw.example.com', path: '/' } },
  ],
  tests: [
    {
      name: 'sectionName: only the admin listener',
      request: { port: 8080, host: 'gw.example.com', path: '/' },
      expect: { outcome: 'forward', backend: 'default/admin-ui', listener: 'admin' },
    },
    {
      name: 'port 443: both HTTPS listeners (a)',
      request: { scheme: 'https', host: 'a.example.com', path: '/' },
      expect: { outcome: 'forward', backend: 'default/sites', listener: 'https-a' },
    },
    {
      name: 'port 443: both HTTPS listeners (b)',
      request: { scheme: 'https', host: 'b.example.com', path: '/' },
      expect: { outcome: 'forward', backend: 'default/sites', listener: 'https-b' },
    },
    {
      name: 'nothing attached to port 80: 404',
      request: { host: 'gw.example.com', path: '/' },
      expect: { outcome: 'not-found', status: 404 },
    },
  ],
  expectDiagnostics: ['parentref-port', 'NoMatchingParent'],
};
