// Routes: defaulting, route-level validity (§4.7), backend resolution (§4.9) and per-parentRef
// attachment (§4.6). Everything is indexed: a parentRef looks its parent up by key and its listeners
// by name; nothing scans all routes per listener.

import { LIMITS } from '../limits.ts';
import type { Path, Resource } from '../manifest/index.ts';
import { isRe2, re2Verdict } from '../model/regex.ts';
import type { Condition, Fix, ObjectStatus, TextEdit } from '../types.ts';
import { addDocumentFix, addMapEntryFix, type Ctx, diag, replaceScalarFix, yamlScalar } from './ctx.ts';
import { type GatewayState, grantFix, type ListenerSetState, type LState, namespaceAllowed } from './gateways.ts';
import type {
  BackendInvalidReason,
  CAttachedRoute,
  CBackendRef,
  CParentVerdict,
  CRoute,
  CRule,
  RouteKind,
} from './types.ts';
import {
  arr,
  closestName,
  cond,
  editDistance,
  GW_GROUP,
  intersectHostnames,
  isObj,
  labelsToSatisfy,
  nn,
  num,
  type Obj,
  obj,
  objs,
  str,
} from './util.ts';

export const ROUTE_KIND_LIST: RouteKind[] = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'];

export interface RouteState {
  r: Resource;
  c: CRoute;
  ns: string;
  /** Problems that make the whole route unresolved (first = the reason), with their paths. */
  unresolved: { reason: string; message: string }[];
  dropped: { index: number; message: string }[];
}

// ---------- defaulting ----------

const PATH_DEFAULT = { type: 'PathPrefix', value: '/' };

function defaultHTTPMatch(m: Obj): Obj {
  const out: Obj = { ...m };
  const p = isObj(m.path) ? m.path : {};
  out.path = { type: str(p.type) ?? 'PathPrefix', value: str(p.value) ?? '/' };
  if (Array.isArray(m.headers)) out.headers = objs(m.headers).map((h) => ({ ...h, type: str(h.type) ?? 'Exact' }));
  if (Array.isArray(m.queryParams))
    out.queryParams = objs(m.queryParams).map((h) => ({ ...h, type: str(h.type) ?? 'Exact' }));
  return out;
}

function defaultGRPCMatch(m: Obj): Obj {
  const out: Obj = { ...m };
  if (isObj(m.method)) out.method = { ...m.method, type: str(m.method.type) ?? 'Exact' };
  if (Array.isArray(m.headers)) out.headers = objs(m.headers).map((h) => ({ ...h, type: str(h.type) ?? 'Exact' }));
  return out;
}

function defaultFilter(f: Obj): Obj {
  if (f.type === 'RequestRedirect' && isObj(f.requestRedirect) && f.requestRedirect.statusCode === undefined)
    return { ...f, requestRedirect: { ...f.requestRedirect, statusCode: 302 } };
  if (f.type === 'RequestMirror' && isObj(f.requestMirror) && isObj(f.requestMirror.fraction)) {
    const fr = f.requestMirror.fraction;
    if (fr.denominator === undefined)
      return { ...f, requestMirror: { ...f.requestMirror, fraction: { ...fr, denominator: 100 } } };
  }
  if (f.type === 'CORS' && isObj(f.cors) && f.cors.maxAge === undefined)
    return { ...f, cors: { ...f.cors, maxAge: 5 } };
  return f;
}

// ---------- features per rule (§4.7, §9.2) ----------

function filterFeatures(f: Obj, level: 'rule' | 'backend'): string[] {
  const out: string[] = [];
  const type = str(f.type);
  if (level === 'backend' && (type === 'RequestHeaderModifier' || type === 'ResponseHeaderModifier'))
    out.push('HTTPRouteBackendRequestHeaderModification');
  switch (type) {
    case 'ResponseHeaderModifier':
      out.push('HTTPRouteResponseHeaderModification');
      break;
    case 'RequestRedirect': {
      const rr = obj(f.requestRedirect);
      if (rr.port !== undefined) out.push('HTTPRoutePortRedirect');
      if (rr.scheme !== undefined) out.push('HTTPRouteSchemeRedirect');
      if (rr.path !== undefined) out.push('HTTPRoutePathRedirect');
      const code = num(rr.statusCode);
      if (code === 303 || code === 307 || code === 308) out.push(`HTTPRoute${code}RedirectStatusCode`);
      break;
    }
    case 'URLRewrite': {
      const u = obj(f.urlRewrite);
      if (u.hostname !== undefined) out.push('HTTPRouteHostRewrite');
      if (u.path !== undefined) out.push('HTTPRoutePathRewrite');
      break;
    }
    case 'RequestMirror': {
      // A percentage mirror needs HTTPRouteRequestPercentageMirror, which implies mirroring itself
      // (HTTPRouteRequestPercentageMirror does not list HTTPRouteRequestMirror).
      const m = obj(f.requestMirror);
      out.push(
        m.percent !== undefined || m.fraction !== undefined
          ? 'HTTPRouteRequestPercentageMirror'
          : 'HTTPRouteRequestMirror',
      );
      break;
    }
    case 'CORS':
      out.push('HTTPRouteCORS');
      break;
    case 'ExternalAuth':
      out.push('HTTPRouteExternalAuth');
      break;
  }
  return out;
}

