// The first example: what a newcomer sees on the first visit.
import type { Example } from './types.ts';

export const basic: Example = {
  id: 'basic',
  title: 'A basic Gateway and HTTPRoute',
  topic: 'Basics',
  explanation:
    'A GatewayClass names the controller, a Gateway opens an HTTP listener on port 80, and an HTTPRoute attaches to it. ' +
    'Requests for www.example.com under /app go to the app Service; everything else for that host goes to the web Service.',
  manifests: `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: example
spec:
  controllerName: example.com/gateway-controller
---
apiVersion: gateway.networking.k8s.io/v1
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
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: www
  namespace: default
spec:
  parentRefs:
  - name: gateway
  hostnames:
  - www.example.com
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /app
    backendRefs:
    - name: app
      port: 8080
  - backendRefs:
    - name: web
      port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: app
  namespace: default
spec:
  ports:
  - port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec:
  ports:
  - port: 80
`,
  requests: [
    { name: 'app page', request: { host: 'www.example.com', path: '/app/login' } },
    { name: 'home page', request: { host: 'www.example.com', path: '/' } },
  ],
  tests: [
    {
      name: 'paths under /app go to the app Service',
      request: { host: 'www.example.com', path: '/app/login' },
      expect: { outcome: 'forward', backend: 'default/app', route: 'default/www', rule: 0 },
    },
    {
      // PathPrefix matches whole path elements (semantics §6.3): /application is not under /app.
      name: '/application is not under /app',
      request: { host: 'www.example.com', path: '/application' },
      expect: { outcome: 'forward', backend: 'default/web', rule: 1 },
    },
    {
      name: 'another host matches no route: 404',
      request: { host: 'api.example.com', path: '/' },
      expect: { outcome: 'not-found', status: 404 },
    },
  ],
};
