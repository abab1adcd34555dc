import { docs, GATEWAY_CLASS, HTTP_GATEWAY, service } from './common.ts';
import type { Example } from './types.ts';

// Semantics §7.6: the gateway answers preflights itself; actual requests are forwarded and get the
// CORS response headers when the Origin is allowed. `https://*.partner.example` matches one or more labels.
export const cors: Example = {
  id: 'cors',
  title: 'CORS: cross-origin requests from a browser',
  topic: 'Filters',
  explanation:
    'A browser page on app.example.com calls the API on api.example.com. Before a PUT, the browser sends a preflight: an OPTIONS request with Origin and Access-Control-Request-Method. ' +
    'With a CORS filter the gateway answers that preflight itself and lists what is allowed; the backend never sees it. ' +
    'Real requests from an allowed origin are forwarded and get Access-Control-Allow-Origin on the way back. ' +
    'Origins from anywhere else get no CORS headers, so the browser blocks the page from reading the answer (the request itself may still reach the backend: CORS protects the browser user, not the API).',
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
  - filters:
    - type: CORS
      cors:
        allowOrigins:
        - https://app.example.com
        - https://*.partner.example
        allowMethods:
        - GET
        - POST
        - PUT
        allowHeaders:
        - authorization
        - content-type
        exposeHeaders:
        - x-request-id
        allowCredentials: true
        maxAge: 600
    backendRefs:
    - name: api
      port: 8080`,
    service('api', 8080),
  ),
  requests: [
    {
      name: 'preflight from the app',
      request: {
        method: 'OPTIONS',
        host: 'api.example.com',
        path: '/orders/7',
        headers: { origin: 'https://app.example.com', 'access-control-request-method': 'PUT' },
      },
    },
    {
      name: 'GET from a partner',
      request: { host: 'api.example.com', path: '/orders', headers: { origin: 'https://shop.partner.example' } },
    },
    {
      name: 'preflight from elsewhere',
      request: {
        method: 'OPTIONS',
        host: 'api.example.com',
        path: '/orders/7',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'PUT' },
      },
    },
  ],
  tests: [
    {
      name: 'the gateway answers an allowed preflight',
      request: {
        method: 'OPTIONS',
        host: 'api.example.com',
        path: '/orders/7',
        headers: { origin: 'https://app.example.com', 'access-control-request-method': 'PUT' },
      },
      expect: {
        outcome: 'response',
        responseHeaders: {
          'access-control-allow-origin': 'https://app.example.com',
          'access-control-allow-credentials': 'true',
          'access-control-max-age': '600',
        },
      },
    },
    {
      name: 'an allowed actual request is forwarded with CORS headers',
      request: { host: 'api.example.com', path: '/orders', headers: { origin: 'https://shop.partner.example' } },
      expect: {
        outcome: 'forward',
        backend: 'default/api',
        responseHeaders: { 'access-control-allow-origin': 'https://shop.partner.example' },
      },
    },
  ],
};
