// The topology (../topology.ts) from the controller's state: nodes for classes, gateways, listener sets,
// listeners, routes, rules, backends, grants and policies; edges for attachments and backendRefs.
// Every node carries the source range of its YAML.

import type { Resource } from '../manifest/index.ts';
import type { TopoEdge, TopoHealth, Topology, TopoNode } from '../topology.ts';
import type { Condition, ObjectStatus } from '../types.ts';
import type { Ctx } from './ctx.ts';
import type { ClassState, GatewayState, ListenerSetState, LState } from './gateways.ts';
import type { RouteState } from './routes.ts';
import type { CBackendRef, CBackendTLSPolicy } from './types.ts';
import { GW_GROUP, nn, obj, objs, str } from './util.ts';

const health = (conditions: Condition[]): TopoHealth => {
  if (!conditions.length) return 'none';
  const acc = conditions.find((c) => c.type === 'Accepted');
  if (acc && acc.status !== 'True') return 'error';
  if (conditions.some((c) => (c.type === 'ResolvedRefs' || c.type === 'Programmed') && c.status === 'False'))
    return 'partial';
  if (
    conditions.some(
      (c) =>
        (c.type === 'PartiallyInvalid' || c.type === 'Conflicted' || c.type === 'OverlappingTLSConfig') &&
        c.status === 'True',
    )
  )
    return 'partial';
  if (acc && acc.reason === 'ListenersNotValid') return 'partial';
  return 'ok';
};