/** Features an HTTPRoute rule needs; the first unsupported one (with its path) drops the rule. */
function httpRuleNeeds(rule: Obj): { feature: string; path: Path }[] {
  const needs: { feature: string; path: Path }[] = [];
  objs(rule.matches).forEach((m, i) => {
    if (m.queryParams !== undefined)
      needs.push({ feature: 'HTTPRouteQueryParamMatching', path: ['matches', i, 'queryParams'] });
    if (m.method !== undefined) needs.push({ feature: 'HTTPRouteMethodMatching', path: ['matches', i, 'method'] });
  });
  const filters = objs(rule.filters);
  filters.forEach((f, i) => {
    for (const feature of filterFeatures(f, 'rule')) needs.push({ feature, path: ['filters', i] });
  });
  if (filters.filter((f) => f.type === 'RequestMirror').length > 1)
    needs.push({ feature: 'HTTPRouteRequestMultipleMirrors', path: ['filters'] });
  objs(rule.backendRefs).forEach((b, bi) => {
    objs(b.filters).forEach((f, i) => {
      for (const feature of filterFeatures(f, 'backend'))
        needs.push({ feature, path: ['backendRefs', bi, 'filters', i] });
    });
  });
  const t = obj(rule.timeouts);
  if (t.request !== undefined) needs.push({ feature: 'HTTPRouteRequestTimeout', path: ['timeouts', 'request'] });
  if (t.backendRequest !== undefined)
    needs.push({ feature: 'HTTPRouteBackendTimeout', path: ['timeouts', 'backendRequest'] });
  if (rule.retry !== undefined) needs.push({ feature: 'HTTPRouteRetry', path: ['retry'] });
  if (rule.sessionPersistence !== undefined)
    needs.push({ feature: 'HTTPRouteSessionPersistence', path: ['sessionPersistence'] });
  return needs;
}

/** Go's syntax error, or Envoy's program size limit, for a pattern isRe2 refuses. */
function re2Why(pattern: string): string {
  const v = re2Verdict(pattern);
  if (v.ok) return '';
  return v.kind === 'syntax'
    ? v.message
    : `RE2 program size of ${v.programSize} > max program size of ${LIMITS.maxRegexProgramSize}`;
}

/** The first RegularExpression match value that RE2 (the simulator's dialect, SD §11.1 #4) rejects. */
function badRegex(rule: Obj): { pattern: string; path: Path; why: string } | undefined {
  const ms = objs(rule.matches);
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i]!;
    const check = (x: unknown, at: Path) => {
      if (!isObj(x) || x.type !== 'RegularExpression') return undefined;
      const v = str(x.value);
      if (v !== undefined && !isRe2(v)) return { pattern: v, path: at, why: re2Why(v) };
      return undefined;
    };
    const p = check(m.path, ['matches', i, 'path', 'value']);
    if (p) return p;
    for (const [j, h] of objs(m.headers).entries()) {
      const x = check(h, ['matches', i, 'headers', j, 'value']);
      if (x) return x;
    }
    for (const [j, q] of objs(m.queryParams).entries()) {
      const x = check(q, ['matches', i, 'queryParams', j, 'value']);
      if (x) return x;
    }
    if (isObj(m.method) && m.method.type === 'RegularExpression')
      for (const f of ['service', 'method'] as const) {
        const v = str(m.method[f]);
        if (v !== undefined && !isRe2(v)) return { pattern: v, path: ['matches', i, 'method', f], why: re2Why(v) };
      }
  }
  return undefined;
}

// ---------- backends (§4.9) ----------

