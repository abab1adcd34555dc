// What a conformant controller computes: the status of every object, the topology, and the
// ControllerResult the data plane reads (./types.ts). Evaluation order (semantics reference §4 intro):
// GatewayClasses → Gateways (without routes) → ListenerSets → listener conflicts → Routes (attachment +
// references) → counts → policies.
//
// Simulator decisions (SD) taken here, each also named in the diagnostics they cause (`decisions`):
// - every GatewayClass is ours unless `controllerName` is set (§4.1); parametersRef valid iff present;
// - a Gateway of a missing / foreign / unaccepted class gets no status, only a diagnostic (§4.2);
// - one synthetic TEST-NET address per Gateway without spec.addresses (§4.2);
// - HTTPS (or TLS Terminate) without certificateRefs: Programmed=False/InvalidTLSConfig (§11.1 #17);
// - conflicted listeners: Accepted=False/<reason>, supportedKinds [] (§11.1 #6); HTTP+HTTPS/TLS on one
//   port conflict, HTTPS+TLS share a port by SNI (§11.1 #7); no port deny-list (§4.3);
// - ListenerSet with some invalid listeners: Accepted=True/Accepted (§4.5 #5);
// - missing or unowned parents: no status entry (§11.1 #13); a route to an unattached ListenerSet:
//   NotAllowedByListeners (§11.1 #14);
// - rules needing an unsupported feature or an RE2-invalid regex are dropped, "Dropped Rule" (§4.7);
// - backends: permission before existence; a missing Service port is BackendNotFound; ExternalName is
//   InvalidKind (§4.9, §11.1 #8); an ExtensionRef filter leaves ResolvedRefs=False (§11.1 #15);
// - HTTPRoute/GRPCRoute on one hostname: allowed unless decisions.grpcHttpSameHostname = reject-newer
//   (§11.1 #5); BackendTLSPolicy on a missing port name: TargetNotFound (§4.10).

import type { InputFile, Resource } from '../manifest/index.ts';
import type { ResolvedOptions } from '../options.ts';
import type { Topology } from '../topology.ts';
import type { Condition, ObjectStatus } from '../types.ts';
import { type Ctx, diag, makeCtx } from './ctx.ts';
import {
  finishGateway,
  type GatewayState,
  gatewayPreconditions,
  type ListenerSetState,
  type LState,
  listenerStatus,
  mergeAndResolveConflicts,
  reconcileClasses,
  reconcileGateways,
  reconcileListenerSets,
  validateListener,
} from './gateways.ts';
import { reconcilePolicies } from './policies.ts';
import { attachRoute, buildRoutes, type RouteState, rejectGrpcHttpClashes, routeStatus } from './routes.ts';
import { buildTopology } from './topo.ts';
import type { ControllerResult } from './types.ts';
import { cond, GW_GROUP, nn, obj } from './util.ts';
import { buildWorld } from './world.ts';

export type * from './types.ts';

