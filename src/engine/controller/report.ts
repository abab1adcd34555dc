// Text reports of the controller's results, for the CLI (`gateway-sim check`) and anyone who wants
// them: the manifests printed back with their computed `status:` (like `kubectl get -o yaml` after the
// controller ran), and a human summary of what attached where and why not.

import { stringify } from 'yaml';
import type { Analysis } from '../analysis.ts';
import type { Resource } from '../manifest/index.ts';
import type { Condition, ObjectStatus } from '../types.ts';
import type { CListener, CParentVerdict } from './types.ts';

const cleanConditions = (cs: Condition[]) =>
  cs.map((c) => ({
    type: c.type,
    status: c.status,
    reason: c.reason,
    message: c.message,
    ...(c.observedGeneration !== undefined ? { observedGeneration: c.observedGeneration } : {}),
    ...(c.lastTransitionTime ? { lastTransitionTime: c.lastTransitionTime } : {}),
  }));

/** The `status:` block of an object in Kubernetes' own shape. */
export function kubernetesStatus(s: ObjectStatus): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (s.addresses?.length) out.addresses = s.addresses;
  if (
    s.kind !== 'HTTPRoute' &&
    s.kind !== 'GRPCRoute' &&
    s.kind !== 'TLSRoute' &&
    s.kind !== 'TCPRoute' &&
    s.kind !== 'UDPRoute' &&
    s.kind !== 'BackendTLSPolicy'
  )
    out.conditions = cleanConditions(s.conditions);
  if (s.listeners)
    out.listeners = s.listeners.map((l) => ({
      name: l.name,
      supportedKinds: l.supportedKinds,
      attachedRoutes: l.attachedRoutes,
      conditions: cleanConditions(l.conditions),
    }));
  if (s.attachedListenerSets !== undefined) out.attachedListenerSets = s.attachedListenerSets;
  if (s.supportedFeatures) out.supportedFeatures = s.supportedFeatures;
  if (s.parents) out.parents = s.parents.map((p) => ({ ...p, conditions: cleanConditions(p.conditions) }));
  if (s.ancestors) out.ancestors = s.ancestors.map((a) => ({ ...a, conditions: cleanConditions(a.conditions) }));
  return out;
}

function statusKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

/**
 * Every object of the input, in input order, as YAML documents; objects the controller reconciled
 * carry their computed `status:`. Comments and formatting are not preserved (this is what the API
 * server would hand back). Objects the API server would reject are listed as comments.
 */
export function formatStatusYaml(analysis: Analysis): string {
  const byKey = new Map<string, ObjectStatus>();
  for (const s of analysis.status) byKey.set(statusKey(s.kind, s.namespace, s.name), s);
  const resources = [...analysis.resources].sort(
    (a, b) => fileIndex(analysis, a) - fileIndex(analysis, b) || a.docIndex - b.docIndex || pathOrder(a) - pathOrder(b),
  );
  const docs: string[] = [];
  for (const r of resources) {
    if (r.valid === false) {
      docs.push(
        `# ${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name} (${r.file}): rejected by the API server, not created\n`,
      );
      continue;
    }
    const s = byKey.get(statusKey(r.kind, r.namespace, r.name));
    const obj: Record<string, unknown> = { ...r.raw };
    if (s) obj.status = kubernetesStatus(s);
    docs.push(stringify(obj, { lineWidth: 0 }));
  }
  return docs.map((d) => `---\n${d}`).join('');
}

function fileIndex(a: Analysis, r: Resource): number {
  return a.files.findIndex((f) => f.name === r.file);
}

function pathOrder(r: Resource): number {
  const last = r.docPath[r.docPath.length - 1];
  return typeof last === 'number' ? last : 0;
}

const condSummary = (cs: Condition[], type: string) => {
  const c = cs.find((x) => x.type === type);
  return c ? `${type}=${c.status}${c.reason && c.reason !== type ? `/${c.reason}` : ''}` : '';
};

function listenerLine(l: CListener): string {
  const where = `${l.protocol}:${l.port}${l.hostname ? ` ${l.hostname}` : ''}`;
  const owner = l.owner.kind === 'ListenerSet' ? ` (ListenerSet ${l.owner.namespace}/${l.owner.name})` : '';
  const state = l.valid ? '' : l.conflicted ? ` [conflicted: ${l.conflictReason}]` : ' [not programmed]';
  return `  listener ${l.name} ${where}${owner}${state}: ${l.attachedRoutes} route${l.attachedRoutes === 1 ? '' : 's'}`;
}

