// Seed manifests for the property tests: one of every kind the engine models, with the fields people
// use. The fuzzer mutates these (drops keys, swaps types, injects hostile strings) and re-serialises.

export const SEED = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec:
  controllerName: example.com/controller
  parametersRef: {group: "", kind: ConfigMap, name: params, namespace: default}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: gc
  allowedListeners: {namespaces: {from: All}}
  listeners:
  - {name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}
  - name: https
    protocol: HTTPS
    port: 443
    hostname: "*.example.com"
    tls: {mode: Terminate, certificateRefs: [{name: cert}]}
  - {name: tls, protocol: TLS, port: 8443, tls: {mode: Passthrough}}
  - {name: tcp, protocol: TCP, port: 9000}
  - {name: udp, protocol: UDP, port: 5353}
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: ls, namespace: default}
spec:
  parentRef: {name: gw}
  listeners:
  - {name: extra, protocol: HTTP, port: 8080, hostname: extra.example.com}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: default}
spec:
  parentRefs: [{name: gw, sectionName: http}, {kind: ListenerSet, name: ls}]
  hostnames: [www.example.com, "*.example.com"]
  rules:
  - matches:
    - path: {type: PathPrefix, value: /v2}
      headers: [{name: version, value: "2"}]
      queryParams: [{name: q, value: x}]
      method: GET
    - path: {type: RegularExpression, value: "/api/[a-z]+"}
    filters:
    - type: RequestHeaderModifier
      requestHeaderModifier: {set: [{name: x-a, value: b}], add: [{name: x-c, value: d}], remove: [x-e]}
    - type: URLRewrite
      urlRewrite: {hostname: internal, path: {type: ReplacePrefixMatch, replacePrefixMatch: /}}
    backendRefs:
    - {name: v2, port: 80, weight: 90}
    - {name: v1, port: 80, weight: 10, namespace: other}
    timeouts: {request: 10s, backendRequest: 5s}
  - matches: [{path: {type: Exact, value: /old}}]
    filters:
    - type: RequestRedirect
      requestRedirect: {scheme: https, statusCode: 301, path: {type: ReplaceFullPath, replaceFullPath: /new}}
  - filters:
    - type: RequestMirror
      requestMirror: {backendRef: {name: v1, port: 80}, percent: 50}
    - type: CORS
      cors: {allowOrigins: ["https://a.example.com"], allowMethods: [GET, POST], allowCredentials: true}
    backendRefs: [{name: v1, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: grpc, namespace: default}
spec:
  parentRefs: [{name: gw}]
  hostnames: [grpc.example.com]
  rules:
  - matches: [{method: {service: pkg.Svc, method: Get}, headers: [{name: x, value: y}]}]
    backendRefs: [{name: v1, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: tls, namespace: default}
spec:
  parentRefs: [{name: gw, sectionName: tls}]
  hostnames: [secure.example.com]
  rules: [{backendRefs: [{name: v1, port: 443}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: TCPRoute
metadata: {name: tcp, namespace: default}
spec:
  parentRefs: [{name: gw, sectionName: tcp}]
  rules: [{backendRefs: [{name: v1, port: 9000}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: UDPRoute
metadata: {name: udp, namespace: default}
spec:
  parentRefs: [{name: gw, port: 5353}]
  rules: [{backendRefs: [{name: v1, port: 53}]}]
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: grant, namespace: other}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: default}]
  to: [{group: "", kind: Service}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: btls, namespace: default}
spec:
  targetRefs: [{group: "", kind: Service, name: v2}]
  validation: {hostname: v2.example.com, wellKnownCACertificates: System}
---
apiVersion: v1
kind: Service
metadata: {name: v1, namespace: default}
spec: {ports: [{port: 80}, {port: 443}, {port: 9000}, {port: 53, protocol: UDP}]}
---
apiVersion: v1
kind: Service
metadata: {name: v2, namespace: default}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: v1, namespace: other}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Secret
metadata: {name: cert, namespace: default}
type: kubernetes.io/tls
data: {tls.crt: Zm9v, tls.key: YmFy}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: params, namespace: default}
data: {a: b}
---
apiVersion: v1
kind: Namespace
metadata: {name: other, labels: {team: a}}
`;

/** Strings that have broken parsers, regex engines and renderers before. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '*',
  '*.',
  '.',
  '/',
  '//',
  '/../',
  '%2F',
  '(a+)+$',
  '[',
  '\\',
  '(?P<x>',
  'a'.repeat(300),
  'ünïcødé.example.com',
  'xn--nxasmq6b.example',
  'FOO.EXAMPLE.COM.',
  '10.0.0.1',
  '[::1]:8080',
  'value\r\nInjected: yes',
  'name with spaces',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '\u0000',
  '🙂',
  '-1',
  '1e309',
];