function resolveBackend(
  ctx: Ctx,
  rs: RouteState,
  ref: Obj,
  path: Path,
  index: number,
  defaultWeight: boolean,
): CBackendRef {
  const group = str(ref.group) ?? '';
  const kind = str(ref.kind) ?? 'Service';
  const name = str(ref.name) ?? '';
  const ns = str(ref.namespace) ?? rs.ns;
  const port = num(ref.port);
  const weight = defaultWeight ? (num(ref.weight) ?? 1) : 1;
  const b: CBackendRef = {
    index,
    group,
    kind,
    namespace: ns,
    name,
    ...(port !== undefined ? { port } : {}),
    weight,
    filters: objs(ref.filters).map(defaultFilter),
    valid: false,
  };
  const r = rs.r;
  const invalid = (reason: BackendInvalidReason, message: string, fix?: Fix, decisions?: string[]) => {
    b.reason = reason;
    b.message = message;
    rs.unresolved.push({ reason, message });
    diag(ctx, r, path, 'error', reason, message, { fix, ...(decisions ? { decisions } : {}) });
    return b;
  };
  const gk = `${group}/${kind}`;
  if (!ctx.opts.supportedBackendKinds.has(gk))
    return invalid(
      'InvalidKind',
      `backendRef ${group ? `${group}/` : ''}${kind} ${ns}/${name}: kind ${gk} is not a supported backend kind (supported: ${[...ctx.opts.supportedBackendKinds].join(', ')}).`,
    );
  if (
    !ctx.world.permitted({ group: GW_GROUP, kind: rs.c.kind, namespace: rs.ns }, { group, kind, namespace: ns, name })
  )
    return invalid(
      'RefNotPermitted',
      `backendRef to ${kind} ${ns}/${name} crosses namespaces and no ReferenceGrant in ${ns} allows ${rs.c.kind} from ${rs.ns}.`,
      grantFix(ctx, r, rs.c.kind, ns, group, kind, name),
    );
  const target = ctx.world.get(group, kind, ns, name);
  if (!target) {
    const fix =
      gk === '/Service'
        ? addDocumentFix(
            ctx,
            r,
            `Add Service ${ns}/${name}`,
            `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n  selector:\n    app: ${name}\n  ports:\n  - port: ${port ?? 80}\n`,
          )
        : undefined;
    const similar = (ctx.world.byKind.get(gk) ?? [])
      .filter((s) => s.namespace === ns && editDistance(s.name, name) <= 2)
      .map((s) => s.name);
    const nameFix = similar.length
      ? replaceScalarFix(ctx, r, [...path, 'name'], similar[0]!, `Change the backend name to ${similar[0]}`)
      : undefined;
    return invalid(
      'BackendNotFound',
      `${kind} ${ns}/${name} not found${similar.length ? ` (did you mean ${similar[0]}?)` : ''}.`,
      nameFix ?? fix,
    );
  }
  if (gk === '/Service') {
    const sspec = obj(target.obj.spec);
    const type = str(sspec.type) ?? 'ClusterIP';
    if (type === 'ExternalName')
      // SD §11.1 #8 / §4.9: ExternalName Services are not supported as backends.
      return invalid(
        'InvalidKind',
        `Service ${ns}/${name} is of type ExternalName, which the simulated controller does not support as a backend.`,
        undefined,
        ['§11.1 #8 ExternalName Services'],
      );
    const ports = objs(sspec.ports);
    const sp = ports.find((p) => num(p.port) === port);
    if (!sp) {
      const choices = ports.map((p) => num(p.port)).filter((p): p is number => p !== undefined);
      const fix =
        choices.length === 1
          ? port === undefined
            ? undefined
            : replaceScalarFix(ctx, r, [...path, 'port'], String(choices[0]), `Use port ${choices[0]}`)
          : undefined;
      return invalid(
        'BackendNotFound',
        `Service ${ns}/${name} has no port ${port ?? '(none given)'}${choices.length ? ` (ports: ${choices.join(', ')})` : ''}.`,
        fix,
        ['§11.1 #8 Service port not found'],
      );
    }
    const appProtocol = str(sp.appProtocol);
    const portName = str(sp.name);
    b.service = { type, ...(appProtocol ? { appProtocol } : {}), ...(portName ? { portName } : {}) };
    if (appProtocol && (rs.c.kind === 'HTTPRoute' || rs.c.kind === 'GRPCRoute')) {
      const ap = appProtocol.toLowerCase();
      const need =
        ap === 'kubernetes.io/h2c'
          ? rs.c.kind === 'HTTPRoute'
            ? 'HTTPRouteBackendProtocolH2C'
            : undefined
          : ap === 'kubernetes.io/ws' || ap === 'kubernetes.io/wss'
            ? 'HTTPRouteBackendProtocolWebSocket'
            : undefined;
      if (need && !ctx.supports(need))
        return invalid(
          'UnsupportedProtocol',
          `Service ${ns}/${name} port ${port} has appProtocol ${appProtocol}, which needs feature ${need}.`,
        );
    }
  }
  b.valid = true;
  return b;
}

// ---------- routes ----------

export function buildRoutes(ctx: Ctx): RouteState[] {
  const out: RouteState[] = [];
  for (const r of ctx.world.resources) {
    if (r.group !== GW_GROUP || !(ROUTE_KIND_LIST as string[]).includes(r.kind)) continue;
    const kind = r.kind as RouteKind;
    if (!ctx.supports(kind)) {
      diag(
        ctx,
        r,
        ['kind'],
        'info',
        'RouteKindNotSupported',
        `The simulated implementation does not support ${kind} (feature ${kind}): this route gets no status.`,
      );
      continue;
    }
    out.push(buildRoute(ctx, r, kind));
  }
  return out;
}

