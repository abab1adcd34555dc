import { allowedRoutesSelector } from './allowed-routes-selector.ts';
import { backendTlsPolicy } from './backend-tls-policy.ts';
import { basic } from './basic.ts';
import { canary } from './canary.ts';
import { cors } from './cors.ts';
import { crossNamespace } from './cross-namespace.ts';
import { experimentalUnderStandard } from './experimental-under-standard.ts';
import { grpcAndHttp } from './grpc-and-http.ts';
import { headerMatching } from './header-matching.ts';
import { hostnameIntersection } from './hostname-intersection.ts';
import { listenerSet } from './listener-set.ts';
import { mirror } from './mirror.ts';
import { parametersRef } from './parameters-ref.ts';
import { precedence } from './precedence.ts';
import { redirectRewriteInvalid } from './redirect-rewrite-invalid.ts';
import { redirects } from './redirects.ts';
import { rewrite } from './rewrite.ts';
import { s3Backend } from './s3-backend.ts';
import { sectionNameVsPort } from './section-name-vs-port.ts';
import { tcpUdp } from './tcp-udp.ts';
import { timeouts } from './timeouts.ts';
import { tlsPassthrough } from './tls-passthrough.ts';
import type { Example } from './types.ts';

export type { Example } from './types.ts';

/**
 * Built-in scenarios, in workshop order: routing basics, then filters, then references and attachment,
 * then protocols, then channels. The first one loads on the first visit.
 */
export const EXAMPLES: Example[] = [
  basic,
  headerMatching,
  precedence,
  canary,
  redirects,
  rewrite,
  redirectRewriteInvalid,
  mirror,
  timeouts,
  cors,
  crossNamespace,
  allowedRoutesSelector,
  sectionNameVsPort,
  hostnameIntersection,
  grpcAndHttp,
  tlsPassthrough,
  parametersRef,
  listenerSet,
  tcpUdp,
  backendTlsPolicy,
  s3Backend,
  experimentalUnderStandard,
];
