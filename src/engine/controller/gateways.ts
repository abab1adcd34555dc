// GatewayClasses (§4.1), Gateways (§4.2), ListenerSets (§4.5), listener validation (§4.3) and listener
// conflicts (§4.4).

import type { Path, Resource } from '../manifest/index.ts';
import type { Condition, ListenerStatus, ObjectStatus } from '../types.ts';
import { addDocumentFix, type Ctx, diag } from './ctx.ts';
import { ALL_FEATURES } from './features.ts';
import type { CGateway, CListener, CListenerSetRef, NamespacedName, RouteKind, TLSMode } from './types.ts';
import { cond, GW_GROUP, hostnamesOverlap, isObj, matchSelector, nn, num, type Obj, obj, objs, str } from './util.ts';
import { caConfigMapProblem, secretProblem } from './world.ts';

export interface ClassState {
  r: Resource;
  ours: boolean;
  accepted: boolean;
  controllerName: string;
}

/** Internal state of one listener while the controller runs. */
export interface LState {
  c: CListener;
  owner: Resource;
  /** Path of the listener inside its owner (`['spec','listeners',i]`). */
  path: Path;
  spec: Obj;
  gen: number;
  /** Route kinds this listener allows (supportedKinds), as bare kind names of the Gateway API group. */
  kinds: Set<string>;
  from: string;
  selector: unknown;
  nsAllowed: Map<string, boolean>;
  accepted: { ok: boolean; reason: string; message: string };
  programmed: { ok: boolean; reason: string; message: string };
  resolved: { ok: boolean; reason: string; message: string };
  overlapping?: string;
  /** Unsupported protocol: takes no part in conflicts and allows no route. */
  unsupported: boolean;
  routeKeys: Set<string>;
  conditions: Condition[];
}

export interface GatewayState {
  r: Resource;
  cls: ClassState;
  c: CGateway;
  /** The Gateway's own listeners (spec order). */
  own: LState[];
  /** Own listeners by name. */
  ownByName: Map<string, LState>;
  conditions: Condition[];
  listenerSets: ListenerSetState[];
  pre?: {
    acceptedFalse?: { reason: string; message: string } | undefined;
    programmedFalse?: { reason: string; message: string } | undefined;
  };
  acceptedPre?: boolean;
  clientCertProblem?: { reason: string; message: string };
}

export interface ListenerSetState {
  r: Resource;
  gateway: GatewayState;
  allowed: boolean;
  attached: boolean;
  accepted: boolean;
  listeners: LState[];
  byName: Map<string, LState>;
  conditions: Condition[];
  ref: CListenerSetRef;
}

/**
 * Route kinds compatible with a listener protocol (§4.3 table), among the kinds the implementation
 * supports. `null` = unsupported protocol. A known protocol stays a listener (it can conflict) even when
 * none of its route kinds is claimed: ListenerSetProtocolConflict expects ProtocolConflict, not
 * UnsupportedProtocol, for TCP listeners of an implementation that claims only Gateway + ListenerSet.
 */
function compatibleKinds(ctx: Ctx, protocol: string, mode: TLSMode | undefined): RouteKind[] | null {
  const k = (list: RouteKind[]) => list.filter((x) => ctx.supports(x));
  switch (protocol) {
    case 'HTTP':
    case 'HTTPS':
      return k(['HTTPRoute', 'GRPCRoute']);
    case 'TLS':
      // TCPRoute is no longer allowed on TLS listeners (v1.5, #4427).
      if (mode === 'Terminate' && !ctx.supports('TLSRouteModeTerminate')) return [];
      return k(['TLSRoute']);
    case 'TCP':
      return k(['TCPRoute']);
    case 'UDP':
      return k(['UDPRoute']);
    default:
      return null;
  }
}

// ---------- GatewayClass ----------

export function reconcileClasses(ctx: Ctx, status: ObjectStatus[]): Map<string, ClassState> {
  const out = new Map<string, ClassState>();
  const features = (ctx.opts.features ? [...ctx.opts.features] : [...ALL_FEATURES]).sort();
  for (const r of ctx.world.byKind.get(`${GW_GROUP}/GatewayClass`) ?? []) {
    const spec = obj(r.obj.spec);
    const controllerName = str(spec.controllerName) ?? '';
    const ours = ctx.opts.controllerName === undefined || ctx.opts.controllerName === controllerName;
    const st: ClassState = { r, ours, accepted: false, controllerName };
    out.set(r.name, st);
    if (!ours) continue;
    const g = r.generation;
    const problem = classParametersProblem(ctx, spec.parametersRef);
    st.accepted = !problem;
    const conditions = [
      problem
        ? cond('Accepted', false, 'InvalidParameters', problem, g)
        : cond('Accepted', true, 'Accepted', 'GatewayClass is accepted by the simulated controller', g),
      cond('SupportedVersion', true, 'SupportedVersion', 'Gateway API v1.6 CRDs are supported', g),
    ];
    if (problem)
      diag(ctx, r, ['spec', 'parametersRef'], 'error', 'InvalidParameters', `GatewayClass ${r.name}: ${problem}`);
    status.push({
      kind: 'GatewayClass',
      group: GW_GROUP,
      name: r.name,
      conditions,
      supportedFeatures: features.map((name) => ({ name })),
    });
  }
  return out;
}