export function runController(resources: Resource[], opts: ResolvedOptions, files?: InputFile[]): ControllerResult {
  const world = buildWorld(resources);
  const ctx = makeCtx(opts, world, files);
  const status: ObjectStatus[] = [];
  const orderOf = new Map<ObjectStatus, number>();
  const push = (s: ObjectStatus, r: Resource) => {
    status.push(s);
    orderOf.set(s, r.order);
  };

  // GatewayClasses (§4.1).
  const classStatus: ObjectStatus[] = [];
  const classes = reconcileClasses(ctx, classStatus);
  for (const s of classStatus) {
    const cls = classes.get(s.name);
    if (cls) push(s, cls.r);
  }

  // Gateways (§4.2) and their own listeners (§4.3).
  const gateways = reconcileGateways(ctx, classes);
  const gwByKey = new Map<string, GatewayState>();
  gateways.forEach((gw, i) => {
    gwByKey.set(nn(gw.c.namespace, gw.c.name), gw);
    for (const L of gw.own) validateListener(ctx, L, gw);
    gatewayPreconditions(ctx, gw, i);
    // Own listeners that conflict among themselves are invalid whatever the ListenerSets hold (§4.4).
    gw.acceptedPre = gw.acceptedPre && (gw.own.length === 0 || ownValidCount(ctx, gw) > 0);
  });

  // ListenerSets (§4.5).
  const sets = reconcileListenerSets(ctx, gwByKey);
  const lsByKey = new Map<string, ListenerSetState>();
  for (const ls of sets) {
    lsByKey.set(nn(ls.r.namespace, ls.r.name), ls);
    ls.attached = ls.allowed && ls.gateway.acceptedPre === true;
    if (ls.attached) for (const L of ls.listeners) validateListener(ctx, L, ls.gateway);
  }

  // Merge + conflicts (§4.4), then the Gateway's final conditions.
  for (const gw of gateways) {
    mergeAndResolveConflicts(ctx, gw);
    finishGateway(ctx, gw);
  }
  for (const ls of sets) {
    finishListenerSet(ls);
    if (ls.allowed && !ls.accepted && ls.conditions[0]?.reason === 'ParentNotAccepted')
      diag(
        ctx,
        ls.r,
        ['spec', 'parentRef'],
        'error',
        'ParentNotAccepted',
        `${ls.conditions[0].message}: this ListenerSet's listeners are not merged.`,
      );
  }
  // Default Gateways (Experimental, GEP-3793, §4.6.8).
  const defaultGateways =
    opts.channel === 'experimental' ? gateways.filter((g) => obj(g.r.obj.spec).defaultScope === 'All') : [];
  for (const g of defaultGateways)
    g.conditions.push(cond('DefaultGateway', true, 'DefaultGateway', 'Gateway has default scope All', g.r.generation));

  // Routes (§4.6, §4.7, §4.9), in creation order.
  const routes = buildRoutes(ctx);
  const routeByKey = new Map<string, RouteState>();
  for (const rs of routes) {
    routeByKey.set(rs.c.key, rs);
    attachRoute(ctx, rs, { gateways: gwByKey, listenerSets: lsByKey, defaultGateways });
  }
  const allListeners: LState[] = [];
  for (const gw of gateways) {
    allListeners.push(...gw.own);
    for (const ls of gw.listenerSets) if (ls.attached) allListeners.push(...ls.listeners);
  }
  rejectGrpcHttpClashes(ctx, routeByKey, allListeners);
  for (const L of allListeners) L.c.attachedRoutes = L.routeKeys.size;

  // Status: Gateways, ListenerSets, Routes.
  for (const gw of gateways) {
    const attachedSets = gw.listenerSets.filter((s) => s.accepted).length;
    gw.c.listenerSets = gw.listenerSets.map((s) => s.ref);
    push(
      {
        kind: 'Gateway',
        group: GW_GROUP,
        namespace: gw.c.namespace,
        name: gw.c.name,
        conditions: gw.conditions,
        listeners: gw.own.map(listenerStatus),
        addresses: gw.c.addresses,
        attachedListenerSets: attachedSets,
      },
      gw.r,
    );
  }
  for (const ls of sets)
    push(
      {
        kind: 'ListenerSet',
        group: GW_GROUP,
        namespace: ls.r.namespace ?? 'default',
        name: ls.r.name,
        conditions: ls.conditions,
        listeners: ls.attached ? ls.listeners.map(listenerStatus) : [],
      },
      ls.r,
    );
  const controllerOfGw = (g: { namespace: string; name: string }) =>
    gwByKey.get(nn(g.namespace, g.name))?.c.controllerName;
  // A route none of whose parents is ours gets no status at all (as on a cluster).
  for (const rs of routes) {
    const st = routeStatus(rs, (p) => (p.gateway ? (controllerOfGw(p.gateway) ?? '') : (opts.controllerName ?? '')));
    if (st.parents?.length) push(st, rs.r);
  }

  // BackendTLSPolicies (§4.10).
  const policyStatus: ObjectStatus[] = [];
  const policies = reconcilePolicies(ctx, routes, controllerOfGw, policyStatus);
  for (const s of policyStatus) {
    const r = world.get(GW_GROUP, 'BackendTLSPolicy', s.namespace, s.name);
    if (r) push(s, r);
  }
  status.sort((a, b) => (orderOf.get(a) ?? 0) - (orderOf.get(b) ?? 0));

  const result: ControllerResult = {
    status,
    topology: { nodes: [], edges: [] },
    diagnostics: ctx.diagnostics,
    gateways: gateways.map((g) => g.c),
    routes: routes.map((r) => r.c),
    backendTLSPolicies: policies,
    index: { gateways: {}, routes: {}, listeners: {} },
  };
  result.gateways.forEach((g, gi) => {
    result.index.gateways[nn(g.namespace, g.name)] = gi;
    g.listeners.forEach((l, li) => {
      result.index.listeners[l.id] = [gi, li];
    });
  });
  result.routes.forEach((r, i) => {
    result.index.routes[r.key] = i;
  });
  // The topology is built on first access: the data plane and the CLI never need it, the graph does.
  let topology: Topology | undefined;
  Object.defineProperty(result, 'topology', {
    enumerable: true,
    configurable: true,
    get: () => {
      topology ??= buildTopology(ctx, { classes, gateways, sets, routes, policies, status });
      return topology;
    },
  });
  return result;
}

