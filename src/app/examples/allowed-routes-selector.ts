import { docs, GATEWAY_CLASS, service } from './common.ts';
import type { Example } from './types.ts';

// Semantics §4.6.3: matchLabels and every matchExpression are ANDed; In needs the key with one of the
// values, DoesNotExist needs the key absent. The lint `selector-label` warns that labels are self-service.
export const allowedRoutesSelector: Example = {
  id: 'allowed-routes-selector',
  title: 'allowedRoutes with a Selector and matchExpressions',
  topic: 'Attachment',
  explanation:
    'The platform team\'s Gateway accepts routes only from namespaces whose labels pass a selector: gateway-access must be "true", env must be prod or staging, ' +
    'and the namespace must not carry a quarantined label. team-a passes; team-b fails on env (dev) and team-c on quarantined, so their routes are NotAllowedByListeners ' +
    'and their hosts get a 404. Note the warning: anyone allowed to label a namespace can make it match. ' +
    'To admit namespaces by name, select on kubernetes.io/metadata.name, which Kubernetes sets itself and nobody can change.',
  manifests: docs(
    GATEWAY_CLASS,
    `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shared
  namespace: infra
spec:
  gatewayClassName: example
  listeners:
  - name: http
    protocol: HTTP
    port: 80
    allowedRoutes:
      namespaces:
        from: Selector
        selector:
          matchLabels:
            gateway-access: "true"
          matchExpressions:
          - key: env
            operator: In
            values:
            - prod
            - staging
          - key: quarantined
            operator: DoesNotExist`,
    `apiVersion: v1
kind: Namespace
metadata:
  name: team-a
  labels:
    gateway-access: "true"
    env: prod`,
    `apiVersion: v1
kind: Namespace
metadata:
  name: team-b
  labels:
    gateway-access: "true"
    env: dev`,
    `apiVersion: v1
kind: Namespace
metadata:
  name: team-c
  labels:
    gateway-access: "true"
    env: prod
    quarantined: "true"`,
    ...['a', 'b', 'c'].map(
      (t) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: app
  namespace: team-${t}
spec:
  parentRefs:
  - name: shared
    namespace: infra
  hostnames:
  - ${t}.example.com
  rules:
  - backendRefs:
    - name: app
      port: 80`,
    ),
    service('app', 80, 'team-a'),
    service('app', 80, 'team-b'),
    service('app', 80, 'team-c'),
  ),
  requests: [
    { name: 'team-a', request: { host: 'a.example.com', path: '/' } },
    { name: 'team-b', request: { host: 'b.example.com', path: '/' } },
    { name: 'team-c', request: { host: 'c.example.com', path: '/' } },
  ],
  tests: [
    {
      name: 'team-a matches the selector',
      request: { host: 'a.example.com', path: '/' },
      expect: { outcome: 'forward', backend: 'team-a/app' },
    },
    {
      name: 'team-b: env dev is not In [prod, staging]',
      request: { host: 'b.example.com', path: '/' },
      expect: { outcome: 'not-found', status: 404 },
    },
    {
      name: 'team-c: quarantined exists',
      request: { host: 'c.example.com', path: '/' },
      expect: { outcome: 'not-found', status: 404 },
    },
  ],
  expectDiagnostics: ['selector-label', 'NotAllowedByListeners'],
};