function classParametersProblem(ctx: Ctx, ref: unknown): string | undefined {
  if (!isObj(ref)) return undefined;
  const group = str(ref.group) ?? '';
  const kind = str(ref.kind) ?? '';
  const name = str(ref.name) ?? '';
  const ns = str(ref.namespace);
  const what = `${group ? `${group}/` : ''}${kind} ${ns ? `${ns}/` : ''}${name}`;
  const candidates = (ctx.world.byKind.get(`${group}/${kind}`) ?? []).filter((r) => r.name === name);
  if (!candidates.length) return `parametersRef ${what} not found`;
  const scope = candidates[0]!.info?.scope;
  if (scope === 'Namespaced' && ns === undefined)
    return `parametersRef to the namespaced kind ${kind} needs a namespace`;
  if (scope === 'Cluster' && ns !== undefined)
    return `parametersRef: ${kind} is cluster-scoped; namespace must not be set`;
  // Opaque kinds have no known scope: a namespace in the ref must match; without one, an object
  // written without namespace is taken as cluster-scoped.
  const hit = candidates.find((r) =>
    ns !== undefined ? r.namespace === ns : scope === 'Cluster' || obj(r.raw.metadata).namespace === undefined,
  );
  return hit ? undefined : `parametersRef ${what} not found`;
}

// ---------- Gateway ----------

function syntheticAddress(i: number): string {
  // TEST-NET-1 then TEST-NET-2 (RFC 5737): never a real address.
  return i < 240 ? `192.0.2.${10 + i}` : `198.51.100.${(i - 240) % 250}`;
}

export function reconcileGateways(ctx: Ctx, classes: Map<string, ClassState>): GatewayState[] {
  const out: GatewayState[] = [];
  for (const r of ctx.world.byKind.get(`${GW_GROUP}/Gateway`) ?? []) {
    const spec = obj(r.obj.spec);
    const className = str(spec.gatewayClassName) ?? '';
    const cls = classes.get(className);
    if (!cls) {
      diag(
        ctx,
        r,
        ['spec', 'gatewayClassName'],
        'warning',
        'GatewayClassNotFound',
        `GatewayClass "${className}" does not exist: no controller reconciles this Gateway, so a cluster would leave it Pending (Accepted=Unknown) and serve no traffic.`,
        {
          fix: addDocumentFix(
            ctx,
            r,
            `Add GatewayClass ${className}`,
            `apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: ${className}\nspec:\n  controllerName: ${ctx.opts.controllerName ?? 'example.com/gateway-controller'}\n`,
          ),
        },
      );
      continue;
    }
    if (!cls.ours) {
      diag(
        ctx,
        r,
        ['spec', 'gatewayClassName'],
        'info',
        'GatewayClassNotOurs',
        `GatewayClass "${className}" has controllerName "${cls.controllerName}", not the simulated controller "${ctx.opts.controllerName}": this Gateway gets no status and serves no traffic here.`,
      );
      continue;
    }
    if (!cls.accepted) {
      diag(
        ctx,
        r,
        ['spec', 'gatewayClassName'],
        'warning',
        'GatewayClassNotAccepted',
        `GatewayClass "${className}" is not Accepted (InvalidParameters): the controller does not reconcile its Gateways.`,
      );
      continue;
    }
    out.push(buildGateway(ctx, r, cls));
  }
  return out;
}

function buildGateway(ctx: Ctx, r: Resource, cls: ClassState): GatewayState {
  const spec = obj(r.obj.spec);
  const ns = r.namespace ?? 'default';
  const c: CGateway = {
    namespace: ns,
    name: r.name,
    order: r.order,
    gatewayClassName: cls.r.name,
    controllerName: cls.controllerName,
    accepted: false,
    programmed: false,
    addresses: [],
    listeners: [],
    listenerSets: [],
  };
  const gw: GatewayState = { r, cls, c, own: [], ownByName: new Map(), conditions: [], listenerSets: [] };
  objs(spec.listeners).forEach((l, i) => {
    const ls = makeListener(
      ctx,
      r,
      l,
      ['spec', 'listeners', i],
      { kind: 'Gateway', namespace: ns, name: r.name },
      {
        namespace: ns,
        name: r.name,
      },
    );
    gw.own.push(ls);
    gw.ownByName.set(ls.c.name, ls);
  });
  return gw;
}

function makeListener(
  _ctx: Ctx,
  owner: Resource,
  l: Obj,
  path: Path,
  ownerRef: CListener['owner'],
  gateway: NamespacedName,
): LState {
  const name = str(l.name) ?? '';
  const protocol = str(l.protocol) ?? '';
  const port = num(l.port) ?? 0;
  const hostname = str(l.hostname);
  const tls = isObj(l.tls) ? l.tls : undefined;
  const tlsMode: TLSMode | undefined =
    protocol === 'HTTPS' || protocol === 'TLS'
      ? tls?.mode === 'Passthrough'
        ? 'Passthrough'
        : 'Terminate'
      : undefined;
  const ar = obj(l.allowedRoutes);
  const nsSel = obj(ar.namespaces);
  const c: CListener = {
    id: `${ownerRef.kind === 'Gateway' ? 'gw' : 'ls'}:${ownerRef.namespace}/${ownerRef.name}/${name}`,
    name,
    port,
    protocol,
    ...(hostname ? { hostname } : {}),
    ...(tlsMode ? { tlsMode } : {}),
    owner: ownerRef,
    gateway,
    precedence: 0,
    accepted: true,
    programmed: true,
    resolvedRefs: true,
    conflicted: false,
    valid: true,
    supportedKinds: [],
    certificateRefs: [],
    routes: [],
    attachedRoutes: 0,
  };
  return {
    c,
    owner,
    path,
    spec: l,
    gen: owner.generation,
    kinds: new Set(),
    from: str(nsSel.from) ?? 'Same',
    selector: nsSel.selector,
    nsAllowed: new Map(),
    accepted: { ok: true, reason: 'Accepted', message: 'Listener is accepted' },
    programmed: { ok: true, reason: 'Programmed', message: 'Listener is programmed' },
    resolved: { ok: true, reason: 'ResolvedRefs', message: 'All references are resolved' },
    unsupported: false,
    routeKeys: new Set(),
    conditions: [],
  };
}

