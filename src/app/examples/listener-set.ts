import { docs, GATEWAY_CLASS, service, tlsSecret } from './common.ts';
import type { Example } from './types.ts';

// Semantics §4.4–§4.5: a Gateway admits ListenerSets through allowedListeners (default None); listeners
// merge Gateway first, then ListenerSets oldest first, and a later conflicting listener loses.
export const listenerSet: Example = {
  id: 'listener-set',
  title: 'A ListenerSet: teams bring their own listeners',
  topic: 'ListenerSet',
  explanation:
    'The platform team owns the Gateway; team-a needs an HTTPS listener with its own certificate. Instead of editing the Gateway, team-a adds a ListenerSet in its namespace. ' +
    'The Gateway must opt in with allowedListeners (the default admits none); here it admits namespaces labelled for it. ' +
    'The team\'s certificate lives next to the ListenerSet, so no ReferenceGrant is needed, and "from: Same" on a ListenerSet listener means the ListenerSet\'s namespace. ' +
    'Routes attach to the ListenerSet (kind: ListenerSet), not to the Gateway: a Gateway parentRef never reaches ListenerSet listeners. ' +
    "The second listener repeats the Gateway's own port and hostname, so it conflicts and loses: the Gateway's listeners always come first.",
  manifests: docs(
    GATEWAY_CLASS,
    `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shared
  namespace: infra
spec:
  gatewayClassName: example
  allowedListeners:
    namespaces:
      from: Selector
      selector:
        matchLabels:
          kubernetes.io/metadata.name: team-a
  listeners:
  - name: http
    protocol: HTTP
    port: 80
    hostname: www.example.com`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata:
  name: team-a
  namespace: team-a
spec:
  parentRef:
    name: shared
    namespace: infra
  listeners:
  - name: https
    protocol: HTTPS
    port: 443
    hostname: team-a.example.com
    tls:
      certificateRefs:
      - name: team-a-cert
  - name: www
    protocol: HTTP
    port: 80
    hostname: www.example.com`,
    tlsSecret('team-a-cert', 'team-a'),
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: app
  namespace: team-a
spec:
  parentRefs:
  - kind: ListenerSet
    name: team-a
    sectionName: https
  rules:
  - backendRefs:
    - name: app
      port: 8080`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: www
  namespace: infra
spec:
  parentRefs:
  - name: shared
  rules:
  - backendRefs:
    - name: www
      port: 80`,
    service('app', 8080, 'team-a'),
    service('www', 80, 'infra'),
  ),
  requests: [
    { name: 'team-a over HTTPS', request: { scheme: 'https', host: 'team-a.example.com', path: '/' } },
    { name: 'www', request: { host: 'www.example.com', path: '/' } },
  ],
  tests: [
    {
      name: 'the ListenerSet listener serves team-a',
      request: { scheme: 'https', host: 'team-a.example.com', path: '/' },
      expect: { outcome: 'forward', backend: 'team-a/app', listener: 'https' },
    },
    {
      name: 'the Gateway keeps its own www listener',
      request: { host: 'www.example.com', path: '/' },
      expect: { outcome: 'forward', backend: 'infra/www', route: 'infra/www' },
    },
  ],
  expectDiagnostics: ['HostnameConflict'],
};