export function buildTopology(
  ctx: Ctx,
  s: {
    classes: Map<string, ClassState>;
    gateways: GatewayState[];
    sets: ListenerSetState[];
    routes: RouteState[];
    policies: CBackendTLSPolicy[];
    status: ObjectStatus[];
  },
): Topology {
  const nodes: TopoNode[] = [];
  const edges: TopoEdge[] = [];
  const nodeIds = new Set<string>();
  const add = (n: TopoNode) => {
    if (nodeIds.has(n.id)) return;
    nodeIds.add(n.id);
    nodes.push(n);
  };
  const statusOf = new Map<string, ObjectStatus>();
  for (const st of s.status) statusOf.set(`${st.kind}/${st.namespace ?? ''}/${st.name}`, st);
  const range = (r: Resource) => r.locate([]);

  for (const cls of s.classes.values()) {
    const st = statusOf.get(`GatewayClass//${cls.r.name}`);
    add({
      id: `class:${cls.r.name}`,
      type: 'GatewayClass',
      kind: 'GatewayClass',
      group: GW_GROUP,
      name: cls.r.name,
      health: cls.ours ? health(st?.conditions ?? []) : 'none',
      conditions: st?.conditions ?? [],
      range: range(cls.r),
      details: { controllerName: cls.controllerName, ours: cls.ours },
    });
  }
  // Gateways, including the ones nobody reconciles (health none).
  const reconciled = new Map(s.gateways.map((g) => [g.r, g]));
  for (const r of ctx.world.byKind.get(`${GW_GROUP}/Gateway`) ?? []) {
    const gw = reconciled.get(r);
    const id = `gw:${nn(r.namespace, r.name)}`;
    const className = str(obj(r.obj.spec).gatewayClassName) ?? '';
    add({
      id,
      type: 'Gateway',
      kind: 'Gateway',
      group: GW_GROUP,
      namespace: r.namespace ?? 'default',
      name: r.name,
      health: gw ? health(gw.conditions) : 'none',
      conditions: gw?.conditions ?? [],
      range: range(r),
      details: { gatewayClassName: className, addresses: gw?.c.addresses ?? [], reconciled: !!gw },
    });
    if (s.classes.has(className))
      edges.push({ id: `e:class:${id}`, type: 'class', source: id, target: `class:${className}`, ok: !!gw });
    if (gw) for (const L of gw.own) addListener(L, id);
  }
  function addListener(L: LState, parent: string) {
    add({
      id: L.c.id,
      type: 'Listener',
      kind: L.c.owner.kind,
      group: GW_GROUP,
      namespace: L.c.owner.namespace,
      name: L.c.name,
      parent,
      health: health(L.conditions),
      conditions: L.conditions,
      range: L.owner.locate(L.path),
      details: {
        port: L.c.port,
        protocol: L.c.protocol,
        ...(L.c.hostname ? { hostname: L.c.hostname } : {}),
        ...(L.c.tlsMode ? { tlsMode: L.c.tlsMode } : {}),
        attachedRoutes: L.c.attachedRoutes,
        supportedKinds: L.c.supportedKinds,
        precedence: L.c.precedence,
      },
    });
    edges.push({ id: `e:listener:${L.c.id}`, type: 'listener', source: parent, target: L.c.id, ok: L.c.valid });
  }
  for (const ls of s.sets) {
    const id = `lset:${nn(ls.r.namespace, ls.r.name)}`;
    add({
      id,
      type: 'ListenerSet',
      kind: 'ListenerSet',
      group: GW_GROUP,
      namespace: ls.r.namespace ?? 'default',
      name: ls.r.name,
      health: health(ls.conditions),
      conditions: ls.conditions,
      range: range(ls.r),
      details: { gateway: nn(ls.gateway.c.namespace, ls.gateway.c.name), attached: ls.attached },
    });
    const acc = ls.conditions.find((c) => c.type === 'Accepted');
    edges.push({
      id: `e:lset:${id}`,
      type: 'listenerSet',
      source: `gw:${nn(ls.gateway.c.namespace, ls.gateway.c.name)}`,
      target: id,
      ok: ls.accepted,
      ...(acc && acc.status !== 'True' ? { reason: acc.reason, message: acc.message } : {}),
      range: ls.r.locate(['spec', 'parentRef']),
    });
    if (ls.attached) for (const L of ls.listeners) addListener(L, id);
  }

  // Backends referenced by routes (one node per object).
  const backendNode = (b: CBackendRef): string => {
    const id = `backend:${b.group}/${b.kind}/${b.namespace}/${b.name}`;
    if (!nodeIds.has(id)) {
      const r = ctx.world.get(b.group, b.kind, b.namespace, b.name);
      add({
        id,
        type: 'Backend',
        kind: b.kind,
        ...(b.group ? { group: b.group } : {}),
        namespace: b.namespace,
        name: b.name,
        health: r ? 'ok' : 'error',
        conditions: [],
        ...(r ? { range: range(r) } : {}),
        details: {
          exists: !!r,
          ...(r && b.kind === 'Service' ? { ports: objs(obj(r.obj.spec).ports).map((p) => p.port) } : {}),
        },
      });
    }
    return id;
  };
  for (const rs of s.routes) {
    const st = statusOf.get(`${rs.c.kind}/${rs.ns}/${rs.r.name}`);
    const conds = st?.parents?.flatMap((p) => p.conditions) ?? [];
    const id = `route:${rs.c.key}`;
    add({
      id,
      type: 'Route',
      kind: rs.c.kind,
      group: GW_GROUP,
      namespace: rs.ns,
      name: rs.r.name,
      health: st?.parents?.length
        ? health(
            conds
              .filter((c) => c.type !== 'Accepted')
              .concat(rs.c.accepted ? [] : conds.filter((c) => c.type === 'Accepted')),
          )
        : 'none',
      conditions: conds,
      range: range(rs.r),
      details: { hostnames: rs.c.hostnames, order: rs.c.order },
    });
    for (const p of rs.c.parents) {
      const prange = rs.r.locate(p.implicit ? ['spec', 'useDefaultGateways'] : ['spec', 'parentRefs', p.index]);
      if (p.verdict === 'accepted')
        for (const lid of p.listeners)
          edges.push({
            id: `e:att:${rs.c.key}:${p.index}:${lid}`,
            type: 'attachment',
            source: id,
            target: lid,
            ok: true,
            reason: 'Accepted',
            range: prange,
          });
      else {
        const target =
          p.parentRef.kind === 'ListenerSet'
            ? `lset:${nn(p.parentRef.namespace, p.parentRef.name)}`
            : `gw:${nn(p.parentRef.namespace, p.parentRef.name)}`;
        if (nodeIds.has(target))
          edges.push({
            id: `e:att:${rs.c.key}:${p.index}`,
            type: 'attachment',
            source: id,
            target,
            ok: false,
            reason: p.reason,
            message: p.message,
            range: prange,
          });
      }
    }
    for (const rule of rs.c.rules) {
      const rid = `rule:${rs.c.key}#${rule.index}`;
      const rulesWritten = Array.isArray(obj(rs.r.obj.spec).rules);
      add({
        id: rid,
        type: 'Rule',
        kind: rs.c.kind,
        namespace: rs.ns,
        name: rule.name ?? `rule ${rule.index}`,
        parent: id,
        health: rule.dropped ? 'error' : rule.backendRefs.some((b) => !b.valid) ? 'partial' : 'ok',
        conditions: [],
        range: rs.r.locate(rulesWritten ? ['spec', 'rules', rule.index] : ['spec']),
        details: {
          index: rule.index,
          matches: rule.matches,
          filters: rule.filters,
          ...(rule.timeouts ? { timeouts: rule.timeouts } : {}),
          ...(rule.dropped ? { dropped: rule.droppedReason } : {}),
        },
      });
      edges.push({ id: `e:rule:${rid}`, type: 'rule', source: id, target: rid, ok: !rule.dropped });
      const total = rule.backendRefs.reduce((n, b) => n + b.weight, 0);
      for (const b of rule.backendRefs) {
        const bid = backendNode(b);
        edges.push({
          id: `e:be:${rid}:${b.index}`,
          type: 'backend',
          source: rid,
          target: bid,
          ok: b.valid,
          ...(b.reason ? { reason: b.reason } : {}),
          ...(b.message ? { message: b.message } : {}),
          weight: b.weight,
          share: total > 0 ? b.weight / total : 0,
          range: rs.r.locate(rulesWritten ? ['spec', 'rules', rule.index, 'backendRefs', b.index] : ['spec']),
        });
      }
      for (const f of rule.filterBackendRefs) {
        const bid = backendNode(f.ref);
        edges.push({
          id: `e:mirror:${rid}:${f.level}:${f.backend ?? ''}:${f.filter}`,
          type: 'mirror',
          source: rid,
          target: bid,
          ok: f.ref.valid,
          ...(f.ref.reason ? { reason: f.ref.reason } : {}),
        });
      }
    }
  }
  // ReferenceGrants: an edge to each referenced backend in the grant's namespace.
  const backendsByNs = new Map<string, TopoNode[]>();
  for (const n of nodes)
    if (n.type === 'Backend') {
      const k = n.namespace ?? '';
      let l = backendsByNs.get(k);
      if (!l) {
        l = [];
        backendsByNs.set(k, l);
      }
      l.push(n);
    }
  for (const g of ctx.world.byKind.get(`${GW_GROUP}/ReferenceGrant`) ?? []) {
    const id = `grant:${nn(g.namespace, g.name)}`;
    add({
      id,
      type: 'ReferenceGrant',
      kind: 'ReferenceGrant',
      group: GW_GROUP,
      namespace: g.namespace ?? 'default',
      name: g.name,
      health: 'ok',
      conditions: [],
      range: range(g),
      details: { from: obj(g.obj.spec).from, to: obj(g.obj.spec).to },
    });
    for (const n of backendsByNs.get(g.namespace ?? 'default') ?? [])
      edges.push({ id: `e:grant:${id}:${n.id}`, type: 'grant', source: id, target: n.id, ok: true });
  }
  for (const p of s.policies) {
    const r = ctx.world.get(GW_GROUP, 'BackendTLSPolicy', p.namespace, p.name);
    const st = statusOf.get(`BackendTLSPolicy/${p.namespace}/${p.name}`);
    const conds = st?.ancestors?.[0]?.conditions ?? [];
    const id = `btlsp:${nn(p.namespace, p.name)}`;
    add({
      id,
      type: 'BackendTLSPolicy',
      kind: 'BackendTLSPolicy',
      group: GW_GROUP,
      namespace: p.namespace,
      name: p.name,
      health: p.accepted ? (p.resolvedRefs ? 'ok' : 'partial') : 'error',
      conditions: conds,
      ...(r ? { range: range(r) } : {}),
      details: { targets: p.targets, ancestors: p.ancestors },
    });
    for (const t of p.targets) {
      const bid = `backend:/Service/${p.namespace}/${t.name}`;
      if (nodeIds.has(bid))
        edges.push({
          id: `e:policy:${id}:${t.name}:${t.sectionName ?? ''}`,
          type: 'policy',
          source: id,
          target: bid,
          ok: p.accepted,
          ...(p.accepted ? {} : { reason: p.reason, message: p.message }),
        });
    }
  }
  return { nodes, edges };
}
