import { docs, GATEWAY_CLASS, HTTP_GATEWAY, service } from './common.ts';
import type { Example } from './types.ts';

// Semantics §8.1: share = weight / sum of the rule's weights; weights are not percentages; 0 = never.
export const canary: Example = {
  id: 'canary',
  title: 'A canary split with weights that are not percentages',
  topic: 'Traffic splitting',
  explanation:
    'Weights are relative, not percentages: weights 3 and 1 send three requests in four (75%) to the stable version and one in four (25%) to the canary. ' +
    'They need not add up to 100, and a weight of 0 keeps a backend in the list without sending it anything, which is handy for a quick rollback. ' +
    'The /beta rule uses that to send testers only to the canary. The tester shows the exact shares; sampling many requests shows what a real run looks like.',
  manifests: docs(
    GATEWAY_CLASS,
    HTTP_GATEWAY,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: checkout
  namespace: default
spec:
  parentRefs:
  - name: gateway
  hostnames:
  - checkout.example.com
  rules:
  - backendRefs:
    - name: checkout-stable
      port: 8080
      weight: 3
    - name: checkout-canary
      port: 8080
      weight: 1
  - matches:
    - path:
        type: PathPrefix
        value: /beta
    backendRefs:
    - name: checkout-stable
      port: 8080
      weight: 0
    - name: checkout-canary
      port: 8080
      weight: 1`,
    service('checkout-stable', 8080),
    service('checkout-canary', 8080),
  ),
  requests: [
    { name: 'checkout', request: { host: 'checkout.example.com', path: '/cart' } },
    { name: 'beta tester', request: { host: 'checkout.example.com', path: '/beta/cart' } },
  ],
  tests: [
    {
      name: '3:1 is 75% / 25%',
      request: { host: 'checkout.example.com', path: '/cart' },
      expect: { outcome: 'forward', backends: { 'default/checkout-stable': 0.75, 'default/checkout-canary': 0.25 } },
    },
    {
      name: 'weight 0 receives nothing',
      request: { host: 'checkout.example.com', path: '/beta/cart' },
      expect: { outcome: 'forward', backends: { 'default/checkout-canary': 1 }, rule: 1 },
    },
  ],
};
