import { docs, GATEWAY_CLASS, service, tlsSecret } from './common.ts';
import type { Example } from './types.ts';

// Semantics §4.3 and §6.7: Passthrough listeners take TLSRoutes and route on SNI only, never decrypting;
// HTTPS listeners terminate and route HTTP. HTTPS and TLS may share a port when hostnames differ (SD).
export const tlsPassthrough: Example = {
  id: 'tls-passthrough',
  title: 'TLS Passthrough with a TLSRoute versus Terminate',
  topic: 'TLS',
  explanation:
    "Both listeners use port 443, told apart by the server name (SNI) the client sends. The HTTPS listener terminates TLS with the Gateway's certificate, " +
    'so HTTPRoutes can look at paths and headers. The TLS listener in Passthrough mode never decrypts: it only reads the SNI and forwards the encrypted bytes ' +
    'to the vault Service, which holds its own certificate. That is why a TLSRoute has hostnames but no path matches, and why a Passthrough listener needs no certificateRefs. ' +
    'A client naming a host no listener serves is refused during the handshake.',
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
  - name: https
    protocol: HTTPS
    port: 443
    hostname: www.example.com
    tls:
      mode: Terminate
      certificateRefs:
      - name: www-cert
  - name: tls
    protocol: TLS
    port: 443
    hostname: vault.example.com
    tls:
      mode: Passthrough`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: www
  namespace: default
spec:
  parentRefs:
  - name: gateway
    sectionName: https
  rules:
  - backendRefs:
    - name: www
      port: 80`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata:
  name: vault
  namespace: default
spec:
  parentRefs:
  - name: gateway
    sectionName: tls
  hostnames:
  - vault.example.com
  rules:
  - backendRefs:
    - name: vault
      port: 8443`,
    tlsSecret('www-cert'),
    service('www'),
    service('vault', 8443),
  ),
  requests: [
    { name: 'HTTPS www', request: { scheme: 'https', host: 'www.example.com', path: '/' } },
    { name: 'TLS vault', request: { protocol: 'TLS', port: 443, sni: 'vault.example.com' } },
    { name: 'TLS unknown name', request: { protocol: 'TLS', port: 443, sni: 'db.example.com' } },
  ],
  tests: [
    {
      name: 'terminated and routed as HTTP',
      request: { scheme: 'https', host: 'www.example.com', path: '/' },
      expect: { outcome: 'forward', backend: 'default/www', listener: 'https' },
    },
    {
      name: 'passed through by SNI',
      request: { protocol: 'TLS', port: 443, sni: 'vault.example.com' },
      expect: { outcome: 'forward', backend: 'default/vault', listener: 'tls', route: 'default/vault' },
    },
    {
      name: 'no listener for the SNI: handshake refused',
      request: { protocol: 'TLS', port: 443, sni: 'db.example.com' },
      expect: { outcome: 'rejected' },
    },
  ],
};
