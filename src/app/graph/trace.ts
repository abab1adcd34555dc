// A tester trace → the nodes and edges of the path it took (pure): gateway → listener → route → rule →
// backends (and mirrors). Nodes are matched by their identity fields, so the ids the controller chooses
// do not matter; folded rules light up their route.

import type { Trace } from '../../engine/index.ts';
import type { Topology, TopoNode } from '../../engine/topology.ts';
import { num, str } from './format.ts';
import type { ViewModel } from './model.ts';

export interface PathHighlight {
  nodes: Set<string>;
  edges: Set<string>;
  /** One line for the legend: `GET foo.example.com/ → forward`. */
  summary: string;
}

const same = (n: TopoNode, ns: string | undefined, name: string) =>
  n.name === name && (n.namespace ?? '') === (ns ?? '');

export function tracePath(trace: Trace, topo: Topology, view: Pick<ViewModel, 'edges' | 'alias'>): PathHighlight {
  const on = new Set<string>();
  const add = (n: TopoNode | undefined) => {
    if (n) on.add(n.id);
    return n;
  };
  const byType = (t: TopoNode['type']) => topo.nodes.filter((n) => n.type === t);

  const gw = trace.gateway
    ? add(byType('Gateway').find((n) => same(n, trace.gateway!.namespace, trace.gateway!.name)))
    : undefined;
  let listener: TopoNode | undefined;
  if (trace.listener) {
    const l = trace.listener;
    const ls = l.listenerSet
      ? byType('ListenerSet').find((n) => same(n, l.listenerSet!.namespace, l.listenerSet!.name))
      : undefined;
    const owner = ls ?? gw;
    listener = byType('Listener').find((n) => n.name === l.name && (!owner || n.parent === owner.id));
    add(ls);
    add(listener);
  }
  let route: TopoNode | undefined;
  let rule: TopoNode | undefined;
  if (trace.route) {
    const r = trace.route;
    route = add(byType('Route').find((n) => n.kind === r.kind && same(n, r.namespace, r.name)));
    if (route) {
      const rules = byType('Rule').filter((n) => n.parent === route!.id);
      rule = add(
        rules.find((n, i) => (num(n.details.index) ?? i) === r.rule) ??
          (r.ruleName ? rules.find((n) => str(n.details.name) === r.ruleName || n.name === r.ruleName) : undefined),
      );
    }
  }
  const backendIds = new Set<string>();
  const findBackend = (b: { kind?: string; namespace: string; name: string; port?: number }) =>
    byType('Backend').find(
      (n) =>
        same(n, b.namespace, b.name) &&
        (!b.kind || !n.kind || n.kind === b.kind) &&
        (b.port === undefined || num(n.details.port) === undefined || num(n.details.port) === b.port),
    );
  for (const b of trace.backends) {
    const n = add(findBackend(b));
    if (n) backendIds.add(n.id);
  }
  for (const m of trace.mirrors) {
    const n = add(findBackend(m));
    if (n) backendIds.add(n.id);
  }

  // Map to view ids (folded rules → route), then take the edges between consecutive steps.
  const nodes = new Set<string>();
  for (const id of on) nodes.add(view.alias.get(id) ?? id);
  const v = (n: TopoNode | undefined) => (n ? (view.alias.get(n.id) ?? n.id) : undefined);
  const steps: [string | undefined, string | undefined][] = [
    [v(gw), v(listener)],
    [v(listener) ?? v(gw), v(route)],
    [v(route), v(rule)],
  ];
  const ruleOrRoute = v(rule) ?? v(route);
  for (const b of backendIds) steps.push([ruleOrRoute, view.alias.get(b) ?? b]);
  const pairs = new Set<string>();
  for (const [a, b] of steps) if (a && b && a !== b) pairs.add(`${a}\u0000${b}`).add(`${b}\u0000${a}`);
  const edges = new Set<string>();
  for (const e of view.edges) if (pairs.has(`${e.source}\u0000${e.target}`)) edges.add(e.id);
  // A listener in a ListenerSet: the gateway → ListenerSet edge too.
  const lsId = listener?.parent && listener.parent !== gw?.id ? listener.parent : undefined;
  if (lsId && gw) for (const e of view.edges) if (e.source === gw.id && e.target === lsId) edges.add(e.id);

  const req = trace.request;
  const summary = `${req.method ?? 'GET'} ${req.host ?? ''}${req.path ?? '/'} → ${trace.outcome.kind}${
    trace.outcome.status ? ` ${trace.outcome.status}` : ''
  }`;
  return { nodes, edges, summary };
}