/** §4.3: protocol, kinds, TLS, certificates, frontend validation. Conflicts come later (§4.4). */
export function validateListener(ctx: Ctx, L: LState, gw: GatewayState): void {
  const { c, spec } = L;
  const fail = (which: 'accepted' | 'programmed' | 'resolved', reason: string, message: string) => {
    if (L[which].ok) L[which] = { ok: false, reason, message };
  };
  const compat = compatibleKinds(ctx, c.protocol, c.tlsMode);
  if (compat === null) {
    L.unsupported = true;
    fail('accepted', 'UnsupportedProtocol', `Protocol "${c.protocol}" is not supported`);
    fail('programmed', 'Invalid', `Protocol "${c.protocol}" is not supported`);
    diag(
      ctx,
      L.owner,
      [...L.path, 'protocol'],
      'error',
      'UnsupportedProtocol',
      `Listener "${c.name}": protocol "${c.protocol}" is not supported (HTTP, HTTPS, TLS, TCP, UDP).`,
    );
    return;
  }
  // Ports: the SD deny-list of §4.3 is empty, so no port is PortUnavailable. (GatewayPort8080 is not
  // used to deny 8080: conformance tests listen on 8080 without claiming it, e.g. HTTPRouteListenerPortMatching.)
  if (c.protocol === 'TLS' && c.tlsMode === 'Terminate' && !ctx.supports('TLSRouteModeTerminate')) {
    fail('accepted', 'UnsupportedValue', 'TLS mode Terminate is not supported (feature TLSRouteModeTerminate)');
    fail('programmed', 'Invalid', 'TLS mode Terminate is not supported');
  }
  if (c.protocol === 'HTTPS' && c.tlsMode === 'Passthrough') {
    fail('accepted', 'UnsupportedValue', 'HTTPS listeners always terminate TLS; mode Passthrough is not supported');
    fail('programmed', 'Invalid', 'HTTPS listeners always terminate TLS');
  }
  // allowedRoutes.kinds (§4.3).
  const listed = objs(obj(spec.allowedRoutes).kinds);
  let kinds: string[] = compat;
  if (listed.length) {
    const ok: string[] = [];
    const bad: string[] = [];
    for (const k of listed) {
      const group = str(k.group) ?? GW_GROUP;
      const kind = str(k.kind) ?? '';
      if (group === GW_GROUP && (compat as string[]).includes(kind)) {
        if (!ok.includes(kind)) ok.push(kind);
      } else bad.push(`${group}/${kind}`);
    }
    kinds = ok;
    if (bad.length) {
      fail('resolved', 'InvalidRouteKinds', `Route kinds not supported by this listener: ${bad.join(', ')}`);
      listed.forEach((k, i) => {
        const group = str(k.group) ?? GW_GROUP;
        if (!(group === GW_GROUP && (compat as string[]).includes(str(k.kind) ?? '')))
          diag(
            ctx,
            L.owner,
            [...L.path, 'allowedRoutes', 'kinds', i],
            'error',
            'InvalidRouteKinds',
            `Listener "${c.name}" (${c.protocol}) cannot serve ${group}/${str(k.kind)}; supported: ${compat.join(', ') || 'none'}.`,
          );
      });
    }
  }
  if (!kinds.length && L.accepted.ok) fail('programmed', 'Invalid', 'Listener supports no route kind');
  // An invalid selector matches no namespace (SD §4.6.3); say why.
  if (L.from === 'Selector') {
    const { error } = matchSelector(L.selector, {});
    if (error)
      diag(
        ctx,
        L.owner,
        [...L.path, 'allowedRoutes', 'namespaces', ...(L.selector === undefined ? [] : ['selector'])],
        'warning',
        'InvalidSelector',
        `Listener "${c.name}": ${error}; it admits routes from no namespace.`,
        { decisions: ['§4.6.3 invalid selector matches nothing'] },
      );
  }
  L.kinds = new Set(kinds);
  c.supportedKinds = kinds.map((k) => `${GW_GROUP}/${k}`);

  // TLS certificates (HTTPS, TLS Terminate).
  const tls = isObj(spec.tls) ? spec.tls : undefined;
  if (c.tlsMode === 'Terminate' && L.accepted.ok) {
    const refs = objs(tls?.certificateRefs);
    if (!tls || (!refs.length && !isObj(tls.options))) {
      // SD §11.1 #17: schema-valid, unusable.
      fail('programmed', 'InvalidTLSConfig', `Listener "${c.name}" terminates TLS but has no certificateRefs`);
      diag(
        ctx,
        L.owner,
        tls ? [...L.path, 'tls'] : L.path,
        'warning',
        'InvalidTLSConfig',
        `Listener "${c.name}" (${c.protocol}) terminates TLS but has no tls.certificateRefs: it cannot be programmed.`,
        { decisions: ['§11.1 #17 HTTPS listener without tls'] },
      );
    }
    let refNotPermitted: string | undefined;
    let invalid: string | undefined;
    refs.forEach((ref, i) => {
      const group = str(ref.group) ?? '';
      const kind = str(ref.kind) ?? 'Secret';
      const name = str(ref.name) ?? '';
      const ns = str(ref.namespace) ?? L.owner.namespace ?? 'default';
      const at: Path = [...L.path, 'tls', 'certificateRefs', i];
      const entry = { namespace: ns, name, valid: false } as CListener['certificateRefs'][number];
      c.certificateRefs.push(entry);
      if (group !== '' || kind !== 'Secret') {
        entry.reason = 'InvalidCertificateRef';
        invalid ??= `certificateRef ${group}/${kind} ${name}: only core Secrets are supported`;
        diag(ctx, L.owner, at, 'error', 'InvalidCertificateRef', `Listener "${c.name}": ${invalid}.`);
        return;
      }
      const fromKind = L.c.owner.kind;
      if (
        !ctx.world.permitted(
          { group: GW_GROUP, kind: fromKind, namespace: L.owner.namespace ?? 'default' },
          { group: '', kind: 'Secret', namespace: ns, name },
        )
      ) {
        entry.reason = 'RefNotPermitted';
        refNotPermitted ??= `certificateRef to Secret ${ns}/${name} is not permitted by any ReferenceGrant`;
        diag(
          ctx,
          L.owner,
          at,
          'error',
          'RefNotPermitted',
          `Listener "${c.name}": Secret ${ns}/${name} is in another namespace and no ReferenceGrant in ${ns} allows ${fromKind} from ${L.owner.namespace}.`,
          { fix: grantFix(ctx, L.owner, fromKind, ns, '', 'Secret', name) },
        );
        return;
      }
      const secret = ctx.world.get('', 'Secret', ns, name);
      if (!secret) {
        entry.reason = 'InvalidCertificateRef';
        invalid ??= `Secret ${ns}/${name} not found`;
        diag(
          ctx,
          L.owner,
          at,
          'error',
          'InvalidCertificateRef',
          `Listener "${c.name}": Secret ${ns}/${name} does not exist.`,
          {
            fix: addDocumentFix(
              ctx,
              L.owner,
              `Add TLS Secret ${ns}/${name}`,
              `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n  namespace: ${ns}\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ${btoa('-----BEGIN CERTIFICATE-----\nREPLACE-ME\n-----END CERTIFICATE-----\n')}\n  tls.key: ${btoa('-----BEGIN PRIVATE KEY-----\nREPLACE-ME\n-----END PRIVATE KEY-----\n')}\n`,
            ),
          },
        );
        return;
      }
      const problem = secretProblem(secret);
      if (problem) {
        entry.reason = 'InvalidCertificateRef';
        invalid ??= problem;
        diag(ctx, L.owner, at, 'error', 'InvalidCertificateRef', `Listener "${c.name}": ${problem}.`);
        return;
      }
      entry.valid = true;
    });
    // RefNotPermitted takes precedence over InvalidCertificateRef (§4.3).
    if (refNotPermitted) fail('resolved', 'RefNotPermitted', refNotPermitted);
    else if (invalid) fail('resolved', 'InvalidCertificateRef', invalid);
    if (refNotPermitted || invalid) fail('programmed', 'Invalid', 'Invalid TLS certificate references');
  }

  // Frontend client-certificate validation (GEP-91): HTTPS listeners only.
  if (c.protocol === 'HTTPS' && L.accepted.ok) frontendValidation(ctx, L, gw);
}

