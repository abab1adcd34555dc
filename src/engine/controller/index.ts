// What a conformant controller computes: status of every object and the topology.
// The ControllerResult shape (for the data plane and the graph) is in ./types.ts.

import type { Resource } from '../manifest/index.ts';
import type { ResolvedOptions } from '../options.ts';
import type { ControllerResult } from './types.ts';

export type * from './types.ts';

export function runController(_resources: Resource[], _opts: ResolvedOptions): ControllerResult {
  return {
    status: [],
    topology: { nodes: [], edges: [] },
    diagnostics: [],
    gateways: [],
    routes: [],
    backendTLSPolicies: [],
    index: { gateways: {}, routes: {}, listeners: {} },
  };
}
