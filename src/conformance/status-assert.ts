// Status assertion semantics of ../shared/conformance/README.md ("status entry"), after upstream
// conformance/utils/kubernetes/helpers.go: conditions are a subset check on type + status + reason
// (null or empty reason = any); listener counts are exact; supportedKinds are a containment check.

import type { Condition, ObjectStatus } from '../engine/types.ts';
import { CONFORMANCE_CONTROLLER, CONFORMANCE_GATEWAY_CLASS, type StatusAssertion } from './cases.ts';

export type Verdict = { ok: true } | { ok: false; why: string };

const GW = 'gateway.networking.k8s.io';

function hasConditions(actual: Condition[] | undefined, expected: StatusAssertion['conditions']): Verdict {
  for (const e of expected ?? []) {
    const a = (actual ?? []).find((c) => c.type === e.type);
    if (!a)
      return {
        ok: false,
        why: `no ${e.type} condition (have ${(actual ?? []).map((c) => `${c.type}=${c.status}/${c.reason}`).join(', ') || 'none'})`,
      };
    if ((e.status !== null && a.status !== e.status) || (e.reason !== null && e.reason !== '' && a.reason !== e.reason))
      return {
        ok: false,
        why: `${e.type}=${a.status}/${a.reason} (${a.message}), want ${e.status ?? '*'}/${e.reason ?? '*'}`,
      };
  }
  return { ok: true };
}

function find(status: ObjectStatus[], a: StatusAssertion): ObjectStatus | undefined {
  return status.find(
    (s) => s.kind === a.kind && s.name === a.name && (a.kind === 'GatewayClass' || s.namespace === a.namespace),
  );
}

export function checkAssertion(status: ObjectStatus[], a: StatusAssertion): Verdict {
  const name = a.kind === 'GatewayClass' && a.name === '<suite.GatewayClassName>' ? CONFORMANCE_GATEWAY_CLASS : a.name;
  const s = find(status, { ...a, name });
  const fail = (why: string): Verdict => ({ ok: false, why });
  switch (a.assert) {
    case 'condition':
      if (!s) return fail('no status');
      return hasConditions(s.conditions, a.conditions);
    case 'routeParent': {
      if (!s) return fail('no status');
      const p = a.parent!;
      const cands = (s.parents ?? []).filter(
        (x) =>
          x.controllerName ===
            (a.controllerName && a.controllerName !== '<suite.ControllerName>'
              ? a.controllerName
              : CONFORMANCE_CONTROLLER) &&
          (x.parentRef.group ?? GW) === (p.group ?? GW) &&
          (x.parentRef.kind ?? 'Gateway') === (p.kind ?? 'Gateway') &&
          x.parentRef.name === p.name &&
          (a.namespaceRequired === false && !x.parentRef.namespace
            ? true
            : (x.parentRef.namespace ?? a.namespace) === p.namespace),
      );
      if (!cands.length)
        return fail(
          `no parent ${p.kind ?? 'Gateway'} ${p.namespace}/${p.name} (have ${(s.parents ?? []).map((x) => `${x.parentRef.kind}/${x.parentRef.namespace}/${x.parentRef.name}`).join(', ') || 'none'})`,
        );
      let last: Verdict = fail('?');
      for (const c of cands) {
        last = hasConditions(c.conditions, a.conditions);
        if (last.ok) return last;
      }
      return last;
    }
    case 'routeCondition': {
      if (!s) return fail('no status');
      const p = a.parent!;
      const cands = (s.parents ?? []).filter(
        (x) => x.parentRef.name === p.name && (!x.parentRef.namespace || x.parentRef.namespace === p.namespace),
      );
      if (!cands.length) return fail(`no parent ${p.namespace}/${p.name}`);
      let last: Verdict = fail('?');
      for (const c of cands) {
        last = hasConditions(c.conditions, a.conditions);
        if (last.ok) return last;
      }
      return last;
    }
    case 'routeNoAcceptedParents': {
      const parents = s?.parents ?? [];
      if (!parents.length) return { ok: true };
      if (parents.length === 1 && parents[0]!.conditions.some((c) => c.type === 'Accepted' && c.status === 'False'))
        return { ok: true };
      return fail(
        `parents: ${parents.map((p) => p.conditions.map((c) => `${c.type}=${c.status}`).join('/')).join('; ')}`,
      );
    }
    case 'listenerConditions': {
      if (!s) return fail('no status');
      const ls = s.listeners ?? [];
      const targets = a.listeners === '*' ? ls : (a.listeners ?? []).map((n) => ls.find((l) => l.name === n));
      for (const [i, l] of targets.entries()) {
        if (!l) return fail(`no listener ${(a.listeners as string[])[i]}`);
        const v = hasConditions(l.conditions, a.conditions);
        if (!v.ok) return fail(`listener ${l.name}: ${v.why}`);
      }
      return { ok: true };
    }
    case 'listenerStatus': {
      if (!s) return fail('no status');
      const ls = s.listeners ?? [];
      if (a.listenerCount !== undefined && ls.length !== a.listenerCount)
        return fail(`${ls.length} listeners, want ${a.listenerCount}`);
      const l = ls.find((x) => x.name === a.listener);
      if (!l) return fail(`no listener ${a.listener}`);
      if (a.attachedRoutes !== undefined && l.attachedRoutes !== a.attachedRoutes)
        return fail(`attachedRoutes ${l.attachedRoutes}, want ${a.attachedRoutes}`);
      const v = hasConditions(l.conditions, a.conditions);
      if (!v.ok) return v;
      if (a.supportedKinds) {
        if (!a.supportedKinds.length && l.supportedKinds.length)
          return fail(`supportedKinds ${JSON.stringify(l.supportedKinds)}, want []`);
        for (const k of a.supportedKinds)
          if (!l.supportedKinds.some((x) => (x.group ?? GW) === (k.group ?? GW) && x.kind === k.kind))
            return fail(`supportedKinds lacks ${k.kind}`);
      }
      return { ok: true };
    }
    case 'gatewayZeroRoutes': {
      if (!s) return fail('no status');
      const ls = s.listeners ?? [];
      if (!ls.length || (ls.length === 1 && ls[0]!.attachedRoutes === 0)) return { ok: true };
      return fail(`listeners: ${ls.map((l) => `${l.name}=${l.attachedRoutes}`).join(', ')}`);
    }
    case 'attachedListenerSets':
      if (!s) return fail('no status');
      return s.attachedListenerSets === a.count
        ? { ok: true }
        : fail(`attachedListenerSets ${s.attachedListenerSets}, want ${a.count}`);
    case 'policyAncestorCondition': {
      if (!s) return fail('no status');
      const an = a.ancestor!;
      const cands = (s.ancestors ?? []).filter(
        (x) => x.ancestorRef.name === an.name && (!x.ancestorRef.namespace || x.ancestorRef.namespace === an.namespace),
      );
      if (!cands.length) return fail(`no ancestor ${an.namespace}/${an.name}`);
      let last: Verdict = fail('?');
      for (const c of cands) {
        last = hasConditions(c.conditions, a.conditions);
        if (last.ok) return last;
      }
      return last;
    }
    case 'hasAddress':
      return s?.addresses?.length ? { ok: true } : fail('no address');
    default:
      return fail(`unknown assert ${a.assert}`);
  }
}
