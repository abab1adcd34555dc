// BackendTLSPolicy (§4.10): targets, validation, precedence, ancestors, and which policy applies to
// each backendRef.

import type { Resource } from '../manifest/index.ts';
import type { Condition, ObjectStatus } from '../types.ts';
import { addDocumentFix, type Ctx, diag } from './ctx.ts';
import type { RouteState } from './routes.ts';
import type { CBackendRef, CBackendTLSPolicy, NamespacedName } from './types.ts';
import { cond, GW_GROUP, nn, type Obj, obj, objs, str } from './util.ts';
import { caConfigMapProblem } from './world.ts';

interface PolicyState {
  r: Resource;
  c: CBackendTLSPolicy;
  validation: Obj;
  /** Accepted before precedence (own validity). */
  valid: boolean;
  acceptedReason: string;
  acceptedMessage: string;
  resolvedReason: string;
  resolvedMessage: string;
  /** `svcKey|sectionName` keys it targets (only existing targets). */
  keys: string[];
  lostTo?: string;
  lostToR?: Resource;
}

const WELL_KNOWN = new Set(['System']);

export function reconcilePolicies(
  ctx: Ctx,
  routes: RouteState[],
  controllerOfGateway: (g: NamespacedName) => string | undefined,
  status: ObjectStatus[],
): CBackendTLSPolicy[] {
  const list = ctx.world.byKind.get(`${GW_GROUP}/BackendTLSPolicy`) ?? [];
  if (!list.length) return [];
  const supported = ctx.supports('BackendTLSPolicy');
  const states: PolicyState[] = [];
  for (const r of list) {
    if (!supported) {
      diag(
        ctx,
        r,
        ['kind'],
        'info',
        'BackendTLSPolicyNotSupported',
        'The simulated implementation does not support BackendTLSPolicy (feature BackendTLSPolicy): it gets no status and has no effect.',
      );
      continue;
    }
    states.push(evaluatePolicy(ctx, r));
  }
  // Precedence (§4.10): per (Service, sectionName) the oldest wins (creation order, then ns/name).
  const winners = new Map<string, PolicyState>();
  const sorted = [...states].sort(
    (a, b) => a.r.order - b.r.order || nn(a.r.namespace, a.r.name).localeCompare(nn(b.r.namespace, b.r.name)),
  );
  for (const p of sorted)
    for (const k of p.keys) {
      const w = winners.get(k);
      if (!w) winners.set(k, p);
      else if (w !== p && !p.lostTo) {
        p.lostTo = nn(w.r.namespace, w.r.name);
        p.lostToR = w.r;
      }
    }
  for (const p of states) {
    if (p.lostTo && p.acceptedReason === 'Accepted') {
      p.acceptedReason = 'Conflicted';
      p.acceptedMessage = `BackendTLSPolicy ${p.lostTo} is older and targets the same Service${p.keys[0]?.split('|')[1] ? ' port' : ''}`;
      p.valid = false;
      diag(
        ctx,
        p.r,
        ['spec', 'targetRefs'],
        'warning',
        'Conflicted',
        `${p.acceptedMessage}: this policy is not applied.`,
        p.lostToR
          ? { related: [{ message: `BackendTLSPolicy ${p.lostTo}`, range: p.lostToR.locate(['spec', 'targetRefs']) }] }
          : {},
      );
    }
    p.c.accepted = p.acceptedReason === 'Accepted';
    p.c.reason = p.acceptedReason;
    p.c.message = p.acceptedMessage;
    p.c.resolvedRefs = p.resolvedReason === 'ResolvedRefs';
    p.c.resolvedReason = p.resolvedReason;
  }
  // Apply to backendRefs, and collect ancestors (the Gateways through which the Service is reached).
  const ancestors = new Map<PolicyState, Map<string, NamespacedName>>();
  const apply = (b: CBackendRef, rs: RouteState) => {
    if (!b.valid || b.group !== '' || b.kind !== 'Service') return;
    const svc = nn(b.namespace, b.name);
    const section = b.service?.portName;
    const p = (section !== undefined ? winners.get(`${svc}|${section}`) : undefined) ?? winners.get(`${svc}|`);
    if (!p) return;
    const v = obj(p.validation);
    const wk = str(v.wellKnownCACertificates);
    b.tls = {
      policy: { namespace: p.c.namespace, name: p.c.name },
      valid: p.c.accepted,
      ...(p.c.accepted ? {} : { reason: p.acceptedReason }),
      hostname: str(v.hostname) ?? '',
      caCertificateRefs: objs(v.caCertificateRefs).map((c) => ({
        group: str(c.group) ?? '',
        kind: str(c.kind) ?? '',
        name: str(c.name) ?? '',
      })),
      ...(wk ? { wellKnownCACertificates: wk } : {}),
      ...(Array.isArray(v.subjectAltNames) ? { subjectAltNames: objs(v.subjectAltNames) } : {}),
    };
    let m = ancestors.get(p);
    if (!m) {
      m = new Map();
      ancestors.set(p, m);
    }
    for (const pv of rs.c.parents)
      if (pv.verdict === 'accepted' && pv.gateway) m.set(nn(pv.gateway.namespace, pv.gateway.name), pv.gateway);
  };
  // Policies also record as ancestors Gateways whose routes reference the Service with any port.
  const svcAncestors = new Map<string, Map<string, NamespacedName>>();
  for (const rs of routes)
    for (const rule of rs.c.rules) {
      for (const b of rule.backendRefs) {
        apply(b, rs);
        if (b.kind === 'Service' && b.group === '') {
          const k = nn(b.namespace, b.name);
          let m = svcAncestors.get(k);
          if (!m) {
            m = new Map();
            svcAncestors.set(k, m);
          }
          for (const pv of rs.c.parents)
            if (pv.verdict === 'accepted' && pv.gateway) m.set(nn(pv.gateway.namespace, pv.gateway.name), pv.gateway);
        }
      }
      for (const f of rule.filterBackendRefs) apply(f.ref, rs);
    }
  for (const p of states) {
    const anc = new Map<string, NamespacedName>(ancestors.get(p) ?? []);
    // Losing or invalid policies still report on the Gateways that reach their target.
    for (const t of p.c.targets) {
      const m = svcAncestors.get(nn(p.c.namespace, t.name));
      if (m) for (const [k, g] of m) anc.set(k, g);
    }
    p.c.ancestors = [...anc.values()];
    const g = p.r.generation;
    const conditions: Condition[] = [
      cond('Accepted', p.acceptedReason === 'Accepted', p.acceptedReason, p.acceptedMessage, g),
      cond('ResolvedRefs', p.resolvedReason === 'ResolvedRefs', p.resolvedReason, p.resolvedMessage, g),
    ];
    // No ancestor (no accepted route reaches the target): nothing to write, as on a cluster.
    if (p.c.ancestors.length)
      status.push({
        kind: 'BackendTLSPolicy',
        group: GW_GROUP,
        namespace: p.c.namespace,
        name: p.c.name,
        conditions: [],
        ancestors: p.c.ancestors.map((a) => ({
          ancestorRef: { group: GW_GROUP, kind: 'Gateway', namespace: a.namespace, name: a.name },
          controllerName: controllerOfGateway(a) ?? ctx.opts.controllerName ?? '',
          conditions: conditions.map((x) => ({ ...x })),
        })),
      });
  }
  return states.map((s) => s.c);
}