function frontendValidation(ctx: Ctx, L: LState, gw: GatewayState): void {
  const frontend = obj(obj(obj(gw.r.obj.spec).tls).frontend);
  const perPortIdx = objs(frontend.perPort).findIndex((p) => num(p.port) === L.c.port);
  const base: Path = ['spec', 'tls', 'frontend'];
  let validation: Obj | undefined;
  let vPath: Path;
  if (perPortIdx >= 0) {
    validation = obj(obj(objs(frontend.perPort)[perPortIdx]!.tls).validation);
    vPath = [...base, 'perPort', perPortIdx, 'tls', 'validation'];
  } else if (isObj(frontend.default) && isObj(frontend.default.validation)) {
    validation = frontend.default.validation;
    vPath = [...base, 'default', 'validation'];
  } else return;
  const refs = objs(validation.caCertificateRefs);
  if (!refs.length) return;
  if (!ctx.supports('GatewayFrontendClientCertificateValidation')) return;
  const mode = validation.mode === 'AllowInsecureFallback' ? 'AllowInsecureFallback' : 'AllowValidOnly';
  const fv: NonNullable<CListener['frontendValidation']> = { mode, caCertificateRefs: [] };
  L.c.frontendValidation = fv;
  const gwNs = gw.c.namespace;
  let firstBad: { reason: string; message: string } | undefined;
  let valid = 0;
  refs.forEach((ref, i) => {
    const group = str(ref.group) ?? '';
    const kind = str(ref.kind) ?? '';
    const name = str(ref.name) ?? '';
    const ns = str(ref.namespace) ?? gwNs;
    const e = { kind, namespace: ns, name, valid: false } as (typeof fv.caCertificateRefs)[number];
    fv.caCertificateRefs.push(e);
    const at: Path = [...vPath, 'caCertificateRefs', i];
    const bad = checkGatewayCoreRef(ctx, gwNs, { group, kind, namespace: ns, name }, CA_REF);
    if (bad) {
      e.reason = bad.reason;
      firstBad ??= bad;
      diag(ctx, gw.r, at, 'error', bad.reason, `Frontend validation for port ${L.c.port}: ${bad.message}.`, {
        ...(bad.reason === 'RefNotPermitted' ? { fix: grantFix(ctx, gw.r, 'Gateway', ns, '', 'ConfigMap', name) } : {}),
      });
    } else {
      e.valid = true;
      valid++;
    }
  });
  if (firstBad) {
    L.resolved = { ok: false, reason: firstBad.reason, message: firstBad.message };
    if (!valid) {
      L.accepted = {
        ok: false,
        reason: 'NoValidCACertificate',
        message: 'No valid CA certificate for client validation',
      };
      L.programmed = { ok: false, reason: 'Invalid', message: 'No valid CA certificate for client validation' };
    }
  }
}

