import { docs, GATEWAY_CLASS, HTTP_GATEWAY, service } from './common.ts';
import type { Example } from './types.ts';

// Semantics §4.6.6 / §6.5 / §6.6: a GRPCRoute and an HTTPRoute may share a hostname (SD: allowed; the
// strict GEP-1016 reading rejects the newer one). gRPC requests try GRPCRoutes first, then HTTPRoutes.
export const grpcAndHttp: Example = {
  id: 'grpc-and-http',
  title: 'A GRPCRoute next to an HTTPRoute on the same hostname',
  topic: 'gRPC',
  explanation:
    'api.example.com serves a website and a gRPC API on the same listener. The GRPCRoute matches by gRPC service and method: ' +
    'shop.v1.Orders/Get goes to orders-read, and any other Orders method to orders-write. Plain HTTP requests only ever see the HTTPRoute. ' +
    'Upstream texts disagree on whether both route kinds may claim one hostname: the GRPCRoute API reference says the newer must be rejected, ' +
    'the v1.6 guide makes that optional and most implementations allow it. The simulator allows it by default (a decision you can switch in Settings). ' +
    'A gRPC call that no GRPCRoute matches then falls through to the HTTPRoute, here the website, which is rarely what you want.',
  manifests: docs(
    GATEWAY_CLASS,
    HTTP_GATEWAY,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: website
  namespace: default
spec:
  parentRefs:
  - name: gateway
  hostnames:
  - api.example.com
  rules:
  - backendRefs:
    - name: website
      port: 8080`,
    `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata:
  name: orders
  namespace: default
spec:
  parentRefs:
  - name: gateway
  hostnames:
  - api.example.com
  rules:
  - matches:
    - method:
        service: shop.v1.Orders
        method: Get
    backendRefs:
    - name: orders-read
      port: 50051
  - matches:
    - method:
        service: shop.v1.Orders
    backendRefs:
    - name: orders-write
      port: 50051`,
    service('website', 8080),
    service('orders-read', 50051),
    service('orders-write', 50051),
  ),
  requests: [
    {
      name: 'gRPC Orders/Get',
      request: { protocol: 'GRPC', host: 'api.example.com', grpc: { service: 'shop.v1.Orders', method: 'Get' } },
    },
    {
      name: 'gRPC Orders/Create',
      request: { protocol: 'GRPC', host: 'api.example.com', grpc: { service: 'shop.v1.Orders', method: 'Create' } },
    },
    { name: 'browser GET /', request: { host: 'api.example.com', path: '/' } },
  ],
  tests: [
    {
      name: 'exact service and method',
      request: { protocol: 'GRPC', host: 'api.example.com', grpc: { service: 'shop.v1.Orders', method: 'Get' } },
      expect: { outcome: 'forward', backend: 'default/orders-read', route: 'default/orders', rule: 0 },
    },
    {
      name: 'service only: every method of it',
      request: { protocol: 'GRPC', host: 'api.example.com', grpc: { service: 'shop.v1.Orders', method: 'Create' } },
      expect: { outcome: 'forward', backend: 'default/orders-write', rule: 1 },
    },
    {
      name: 'plain HTTP only sees the HTTPRoute',
      request: { host: 'api.example.com', path: '/' },
      expect: { outcome: 'forward', backend: 'default/website', route: 'default/website' },
    },
  ],
};
