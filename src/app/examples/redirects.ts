import { docs, GATEWAY_CLASS, service, tlsSecret } from './common.ts';
import type { Example } from './types.ts';

// Semantics §7.3: the Location keeps every part of the request URL that the filter does not set; with
// `scheme: https` and no port the port becomes 443 and is left out of the Location.
export const redirects: Example = {
  id: 'redirects',
  title: 'An HTTPS redirect and a path redirect',
  topic: 'Filters',
  explanation:
    'The Gateway listens on port 80 and on 443 with a certificate. A small route attached only to the HTTP listener (by sectionName) ' +
    'answers every plain-HTTP request with a 301 to the same URL on https: the gateway replies itself and no backend is called. ' +
    'On HTTPS, the www route moves an old docs section: RequestRedirect with ReplacePrefixMatch swaps the matched /old-docs prefix for /docs ' +
    'and keeps the rest of the path. Without a statusCode a redirect is a 302. Attach the https redirect to the HTTPS listener too and you get a loop: the simulator warns about it.',
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
  - name: http
    protocol: HTTP
    port: 80
  - name: https
    protocol: HTTPS
    port: 443
    hostname: www.example.com
    tls:
      mode: Terminate
      certificateRefs:
      - name: www-cert`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: http-to-https
  namespace: default
spec:
  parentRefs:
  - name: gateway
    sectionName: http
  hostnames:
  - www.example.com
  rules:
  - filters:
    - type: RequestRedirect
      requestRedirect:
        scheme: https
        statusCode: 301`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: www
  namespace: default
spec:
  parentRefs:
  - name: gateway
    sectionName: https
  hostnames:
  - www.example.com
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /old-docs
    filters:
    - type: RequestRedirect
      requestRedirect:
        path:
          type: ReplacePrefixMatch
          replacePrefixMatch: /docs
  - backendRefs:
    - name: www
      port: 80`,
    tlsSecret('www-cert'),
    service('www'),
  ),
  requests: [
    { name: 'plain HTTP', request: { host: 'www.example.com', path: '/pricing' } },
    { name: 'old docs link', request: { scheme: 'https', host: 'www.example.com', path: '/old-docs/install' } },
    { name: 'HTTPS page', request: { scheme: 'https', host: 'www.example.com', path: '/docs/install' } },
  ],
  tests: [
    {
      name: 'http is redirected to https with 301',
      request: { host: 'www.example.com', path: '/pricing' },
      expect: { outcome: 'redirect', status: 301, location: 'https://www.example.com/pricing' },
    },
    {
      name: 'old prefix is replaced, the rest kept, 302 by default',
      request: { scheme: 'https', host: 'www.example.com', path: '/old-docs/install' },
      expect: { outcome: 'redirect', status: 302, location: 'https://www.example.com/docs/install' },
    },
    {
      name: 'https pages are served',
      request: { scheme: 'https', host: 'www.example.com', path: '/docs/install' },
      expect: { outcome: 'forward', backend: 'default/www', listener: 'https' },
    },
  ],
};