interface CoreRefRule {
  /** The field, as messages name it. */
  field: string;
  kind: 'ConfigMap' | 'Secret';
  /** What "only … are supported" says. */
  supported: string;
  /** Reason for a wrong kind, and for a missing or unusable object. */
  invalidKind: string;
  invalidRef: string;
  problem: (r: Resource) => string | undefined;
}

const CA_REF: CoreRefRule = {
  field: 'caCertificateRef',
  kind: 'ConfigMap',
  supported: 'ConfigMaps',
  invalidKind: 'InvalidCACertificateKind',
  invalidRef: 'InvalidCACertificateRef',
  problem: caConfigMapProblem,
};

const CLIENT_CERT_REF: CoreRefRule = {
  field: 'clientCertificateRef',
  kind: 'Secret',
  supported: 'core Secrets',
  invalidKind: 'InvalidClientCertificateRef',
  invalidRef: 'InvalidClientCertificateRef',
  problem: secretProblem,
};

/**
 * A Gateway's reference to a core object (frontend CA ConfigMap, backend client-certificate Secret):
 * the kind, a ReferenceGrant when it is in another namespace (§4.8), that it exists, that it is usable.
 */
function checkGatewayCoreRef(
  ctx: Ctx,
  gatewayNamespace: string,
  ref: { group: string; kind: string; namespace: string; name: string },
  rule: CoreRefRule,
): { reason: string; message: string } | undefined {
  const { group, kind, namespace, name } = ref;
  if (group !== '' || kind !== rule.kind)
    return {
      reason: rule.invalidKind,
      message: `${rule.field} ${group}/${kind} ${name}: only ${rule.supported} are supported`,
    };
  if (
    !ctx.world.permitted(
      { group: GW_GROUP, kind: 'Gateway', namespace: gatewayNamespace },
      { group: '', kind: rule.kind, namespace, name },
    )
  )
    return {
      reason: 'RefNotPermitted',
      message: `${rule.field} to ${rule.kind} ${namespace}/${name} is not permitted by any ReferenceGrant`,
    };
  const target = ctx.world.get('', rule.kind, namespace, name);
  if (!target) return { reason: rule.invalidRef, message: `${rule.kind} ${namespace}/${name} not found` };
  const problem = rule.problem(target);
  return problem ? { reason: rule.invalidRef, message: problem } : undefined;
}

/** A fix that adds a ReferenceGrant in `targetNs` from `from` (its kind and namespace) to the target. */
export function grantFix(
  ctx: Ctx,
  from: Resource,
  fromKind: string,
  targetNs: string,
  toGroup: string,
  toKind: string,
  toName: string,
) {
  const fromNs = from.namespace ?? 'default';
  const name = `${fromNs}-${fromKind.toLowerCase()}-to-${toKind.toLowerCase()}-${toName}`
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, '-')
    .slice(0, 253)
    .replace(/[-.]+$/, '');
  return addDocumentFix(
    ctx,
    from,
    `Add a ReferenceGrant in ${targetNs} allowing ${fromKind} from ${fromNs} to ${toKind} ${toName}`,
    `apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata:\n  name: ${name}\n  namespace: ${targetNs}\nspec:\n  from:\n  - group: ${GW_GROUP}\n    kind: ${fromKind}\n    namespace: ${fromNs}\n  to:\n  - group: ${toGroup === '' ? '""' : toGroup}\n    kind: ${toKind}\n    name: ${toName}\n`,
  );
}

// ---------- ListenerSets (§4.5) ----------

