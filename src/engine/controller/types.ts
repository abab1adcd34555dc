// ControllerResult: what the controller computes, as plain data (no Maps, no classes, no functions), so
// that it is fast to build, serialisable (worker → page) and the data plane can read it directly.
//
// Conventions
// - Keys: a Gateway is `ns/name`; a Route is `Kind/ns/name` (e.g. `HTTPRoute/default/foo`); a listener is
//   identified by `CListener.id` (unique across the analysis).
// - `order` is the creation rank of the object (0 = oldest; Resource.order): every "oldest wins" rule
//   uses it (semantics reference §4 intro, SD §11.1 #16).
// - Only objects that exist for the controller are here: `valid === false` resources are ignored.
// - Gateways are listed only when they are reconciled by us (class exists and is ours, §4.2). Routes are
//   all listed (with their per-parentRef verdict, including "not ours"/"missing" parents), so that the
//   data plane can explain "not attached" candidates.

import type { GRPCRouteRule, HTTPRouteFilter, HTTPRouteMatch, HTTPRouteRule } from '../model/index.ts';
import type { Topology } from '../topology.ts';
import type { Condition, Diagnostic, ObjectStatus } from '../types.ts';

export type RouteKind = 'HTTPRoute' | 'GRPCRoute' | 'TLSRoute' | 'TCPRoute' | 'UDPRoute';

export interface ControllerResult {
  /** Status of every object we reconcile, in the shape of Kubernetes status (contracts.md §4). */
  status: ObjectStatus[];
  topology: Topology;
  /** Rejected attachments and unresolved references, on the YAML range of the offending ref. */
  diagnostics: Diagnostic[];
  /** Reconciled Gateways (ours), in creation order. */
  gateways: CGateway[];
  /** Every valid Route of the five kinds, in creation order (oldest first). */
  routes: CRoute[];
  /** BackendTLSPolicies (all valid ones), with their verdict. */
  backendTLSPolicies: CBackendTLSPolicy[];
  /** Lookup tables into the arrays above: `ns/name` → index in `gateways`; `Kind/ns/name` → index in `routes`. */
  index: {
    gateways: Record<string, number>;
    routes: Record<string, number>;
    /** listener id → [gateway index, listener index in CGateway.listeners]. */
    listeners: Record<string, [number, number]>;
  };
}

export interface NamespacedName {
  namespace: string;
  name: string;
}

export interface CGateway {
  namespace: string;
  name: string;
  /** Creation rank (0 = oldest). */
  order: number;
  gatewayClassName: string;
  controllerName: string;
  /** Gateway `Accepted=True` (possibly with reason ListenersNotValid). The data plane serves nothing when false. */
  accepted: boolean;
  programmed: boolean;
  /** `status.addresses` (SD §4.2: spec addresses echoed, else one synthetic address). */
  addresses: { type: string; value: string }[];
  /**
   * Effective listeners, in precedence order (§4.4 "Listener Precedence"): the Gateway's own listeners
   * in spec order, then the listeners of each attached ListenerSet (oldest first, then ns/name).
   * ListenerSets that are not allowed/accepted contribute nothing here.
   */
  listeners: CListener[];
  /** ListenerSets whose parentRef names this Gateway, with their verdict. */
  listenerSets: CListenerSetRef[];
  /** `spec.tls.backend.clientCertificateRef` (mTLS towards backends), when set. */
  backendClientCertificate?: { namespace: string; name: string; valid: boolean; reason?: string };
}

export interface CListenerSetRef extends NamespacedName {
  order: number;
  /** Allowed by the Gateway's allowedListeners and the Gateway is Accepted. */
  attached: boolean;
  /** ListenerSet `Accepted` condition: True when attached and ≥1 listener valid. */
  accepted: boolean;
  reason: string;
}

export type TLSMode = 'Terminate' | 'Passthrough';

