import { docs, GATEWAY_CLASS, HTTP_GATEWAY, service } from './common.ts';
import type { Example } from './types.ts';

// Semantics §6.4: every match of every rule of every route competes; the first difference decides:
// hostname, then path (Exact > longer prefix), method, headers, query, route age, route name, rule order.
export const precedence: Example = {
  id: 'precedence',
  title: 'Precedence across two routes and across rules',
  topic: 'Matching',
  explanation:
    'Two HTTPRoutes serve the same host. The gateway does not try routes one after the other: it collects every rule that matches and ranks them. ' +
    'An Exact path beats any prefix, a longer prefix beats a shorter one (so /api/v2 in the second route wins over /api in the first), ' +
    'then a match that names a method beats one that does not, then more header matches, then more query matches. ' +
    "Only when all of that ties does the older route win (here: the one written first, the simulator's stand-in for creationTimestamp), then the first rule. " +
    'Prefixes match whole path segments, so /api does not match /apix.',
  manifests: docs(
    GATEWAY_CLASS,
    HTTP_GATEWAY,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop
  namespace: default
spec:
  parentRefs:
  - name: gateway
  hostnames:
  - shop.example.com
  rules:
  - backendRefs:
    - name: web
      port: 80
  - matches:
    - path:
        type: PathPrefix
        value: /api
    backendRefs:
    - name: api-v1
      port: 80
  - matches:
    - path:
        type: Exact
        value: /api/health
    backendRefs:
    - name: health
      port: 80
  - matches:
    - path:
        type: PathPrefix
        value: /static
    backendRefs:
    - name: static-a
      port: 80`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop-v2
  namespace: default
spec:
  parentRefs:
  - name: gateway
  hostnames:
  - shop.example.com
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /api/v2
    backendRefs:
    - name: api-v2
      port: 80
  - matches:
    - path:
        type: PathPrefix
        value: /api
      method: POST
    backendRefs:
    - name: api-writer
      port: 80
  - matches:
    - path:
        type: PathPrefix
        value: /static
    backendRefs:
    - name: static-b
      port: 80`,
    service('web'),
    service('api-v1'),
    service('api-v2'),
    service('api-writer'),
    service('health'),
    service('static-a'),
    service('static-b'),
  ),
  requests: [
    { name: 'GET /api/v2/orders', request: { host: 'shop.example.com', path: '/api/v2/orders' } },
    { name: 'POST /api/orders', request: { host: 'shop.example.com', method: 'POST', path: '/api/orders' } },
    { name: 'GET /static/logo.png', request: { host: 'shop.example.com', path: '/static/logo.png' } },
  ],
  tests: [
    {
      name: 'a longer prefix in another route wins',
      request: { host: 'shop.example.com', path: '/api/v2/orders' },
      expect: { outcome: 'forward', backend: 'default/api-v2', route: 'default/shop-v2', rule: 0 },
    },
    {
      name: '/api prefix',
      request: { host: 'shop.example.com', path: '/api/orders' },
      expect: { outcome: 'forward', backend: 'default/api-v1', route: 'default/shop', rule: 1 },
    },
    {
      name: 'Exact beats every prefix',
      request: { host: 'shop.example.com', path: '/api/health' },
      expect: { outcome: 'forward', backend: 'default/health', rule: 2 },
    },
    {
      name: 'same prefix length: the match with a method wins',
      request: { host: 'shop.example.com', method: 'POST', path: '/api/orders' },
      expect: { outcome: 'forward', backend: 'default/api-writer', route: 'default/shop-v2', rule: 1 },
    },
    {
      name: 'path is ranked before method',
      request: { host: 'shop.example.com', method: 'POST', path: '/api/v2/orders' },
      expect: { outcome: 'forward', backend: 'default/api-v2' },
    },
    {
      name: 'a full tie goes to the older route',
      request: { host: 'shop.example.com', path: '/static/logo.png' },
      expect: { outcome: 'forward', backend: 'default/static-a', route: 'default/shop' },
    },
    {
      name: 'prefixes match whole segments',
      request: { host: 'shop.example.com', path: '/apix' },
      expect: { outcome: 'forward', backend: 'default/web', rule: 0 },
    },
  ],
};