export function reconcileListenerSets(ctx: Ctx, gateways: Map<string, GatewayState>): ListenerSetState[] {
  const out: ListenerSetState[] = [];
  const all = ctx.world.byKind.get(`${GW_GROUP}/ListenerSet`) ?? [];
  if (all.length && !ctx.supports('ListenerSet')) {
    for (const r of all)
      diag(
        ctx,
        r,
        ['kind'],
        'info',
        'ListenerSetNotSupported',
        'The simulated implementation does not support ListenerSet (feature ListenerSet): it gets no status.',
      );
    return out;
  }
  for (const r of all) {
    const ref = obj(obj(r.obj.spec).parentRef);
    const group = str(ref.group) ?? GW_GROUP;
    const kind = str(ref.kind) ?? 'Gateway';
    const ns = str(ref.namespace) ?? r.namespace ?? 'default';
    const name = str(ref.name) ?? '';
    const gw = group === GW_GROUP && kind === 'Gateway' ? gateways.get(nn(ns, name)) : undefined;
    if (!gw) {
      const exists = ctx.world.get(GW_GROUP, 'Gateway', ns, name);
      diag(
        ctx,
        r,
        ['spec', 'parentRef'],
        'warning',
        exists ? 'ParentNotOurs' : 'ParentNotFound',
        exists
          ? `Gateway ${ns}/${name} is not reconciled by the simulated controller: this ListenerSet gets no status (a cluster would leave it Pending).`
          : `Gateway ${ns}/${name} does not exist: this ListenerSet gets no status (a cluster would leave it Pending).`,
      );
      continue;
    }
    const lsNs = r.namespace ?? 'default';
    const al = obj(obj(obj(gw.r.obj.spec).allowedListeners).namespaces);
    const from = str(al.from) ?? 'None';
    let allowed = false;
    if (from === 'All') allowed = true;
    else if (from === 'Same') allowed = lsNs === gw.c.namespace;
    else if (from === 'Selector') allowed = matchSelector(al.selector, ctx.world.namespaceLabels(lsNs)).matches;
    const st: ListenerSetState = {
      r,
      gateway: gw,
      allowed,
      attached: false,
      accepted: false,
      listeners: [],
      byName: new Map(),
      conditions: [],
      ref: { namespace: lsNs, name: r.name, order: r.order, attached: false, accepted: false, reason: '' },
    };
    objs(obj(r.obj.spec).listeners).forEach((l, i) => {
      const L = makeListener(
        ctx,
        r,
        l,
        ['spec', 'listeners', i],
        { kind: 'ListenerSet', namespace: lsNs, name: r.name },
        {
          namespace: gw.c.namespace,
          name: gw.c.name,
        },
      );
      st.listeners.push(L);
      st.byName.set(L.c.name, L);
    });
    if (!allowed)
      diag(
        ctx,
        r,
        ['spec', 'parentRef'],
        'error',
        'NotAllowed',
        `Gateway ${gw.c.namespace}/${gw.c.name} does not allow ListenerSets from namespace ${lsNs} (allowedListeners.namespaces.from: ${from}${from === 'None' ? ', the default' : ''}).`,
      );
    gw.listenerSets.push(st);
    out.push(st);
  }
  return out;
}

// ---------- conflicts (§4.4) and merge ----------

type ConflictKind = 'HostnameConflict' | 'ProtocolConflict';

function conflictBetween(ctx: Ctx, a: LState, b: LState): ConflictKind | undefined {
  if (a.c.port !== b.c.port) return undefined;
  const pa = a.c.protocol;
  const pb = b.c.protocol;
  const l4 = (p: string) => p === 'TCP' || p === 'UDP';
  // TCP and UDP are distinct transports; UDP never meets the TCP-based protocols.
  if ((pa === 'UDP') !== (pb === 'UDP')) return undefined;
  if (pa === 'UDP' && pb === 'UDP') return 'HostnameConflict';
  if (pa === 'TCP' && pb === 'TCP') return 'HostnameConflict';
  if (l4(pa) || l4(pb)) return 'ProtocolConflict';
  const sameHost = (a.c.hostname ?? '').toLowerCase() === (b.c.hostname ?? '').toLowerCase();
  if (pa === pb) {
    if (pa === 'TLS' && a.c.tlsMode !== b.c.tlsMode && !ctx.supports('TLSRouteModeMixed')) return 'ProtocolConflict';
    return sameHost ? 'HostnameConflict' : undefined;
  }
  // SD §11.1 #7: HTTP with HTTPS/TLS on one port conflicts; HTTPS and TLS share a port by SNI.
  if (pa === 'HTTP' || pb === 'HTTP') return 'ProtocolConflict';
  return sameHost ? 'HostnameConflict' : undefined;
}

/**
 * Merges a Gateway's listeners with those of its attached ListenerSets (precedence: Gateway, then
 * ListenerSets oldest first, then ns/name) and marks conflicts: inside one resource nobody wins; across
 * resources the earlier one wins (§4.4).
 */
