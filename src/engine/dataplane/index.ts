// request → gateway/listener → candidate routes → precedence → filters → weighted split → Trace.
// PLACEHOLDER until the Data plane issue lands.

import type { Analysis } from '../analysis.ts';
import type { SimRequest, Trace } from '../types.ts';

export function simulate(_analysis: Analysis, request: SimRequest, _opts: { explain?: boolean } = {}): Trace {
  return {
    request,
    gateway: null,
    listener: null,
    route: null,
    outcome: { kind: 'error', reason: 'Request simulation is not implemented yet.' },
    forwarded: null,
    responseHeaders: {},
    responseHeadersRemoved: [],
    backends: [],
    mirrors: [],
    filters: [],
    timeouts: {},
    candidates: [],
  };
}

export function simulateMany(
  _analysis: Analysis,
  _request: SimRequest,
  _n: number,
  _seed: number,
): Record<string, number> {
  return {};
}
