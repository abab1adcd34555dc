// Pieces shared by several examples. Kept tiny: a workshop reader should see the whole manifest in
// each example, so only the boilerplate every scenario needs lives here.

/** The GatewayClass every example's Gateways use. The simulator claims every class by default. */
export const GATEWAY_CLASS = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: example
spec:
  controllerName: example.com/gateway-controller`;

/** The Gateway most examples use: one HTTP listener on port 80, routes from its own namespace. */
export const HTTP_GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gateway
  namespace: default
spec:
  gatewayClassName: example
  listeners:
  - name: http
    protocol: HTTP
    port: 80`;

/** A Service in `namespace` with one port. */
export function service(name: string, port = 80, namespace = 'default'): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  selector:
    app: ${name}
  ports:
  - port: ${port}`;
}

/**
 * A TLS Secret with placeholder PEM blocks: the simulator checks the keys and PEM headers, never the
 * certificate itself (semantics §1.1, SD). Never paste real keys into a share link.
 */
export function tlsSecret(name: string, namespace = 'default'): string {
  return `apiVersion: v1
kind: Secret
metadata:
  name: ${name}
  namespace: ${namespace}
type: kubernetes.io/tls
data:
  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCkVYQU1QTEUtT05MWQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==
  tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCkVYQU1QTEUtT05MWQotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==`;
}

/** Joins YAML documents. */
export const docs = (...parts: string[]): string => `${parts.join('\n---\n')}\n`;