export interface CListener {
  /** Unique id: `gw:<gwns>/<gwname>/<name>` or `ls:<lsns>/<lsname>/<name>`. */
  id: string;
  name: string;
  port: number;
  protocol: string;
  /** Absent = any hostname. */
  hostname?: string;
  /** For HTTPS and TLS listeners (defaulted to Terminate, as the API server does). */
  tlsMode?: TLSMode;
  /** Who declares the listener. For a ListenerSet listener, `gateway` is still its parent Gateway. */
  owner: { kind: 'Gateway' | 'ListenerSet'; namespace: string; name: string };
  gateway: NamespacedName;
  /** Index in the merged precedence order (0 = highest precedence). */
  precedence: number;
  /** Listener conditions (what status.listeners[] carries). */
  accepted: boolean;
  programmed: boolean;
  resolvedRefs: boolean;
  conflicted: boolean;
  /** HostnameConflict | ProtocolConflict when conflicted. */
  conflictReason?: string;
  /** Serves traffic: Accepted and Programmed (the data plane skips listeners that are not). */
  valid: boolean;
  /** `group/Kind` keys of supportedKinds (e.g. `gateway.networking.k8s.io/HTTPRoute`). */
  supportedKinds: string[];
  /** TLS certificate Secrets (Terminate), resolved. */
  certificateRefs: { namespace: string; name: string; valid: boolean; reason?: string }[];
  /** Effective frontend client-certificate validation (spec.tls.frontend default/perPort), HTTPS only. */
  frontendValidation?: {
    mode: 'AllowValidOnly' | 'AllowInsecureFallback';
    caCertificateRefs: { kind: string; namespace: string; name: string; valid: boolean; reason?: string }[];
  };
  /** Routes attached to this listener (accepted parentRefs only), in creation order of the routes. */
  routes: CAttachedRoute[];
  /** = status attachedRoutes (distinct routes). */
  attachedRoutes: number;
}

export interface CAttachedRoute {
  /** `Kind/ns/name`; index via ControllerResult.index.routes. */
  route: string;
  kind: RouteKind;
  namespace: string;
  name: string;
  order: number;
  /** Index of the parentRef (in spec.parentRefs) that attached it. */
  parentRef: number;
  /**
   * Effective (intersected) hostnames on this listener (§4.6.4). Empty = any host (neither the listener
   * nor the route restricts it). TCP/UDP routes: always empty.
   */
  hostnames: string[];
}

export interface CRoute {
  key: string;
  kind: RouteKind;
  namespace: string;
  name: string;
  order: number;
  generation: number;
  /** spec.hostnames as written (HTTP/GRPC/TLS). */
  hostnames: string[];
  /** Rules after API-server defaulting (HTTPRoute without rules gets the catch-all rule, §11.2). */
  rules: CRule[];
  /** One entry per spec.parentRefs[i] (same index). */
  parents: CParentVerdict[];
  /** Accepted by at least one parentRef. */
  accepted: boolean;
  /** ResolvedRefs of the route (every backendRef, incl. filter backends, resolved). */
  resolvedRefs: boolean;
}

/**
 * The model's types of what CRule carries, for consumers that want them: `matches` holds
 * `HTTPRouteMatchT` (HTTPRoute, defaulted) or `GRPCRouteMatchT` (GRPCRoute) objects, `filters`
 * `HTTPRouteFilterT`-shaped objects (GRPCRoute filters are a subset), `timeouts` / `retry` /
 * `sessionPersistence` the HTTPRoute rule fields. CRule keeps them as plain records so that a model
 * change never breaks the data plane's build.
 */
export type HTTPRouteMatchT = HTTPRouteMatch;
export type GRPCRouteMatchT = NonNullable<GRPCRouteRule['matches']>[number];
export type HTTPRouteFilterT = HTTPRouteFilter;
export type HTTPRouteTimeoutsT = NonNullable<HTTPRouteRule['timeouts']>;