export function mergeAndResolveConflicts(ctx: Ctx, gw: GatewayState): void {
  const sets = gw.listenerSets
    .filter((s) => s.attached)
    .sort((a, b) => a.r.order - b.r.order || nn(a.r.namespace, a.r.name).localeCompare(nn(b.r.namespace, b.r.name)));
  const merged: LState[] = [...gw.own, ...sets.flatMap((s) => s.listeners)];
  merged.forEach((L, i) => {
    L.c.precedence = i;
  });
  // Resource by resource in precedence order: a listener first meets the winners of earlier resources
  // (it loses to any conflicting one), then the survivors of its own resource (nobody wins there).
  const conflicted = new Map<LState, { reason: ConflictKind; other: LState }>();
  const winners = new Map<number, LState[]>();
  const groups: LState[][] = [gw.own, ...sets.map((s) => s.listeners)];
  for (const group of groups) {
    const survivors: LState[] = [];
    for (const b of group) {
      if (b.unsupported) continue;
      let lost = false;
      for (const a of winners.get(b.c.port) ?? []) {
        const k = conflictBetween(ctx, a, b);
        if (k) {
          conflicted.set(b, { reason: k, other: a });
          lost = true;
          break;
        }
      }
      if (!lost) survivors.push(b);
    }
    for (let i = 0; i < survivors.length; i++)
      for (let j = 0; j < i; j++) {
        const a = survivors[j]!;
        const b = survivors[i]!;
        if (a.c.port !== b.c.port) continue;
        const k = conflictBetween(ctx, a, b);
        if (!k) continue;
        if (!conflicted.has(a)) conflicted.set(a, { reason: k, other: b });
        if (!conflicted.has(b)) conflicted.set(b, { reason: k, other: a });
      }
    for (const L of survivors) {
      if (conflicted.has(L)) continue;
      let list = winners.get(L.c.port);
      if (!list) {
        list = [];
        winners.set(L.c.port, list);
      }
      list.push(L);
    }
  }
  const byPort = winners;
  for (const [L, { reason, other }] of conflicted) {
    const msg = `conflicts with listener "${other.c.name}" of ${other.c.owner.kind} ${other.c.owner.namespace}/${other.c.owner.name} on port ${L.c.port} (${reason === 'HostnameConflict' ? 'same hostname' : 'incompatible protocols'})`;
    L.c.conflicted = true;
    L.c.conflictReason = reason;
    // A conflicted listener serves nothing: supportedKinds [] (TLSRouteListenerMixedTerminationNotSupported).
    L.kinds = new Set();
    L.c.supportedKinds = [];
    L.accepted = { ok: false, reason, message: `Listener ${msg}` };
    L.programmed = { ok: false, reason, message: `Listener ${msg}` };
    diag(ctx, L.owner, L.path, 'error', reason, `Listener "${L.c.name}" ${msg}.`, {
      related: [{ message: `listener "${other.c.name}"`, range: other.owner.locate(other.path) }],
      decisions:
        reason === 'ProtocolConflict'
          ? ['§11.1 #7 protocol mixes on one port', '§11.1 #6 conflicted listener Accepted=False']
          : ['§11.1 #6 conflicted listener Accepted=False'],
    });
  }
  // OverlappingTLSConfig (§4.3): TLS-terminating listeners on one port with overlapping hostnames.
  for (const list of byPort.values()) {
    const term = list.filter((L) => L.c.tlsMode === 'Terminate' && !L.c.conflicted);
    for (let i = 0; i < term.length; i++)
      for (let j = i + 1; j < term.length; j++) {
        const a = term[i]!;
        const b = term[j]!;
        if (hostnamesOverlap(a.c.hostname, b.c.hostname)) {
          a.overlapping ??= `Hostname overlaps with listener "${b.c.name}"`;
          b.overlapping ??= `Hostname overlaps with listener "${a.c.name}"`;
        }
      }
  }
  for (const L of merged) finishListener(L);
  gw.c.listeners = merged.map((L) => L.c);
}

export function finishListener(L: LState): void {
  const g = L.gen;
  const { c } = L;
  c.accepted = L.accepted.ok;
  c.programmed = L.programmed.ok && L.accepted.ok;
  if (!L.accepted.ok && L.programmed.ok) L.programmed = { ok: false, reason: 'Invalid', message: L.accepted.message };
  c.resolvedRefs = L.resolved.ok;
  c.valid = c.accepted && c.programmed;
  L.conditions = [
    cond('Accepted', L.accepted.ok, L.accepted.reason, L.accepted.message, g),
    cond('Programmed', L.programmed.ok, L.programmed.reason, L.programmed.message, g),
    cond('ResolvedRefs', L.resolved.ok, L.resolved.reason, L.resolved.message, g),
    c.conflicted
      ? cond('Conflicted', true, c.conflictReason!, L.accepted.message, g)
      : cond('Conflicted', false, 'NoConflicts', 'No conflicts', g),
  ];
  if (L.overlapping) L.conditions.push(cond('OverlappingTLSConfig', true, 'OverlappingHostnames', L.overlapping, g));
}

/** Listener status entry (status.listeners[]). */
export function listenerStatus(L: LState): ListenerStatus {
  return {
    name: L.c.name,
    attachedRoutes: L.c.attachedRoutes,
    supportedKinds: [...L.kinds].map((kind) => ({ group: GW_GROUP, kind })),
    conditions: L.conditions,
  };
}

/** Does the listener allow routes from `ns` (§4.6.3)? `Same` = the listener owner's namespace. */
export function namespaceAllowed(ctx: Ctx, L: LState, ns: string): boolean {
  let v = L.nsAllowed.get(ns);
  if (v === undefined) {
    if (L.from === 'All') v = true;
    else if (L.from === 'Selector') v = matchSelector(L.selector, ctx.world.namespaceLabels(ns)).matches;
    else v = ns === (L.owner.namespace ?? 'default');
    L.nsAllowed.set(ns, v);
  }
  return v;
}

// ---------- Gateway-level conditions (§4.2) ----------

const SUPPORTED_ADDRESS_TYPES = new Set(['IPAddress', 'Hostname']);

/**
 * Gateway-level checks (infrastructure.parametersRef, addresses, tls.backend, frontend fallback) that
 * decide Accepted before ListenerSets are evaluated (a ListenerSet needs an Accepted parent).
 */
