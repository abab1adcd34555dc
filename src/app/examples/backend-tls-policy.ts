import { docs, GATEWAY_CLASS, HTTP_GATEWAY } from './common.ts';
import type { Example } from './types.ts';

// Semantics §4.10: a BackendTLSPolicy attaches to a Service (sectionName = Service port name) and makes
// the gateway originate TLS with SNI = validation.hostname, verified against the CA ConfigMap's ca.crt.
export const backendTlsPolicy: Example = {
  id: 'backend-tls-policy',
  title: 'BackendTLSPolicy: re-encrypt to the backend',
  topic: 'TLS',
  explanation:
    "Clients talk plain HTTP (or HTTPS) to the gateway, but the payments Service only accepts TLS. A BackendTLSPolicy attached to that Service's https port " +
    'tells the gateway to open TLS towards it, to send payments.internal.example as the server name, and to trust only certificates signed by the CA in the payments-ca ConfigMap. ' +
    'The route itself does not change. The trace shows the TLS settings on the backend. If the ConfigMap were missing or had no ca.crt, the policy would not be accepted ' +
    'and requests to payments would fail with a 5xx instead of silently falling back to plain text.',
  manifests: docs(
    GATEWAY_CLASS,
    HTTP_GATEWAY,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: payments
  namespace: default
spec:
  parentRefs:
  - name: gateway
  hostnames:
  - pay.example.com
  rules:
  - backendRefs:
    - name: payments
      port: 443`,
    `apiVersion: v1
kind: Service
metadata:
  name: payments
  namespace: default
spec:
  selector:
    app: payments
  ports:
  - name: https
    port: 443
    targetPort: 8443`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata:
  name: payments-tls
  namespace: default
spec:
  targetRefs:
  - group: ""
    kind: Service
    name: payments
    sectionName: https
  validation:
    caCertificateRefs:
    - group: ""
      kind: ConfigMap
      name: payments-ca
    hostname: payments.internal.example`,
    `apiVersion: v1
kind: ConfigMap
metadata:
  name: payments-ca
  namespace: default
data:
  ca.crt: |
    -----BEGIN CERTIFICATE-----
    EXAMPLE-ONLY
    -----END CERTIFICATE-----`,
  ),
  requests: [{ name: 'pay', request: { host: 'pay.example.com', path: '/charge' } }],
  tests: [
    {
      name: 'traffic reaches payments (over TLS)',
      request: { host: 'pay.example.com', path: '/charge' },
      expect: { outcome: 'forward', backend: 'default/payments' },
    },
  ],
};