function buildRoute(ctx: Ctx, r: Resource, kind: RouteKind): RouteState {
  const spec = obj(r.obj.spec);
  const ns = r.namespace ?? 'default';
  const hostnames = arr(spec.hostnames).filter((h): h is string => typeof h === 'string');
  const c: CRoute = {
    key: `${kind}/${ns}/${r.name}`,
    kind,
    namespace: ns,
    name: r.name,
    order: r.order,
    generation: r.generation,
    hostnames: kind === 'TCPRoute' || kind === 'UDPRoute' ? [] : hostnames,
    rules: [],
    parents: [],
    accepted: false,
    resolvedRefs: true,
  };
  const rs: RouteState = { r, c, ns, unresolved: [], dropped: [] };
  let rules = objs(spec.rules);
  const rulesWritten = Array.isArray(spec.rules);
  if (kind === 'HTTPRoute' && !rulesWritten) rules = [{ matches: [{ path: PATH_DEFAULT }] }];
  rules.forEach((rule, ri) => {
    const rpath: Path = rulesWritten ? ['spec', 'rules', ri] : ['spec'];
    const name = str(rule.name);
    let matches: Obj[] = [];
    if (kind === 'HTTPRoute') {
      const ms = objs(rule.matches);
      matches = (ms.length ? ms : [{}]).map(defaultHTTPMatch);
    } else if (kind === 'GRPCRoute') matches = objs(rule.matches).map(defaultGRPCMatch);
    const cr: CRule = {
      index: ri,
      ...(name ? { name } : {}),
      matches,
      filters: objs(rule.filters).map(defaultFilter),
      ...(isObj(rule.timeouts) ? { timeouts: rule.timeouts } : {}),
      ...(isObj(rule.retry) ? { retry: rule.retry } : {}),
      ...(isObj(rule.sessionPersistence) ? { sessionPersistence: rule.sessionPersistence } : {}),
      backendRefs: [],
      filterBackendRefs: [],
      dropped: false,
    };
    // §4.7: a rule that needs an unsupported feature, or whose regular expression RE2 cannot compile
    // (SD §11.1 #4), is dropped ("Dropped Rule").
    const drop = (why: string, at: Path) => {
      cr.dropped = true;
      cr.droppedReason = `rule ${ri}${name ? ` (${name})` : ''} ${why}`;
      rs.dropped.push({ index: ri, message: cr.droppedReason });
      diag(ctx, r, [...rpath, ...at], 'warning', 'UnsupportedValue', `Dropped Rule: ${cr.droppedReason}.`, {
        decisions: ['§4.7 Dropped Rule'],
      });
    };
    if (kind === 'HTTPRoute') {
      const miss = httpRuleNeeds(rule).find((n) => !ctx.supports(n.feature));
      if (miss) drop(`uses ${miss.feature}, which the simulated implementation does not support`, miss.path);
    }
    if (!cr.dropped && (kind === 'HTTPRoute' || kind === 'GRPCRoute')) {
      const bad = badRegex(rule);
      if (bad)
        drop(`has a regular expression RE2 cannot compile: ${JSON.stringify(bad.pattern)} (${bad.why})`, bad.path);
    }
    objs(rule.backendRefs).forEach((ref, bi) => {
      const bpath: Path = [...rpath, 'backendRefs', bi];
      const b = resolveBackend(ctx, rs, ref, bpath, bi, true);
      cr.backendRefs.push(b);
      objs(ref.filters).forEach((f, fi) => {
        const fr = filterBackend(ctx, rs, f, [...bpath, 'filters', fi]);
        if (fr)
          cr.filterBackendRefs.push({ level: 'backend', backend: bi, filter: fi, type: str(f.type) ?? '', ref: fr });
      });
    });
    objs(rule.filters).forEach((f, fi) => {
      const fr = filterBackend(ctx, rs, f, [...rpath, 'filters', fi]);
      if (fr) cr.filterBackendRefs.push({ level: 'rule', filter: fi, type: str(f.type) ?? '', ref: fr });
      if (f.type === 'ExtensionRef') {
        // SD §11.1 #15: no extension is implemented; the rule answers 500 and ResolvedRefs is False.
        const e = obj(f.extensionRef);
        const message = `ExtensionRef filter ${str(e.group) ?? ''}/${str(e.kind) ?? ''} ${str(e.name) ?? ''} is not implemented by the simulated controller; requests matching this rule get 500.`;
        rs.unresolved.push({ reason: 'InvalidKind', message });
        diag(ctx, r, [...rpath, 'filters', fi], 'error', 'InvalidKind', message, {
          decisions: ['§11.1 #15 ExtensionRef unresolved'],
        });
      }
    });
    c.rules.push(cr);
  });
  c.resolvedRefs = rs.unresolved.length === 0;
  return rs;
}

function filterBackend(ctx: Ctx, rs: RouteState, f: Obj, path: Path): CBackendRef | undefined {
  if (f.type === 'RequestMirror' && isObj(f.requestMirror) && isObj(f.requestMirror.backendRef))
    return resolveBackend(ctx, rs, f.requestMirror.backendRef, [...path, 'requestMirror', 'backendRef'], 0, false);
  if (f.type === 'ExternalAuth' && isObj(f.externalAuth) && isObj(f.externalAuth.backendRef))
    return resolveBackend(ctx, rs, f.externalAuth.backendRef, [...path, 'externalAuth', 'backendRef'], 0, false);
  return undefined;
}

// ---------- attachment (§4.6) ----------

