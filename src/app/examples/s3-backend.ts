import { docs, GATEWAY_CLASS, HTTP_GATEWAY, service } from './common.ts';
import type { Example } from './types.ts';

// Semantics §4.9: backend kinds other than core Service are implementation-specific; an unsupported
// group/kind is ResolvedRefs=False/InvalidKind. Settings › supported backend kinds plays the vendor.
export const s3Backend: Example = {
  id: 's3-backend',
  title: 'A route to a non-Service backend (an S3 bucket)',
  topic: 'References',
  explanation:
    'backendRefs usually name a Service, but the group and kind fields allow anything an implementation supports, for example a bucket that serves static files. ' +
    "This scenario's settings tell the simulator that the implementation supports storage.example.com/S3Bucket, so /assets goes to the bucket. " +
    'A backendRef with a kind the implementation does not support is not an error of the route as a whole: the route is Accepted, ResolvedRefs is False with reason InvalidKind, ' +
    "and that backend's share is answered with 500. Remove the kind from Settings to see it. Note that a non-Service backendRef needs no port.",
  settings: { supportedBackendKinds: ['storage.example.com/S3Bucket'] },
  manifests: docs(
    GATEWAY_CLASS,
    HTTP_GATEWAY,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: site
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
        value: /assets
    backendRefs:
    - group: storage.example.com
      kind: S3Bucket
      name: static-assets
  - backendRefs:
    - name: web
      port: 80`,
    `apiVersion: storage.example.com/v1
kind: S3Bucket
metadata:
  name: static-assets
  namespace: default
spec:
  bucket: example-static-assets
  region: eu-west-1`,
    service('web'),
  ),
  requests: [
    { name: 'logo', request: { host: 'www.example.com', path: '/assets/logo.svg' } },
    { name: 'home', request: { host: 'www.example.com', path: '/' } },
  ],
  tests: [
    {
      name: 'assets come from the bucket',
      request: { host: 'www.example.com', path: '/assets/logo.svg' },
      expect: { outcome: 'forward', backend: 'default/static-assets', rule: 0 },
    },
    {
      name: 'pages from the web Service',
      request: { host: 'www.example.com', path: '/' },
      expect: { outcome: 'forward', backend: 'default/web', rule: 1 },
    },
  ],
};
