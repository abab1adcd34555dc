import { docs, GATEWAY_CLASS, service } from './common.ts';
import type { Example } from './types.ts';

// Semantics §4.6.7 and §6.8: L4 listeners are chosen by port and transport only; several routes may
// attach and are all Accepted, but only the oldest carries traffic. TCP and UDP may share a port.
export const tcpUdp: Example = {
  id: 'tcp-udp',
  title: 'TCPRoute and UDPRoute',
  topic: 'Layer 4',
  explanation:
    'TCPRoute and UDPRoute are GA in v1.6 (apiVersion v1, one rule each). They have no hostnames and no matches: the listener is picked by port and transport, ' +
    "and the route's backends by weight, per connection for TCP and per flow for UDP. DNS uses port 53 over both UDP and TCP, and that is allowed. " +
    'Two TCPRoutes attach to the postgres listener; both are Accepted and counted, but only the older one (written first here) receives connections. ' +
    'A connection to a port without a listener is refused.',
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
  - name: postgres
    protocol: TCP
    port: 5432
  - name: dns
    protocol: UDP
    port: 53
  - name: dns-tcp
    protocol: TCP
    port: 53`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: TCPRoute
metadata:
  name: db
  namespace: default
spec:
  parentRefs:
  - name: gateway
    sectionName: postgres
  rules:
  - backendRefs:
    - name: postgres
      port: 5432`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: TCPRoute
metadata:
  name: db-replica
  namespace: default
spec:
  parentRefs:
  - name: gateway
    sectionName: postgres
  rules:
  - backendRefs:
    - name: postgres-replica
      port: 5432`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: UDPRoute
metadata:
  name: dns
  namespace: default
spec:
  parentRefs:
  - name: gateway
    sectionName: dns
  rules:
  - backendRefs:
    - name: coredns
      port: 53`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: TCPRoute
metadata:
  name: dns-tcp
  namespace: default
spec:
  parentRefs:
  - name: gateway
    sectionName: dns-tcp
  rules:
  - backendRefs:
    - name: coredns
      port: 53`,
    service('postgres', 5432),
    service('postgres-replica', 5432),
    `apiVersion: v1
kind: Service
metadata:
  name: coredns
  namespace: default
spec:
  selector:
    app: coredns
  ports:
  - name: dns
    protocol: UDP
    port: 53
  - name: dns-tcp
    protocol: TCP
    port: 53`,
  ),
  requests: [
    { name: 'postgres', request: { protocol: 'TCP', port: 5432 } },
    { name: 'DNS over UDP', request: { protocol: 'UDP', port: 53 } },
    { name: 'redis (no listener)', request: { protocol: 'TCP', port: 6379 } },
  ],
  tests: [
    {
      name: 'the oldest TCPRoute gets the connections',
      request: { protocol: 'TCP', port: 5432 },
      expect: { outcome: 'forward', backend: 'default/postgres', route: 'default/db' },
    },
    {
      name: 'UDP on 53',
      request: { protocol: 'UDP', port: 53 },
      expect: { outcome: 'forward', backend: 'default/coredns', listener: 'dns' },
    },
    {
      name: 'TCP on 53 too',
      request: { protocol: 'TCP', port: 53 },
      expect: { outcome: 'forward', backend: 'default/coredns', listener: 'dns-tcp' },
    },
    {
      name: 'no listener on the port',
      request: { protocol: 'TCP', port: 6379 },
      expect: { outcome: 'no-listener' },
    },
  ],
};
