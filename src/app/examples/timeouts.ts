import { docs, GATEWAY_CLASS, HTTP_GATEWAY, service } from './common.ts';
import type { Example } from './types.ts';

// Semantics §8.2: `request` bounds the whole exchange (504 when exceeded), `backendRequest` one try to a
// backend; CEL refuses backendRequest > request unless request is 0s (disabled).
export const timeouts: Example = {
  id: 'timeouts',
  title: 'Request and backend timeouts',
  topic: 'Reliability',
  explanation:
    'Each rule can set two timeouts. "request" is how long the client waits for the whole answer; "backendRequest" is how long one attempt to a backend may take ' +
    '(retries each get their own). When either runs out the gateway answers 504. The export rule allows slow reports (30s in total, 10s per backend try) ' +
    'while everything else must answer in 5s. A backendRequest longer than request is refused by the API server, and "0s" switches a timeout off. ' +
    'The trace shows which timeouts apply to the matched rule.',
  manifests: docs(
    GATEWAY_CLASS,
    HTTP_GATEWAY,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: reports
  namespace: default
spec:
  parentRefs:
  - name: gateway
  hostnames:
  - reports.example.com
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /export
    timeouts:
      request: 30s
      backendRequest: 10s
    backendRefs:
    - name: reports-export
      port: 8080
  - timeouts:
      request: 5s
    backendRefs:
    - name: reports
      port: 8080`,
    service('reports', 8080),
    service('reports-export', 8080),
  ),
  requests: [
    { name: 'export', request: { host: 'reports.example.com', path: '/export/2026.csv' } },
    { name: 'dashboard', request: { host: 'reports.example.com', path: '/dashboard' } },
  ],
  tests: [
    {
      name: 'exports go to the export service',
      request: { host: 'reports.example.com', path: '/export/2026.csv' },
      expect: { outcome: 'forward', backend: 'default/reports-export', rule: 0 },
    },
    {
      name: 'everything else to reports',
      request: { host: 'reports.example.com', path: '/dashboard' },
      expect: { outcome: 'forward', backend: 'default/reports', rule: 1 },
    },
  ],
};
