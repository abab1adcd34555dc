// The topology the controller computes and the graph draws (issue "Graph"). Nodes and edges carry
// source ranges so that the page can reveal the YAML behind them.

import type { Condition, SourceRange } from './types.ts';

export type TopoNodeType =
  | 'GatewayClass'
  | 'Gateway'
  | 'ListenerSet'
  | 'Listener'
  | 'Route'
  | 'Rule'
  | 'Backend'
  | 'ReferenceGrant'
  | 'BackendTLSPolicy';

/** ok = accepted; partial = accepted with problems; error = rejected/invalid; none = not ours / no status. */
export type TopoHealth = 'ok' | 'partial' | 'error' | 'none';

export interface TopoNode {
  id: string;
  type: TopoNodeType;
  /** The Kubernetes kind (HTTPRoute, Service, S3Bucket, …); for Listener and Rule the owner's kind. */
  kind: string;
  group?: string;
  namespace?: string;
  name: string;
  /** Id of the containing node: a Listener's Gateway or ListenerSet, a Rule's Route. */
  parent?: string;
  health: TopoHealth;
  conditions: Condition[];
  range?: SourceRange;
  /** Type-specific facts for display (protocol, port, hostname, matches, filters, timeouts, …). */
  details: Record<string, unknown>;
}

/**
 * class: Gateway → GatewayClass; listener: Gateway/ListenerSet → Listener; listenerSet: Gateway →
 * ListenerSet whose parentRef names it (ok = attached and accepted); attachment: Route → Listener (accepted) or Route → Gateway/ListenerSet
 * (rejected, with reason); rule: Route → Rule; backend / mirror: Rule → Backend; grant: ReferenceGrant →
 * Backend it permits; policy: BackendTLSPolicy → Backend (Service).
 */
export type TopoEdgeType =
  | 'class'
  | 'listener'
  | 'listenerSet'
  | 'attachment'
  | 'rule'
  | 'backend'
  | 'mirror'
  | 'grant'
  | 'policy';

export interface TopoEdge {
  id: string;
  type: TopoEdgeType;
  source: string;
  target: string;
  /** false = rejected attachment / invalid backendRef. */
  ok: boolean;
  reason?: string;
  message?: string;
  weight?: number;
  share?: number;
  range?: SourceRange;
}

export interface Topology {
  nodes: TopoNode[];
  edges: TopoEdge[];
}
