import { docs, GATEWAY_CLASS, HTTP_GATEWAY, service } from './common.ts';
import type { Example } from './types.ts';

// Semantics §3.4: "May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite,
// but not both" is a CEL rule, so the API server refuses the whole HTTPRoute (it is never stored).
export const redirectRewriteInvalid: Example = {
  id: 'redirect-rewrite-invalid',
  title: 'Redirect plus rewrite: refused by the API server',
  topic: 'Filters',
  explanation:
    'A redirect answers the client; a rewrite changes what the backend receives. One rule cannot do both, and the Gateway API CRD says so with a validation rule, ' +
    'so kubectl apply would fail and the HTTPRoute never exists: requests for old.example.com get a 404, not a redirect. ' +
    "The error carries the API server's own words. To fix it, keep only the RequestRedirect (to move users) or only the URLRewrite (to hide the move), " +
    'or split them into two rules with different matches.',
  manifests: docs(
    GATEWAY_CLASS,
    HTTP_GATEWAY,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: moved
  namespace: default
spec:
  parentRefs:
  - name: gateway
  hostnames:
  - old.example.com
  rules:
  - filters:
    - type: RequestRedirect
      requestRedirect:
        hostname: new.example.com
    - type: URLRewrite
      urlRewrite:
        hostname: new.example.com`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: new-site
  namespace: default
spec:
  parentRefs:
  - name: gateway
  hostnames:
  - new.example.com
  rules:
  - backendRefs:
    - name: site
      port: 80`,
    service('site'),
  ),
  requests: [
    { name: 'old site', request: { host: 'old.example.com', path: '/about' } },
    { name: 'new site', request: { host: 'new.example.com', path: '/about' } },
  ],
  tests: [
    {
      name: 'the refused route does not exist: 404',
      request: { host: 'old.example.com', path: '/about' },
      expect: { outcome: 'not-found', status: 404 },
    },
    {
      name: 'the valid route still works',
      request: { host: 'new.example.com', path: '/about' },
      expect: { outcome: 'forward', backend: 'default/site' },
    },
  ],
  expectDiagnostics: ['cel'],
};
