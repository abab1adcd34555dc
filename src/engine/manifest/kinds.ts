// Which kinds and versions the simulated cluster serves (semantics reference §1 and §1.1).
// Served versions differ by channel only for the deprecated route alphas, BackendTLSPolicy v1alpha3
// and the Experimental-only x-k8s.io kinds.

import type { Channel } from '../types.ts';

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
export const X_GATEWAY_GROUP = 'gateway.networking.x-k8s.io';

export interface KindInfo {
  group: string;
  kind: string;
  scope: 'Cluster' | 'Namespaced';
  /** Served versions per channel. An empty list: the kind is not installed in that channel. */
  served: Record<Channel, string[]>;
  /** Versions present in the CRD but not served (deprecated alphas in Standard). */
  unserved?: Partial<Record<Channel, string[]>>;
  /** Deprecated versions carry the API server's deprecation warning. */
  deprecated?: Record<string, string>;
}

const both = (...v: string[]) => ({ standard: v, experimental: v });
const dep = (kind: string, version: string) =>
  `The ${version} version of ${kind} has been deprecated and will be removed in a future release of the API. Please upgrade to v1.`;

export const KINDS: KindInfo[] = [
  { group: GATEWAY_GROUP, kind: 'GatewayClass', scope: 'Cluster', served: both('v1', 'v1beta1') },
  { group: GATEWAY_GROUP, kind: 'Gateway', scope: 'Namespaced', served: both('v1', 'v1beta1') },
  { group: GATEWAY_GROUP, kind: 'HTTPRoute', scope: 'Namespaced', served: both('v1', 'v1beta1') },
  { group: GATEWAY_GROUP, kind: 'GRPCRoute', scope: 'Namespaced', served: both('v1') },
  {
    group: GATEWAY_GROUP,
    kind: 'TLSRoute',
    scope: 'Namespaced',
    served: { standard: ['v1'], experimental: ['v1', 'v1alpha2', 'v1alpha3'] },
    unserved: { standard: ['v1alpha2', 'v1alpha3'] },
    deprecated: { v1alpha2: dep('TLSRoute', 'v1alpha2'), v1alpha3: dep('TLSRoute', 'v1alpha3') },
  },
  {
    group: GATEWAY_GROUP,
    kind: 'TCPRoute',
    scope: 'Namespaced',
    served: { standard: ['v1'], experimental: ['v1', 'v1alpha2'] },
    unserved: { standard: ['v1alpha2'] },
    deprecated: { v1alpha2: dep('TCPRoute', 'v1alpha2') },
  },
  {
    group: GATEWAY_GROUP,
    kind: 'UDPRoute',
    scope: 'Namespaced',
    served: { standard: ['v1'], experimental: ['v1', 'v1alpha2'] },
    unserved: { standard: ['v1alpha2'] },
    deprecated: { v1alpha2: dep('UDPRoute', 'v1alpha2') },
  },
  { group: GATEWAY_GROUP, kind: 'ListenerSet', scope: 'Namespaced', served: both('v1') },
  { group: GATEWAY_GROUP, kind: 'ReferenceGrant', scope: 'Namespaced', served: both('v1', 'v1beta1') },
  {
    group: GATEWAY_GROUP,
    kind: 'BackendTLSPolicy',
    scope: 'Namespaced',
    served: { standard: ['v1'], experimental: ['v1', 'v1alpha3'] },
    unserved: { standard: ['v1alpha3'] },
    deprecated: { v1alpha3: dep('BackendTLSPolicy', 'v1alpha3') },
  },
  {
    group: X_GATEWAY_GROUP,
    kind: 'XBackendTrafficPolicy',
    scope: 'Namespaced',
    served: { standard: [], experimental: ['v1alpha1'] },
  },
  {
    group: X_GATEWAY_GROUP,
    kind: 'XBackend',
    scope: 'Namespaced',
    served: { standard: [], experimental: ['v1alpha1'] },
  },
  { group: X_GATEWAY_GROUP, kind: 'XMesh', scope: 'Cluster', served: { standard: [], experimental: ['v1alpha1'] } },
  // Core kinds the engine reads (§1.1).
  { group: '', kind: 'Service', scope: 'Namespaced', served: both('v1') },
  { group: '', kind: 'Namespace', scope: 'Cluster', served: both('v1') },
  { group: '', kind: 'Secret', scope: 'Namespaced', served: both('v1') },
  { group: '', kind: 'ConfigMap', scope: 'Namespaced', served: both('v1') },
];

const byGroupKind = new Map(KINDS.map((k) => [`${k.group}/${k.kind}`, k]));

export function kindInfo(group: string, kind: string): KindInfo | undefined {
  return byGroupKind.get(`${group}/${kind}`);
}

/** Groups whose every kind we know: an unknown kind there is an error, not an opaque object. */
export function isOwnedGroup(group: string): boolean {
  return group === GATEWAY_GROUP || group === X_GATEWAY_GROUP;
}

export function kindsOfGroup(group: string): KindInfo[] {
  return KINDS.filter((k) => k.group === group);
}

/** Splits `group/version` (or a bare core `version`). */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.lastIndexOf('/');
  return i < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}
