// What a conformant controller computes: status of every object and the topology.
// PLACEHOLDER until the Controller issue lands.

import type { Resource } from '../manifest/index.ts';
import type { ResolvedOptions } from '../options.ts';
import type { Topology } from '../topology.ts';
import type { Diagnostic, ObjectStatus } from '../types.ts';

export interface ControllerResult {
  status: ObjectStatus[];
  topology: Topology;
  diagnostics: Diagnostic[];
}

export function runController(_resources: Resource[], _opts: ResolvedOptions): ControllerResult {
  return { status: [], topology: { nodes: [], edges: [] }, diagnostics: [] };
}