function parentLine(p: CParentVerdict): string {
  const target = `${p.parentRef.kind} ${p.parentRef.namespace}/${p.parentRef.name}${p.parentRef.sectionName ? `#${p.parentRef.sectionName}` : ''}${p.parentRef.port !== undefined ? `:${p.parentRef.port}` : ''}`;
  if (p.verdict === 'accepted') {
    const ls = p.listeners.map((id) => id.slice(id.lastIndexOf('/') + 1));
    return `  -> ${target}: attached to ${ls.join(', ')}`;
  }
  if (p.verdict === 'ignored') return `  -> ${target}: no status (${p.reason}): ${p.message}`;
  return `  -> ${target}: NOT attached (${p.reason}): ${p.message}`;
}

/** Human summary: per Gateway, its listeners and what attached; per route, each parentRef's verdict. */
export function summarizeAttachments(analysis: Analysis): string {
  const c = analysis.controller;
  const lines: string[] = [];
  const gwStatus = new Map(
    analysis.status.filter((s) => s.kind === 'Gateway').map((s) => [`${s.namespace}/${s.name}`, s]),
  );
  for (const g of c.gateways) {
    const st = gwStatus.get(`${g.namespace}/${g.name}`);
    const conds = st
      ? [condSummary(st.conditions, 'Accepted'), condSummary(st.conditions, 'Programmed')].filter(Boolean).join(' ')
      : '';
    lines.push(
      `Gateway ${g.namespace}/${g.name} (class ${g.gatewayClassName}) ${conds}; addresses ${g.addresses.map((a) => a.value).join(', ') || 'none'}`,
    );
    for (const ls of g.listenerSets)
      if (!ls.attached || !ls.accepted)
        lines.push(`  ListenerSet ${ls.namespace}/${ls.name}: not attached (${ls.reason})`);
    for (const l of g.listeners) {
      lines.push(listenerLine(l));
      for (const a of l.routes.slice(0, 20))
        lines.push(`    ${a.kind} ${a.namespace}/${a.name}${a.hostnames.length ? ` [${a.hostnames.join(', ')}]` : ''}`);
      if (l.routes.length > 20) lines.push(`    … ${l.routes.length - 20} more`);
    }
  }
  // Gateways nobody reconciles (missing or foreign class): they get no status and serve nothing.
  const reconciled = new Set(c.gateways.map((g) => `${g.namespace}/${g.name}`));
  for (const r of analysis.resources)
    if (
      r.kind === 'Gateway' &&
      r.group === 'gateway.networking.k8s.io' &&
      r.valid !== false &&
      !reconciled.has(`${r.namespace}/${r.name}`)
    ) {
      const why = analysis.diagnostics.find(
        (d) =>
          d.resource?.kind === 'Gateway' &&
          d.resource.namespace === r.namespace &&
          d.resource.name === r.name &&
          d.code.startsWith('GatewayClass'),
      );
      lines.push(
        `Gateway ${r.namespace}/${r.name}: not reconciled${why ? ` (${why.code})` : ''}; no status, serves nothing`,
      );
    }
  for (const r of c.routes) {
    const bad = r.rules.flatMap((rule) => rule.backendRefs.filter((b) => !b.valid).map((b) => ({ rule, b })));
    const dropped = r.rules.filter((x) => x.dropped);
    lines.push(`${r.kind} ${r.namespace}/${r.name}${r.accepted ? '' : ' (not accepted by any parent)'}`);
    if (!r.parents.length) lines.push('  (no parentRefs)');
    for (const p of r.parents) lines.push(parentLine(p));
    for (const { rule, b } of bad)
      lines.push(
        `  rule ${rule.index} backend ${b.kind} ${b.namespace}/${b.name}${b.port !== undefined ? `:${b.port}` : ''}: ${b.reason} (${b.message ?? ''})`,
      );
    for (const d of dropped) lines.push(`  rule ${d.index} dropped: ${d.droppedReason}`);
  }
  return lines.join('\n');
}