export interface Parents {
  gateways: Map<string, GatewayState>;
  listenerSets: Map<string, ListenerSetState>;
  /** Gateways with `defaultScope: All` (Experimental, §4.6.8). */
  defaultGateways?: GatewayState[];
}

interface Verdict {
  verdict: CParentVerdict['verdict'];
  reason: string;
  message: string;
  attached: { L: LState; hostnames: string[] }[];
  fix?: Fix | undefined;
  gateway?: GatewayState;
}

export function attachRoute(ctx: Ctx, rs: RouteState, parents: Parents): void {
  const { r, c } = rs;
  const spec = obj(r.obj.spec);
  const partial = rs.dropped.length > 0 && rs.dropped.length < c.rules.length;
  const allDropped = c.rules.length > 0 && rs.dropped.length === c.rules.length;
  const explicit = objs(spec.parentRefs);
  // §4.6.8 (Experimental, GEP-3793): `useDefaultGateways: All` adds every default Gateway (defaultScope
  // All) as if it were listed, unless it already is; status gets an entry for it, spec is untouched.
  const implicit: Obj[] = [];
  if (ctx.opts.channel === 'experimental' && spec.useDefaultGateways === 'All')
    for (const g of parents.defaultGateways ?? []) {
      const listed = explicit.some(
        (p) =>
          (str(p.group) ?? GW_GROUP) === GW_GROUP &&
          (str(p.kind) ?? 'Gateway') === 'Gateway' &&
          (str(p.namespace) ?? rs.ns) === g.c.namespace &&
          p.name === g.c.name,
      );
      if (!listed) implicit.push({ group: GW_GROUP, kind: 'Gateway', namespace: g.c.namespace, name: g.c.name });
    }
  if (!explicit.length && !implicit.length)
    diag(
      ctx,
      r,
      ['spec'],
      'warning',
      'NoParentRefs',
      `${c.kind} ${rs.ns}/${r.name} has no parentRefs: it attaches to no Gateway and gets no status.`,
    );
  [...explicit, ...implicit].forEach((ref, i) => {
    const isImplicit = i >= explicit.length;
    const path: Path = isImplicit ? ['spec', 'useDefaultGateways'] : ['spec', 'parentRefs', i];
    const group = str(ref.group) ?? GW_GROUP;
    const kind = str(ref.kind) ?? 'Gateway';
    const ns = str(ref.namespace) ?? rs.ns;
    const name = str(ref.name) ?? '';
    const sectionName = str(ref.sectionName);
    const port = num(ref.port);
    const parentRef: CParentVerdict['parentRef'] = {
      group,
      kind,
      namespace: ns,
      name,
      ...(sectionName !== undefined ? { sectionName } : {}),
      ...(port !== undefined ? { port } : {}),
    };
    const v = evaluateParentRef(ctx, rs, ref, path, { group, kind, ns, name, sectionName, port }, parents);
    if (v.verdict === 'accepted' && allDropped) {
      v.verdict = 'rejected';
      v.reason = 'UnsupportedValue';
      v.message = `All rules are dropped: ${rs.dropped.map((d) => d.message).join('; ')}`;
      v.attached = [];
    }
    const conditions: Condition[] = [];
    const g = r.generation;
    if (v.verdict !== 'ignored') {
      conditions.push(cond('Accepted', v.verdict === 'accepted', v.reason, v.message, g));
      conditions.push(
        rs.unresolved.length
          ? cond('ResolvedRefs', false, rs.unresolved[0]!.reason, rs.unresolved.map((u) => u.message).join(' '), g)
          : cond('ResolvedRefs', true, 'ResolvedRefs', 'All references are resolved', g),
      );
      if (v.verdict === 'accepted' && partial)
        conditions.push(
          cond(
            'PartiallyInvalid',
            true,
            'UnsupportedValue',
            `Dropped Rule(s): ${rs.dropped.map((d) => d.message).join('; ')}`,
            g,
          ),
        );
    }
    const listeners: string[] = [];
    if (v.verdict === 'accepted') {
      for (const { L, hostnames } of v.attached) {
        listeners.push(L.c.id);
        if (L.routeKeys.has(c.key)) continue;
        L.routeKeys.add(c.key);
        L.c.routes.push({
          route: c.key,
          kind: c.kind,
          namespace: c.namespace,
          name: c.name,
          order: c.order,
          parentRef: i,
          hostnames,
        });
      }
      c.accepted = true;
    } else if (v.verdict === 'rejected') {
      diag(ctx, r, path, 'error', v.reason, `Not attached to ${kind} ${ns}/${name}: ${v.message}.`, { fix: v.fix });
    }
    const gwRef = v.gateway ? { namespace: v.gateway.c.namespace, name: v.gateway.c.name } : undefined;
    c.parents.push({
      index: i,
      ...(isImplicit ? { implicit: true } : {}),
      parentRef,
      ...(gwRef ? { gateway: gwRef } : {}),
      verdict: v.verdict,
      reason: v.reason,
      message: v.message,
      listeners,
      conditions,
    });
  });
}