function evaluatePolicy(ctx: Ctx, r: Resource): PolicyState {
  const spec = obj(r.obj.spec);
  const ns = r.namespace ?? 'default';
  const validation = obj(spec.validation);
  const targets = objs(spec.targetRefs).map((t) => {
    const sectionName = str(t.sectionName);
    return {
      group: str(t.group) ?? '',
      kind: str(t.kind) ?? '',
      name: str(t.name) ?? '',
      ...(sectionName ? { sectionName } : {}),
    };
  });
  const st: PolicyState = {
    r,
    c: {
      namespace: ns,
      name: r.name,
      order: r.order,
      accepted: false,
      reason: '',
      message: '',
      resolvedRefs: false,
      resolvedReason: '',
      targets,
      ancestors: [],
    },
    validation,
    valid: true,
    acceptedReason: 'Accepted',
    acceptedMessage: 'Policy is accepted',
    resolvedReason: 'ResolvedRefs',
    resolvedMessage: 'All references are resolved',
    keys: [],
  };
  const reject = (reason: string, message: string) => {
    if (st.acceptedReason === 'Accepted') {
      st.acceptedReason = reason;
      st.acceptedMessage = message;
      st.valid = false;
    }
  };
  // Targets: Services in the policy's namespace; sectionName = a port name (§4.10).
  targets.forEach((t, i) => {
    const at = ['spec', 'targetRefs', i];
    if (t.group !== '' || t.kind !== 'Service') {
      reject('TargetNotFound', `targetRef ${t.group}/${t.kind} ${t.name}: only Services are supported`);
      diag(
        ctx,
        r,
        at,
        'error',
        'TargetNotFound',
        `BackendTLSPolicy targets ${t.group}/${t.kind}: only core Services are supported.`,
      );
      return;
    }
    const svc = ctx.world.get('', 'Service', ns, t.name);
    if (!svc) {
      reject('TargetNotFound', `Service ${ns}/${t.name} not found`);
      diag(ctx, r, at, 'error', 'TargetNotFound', `BackendTLSPolicy target Service ${ns}/${t.name} does not exist.`, {
        fix: addDocumentFix(
          ctx,
          r,
          `Add Service ${ns}/${t.name}`,
          `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${t.name}\n  namespace: ${ns}\nspec:\n  selector:\n    app: ${t.name}\n  ports:\n  - name: https\n    port: 443\n`,
        ),
      });
      return;
    }
    if (t.sectionName) {
      const ports = objs(obj(svc.obj.spec).ports);
      if (!ports.some((p) => str(p.name) === t.sectionName)) {
        // SD: upstream says "must fail to attach"; we use TargetNotFound naming the port.
        reject('TargetNotFound', `Service ${ns}/${t.name} has no port named "${t.sectionName}"`);
        diag(
          ctx,
          r,
          [...at, 'sectionName'],
          'error',
          'TargetNotFound',
          `Service ${ns}/${t.name} has no port named "${t.sectionName}".`,
        );
        return;
      }
    }
    st.keys.push(`${nn(ns, t.name)}|${t.sectionName ?? ''}`);
  });
  // CA certificates.
  const refs = objs(validation.caCertificateRefs);
  let okRefs = 0;
  let firstBad: { reason: string; message: string } | undefined;
  refs.forEach((c, i) => {
    const group = str(c.group) ?? '';
    const kind = str(c.kind) ?? '';
    const name = str(c.name) ?? '';
    const at = ['spec', 'validation', 'caCertificateRefs', i];
    let bad: { reason: string; message: string } | undefined;
    if (group !== '' || kind !== 'ConfigMap')
      bad = {
        reason: 'InvalidKind',
        message: `caCertificateRef ${group}/${kind} ${name}: only ConfigMaps are supported`,
      };
    else {
      const cm = ctx.world.get('', 'ConfigMap', ns, name);
      if (!cm) bad = { reason: 'InvalidCACertificateRef', message: `ConfigMap ${ns}/${name} not found` };
      else {
        const p = caConfigMapProblem(cm);
        if (p) bad = { reason: 'InvalidCACertificateRef', message: p };
      }
    }
    if (bad) {
      firstBad ??= bad;
      const missing = bad.reason === 'InvalidCACertificateRef' && !ctx.world.get('', 'ConfigMap', ns, name);
      diag(ctx, r, at, 'error', bad.reason, `BackendTLSPolicy ${ns}/${r.name}: ${bad.message}.`, {
        fix: missing
          ? addDocumentFix(
              ctx,
              r,
              `Add CA ConfigMap ${ns}/${name}`,
              `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${ns}\ndata:\n  ca.crt: |\n    -----BEGIN CERTIFICATE-----\n    REPLACE-ME\n    -----END CERTIFICATE-----\n`,
            )
          : undefined,
      });
    } else okRefs++;
  });
  if (firstBad) {
    st.resolvedReason = firstBad.reason;
    st.resolvedMessage = firstBad.message;
    if (!okRefs) reject('NoValidCACertificate', `No valid CA certificate: ${firstBad.message}`);
  }
  const wk = str(validation.wellKnownCACertificates);
  if (wk !== undefined && !WELL_KNOWN.has(wk)) {
    reject('Invalid', `wellKnownCACertificates "${wk}" is not supported`);
    diag(
      ctx,
      r,
      ['spec', 'validation', 'wellKnownCACertificates'],
      'error',
      'Invalid',
      `wellKnownCACertificates "${wk}" is not supported (System is).`,
    );
  }
  if (
    Array.isArray(validation.subjectAltNames) &&
    validation.subjectAltNames.length &&
    !ctx.supports('BackendTLSPolicySANValidation')
  ) {
    reject('Invalid', 'subjectAltNames are not supported (feature BackendTLSPolicySANValidation)');
    diag(
      ctx,
      r,
      ['spec', 'validation', 'subjectAltNames'],
      'error',
      'Invalid',
      'subjectAltNames need feature BackendTLSPolicySANValidation.',
    );
  }
  return st;
}
