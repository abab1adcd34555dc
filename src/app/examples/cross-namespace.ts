import { docs, GATEWAY_CLASS, service } from './common.ts';
import type { Example } from './types.ts';

// Semantics §4.8–§4.9: a backendRef into another namespace needs a ReferenceGrant in the TARGET namespace;
// without one the ref is RefNotPermitted, the route stays Accepted and its share is answered with 500.
export const crossNamespace: Example = {
  id: 'cross-namespace',
  title: 'A cross-namespace backend, with and without a ReferenceGrant',
  topic: 'References',
  explanation:
    "The store team's route in namespace store sends /pay and /ledger to Services owned by the billing team. " +
    "Pointing into someone else's namespace needs their consent: a ReferenceGrant that lives in billing and allows HTTPRoutes from store. " +
    'The grant here names only the payments Service, so /pay works while /ledger is RefNotPermitted: the route is still Accepted, ' +
    'but ResolvedRefs turns False and every request to that rule gets a 500. The quick fix adds ledger to the grant (or a grant without a name, for every Service).',
  manifests: docs(
    GATEWAY_CLASS,
    `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gateway
  namespace: infra
spec:
  gatewayClassName: example
  listeners:
  - name: http
    protocol: HTTP
    port: 80
    allowedRoutes:
      namespaces:
        from: All`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop
  namespace: store
spec:
  parentRefs:
  - name: gateway
    namespace: infra
  hostnames:
  - shop.example.com
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /pay
    backendRefs:
    - name: payments
      namespace: billing
      port: 8080
  - matches:
    - path:
        type: PathPrefix
        value: /ledger
    backendRefs:
    - name: ledger
      namespace: billing
      port: 8080
  - backendRefs:
    - name: storefront
      port: 80`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: ReferenceGrant
metadata:
  name: store-to-payments
  namespace: billing
spec:
  from:
  - group: gateway.networking.k8s.io
    kind: HTTPRoute
    namespace: store
  to:
  - group: ""
    kind: Service
    name: payments`,
    service('storefront', 80, 'store'),
    service('payments', 8080, 'billing'),
    service('ledger', 8080, 'billing'),
  ),
  requests: [
    { name: 'pay', request: { host: 'shop.example.com', path: '/pay/invoice/1' } },
    { name: 'ledger', request: { host: 'shop.example.com', path: '/ledger' } },
  ],
  tests: [
    {
      name: 'granted: payments is reachable',
      request: { host: 'shop.example.com', path: '/pay/invoice/1' },
      expect: { outcome: 'forward', backend: 'billing/payments' },
    },
    {
      name: 'not granted: 500',
      request: { host: 'shop.example.com', path: '/ledger' },
      expect: { outcome: 'error', status: 500 },
    },
    {
      name: 'local backend needs no grant',
      request: { host: 'shop.example.com', path: '/' },
      expect: { outcome: 'forward', backend: 'store/storefront' },
    },
  ],
  expectDiagnostics: ['RefNotPermitted'],
};