function evaluateParentRef(
  ctx: Ctx,
  rs: RouteState,
  _ref: Obj,
  path: Path,
  p: {
    group: string;
    kind: string;
    ns: string;
    name: string;
    sectionName?: string | undefined;
    port?: number | undefined;
  },
  parents: Parents,
): Verdict {
  const { r, c } = rs;
  const key = nn(p.ns, p.name);
  let listeners: LState[];
  let byName: Map<string, LState>;
  let gw: GatewayState | undefined;
  let ownerDesc: string;
  if (p.group === GW_GROUP && p.kind === 'Gateway') {
    gw = parents.gateways.get(key);
    if (!gw) return ignored(ctx, rs, path, p, 'Gateway');
    listeners = gw.own;
    byName = gw.ownByName;
    ownerDesc = `Gateway ${key}`;
  } else if (p.group === GW_GROUP && p.kind === 'ListenerSet') {
    const ls = parents.listenerSets.get(key);
    if (!ls) return ignored(ctx, rs, path, p, 'ListenerSet');
    gw = ls.gateway;
    if (!ls.attached)
      // SD §11.1 #14.
      return {
        verdict: 'rejected',
        reason: 'NotAllowedByListeners',
        message: `ListenerSet ${key} is not attached to its Gateway (${ls.conditions.find((x) => x.type === 'Accepted')?.reason ?? 'not accepted'})`,
        attached: [],
        gateway: gw,
      };
    listeners = ls.listeners;
    byName = ls.byName;
    ownerDesc = `ListenerSet ${key}`;
  } else {
    const mesh = p.group === '' && p.kind === 'Service';
    diag(
      ctx,
      r,
      path,
      'info',
      'UnsupportedParentKind',
      mesh
        ? `parentRef to Service ${key}: mesh (GAMMA) routes are out of scope for the gateway simulator; no status is written.`
        : `parentRef kind ${p.group}/${p.kind} is not a parent the simulated controller handles; no status is written.`,
    );
    return { verdict: 'ignored', reason: 'UnsupportedParentKind', message: 'unsupported parent kind', attached: [] };
  }
  // sectionName / port select listeners of the direct parent only (§4.6.1).
  let selected = listeners;
  if (p.sectionName !== undefined) {
    const L = byName.get(p.sectionName);
    selected = L ? [L] : [];
  }
  if (p.port !== undefined) selected = selected.filter((L) => L.c.port === p.port);
  if (!selected.length) {
    let message: string;
    let fix: Fix | undefined;
    if (p.sectionName !== undefined && !byName.has(p.sectionName)) {
      const names = listeners.map((L) => L.c.name);
      const viaSet =
        p.kind === 'Gateway' && gw?.listenerSets.some((s) => s.byName.has(p.sectionName!))
          ? ` (a listener "${p.sectionName}" exists in a ListenerSet of this Gateway, but a Gateway parentRef never reaches ListenerSet listeners: use kind: ListenerSet)`
          : '';
      message = `${ownerDesc} has no listener named "${p.sectionName}"${viaSet}${names.length ? `; listeners: ${names.join(', ')}` : ''}`;
      const best = closestName(
        p.sectionName,
        names.filter((n) => (p.port === undefined ? true : byName.get(n)!.c.port === p.port)),
      );
      if (best && !viaSet)
        fix = replaceScalarFix(ctx, r, [...path, 'sectionName'], best, `Change sectionName to ${best}`);
    } else if (p.sectionName !== undefined) {
      const L = byName.get(p.sectionName)!;
      message = `listener "${p.sectionName}" of ${ownerDesc} is on port ${L.c.port}, not ${p.port}`;
      fix = replaceScalarFix(ctx, r, [...path, 'port'], String(L.c.port), `Change port to ${L.c.port}`);
    } else {
      const ports = [...new Set(listeners.map((L) => L.c.port))];
      message = `${ownerDesc} has no listener on port ${p.port}${ports.length ? `; ports: ${ports.join(', ')}` : ''}`;
      const allowedPorts = [...new Set(listeners.filter((L) => L.kinds.has(c.kind)).map((L) => L.c.port))];
      if (allowedPorts.length === 1)
        fix = replaceScalarFix(ctx, r, [...path, 'port'], String(allowedPorts[0]), `Change port to ${allowedPorts[0]}`);
    }
    return { verdict: 'rejected', reason: 'NoMatchingParent', message, attached: [], fix, gateway: gw };
  }
  const kindOK = selected.filter((L) => L.kinds.has(c.kind));
  const allowed = kindOK.filter((L) => namespaceAllowed(ctx, L, rs.ns));
  if (!allowed.length) {
    let message: string;
    let fix: Fix | undefined;
    if (!kindOK.length) {
      const kinds = [...new Set(selected.flatMap((L) => [...L.kinds]))];
      message = `no selected listener allows ${c.kind} (${selected.map((L) => `"${L.c.name}" ${L.c.protocol}`).join(', ')} allow ${kinds.join(', ') || 'no kind'})`;
    } else {
      const L = kindOK[0]!;
      const ownerNs = L.owner.namespace ?? 'default';
      if (L.from === 'Same')
        message = `listener "${L.c.name}" allows routes only from namespace ${ownerNs} (allowedRoutes.namespaces.from: Same), not from ${rs.ns}`;
      else if (L.from === 'Selector') {
        message = `namespace ${rs.ns} does not match the allowedRoutes selector of listener "${L.c.name}"`;
        const labels = labelsToSatisfy(L.selector);
        if (labels && Object.keys(labels).length) fix = namespaceLabelFix(ctx, r, rs.ns, labels);
      } else message = `listener "${L.c.name}" does not allow routes from ${rs.ns}`;
    }
    return { verdict: 'rejected', reason: 'NotAllowedByListeners', message, attached: [], fix, gateway: gw };
  }
  const attached: Verdict['attached'] = [];
  const l4 = c.kind === 'TCPRoute' || c.kind === 'UDPRoute';
  for (const L of allowed) {
    if (l4) {
      attached.push({ L, hostnames: [] });
      continue;
    }
    const eff = intersectHostnames(L.c.hostname, c.hostnames);
    if (eff) attached.push({ L, hostnames: eff });
  }
  if (!attached.length) {
    const lh = allowed.map((L) => L.c.hostname ?? '(any)');
    return {
      verdict: 'rejected',
      reason: 'NoMatchingListenerHostname',
      message: `no route hostname (${c.hostnames.join(', ')}) intersects the hostnames of the allowed listeners (${lh.join(', ')})`,
      attached: [],
      gateway: gw,
    };
  }
  return { verdict: 'accepted', reason: 'Accepted', message: 'Route is accepted', attached, gateway: gw };
}