export interface CRule {
  index: number;
  name?: string;
  /** HTTPRoute/GRPCRoute matches after defaulting (HTTP: path PathPrefix / when no match is given). */
  matches: Record<string, unknown>[];
  filters: Record<string, unknown>[];
  timeouts?: Record<string, unknown>;
  retry?: Record<string, unknown>;
  sessionPersistence?: Record<string, unknown>;
  backendRefs: CBackendRef[];
  /** Backends referenced by filters (RequestMirror, ExternalAuth), rule-level and backend-level. */
  filterBackendRefs: CFilterBackendRef[];
  /** §4.7: dropped rules are not programmed (PartiallyInvalid "Dropped Rule ..."). */
  dropped: boolean;
  droppedReason?: string;
}

export type BackendInvalidReason = 'BackendNotFound' | 'RefNotPermitted' | 'InvalidKind' | 'UnsupportedProtocol';

export interface CBackendRef {
  /** Index in the rule's backendRefs. */
  index: number;
  group: string;
  kind: string;
  namespace: string;
  name: string;
  port?: number;
  /** Default 1. */
  weight: number;
  /** backendRefs[].filters (HTTP/GRPC). */
  filters: Record<string, unknown>[];
  valid: boolean;
  reason?: BackendInvalidReason;
  message?: string;
  /** Service facts when it is a Service that exists. */
  service?: { type: string; appProtocol?: string; portName?: string };
  /** Applicable BackendTLSPolicy (§4.10), if any. When `valid` is false, connections fail (5xx). */
  tls?: CBackendTLS;
}

export interface CBackendTLS {
  policy: NamespacedName;
  valid: boolean;
  reason?: string;
  hostname: string;
  caCertificateRefs: { group: string; kind: string; name: string }[];
  wellKnownCACertificates?: string;
  subjectAltNames?: Record<string, unknown>[];
}

export interface CFilterBackendRef {
  /** 'rule' = rules[].filters[filter]; 'backend' = rules[].backendRefs[backend].filters[filter]. */
  level: 'rule' | 'backend';
  backend?: number;
  filter: number;
  type: string;
  ref: CBackendRef;
}

export type ParentVerdict =
  /** Accepted=True: attached to `listeners`. */
  | 'accepted'
  /** Accepted=False with `reason` (status entry written). */
  | 'rejected'
  /** No status entry: the parent does not exist, is not ours, or is of an unsupported kind. */
  | 'ignored';

export interface CParentVerdict {
  /** Index in spec.parentRefs; implicit default-Gateway parents come after them. */
  index: number;
  /** A default Gateway (`defaultScope: All`) claimed through `useDefaultGateways: All` (§4.6.8). */
  implicit?: boolean;
  /** The parentRef with CRD defaults (group/kind; namespace defaulted to the route's). */
  parentRef: { group: string; kind: string; namespace: string; name: string; sectionName?: string; port?: number };
  /** The Gateway the parent resolves to (for a ListenerSet parent: its parent Gateway), if known. */
  gateway?: NamespacedName;
  verdict: ParentVerdict;
  /** Accepted reason (Accepted, NoMatchingParent, NotAllowedByListeners, …) or, for ignored: ParentNotFound / ParentNotOurs / UnsupportedParentKind. */
  reason: string;
  message: string;
  /** Ids of the listeners the route is attached to through this parentRef (accepted only). */
  listeners: string[];
  /** Conditions written in status.parents[] (empty when ignored). */
  conditions: Condition[];
}

export interface CBackendTLSPolicy extends NamespacedName {
  order: number;
  /** Accepted=True on its ancestors. */
  accepted: boolean;
  reason: string;
  message: string;
  resolvedRefs: boolean;
  resolvedReason: string;
  targets: { group: string; kind: string; name: string; sectionName?: string }[];
  /** Ancestor Gateways (ns/name) through which targeted Services are reached. */
  ancestors: NamespacedName[];
}
