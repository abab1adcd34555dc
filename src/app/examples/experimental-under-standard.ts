import { docs, GATEWAY_CLASS, HTTP_GATEWAY, service } from './common.ts';
import type { Example } from './types.ts';

// Semantics §2.5 and §8.3: rules[].retry exists only in the Experimental CRDs. A Standard-channel API
// server prunes or refuses unknown fields; the simulator, strict like kubectl, reports it as an error.
export const experimentalUnderStandard: Example = {
  id: 'experimental-under-standard',
  title: 'An Experimental feature under the Standard channel',
  topic: 'Channels',
  explanation:
    'Gateway API ships two sets of CRDs. Standard has only stable fields; Experimental adds fields still being designed, such as HTTPRoute retries. ' +
    'Most clusters install Standard, where the retry field does not exist: kubectl apply fails with an unknown-field error and the HTTPRoute is never created, ' +
    'so its host gets a 404. The simulator starts in Standard and says which channel the field needs. ' +
    'Switch the channel to Experimental in the header and the same manifest is accepted: requests then reach the backend, ' +
    'and failed attempts with a 503 would be retried twice.',
  manifests: docs(
    GATEWAY_CLASS,
    HTTP_GATEWAY,
    `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: flaky
  namespace: default
spec:
  parentRefs:
  - name: gateway
  hostnames:
  - flaky.example.com
  rules:
  - retry:
      codes:
      - 503
      attempts: 2
      backoff: 100ms
    backendRefs:
    - name: flaky
      port: 8080`,
    service('flaky', 8080),
  ),
  requests: [{ name: 'flaky', request: { host: 'flaky.example.com', path: '/' } }],
  tests: [
    {
      name: 'under Standard the route does not exist: 404',
      request: { host: 'flaky.example.com', path: '/' },
      expect: { outcome: 'not-found', status: 404 },
    },
  ],
  expectDiagnostics: ['channel'],
};
