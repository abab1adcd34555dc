import { docs, GATEWAY_CLASS, HTTP_GATEWAY, service } from './common.ts';
import type { Example } from './types.ts';

// Semantics §7.5: the mirror's response is ignored; percent (or fraction) sets how much is copied, 100% when unset.
export const mirror: Example = {
  id: 'mirror',
  title: 'Mirroring for a blue-green check',
  topic: 'Filters',
  explanation:
    'Blue serves the traffic while green, the next release, receives a copy of every request through a RequestMirror filter. ' +
    "The client only ever gets blue's answer; green's responses are thrown away, so you can compare logs and error rates before switching. " +
    'Mirroring writes (checkout) is riskier, so that rule copies only 10% of them. The trace lists mirrors apart from the backends: they take no share of the traffic.',
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
  - filters:
    - type: RequestMirror
      requestMirror:
        backendRef:
          name: shop-green
          port: 8080
    backendRefs:
    - name: shop-blue
      port: 8080
  - matches:
    - path:
        type: PathPrefix
        value: /checkout
    filters:
    - type: RequestMirror
      requestMirror:
        backendRef:
          name: shop-green
          port: 8080
        percent: 10
    backendRefs:
    - name: shop-blue
      port: 8080`,
    service('shop-blue', 8080),
    service('shop-green', 8080),
  ),
  requests: [
    { name: 'browse', request: { host: 'shop.example.com', path: '/products/42' } },
    { name: 'checkout', request: { host: 'shop.example.com', method: 'POST', path: '/checkout' } },
  ],
  tests: [
    {
      name: 'blue answers, green only gets a copy',
      request: { host: 'shop.example.com', path: '/products/42' },
      expect: { outcome: 'forward', backend: 'default/shop-blue', rule: 0 },
    },
    {
      name: 'checkout is served by blue too',
      request: { host: 'shop.example.com', method: 'POST', path: '/checkout' },
      expect: { outcome: 'forward', backend: 'default/shop-blue', rule: 1 },
    },
  ],
};