export function gatewayPreconditions(ctx: Ctx, gw: GatewayState, addressIndex: number): void {
  const { r, c } = gw;
  const spec = obj(r.obj.spec);
  const ns = c.namespace;
  let acceptedFalse: { reason: string; message: string } | undefined;
  let programmedFalse: { reason: string; message: string } | undefined;
  // infrastructure.parametersRef: a local reference to any object (ConfigMap or opaque).
  const pref = obj(obj(spec.infrastructure).parametersRef);
  if (Object.keys(pref).length) {
    const group = str(pref.group) ?? '';
    const kind = str(pref.kind) ?? '';
    const name = str(pref.name) ?? '';
    if (!ctx.world.get(group, kind, ns, name)) {
      acceptedFalse = {
        reason: 'InvalidParameters',
        message: `infrastructure.parametersRef ${group ? `${group}/` : ''}${kind} ${ns}/${name} not found`,
      };
      diag(
        ctx,
        r,
        ['spec', 'infrastructure', 'parametersRef'],
        'error',
        'InvalidParameters',
        `Gateway ${ns}/${r.name}: ${acceptedFalse.message}.`,
      );
    }
  }
  // Addresses (SD §4.2).
  const addrs = objs(spec.addresses);
  if (addrs.length) {
    addrs.forEach((a, i) => {
      const type = str(a.type) ?? 'IPAddress';
      const value = str(a.value) ?? '';
      if (!SUPPORTED_ADDRESS_TYPES.has(type) || !ctx.supports('GatewayStaticAddresses')) {
        acceptedFalse ??= {
          reason: 'UnsupportedAddress',
          message: SUPPORTED_ADDRESS_TYPES.has(type)
            ? 'Static addresses are not supported (feature GatewayStaticAddresses)'
            : `Address type "${type}" is not supported`,
        };
        diag(
          ctx,
          r,
          ['spec', 'addresses', i],
          'error',
          'UnsupportedAddress',
          `Gateway ${ns}/${r.name}: ${acceptedFalse.message}.`,
        );
        return;
      }
      if (!value) {
        if (ctx.supports('GatewayAddressEmpty')) c.addresses.push({ type, value: syntheticAddress(addressIndex) });
        else
          programmedFalse ??= {
            reason: 'AddressNotAssigned',
            message: 'An address without value cannot be assigned (feature GatewayAddressEmpty)',
          };
        return;
      }
      c.addresses.push({ type, value });
    });
  } else c.addresses.push({ type: 'IPAddress', value: syntheticAddress(addressIndex) });
  gw.pre = { acceptedFalse, programmedFalse };
  // tls.backend.clientCertificateRef (GEP-3155).
  const ccr = obj(obj(obj(spec.tls).backend).clientCertificateRef);
  if (Object.keys(ccr).length) {
    const group = str(ccr.group) ?? '';
    const kind = str(ccr.kind) ?? 'Secret';
    const name = str(ccr.name) ?? '';
    const sns = str(ccr.namespace) ?? ns;
    const at: Path = ['spec', 'tls', 'backend', 'clientCertificateRef'];
    const bad = checkGatewayCoreRef(ctx, ns, { group, kind, namespace: sns, name }, CLIENT_CERT_REF);
    c.backendClientCertificate = { namespace: sns, name, valid: !bad, ...(bad ? { reason: bad.reason } : {}) };
    if (bad) {
      gw.clientCertProblem = bad;
      diag(ctx, r, at, 'error', bad.reason, `Gateway ${ns}/${r.name}: ${bad.message}.`, {
        ...(bad.reason === 'RefNotPermitted' ? { fix: grantFix(ctx, r, 'Gateway', sns, '', 'Secret', name) } : {}),
      });
    }
  }
  // Accepted as far as the Gateway's own listeners go (ListenerSets do not change it, §4.5 #6).
  const own = gw.own;
  const validOwn = own.filter((L) => L.accepted.ok && L.programmed.ok).length;
  gw.acceptedPre = !acceptedFalse && (own.length === 0 || validOwn > 0);
}

/** Final Gateway conditions, once listeners (and conflicts with ListenerSets) are settled. */
export function finishGateway(ctx: Ctx, gw: GatewayState): void {
  const { r, c } = gw;
  const g = r.generation;
  const spec = obj(r.obj.spec);
  const own = gw.own;
  const validOwn = own.filter((L) => L.c.valid).length;
  const pre = gw.pre ?? {};
  let accepted: Condition;
  if (pre.acceptedFalse) accepted = cond('Accepted', false, pre.acceptedFalse.reason, pre.acceptedFalse.message, g);
  else if (own.length && validOwn === 0)
    accepted = cond('Accepted', false, 'ListenersNotValid', 'No listener is valid', g);
  else if (validOwn < own.length)
    accepted = cond(
      'Accepted',
      true,
      'ListenersNotValid',
      `${own.length - validOwn} of ${own.length} listeners are not valid`,
      g,
    );
  else accepted = cond('Accepted', true, 'Accepted', 'Gateway is accepted', g);
  c.accepted = accepted.status === 'True';
  let programmed: Condition;
  if (!c.accepted) programmed = cond('Programmed', false, 'Invalid', 'Gateway is not accepted', g);
  else if (pre.programmedFalse)
    programmed = cond('Programmed', false, pre.programmedFalse.reason, pre.programmedFalse.message, g);
  else programmed = cond('Programmed', true, 'Programmed', 'Gateway is programmed', g);
  c.programmed = programmed.status === 'True';
  let resolved: Condition;
  if (gw.clientCertProblem)
    resolved = cond('ResolvedRefs', false, gw.clientCertProblem.reason, gw.clientCertProblem.message, g);
  else if (own.some((L) => !L.resolved.ok))
    resolved = cond('ResolvedRefs', false, 'ListenersNotResolved', 'Some listeners have unresolved references', g);
  else resolved = cond('ResolvedRefs', true, 'ResolvedRefs', 'All references are resolved', g);
  gw.conditions = [accepted, programmed, resolved];
  // InsecureFrontendValidationMode (GEP-91): only ever True, removed otherwise.
  const frontend = obj(obj(spec.tls).frontend);
  const insecure =
    obj(obj(frontend.default).validation).mode === 'AllowInsecureFallback' ||
    objs(frontend.perPort).some((p) => obj(obj(p.tls).validation).mode === 'AllowInsecureFallback');
  if (insecure && ctx.supports('GatewayFrontendClientCertificateValidation'))
    gw.conditions.push(
      cond(
        'InsecureFrontendValidationMode',
        true,
        'ConfigurationChanged',
        'Client certificate validation allows insecure fallback',
        g,
      ),
    );
}