function ignored(
  ctx: Ctx,
  rs: RouteState,
  path: Path,
  p: { group: string; kind: string; ns: string; name: string },
  kind: 'Gateway' | 'ListenerSet',
): Verdict {
  const { r } = rs;
  const exists = ctx.world.get(GW_GROUP, kind, p.ns, p.name);
  let message: string;
  let reason: string;
  let fix: Fix | undefined;
  if (exists) {
    reason = 'ParentNotOurs';
    message =
      kind === 'Gateway'
        ? `Gateway ${p.ns}/${p.name} is not reconciled by the simulated controller (its GatewayClass is missing or not ours): no status entry is written for this parentRef.`
        : `ListenerSet ${p.ns}/${p.name} has no reconciled parent Gateway: no status entry is written for this parentRef.`;
  } else {
    reason = 'ParentNotFound';
    const similar = (ctx.world.byKind.get(`${GW_GROUP}/${kind}`) ?? [])
      .filter((g) => g.namespace === p.ns && editDistance(g.name, p.name) <= 3)
      .map((g) => g.name);
    message = `${kind} ${p.ns}/${p.name} does not exist${similar.length ? ` (did you mean ${similar[0]}?)` : ''}: no status entry is written for this parentRef (a cluster would leave the route without status for it).`;
    if (similar.length)
      fix = replaceScalarFix(ctx, r, [...path, 'name'], similar[0]!, `Change the parent to ${similar[0]}`);
  }
  diag(ctx, r, path, 'warning', reason, message, { fix, decisions: ['§11.1 #13 nonexistent or unowned parent'] });
  return { verdict: 'ignored', reason, message, attached: [] };
}

function namespaceLabelFix(ctx: Ctx, near: Resource, ns: string, labels: Record<string, string>): Fix | undefined {
  const decl = ctx.world.namespace(ns);
  const have = ctx.world.namespaceLabels(ns);
  const need = Object.entries(labels).filter(([k, v]) => have[k] !== v);
  if (!need.length) return undefined;
  const desc = need.map(([k, v]) => `${k}=${v}`).join(', ');
  if (decl) {
    const edits: TextEdit[] = [];
    const missing: Record<string, string> = {};
    for (const [k, v] of need) {
      if (k in have) {
        const f = replaceScalarFix(ctx, decl, ['metadata', 'labels', k], yamlScalar(v), '');
        if (!f) return undefined;
        edits.push(...f.edits);
      } else missing[k] = v;
    }
    if (Object.keys(missing).length) {
      const f = addMapEntryFix(ctx, decl, ['metadata', 'labels'], missing, '');
      if (!f) return undefined;
      edits.push(...f.edits);
    }
    return { title: `Label namespace ${ns} with ${desc}`, edits };
  }
  return addDocumentFix(
    ctx,
    near,
    `Add Namespace ${ns} with labels ${desc}`,
    `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n${need
      .map(([k, v]) => `    ${k}: ${JSON.stringify(v)}\n`)
      .join('')}`,
  );
}

/**
 * SD §11.1 #5 / §4.6.6 with `grpcHttpSameHostname: reject-newer`: on each listener, a GRPCRoute and an
 * HTTPRoute with intersecting hostnames cannot both be accepted; the newer one's parentRef is rejected.
 * A route loses iff some route of the other kind that shares a hostname with it is older, so exact
 * hostnames are indexed (oldest route per kind and hostname); only wildcard or hostname-less routes are
 * compared pairwise.
 */
