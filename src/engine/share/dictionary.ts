// The preset dictionary of the `s1` share codec (contracts.md §6).
//
// FROZEN: every `s1.` link ever made inflates against exactly these bytes. Changing one character breaks
// all of them, so a new dictionary means a new codec prefix (`s2.`) and this one stays for decoding.
// dictionary.test.ts pins its length and hash.
//
// Content: Gateway API vocabulary only (kinds, apiVersions, field names, enum values, the skeletons
// kubectl and the upstream docs write), never values from our tests or benchmark scenarios, so that
// the measured link sizes are honest. Deflate prefers the nearest match, so the most frequent text
// (HTTPRoute rules, Service, the scenario header's JSON keys) sits at the end, right before the payload.
// Kept below 32 KiB, the deflate window.

export const S1_DICTIONARY = `apiVersion: gateway.networking.x-k8s.io/v1alpha1
kind: XBackendTrafficPolicy
kind: XBackend
  retryConstraint:
    budget:
      percent: 20
      interval: 10s
apiVersion: v1
kind: Namespace
metadata:
  name: infra
  labels:
    kubernetes.io/metadata.name: 
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ca
data:
  ca.crt: |
    -----BEGIN CERTIFICATE-----
    -----END CERTIFICATE-----
---
apiVersion: v1
kind: Secret
metadata:
  name: tls
type: kubernetes.io/tls
data:
  tls.crt: 
  tls.key: 
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata:
  name: tls
spec:
  targetRefs:
  - group: ""
    kind: Service
    name: 
    sectionName: https
  validation:
    caCertificateRefs:
    - group: ""
      kind: ConfigMap
      name: ca
    wellKnownCACertificates: System
    hostname: 
    subjectAltNames:
    - type: Hostname
      hostname: 
---
apiVersion: gateway.networking.k8s.io/v1
kind: ReferenceGrant
metadata:
  name: allow
  namespace: 
spec:
  from:
  - group: gateway.networking.k8s.io
    kind: HTTPRoute
    namespace: 
  to:
  - group: ""
    kind: Service
    name: 
---
apiVersion: gateway.networking.k8s.io/v1
kind: TCPRoute
metadata:
  name: tcp
spec:
  parentRefs:
  - name: gateway
    sectionName: tcp
  rules:
  - backendRefs:
    - name: 
      port: 
---
apiVersion: gateway.networking.k8s.io/v1
kind: UDPRoute
metadata:
  name: udp
spec:
  parentRefs:
  - name: gateway
    sectionName: udp
  rules:
  - backendRefs:
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata:
  name: tls
spec:
  parentRefs:
  - name: gateway
    sectionName: tls
  hostnames:
  - 
  rules:
  - backendRefs:
    - name: 
      port: 443
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata:
  name: 
spec:
  parentRef:
    name: gateway
    kind: Gateway
    group: gateway.networking.k8s.io
  listeners:
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata:
  name: grpc
spec:
  parentRefs:
  - name: gateway
  hostnames:
  - 
  rules:
  - matches:
    - method:
        type: Exact
        service: 
        method: 
      headers:
      - name: 
        value: 
    backendRefs:
    - name: 
      port: 
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: 
spec:
  controllerName: 
  description: 
  parametersRef:
    group: 
    kind: ConfigMap
    name: 
    namespace: 
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gateway
  namespace: 
spec:
  gatewayClassName: 
  addresses:
  - type: IPAddress
    value: 
  allowedListeners:
    namespaces:
      from: Same
  infrastructure:
  listeners:
  - name: tls
    protocol: TLS
    port: 443
    tls:
      mode: Passthrough
  - name: https
    protocol: HTTPS
    port: 443
    hostname: "*.
    tls:
      mode: Terminate
      certificateRefs:
      - kind: Secret
        group: ""
        name: 
    allowedRoutes:
      kinds:
      - kind: HTTPRoute
      - kind: GRPCRoute
      namespaces:
        from: Selector
        selector:
          matchExpressions:
          - key: 
            operator: In
            values:
          matchLabels:
            kubernetes.io/metadata.name: 
  - name: http
    protocol: HTTP
    port: 80
    allowedRoutes:
      namespaces:
        from: All
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: 
  namespace: 
  labels:
  annotations:
  creationTimestamp: "20
spec:
  parentRefs:
  - group: gateway.networking.k8s.io
    kind: Gateway
    name: gateway
    namespace: 
    sectionName: https
    port: 443
  hostnames:
  - "
  rules:
  - name: 
    matches:
    - path:
        type: RegularExpression
        value: 
      method: POST
      queryParams:
      - type: Exact
        name: 
        value: 
      headers:
      - type: RegularExpression
    sessionPersistence:
      type: Cookie
      sessionName: 
    retry:
      attempts: 
      backoff: 
      codes:
    timeouts:
      request: 10s
      backendRequest: 
    filters:
    - type: ExternalAuth
      externalAuth:
        protocol: HTTP
        backendRef:
    - type: ExtensionRef
      extensionRef:
        group: 
        kind: 
        name: 
    - type: CORS
      cors:
        allowOrigins:
        - "https://
        allowMethods:
        - GET
        allowHeaders:
        exposeHeaders:
        allowCredentials: true
        maxAge: 
    - type: RequestMirror
      requestMirror:
        percent: 
        fraction:
          numerator: 
          denominator: 
        backendRef:
          name: 
          port: 
    - type: RequestRedirect
      requestRedirect:
        scheme: https
        hostname: 
        statusCode: 301
        port: 
        path:
          type: ReplaceFullPath
          replaceFullPath: /
    - type: URLRewrite
      urlRewrite:
        hostname: 
        path:
          type: ReplacePrefixMatch
          replacePrefixMatch: /
    - type: ResponseHeaderModifier
      responseHeaderModifier:
        add:
        - name: 
          value: 
        remove:
    - type: RequestHeaderModifier
      requestHeaderModifier:
        set:
        - name: 
          value: 
        add:
        - name: 
          value: 
        remove:
        - 
    backendRefs:
    - group: ""
      kind: Service
      name: 
      namespace: 
      port: 8080
      weight: 
      filters:
  - matches:
    - headers:
      - name: 
        value: 
    - path:
        type: Exact
        value: /
    backendRefs:
    - name: 
      port: 8080
      weight: 
  - matches:
    - path:
        type: PathPrefix
        value: /
    backendRefs:
    - name: 
      port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: 
  namespace: 
spec:
  selector:
    app: 
  ports:
  - name: http
    protocol: TCP
    appProtocol: 
    port: 80
    targetPort: 8080
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: 
spec:
  parentRefs:
  - name: 
  hostnames:
  - 
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /
    backendRefs:
    - name: 
      port: 
---
{"name":"","request":{"gateway":"","address":"","port":443,"protocol":"HTTPS","httpVersion":"2","method":"GET","scheme":"https","host":"","path":"/","headers":{"":""},"sni":"","grpc":{"service":"","method":""},"backendResponse":{"status":200,"headers":{}},"authAllows":true},"expect":{"outcome":"forward","backends":{"":1},"backend":"","status":302,"grpcStatus":"","location":"https://","route":"","rule":0,"match":0,"listener":"","path":"/","host":"","headers":{},"headersAbsent":[],"responseHeaders":{}}},{"name":"","request":{"host":"","path":"/"}}
{"scenarioVersion":1,"engineVersion":"0.1.0","settings":{"channel":"experimental","features":[],"decisions":{}},"requests":[],"tests":[]}
`;