function ownValidCount(ctx: Ctx, gw: GatewayState): number {
  let n = 0;
  const own = gw.own;
  for (const L of own) {
    if (!L.accepted.ok || !L.programmed.ok) continue;
    const clash = own.some((o) => o !== L && !o.unsupported && sameSlotConflict(ctx, L, o));
    if (!clash) n++;
  }
  return n;
}

function sameSlotConflict(_ctx: Ctx, a: LState, b: LState): boolean {
  if (a.c.port !== b.c.port || a.unsupported) return false;
  const pa = a.c.protocol;
  const pb = b.c.protocol;
  if ((pa === 'UDP') !== (pb === 'UDP')) return false;
  if (pa !== pb)
    return (
      pa === 'TCP' || pb === 'TCP' || pa === 'HTTP' || pb === 'HTTP' || (a.c.hostname ?? '') === (b.c.hostname ?? '')
    );
  if (pa === 'TCP' || pa === 'UDP') return true;
  return (a.c.hostname ?? '').toLowerCase() === (b.c.hostname ?? '').toLowerCase();
}

function finishListenerSet(ls: ListenerSetState): void {
  const g = ls.r.generation;
  let accepted: Condition;
  let programmed: Condition;
  if (!ls.allowed) {
    const m = `Gateway ${ls.gateway.c.namespace}/${ls.gateway.c.name} does not allow this ListenerSet (allowedListeners)`;
    accepted = cond('Accepted', false, 'NotAllowed', m, g);
    programmed = cond('Programmed', false, 'NotAllowed', m, g);
  } else if (!ls.attached || !ls.gateway.c.accepted) {
    const m = `Parent Gateway ${ls.gateway.c.namespace}/${ls.gateway.c.name} is not accepted`;
    accepted = cond('Accepted', false, 'ParentNotAccepted', m, g);
    programmed = cond('Programmed', false, 'ParentNotProgrammed', m, g);
  } else {
    const valid = ls.listeners.filter((L) => L.c.valid).length;
    if (!valid) {
      accepted = cond('Accepted', false, 'ListenersNotValid', 'No listener is valid', g);
      programmed = cond('Programmed', false, 'ListenersNotValid', 'No listener is valid', g);
    } else {
      // SD (§4.5 #5): Accepted=True/Accepted even when some listeners are invalid; their own status says why.
      accepted = cond(
        'Accepted',
        true,
        'Accepted',
        `ListenerSet is accepted (${valid} of ${ls.listeners.length} listeners valid)`,
        g,
      );
      programmed = ls.gateway.c.programmed
        ? cond('Programmed', true, 'Programmed', 'ListenerSet is programmed', g)
        : cond(
            'Programmed',
            false,
            'ParentNotProgrammed',
            `Parent Gateway ${ls.gateway.c.namespace}/${ls.gateway.c.name} is not programmed`,
            g,
          );
    }
  }
  ls.accepted = accepted.status === 'True';
  ls.conditions = [accepted, programmed];
  ls.ref.attached = ls.attached;
  ls.ref.accepted = ls.accepted;
  ls.ref.reason = accepted.reason;
}