export function rejectGrpcHttpClashes(ctx: Ctx, routes: Map<string, RouteState>, listeners: LState[]): void {
  if (ctx.opts.decisions.grpcHttpSameHostname !== 'reject-newer') return;
  type A = CAttachedRoute;
  const losers = new Map<string, { a: A; older: A; L: LState }>();
  const lose = (a: A, older: A, L: LState) => {
    const k = `${a.route}#${a.parentRef}`;
    if (!losers.has(k)) losers.set(k, { a, older, L });
  };
  const other = (k: string) => (k === 'HTTPRoute' ? 'GRPCRoute' : 'HTTPRoute');
  for (const L of listeners) {
    const entries = L.c.routes.filter((a) => a.kind === 'HTTPRoute' || a.kind === 'GRPCRoute');
    if (!entries.some((a) => a.kind === 'HTTPRoute') || !entries.some((a) => a.kind === 'GRPCRoute')) continue;
    const exactOldest = new Map<string, A>(); // `${kind}|${host}` → oldest route of that kind on host
    const fuzzy: A[] = [];
    for (const a of entries) {
      if (!a.hostnames.length || a.hostnames.some((h) => h.startsWith('*.'))) fuzzy.push(a);
      else
        for (const h of a.hostnames) {
          const k = `${a.kind}|${h.toLowerCase()}`;
          const cur = exactOldest.get(k);
          if (!cur || a.order < cur.order) exactOldest.set(k, a);
        }
    }
    for (const a of entries) {
      if (!a.hostnames.length || a.hostnames.some((h) => h.startsWith('*.'))) continue;
      for (const h of a.hostnames) {
        const o = exactOldest.get(`${other(a.kind)}|${h.toLowerCase()}`);
        if (o && o.order < a.order) {
          lose(a, o, L);
          break;
        }
      }
    }
    for (const f of fuzzy)
      for (const a of entries) {
        if (a.kind === f.kind) continue;
        const overlap =
          !f.hostnames.length ||
          !a.hostnames.length ||
          f.hostnames.some((x) => intersectHostnames(x, a.hostnames) !== null);
        if (!overlap) continue;
        if (f.order < a.order) lose(a, f, L);
        else lose(f, a, L);
      }
  }
  if (!losers.size) return;
  for (const { a, older, L } of losers.values()) {
    const rs = routes.get(a.route);
    const pv = rs?.c.parents[a.parentRef];
    if (!rs || pv?.verdict !== 'accepted') continue;
    pv.verdict = 'rejected';
    pv.reason = 'NotAllowedByListeners';
    pv.message = `${older.kind} ${older.namespace}/${older.name} is older and already serves an intersecting hostname on listener "${L.c.name}" (GEP-1016: HTTPRoute and GRPCRoute must not share hostnames)`;
    pv.listeners = [];
    const acc = pv.conditions.find((x) => x.type === 'Accepted');
    if (acc) {
      acc.status = 'False';
      acc.reason = pv.reason;
      acc.message = pv.message;
    }
    pv.conditions = pv.conditions.filter((x) => x.type !== 'PartiallyInvalid');
    diag(
      ctx,
      rs.r,
      ['spec', 'parentRefs', a.parentRef],
      'error',
      'NotAllowedByListeners',
      `Not attached: ${pv.message}.`,
      {
        decisions: ['§11.1 #5 HTTPRoute/GRPCRoute same hostname'],
      },
    );
  }
  // A rejected parentRef attaches nowhere: drop it from every listener and recount.
  for (const L of listeners) {
    const kept = L.c.routes.filter((a) => routes.get(a.route)?.c.parents[a.parentRef]?.verdict === 'accepted');
    if (kept.length !== L.c.routes.length) {
      L.c.routes = kept;
      L.routeKeys = new Set(kept.map((a) => a.route));
    }
  }
  for (const rs of routes.values()) rs.c.accepted = rs.c.parents.some((p) => p.verdict === 'accepted');
}

/** Route status: one status.parents[] entry per parentRef to a parent that exists and is ours. */
export function routeStatus(rs: RouteState, controllerOf: (p: CParentVerdict) => string): ObjectStatus {
  return {
    kind: rs.c.kind,
    group: GW_GROUP,
    namespace: rs.ns,
    name: rs.r.name,
    conditions: [],
    parents: rs.c.parents
      .filter((p) => p.verdict !== 'ignored')
      .map((p) => ({
        parentRef: {
          group: p.parentRef.group,
          kind: p.parentRef.kind,
          namespace: p.parentRef.namespace,
          name: p.parentRef.name,
          ...(p.parentRef.sectionName !== undefined ? { sectionName: p.parentRef.sectionName } : {}),
          ...(p.parentRef.port !== undefined ? { port: p.parentRef.port } : {}),
        },
        controllerName: controllerOf(p),
        conditions: p.conditions,
      })),
  };
}
