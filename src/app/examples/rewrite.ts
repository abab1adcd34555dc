import { docs, GATEWAY_CLASS, HTTP_GATEWAY, service } from './common.ts';
import type { Example } from './types.ts';

// Semantics §7.4: ReplacePrefixMatch replaces exactly the matched prefix (trailing slashes ignored);
// matching always uses the original request, so a rewrite never re-matches.
export const rewrite: Example = {
  id: 'rewrite',
  title: 'URL rewrite: prefix, full path and host',
  topic: 'Filters',
  explanation:
    'Unlike a redirect, a rewrite changes the request on its way to the backend and the client never sees it. ' +
    'Requests under /v1 go to the legacy service with the /v1 prefix removed and the Host header replaced by legacy.internal; ' +
    'under /v2 the prefix becomes /api; and /status is rewritten to exactly /healthz whatever follows it. ' +
    'Open the trace to compare the request before and after the filters. Routing is decided on the original path, so /v2/x is never re-matched as /api/x.',
  manifests: docs(
    GATEWAY_CLASS,
    HTTP_GATEWAY,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: api
  namespace: default
spec:
  parentRefs:
  - name: gateway
  hostnames:
  - api.example.com
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /v1
    filters:
    - type: URLRewrite
      urlRewrite:
        hostname: legacy.internal
        path:
          type: ReplacePrefixMatch
          replacePrefixMatch: /
    backendRefs:
    - name: legacy-api
      port: 8080
  - matches:
    - path:
        type: PathPrefix
        value: /v2
    filters:
    - type: URLRewrite
      urlRewrite:
        path:
          type: ReplacePrefixMatch
          replacePrefixMatch: /api
    backendRefs:
    - name: api-v2
      port: 8080
  - matches:
    - path:
        type: PathPrefix
        value: /status
    filters:
    - type: URLRewrite
      urlRewrite:
        path:
          type: ReplaceFullPath
          replaceFullPath: /healthz
    backendRefs:
    - name: api-v2
      port: 8080`,
    service('legacy-api', 8080),
    service('api-v2', 8080),
  ),
  requests: [
    { name: 'v1 users', request: { host: 'api.example.com', path: '/v1/users' } },
    { name: 'v2 orders', request: { host: 'api.example.com', path: '/v2/orders' } },
    { name: 'status', request: { host: 'api.example.com', path: '/status/db' } },
  ],
  tests: [
    {
      name: '/v1 is stripped and the host rewritten',
      request: { host: 'api.example.com', path: '/v1/users' },
      expect: { outcome: 'forward', backend: 'default/legacy-api', path: '/users', host: 'legacy.internal' },
    },
    {
      name: 'exactly /v1 becomes /',
      request: { host: 'api.example.com', path: '/v1' },
      expect: { outcome: 'forward', path: '/' },
    },
    {
      name: '/v2 becomes /api, host unchanged',
      request: { host: 'api.example.com', path: '/v2/orders' },
      expect: { outcome: 'forward', backend: 'default/api-v2', path: '/api/orders', host: 'api.example.com' },
    },
    {
      name: 'ReplaceFullPath replaces everything',
      request: { host: 'api.example.com', path: '/status/db' },
      expect: { outcome: 'forward', path: '/healthz' },
    },
  ],
};
