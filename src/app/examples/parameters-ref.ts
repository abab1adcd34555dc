import { docs, service } from './common.ts';
import type { Example } from './types.ts';

// Semantics §4.1: a parametersRef to a missing object makes the class Accepted=False/InvalidParameters,
// and Gateways of a class that is not accepted are not reconciled (no status, no traffic).
export const parametersRef: Example = {
  id: 'parameters-ref',
  title: 'GatewayClass parametersRef to a ConfigMap or a custom resource',
  topic: 'Classes',
  explanation:
    'A GatewayClass can point at configuration for its controller with parametersRef: a ConfigMap, or a custom resource the vendor defines. ' +
    'The simulator does not know what is inside (kinds it does not model are kept as opaque objects), but it checks that the object exists. ' +
    '"tuned" points at a ConfigMap and "vendor" at a ProxyConfig custom resource, both present, so both classes are Accepted. ' +
    '"broken" points at a ProxyConfig that is not in the manifests, so it is Accepted=False with reason InvalidParameters, ' +
    'and its Gateway is never programmed. Namespaced parameters need a namespace in the reference.',
  manifests: docs(
    `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: tuned
spec:
  controllerName: example.com/gateway-controller
  parametersRef:
    group: ""
    kind: ConfigMap
    name: proxy-settings
    namespace: infra`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: vendor
spec:
  controllerName: example.com/gateway-controller
  parametersRef:
    group: proxy.example.com
    kind: ProxyConfig
    name: large
    namespace: infra`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: broken
spec:
  controllerName: example.com/gateway-controller
  parametersRef:
    group: proxy.example.com
    kind: ProxyConfig
    name: does-not-exist
    namespace: infra`,
    `apiVersion: v1
kind: ConfigMap
metadata:
  name: proxy-settings
  namespace: infra
data:
  workers: "4"
  accessLog: json`,
    `apiVersion: proxy.example.com/v1
kind: ProxyConfig
metadata:
  name: large
  namespace: infra
spec:
  replicas: 3
  resources:
    cpu: "2"`,
    ...[
      ['edge', 'tuned'],
      ['internal', 'vendor'],
      ['legacy', 'broken'],
    ].map(
      ([name, cls]) => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: ${name}
  namespace: default
spec:
  gatewayClassName: ${cls}
  listeners:
  - name: http
    protocol: HTTP
    port: 80`,
    ),
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
  namespace: default
spec:
  parentRefs:
  - name: edge
  - name: internal
  - name: legacy
  rules:
  - backendRefs:
    - name: web
      port: 80`,
    service('web'),
  ),
  requests: [
    { name: 'via edge (tuned)', request: { gateway: 'default/edge', host: 'www.example.com', path: '/' } },
    { name: 'via internal (vendor)', request: { gateway: 'default/internal', host: 'www.example.com', path: '/' } },
    { name: 'via legacy (broken class)', request: { gateway: 'default/legacy', host: 'www.example.com', path: '/' } },
  ],
  tests: [
    {
      name: 'a class with a ConfigMap parametersRef works',
      request: { gateway: 'default/edge', host: 'www.example.com', path: '/' },
      expect: { outcome: 'forward', backend: 'default/web' },
    },
    {
      name: 'a class with a custom-resource parametersRef works',
      request: { gateway: 'default/internal', host: 'www.example.com', path: '/' },
      expect: { outcome: 'forward', backend: 'default/web' },
    },
  ],
  expectDiagnostics: ['InvalidParameters'],
};
