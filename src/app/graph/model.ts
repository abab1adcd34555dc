// Topology → graph view model (pure). Decides what the graph shows: which nodes (rules collapsed into
// their route or not, filters), their text, status words and accessible names, and the edges with their
// labels and styles. Positions are computed separately (layout.ts).

import type { TopoEdge, TopoHealth, Topology, TopoNode, TopoNodeType } from '../../engine/topology.ts';
import { addressesText, arr, filterChips, listenerLine, num, pct, shortMatches, str, timeoutsText } from './format.ts';

/** Columns, left to right. ListenerSets share the Listener column (their listeners sit inside them). */
export const COLUMN: Record<TopoNodeType, number> = {
  GatewayClass: 0,
  Gateway: 1,
  ListenerSet: 2,
  Listener: 2,
  Route: 3,
  Rule: 4,
  Backend: 5,
  ReferenceGrant: 6,
  BackendTLSPolicy: 6,
};
export const COLUMN_TITLES = ['GatewayClass', 'Gateway', 'Listener', 'Route', 'Rule', 'Backend', 'Policy'];

/** Fixed sizes per node type: the layout depends on the structure only, never on text. */
export const NODE_W = 230;
export const LISTENERSET_PAD = 10;
export const LISTENERSET_HEAD = 40;
export const NODE_H: Record<TopoNodeType, number> = {
  GatewayClass: 62,
  Gateway: 74,
  ListenerSet: LISTENERSET_HEAD,
  Listener: 62,
  Route: 80,
  Rule: 88,
  Backend: 62,
  ReferenceGrant: 56,
  BackendTLSPolicy: 56,
};

/** Above this many rules, rules start collapsed into their routes. */
export const RULE_COLLAPSE_THRESHOLD = 150;

export type EdgeStyle = 'solid' | 'dashed' | 'dotted';

export interface VNode {
  id: string;
  type: TopoNodeType;
  column: number;
  kind: string;
  namespace?: string;
  name: string;
  /** Parent node id in the view (Listener → ListenerSet/Gateway, Rule → Route). */
  parent?: string;
  health: TopoHealth;
  statusWord: string;
  /** Main line. */
  title: string;
  /** Small badge before the title (route kind, backend kind). */
  badge?: string;
  /** Further lines (listener facts, hostnames, matches, timeouts). */
  lines: string[];
  chips: string[];
  /** Conditions, one per line, for the tooltip. */
  tooltip: string;
  ariaLabel: string;
  range?: { start: number; end: number };
  /** For a Route: how many rules it has, and whether they are folded into it. */
  rules?: number;
  collapsed?: boolean;
  /** Rejected or partially accepted (itself or, folded, one of its rules). */
  problem: boolean;
}

export interface VEdge {
  id: string;
  type: TopoEdge['type'];
  /** Left end (lower column). */
  source: string;
  /** Right end. */
  target: string;
  ok: boolean;
  style: EdgeStyle;
  label?: string;
  /** Hover text (reason, message). */
  tooltip?: string;
  ariaLabel: string;
  /** Extra markers drawn on the reference: ReferenceGrant / BackendTLSPolicy that allow or secure it. */
  marks: string[];
}

export interface ViewModel {
  nodes: VNode[];
  edges: VEdge[];
  /** Topology node id → view node id (rules folded into routes map to the route). */
  alias: Map<string, string>;
  /** Total rules in the topology and whether rules are collapsed by default. */
  ruleCount: number;
  collapsedByDefault: boolean;
}

export interface ViewOptions {
  /** Fold all rules into routes (undefined = automatic above RULE_COLLAPSE_THRESHOLD). */
  collapseAll?: boolean;
  /** Route ids toggled against the default. */
  toggled?: ReadonlySet<string>;
  search?: string;
  /** Gateway node id. */
  gateway?: string;
  namespace?: string;
  onlyProblems?: boolean;
}

const STATUS: Record<TopoHealth, string> = {
  ok: 'Accepted',
  partial: 'Partially accepted',
  error: 'Rejected',
  none: 'No status',
};
const BACKEND_STATUS: Record<TopoHealth, string> = {
  ok: 'Resolved',
  partial: 'Partially resolved',
  error: 'Invalid',
  none: 'No status',
};

export const HEALTH_ICON: Record<TopoHealth, string> = { ok: '✓', partial: '!', error: '✗', none: '○' };

export function statusWord(n: Pick<TopoNode, 'type' | 'health'>): string {
  return (n.type === 'Backend' ? BACKEND_STATUS : STATUS)[n.health];
}

const qname = (n: Pick<TopoNode, 'namespace' | 'name'>) => (n.namespace ? `${n.namespace}/${n.name}` : n.name);

function ruleIndex(n: TopoNode, fallback: number): number {
  return num(n.details.index) ?? fallback;
}

/** A rule's index, or its name when it has one (`spec.rules[].name`). */
function ruleLabel(n: TopoNode, idx: number): string {
  const named = str(n.details.name) ?? (n.name && n.name !== `rule ${idx}` ? n.name : undefined);
  return named ?? String(idx);
}

/** What the node is called in accessible names and edge descriptions (without status). */
export function describeNode(n: TopoNode, byId: Map<string, TopoNode>, ruleIdx?: number): string {
  const parent = n.parent ? byId.get(n.parent) : undefined;
  switch (n.type) {
    case 'Listener':
      return parent
        ? `Listener ${n.name} of ${parent.type === 'ListenerSet' ? 'ListenerSet' : parent.kind || 'Gateway'} ${qname(parent)}`
        : `Listener ${n.name}`;
    case 'Rule': {
      const label = ruleLabel(n, ruleIdx ?? ruleIndex(n, 0));
      return parent ? `Rule ${label} of ${parent.kind} ${qname(parent)}` : `Rule ${label}`;
    }
    case 'Backend':
      return `${n.kind || 'Service'} ${qname(n)}${num(n.details.port) !== undefined ? `:${num(n.details.port)}` : ''}`;
    default:
      return `${n.kind || n.type} ${qname(n)}`;
  }
}

function conditionsText(n: TopoNode): string {
  if (!n.conditions.length) return `${statusWord(n)} (no conditions)`;
  return n.conditions
    .map((c) => `${c.type}=${c.status}${c.reason ? ` ${c.reason}` : ''}${c.message ? `: ${c.message}` : ''}`)
    .join('\n');
}

const ROUTE_BADGE: Record<string, string> = {
  HTTPRoute: 'HTTP',
  GRPCRoute: 'gRPC',
  TLSRoute: 'TLS',
  TCPRoute: 'TCP',
  UDPRoute: 'UDP',
};

function hostnamesLine(v: unknown): string {
  const list = arr(v).map(str).filter(Boolean) as string[];
  if (!list.length) return 'any host';
  return list.length > 2 ? `${list.slice(0, 2).join(', ')} +${list.length - 2}` : list.join(', ');
}

function makeVNode(
  n: TopoNode,
  byId: Map<string, TopoNode>,
  ruleIdx: number,
  rules: number,
  collapsed: boolean,
): VNode {
  const d = n.details;
  const lines: string[] = [];
  let chips: string[] = [];
  let badge: string | undefined;
  let title = n.name;
  switch (n.type) {
    case 'GatewayClass': {
      const c = str(d.controllerName);
      if (c) lines.push(c);
      break;
    }
    case 'Gateway': {
      lines.push(addressesText(d.addresses) ?? 'no address');
      const cls = str(d.gatewayClassName);
      if (cls) chips = [cls];
      break;
    }
    case 'ListenerSet':
      badge = 'ListenerSet';
      break;
    case 'Listener': {
      lines.push(listenerLine(d));
      const ar = num(d.attachedRoutes);
      if (ar !== undefined) chips.push(`${ar} route${ar === 1 ? '' : 's'}`);
      break;
    }
    case 'Route': {
      badge = ROUTE_BADGE[n.kind] ?? n.kind;
      lines.push(hostnamesLine(d.hostnames));
      if (rules) lines.push(`${rules} rule${rules === 1 ? '' : 's'}${collapsed ? ' (collapsed)' : ''}`);
      break;
    }
    case 'Rule': {
      title = `rule ${ruleLabel(n, ruleIdx)}`;
      if (str(d.dropped)) lines.push(`dropped: ${str(d.dropped)}`);
      const ms = shortMatches(d.matches);
      lines.push(ms.length > 1 ? `${ms[0]} (+${ms.length - 1} more)` : (ms[0] ?? 'any'));
      const t = timeoutsText(d.timeouts);
      if (t) lines.push(t);
      chips = filterChips(d.filters);
      break;
    }
    case 'Backend': {
      const port = num(d.port);
      title = port !== undefined ? `${n.name}:${port}` : n.name;
      if (n.kind && n.kind !== 'Service') badge = n.group ? `${n.kind}.${n.group}` : n.kind;
      const ports = arr(d.ports)
        .map(num)
        .filter((p) => p !== undefined);
      if (d.exists === false) lines.push('not found');
      else if (ports.length) lines.push(`port${ports.length > 1 ? 's' : ''} ${ports.join(', ')}`);
      const reason = str(d.reason);
      if (reason) lines.push(reason);
      break;
    }
    case 'ReferenceGrant':
    case 'BackendTLSPolicy':
      badge = n.type === 'ReferenceGrant' ? 'Grant' : 'TLS policy';
      break;
  }
  const name = describeNode(n, byId, ruleIdx);
  const word = statusWord(n);
  // The full match list goes to the tooltip (the node shows the first one).
  let tooltip = `${name}\n${conditionsText(n)}`;
  if (n.type === 'Rule') tooltip += `\nmatches: ${shortMatches(d.matches).join(' | ')}`;
  return {
    id: n.id,
    type: n.type,
    column: COLUMN[n.type] ?? 5,
    kind: n.kind,
    namespace: n.namespace,
    name: n.name,
    parent: n.parent,
    health: n.health,
    statusWord: word,
    title,
    badge,
    lines,
    chips,
    tooltip,
    ariaLabel: `${name}, ${word}`,
    range: n.range ? { start: n.range.start, end: n.range.end } : undefined,
    rules: n.type === 'Route' ? rules : undefined,
    collapsed: n.type === 'Route' ? collapsed : undefined,
    problem: n.health === 'error' || n.health === 'partial',
  };
}

const EDGE_VERB: Record<TopoEdge['type'], string> = {
  class: 'uses',
  listener: 'has',
  listenerSet: 'attached to',
  attachment: 'attached to',
  rule: 'has',
  backend: 'sends to',
  mirror: 'mirrors to',
  grant: 'allows references to',
  policy: 'secures',
};

/** Which end of an edge its accessible name starts from ("<Route> attached to <Listener>"). */
const SUBJECT: Partial<Record<TopoEdge['type'], TopoNodeType>> = {
  class: 'Gateway',
  listenerSet: 'ListenerSet',
  attachment: 'Route',
  rule: 'Route',
  grant: 'ReferenceGrant',
  policy: 'BackendTLSPolicy',
};

/** Builds the view model. Pure: the same topology and options give an equal result. */
export function buildView(topo: Topology, opts: ViewOptions = {}): ViewModel {
  const byId = new Map<string, TopoNode>();
  for (const n of topo.nodes) byId.set(n.id, n);

  // Rules per route, and each rule's index (details.index, else order among its route's rules).
  const rulesOf = new Map<string, TopoNode[]>();
  for (const n of topo.nodes) {
    if (n.type !== 'Rule' || !n.parent) continue;
    const l = rulesOf.get(n.parent);
    if (l) l.push(n);
    else rulesOf.set(n.parent, [n]);
  }
  const ruleIdx = new Map<string, number>();
  for (const list of rulesOf.values())
    list.forEach((r, i) => {
      ruleIdx.set(r.id, ruleIndex(r, i));
    });
  let ruleCount = 0;
  for (const list of rulesOf.values()) ruleCount += list.length;
  const collapsedByDefault = opts.collapseAll ?? ruleCount > RULE_COLLAPSE_THRESHOLD;
  const isCollapsed = (routeId: string) => collapsedByDefault !== (opts.toggled?.has(routeId) ?? false);

  // Which topology nodes are shown, and what they map to.
  const alias = new Map<string, string>();
  const shown: TopoNode[] = [];
  for (const n of topo.nodes) {
    if (n.type === 'Rule' && n.parent && byId.has(n.parent) && isCollapsed(n.parent)) {
      alias.set(n.id, n.parent);
      continue;
    }
    alias.set(n.id, n.id);
    shown.push(n);
  }

  // Grants and TLS policies are also drawn on the references they allow or secure.
  const marksOn = new Map<string, string[]>();
  for (const e of topo.edges) {
    if (e.type !== 'grant' && e.type !== 'policy') continue;
    const from = byId.get(e.source);
    const to = byId.get(e.target);
    const [pol, target] =
      from && (from.type === 'ReferenceGrant' || from.type === 'BackendTLSPolicy') ? [from, to] : [to, from];
    if (!pol || !target) continue;
    const mark = `${pol.type === 'ReferenceGrant' ? 'grant' : '🔒 TLS'} ${qname(pol)}`;
    const l = marksOn.get(target.id) ?? [];
    l.push(mark);
    marksOn.set(target.id, l);
  }
  // A grant matters only on a reference that crosses namespaces.
  const marksFor = (e: TopoEdge): string[] => {
    const m = marksOn.get(e.target) ?? [];
    const from = byId.get(e.source);
    const to = byId.get(e.target);
    const cross = !!from && !!to && (from.namespace ?? '') !== (to.namespace ?? '');
    return m.filter((x) => cross || !x.startsWith('grant '));
  };
  // A ListenerSet hangs from its Gateway (the listenerSet edge) for layout and filters.
  const lsParent = new Map<string, string>();
  for (const e of topo.edges) {
    const a = byId.get(e.source);
    const b = byId.get(e.target);
    if (a?.type === 'ListenerSet' && b?.type === 'Gateway') lsParent.set(a.id, b.id);
    else if (b?.type === 'ListenerSet' && a?.type === 'Gateway') lsParent.set(b.id, a.id);
  }

  // Edges, left to right, with folded rules re-pointed at their route (duplicates merged).
  const edges: VEdge[] = [];
  const merged = new Map<string, { edge: VEdge; count: number; left: TopoNode; right: TopoNode }>();
  // Each node is named once (a Service is the target of many edges).
  const names = new Map<string, string>();
  const nameOf = (n: TopoNode) => {
    const known = names.get(n.id);
    if (known !== undefined) return known;
    const s = describeNode(n, byId, ruleIdx.get(n.id));
    names.set(n.id, s);
    return s;
  };
  for (const e of topo.edges) {
    const a = alias.get(e.source);
    const b = alias.get(e.target);
    if (!a || !b || a === b) continue;
    const folded = a !== e.source || b !== e.target;
    // Rule edges of a folded route disappear with the rules.
    if (folded && e.type === 'rule') continue;
    const na = byId.get(a)!;
    const nb = byId.get(b)!;
    const ca = COLUMN[na.type] ?? 5;
    const cb = COLUMN[nb.type] ?? 5;
    if (ca === cb) continue; // ListenerSet → its listeners: drawn as containment
    const [left, right] = ca < cb ? [na, nb] : [nb, na];
    if (folded) {
      // Folded into the route: one edge per (route, target, type); a repeat only counts and worsens.
      const m = merged.get(`${e.type}|${left.id}|${right.id}`);
      if (m) {
        m.count++;
        if (!e.ok && m.edge.ok) m.edge.ok = false; // mutated in place: the same object is in `edges`
        if (!e.ok) {
          const t = [e.reason, e.message].filter(Boolean).join(': ');
          if (t) m.edge.tooltip = [m.edge.tooltip, t].filter(Boolean).join('\n');
        }
        continue;
      }
    }
    // Phrased from the subject's side whatever direction the controller chose for the edge.
    const flip = SUBJECT[e.type] !== undefined && nb.type === SUBJECT[e.type] && na.type !== SUBJECT[e.type];
    const [subj, obj] = flip ? [nb, na] : [na, nb];
    const srcName = nameOf(subj);
    const tgtName = nameOf(obj);
    let label: string | undefined;
    let tooltip: string | undefined;
    let style: EdgeStyle = 'solid';
    let state = e.ok ? 'accepted' : 'rejected';
    if (e.type === 'attachment') {
      if (!e.ok) {
        style = 'dashed';
        label = `✗ ${e.reason ?? 'Rejected'}`;
      }
    } else if (e.type === 'backend') {
      const sh = e.share !== undefined ? pct(e.share) : undefined;
      const w = e.weight !== undefined ? ` (${e.weight})` : '';
      label = `${e.ok ? '' : '500 · '}${sh ?? ''}${w}`.trim() || undefined;
      state = e.ok
        ? `share ${sh ?? 'unknown'}, weight ${e.weight ?? 1}`
        : `invalid, answered with 500${sh ? `, share ${sh}` : ''}`;
      if (!e.ok) state += e.reason ? `, ${e.reason}` : '';
    } else if (e.type === 'mirror') {
      style = 'dotted';
      label = `mirror${e.share !== undefined ? ` ${pct(e.share)}` : ''}`;
      state = e.ok ? 'mirror' : `mirror, invalid${e.reason ? `, ${e.reason}` : ''}`;
    } else if (e.type === 'grant' || e.type === 'policy') {
      style = 'dotted';
    } else if (!e.ok) {
      style = 'dashed';
      label = e.reason ? `✗ ${e.reason}` : undefined;
    }
    if (!e.ok) tooltip = [e.reason, e.message].filter(Boolean).join(': ') || 'Rejected';
    if (e.type === 'attachment' && !e.ok) state = `rejected, ${e.reason ?? 'no reason given'}`;
    const marks = e.type === 'backend' || e.type === 'mirror' ? marksFor(e) : [];
    const ve: VEdge = {
      id: e.id,
      type: e.type,
      source: left.id,
      target: right.id,
      ok: e.ok,
      style,
      label,
      tooltip: [tooltip, ...marks].filter(Boolean).join('\n') || undefined,
      ariaLabel: `${srcName} ${EDGE_VERB[e.type] ?? 'to'} ${tgtName}: ${state}${marks.length ? `; ${marks.join('; ')}` : ''}`,
      marks,
    };
    if (folded) {
      const key = `${ve.type}|${ve.source}|${ve.target}`;
      ve.id = `fold:${key}`;
      merged.set(key, { edge: ve, count: 1, left, right });
    }
    edges.push(ve);
  }
  for (const m of merged.values()) {
    if (m.count < 2) continue;
    const ok = m.edge.ok;
    m.edge.label = `${m.count} rules${ok ? '' : ' · 500'}`;
    m.edge.ariaLabel = `${nameOf(m.left)} ${EDGE_VERB[m.edge.type]} ${nameOf(m.right)} from ${m.count} rules${ok ? '' : ', some invalid (500)'}`;
  }

  let nodes = shown.map((n) => {
    const rl = n.type === 'Route' ? (rulesOf.get(n.id)?.length ?? 0) : 0;
    const vn = makeVNode(n, byId, ruleIdx.get(n.id) ?? 0, rl, n.type === 'Route' && isCollapsed(n.id));
    const marks = marksOn.get(n.id);
    if (marks && n.type === 'Backend') vn.chips = [...vn.chips, ...marks.filter((m) => !m.startsWith('grant '))];
    if (n.type === 'ListenerSet' && !vn.parent) vn.parent = lsParent.get(n.id);
    if (n.type === 'Route' && isCollapsed(n.id)) {
      // Folded rules: show the first matches and all distinct filter chips on the route.
      const rs = rulesOf.get(n.id) ?? [];
      const first = rs[0] ? shortMatches(rs[0].details.matches)[0] : undefined;
      if (first && rs.length) vn.lines.push(rs.length > 1 ? `${first} …` : first);
      const chips = new Set<string>();
      for (const r of rs) for (const c of filterChips(r.details.filters)) chips.add(c);
      vn.chips = [...chips];
      if (rs.some((r) => r.health === 'error' || r.health === 'partial')) vn.problem = true;
    }
    return vn;
  });

  nodes = applyFilters(nodes, edges, opts);
  const keep = new Set(nodes.map((n) => n.id));
  const keptEdges = edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  return { nodes, edges: keptEdges, alias, ruleCount, collapsedByDefault };
}

/**
 * Filters: search by name, gateway, namespace, only problems. A node that passes brings its context:
 * what it hangs from (to the left) and what it leads to (to the right), so a path stays readable.
 */
export function applyFilters(nodes: VNode[], edges: VEdge[], opts: ViewOptions): VNode[] {
  const search = opts.search?.trim().toLowerCase();
  if (!search && !opts.gateway && !opts.namespace && !opts.onlyProblems) return nodes;
  const right = new Map<string, string[]>();
  const left = new Map<string, string[]>();
  for (const e of edges) {
    (right.get(e.source) ?? right.set(e.source, []).get(e.source)!).push(e.target);
    (left.get(e.target) ?? left.set(e.target, []).get(e.target)!).push(e.source);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // Children (listeners in a ListenerSet, rules) follow their parent's fate through edges or `parent`.
  const children = new Map<string, string[]>();
  for (const n of nodes) if (n.parent) (children.get(n.parent) ?? children.set(n.parent, []).get(n.parent)!).push(n.id);

  const closure = (seeds: Iterable<string>, dirs: ('left' | 'right')[]) => {
    const out = new Set<string>();
    for (const dir of dirs) {
      const adj = dir === 'left' ? left : right;
      const stack = [...seeds];
      const seen = new Set<string>(stack);
      while (stack.length) {
        const id = stack.pop()!;
        out.add(id);
        const next = [...(adj.get(id) ?? [])];
        if (dir === 'right') next.push(...(children.get(id) ?? []));
        const p = byId.get(id)?.parent;
        if (dir === 'left' && p) next.push(p);
        for (const m of next)
          if (!seen.has(m)) {
            seen.add(m);
            stack.push(m);
          }
      }
    }
    return out;
  };

  let keep: Set<string> | null = null;
  const intersect = (s: Set<string>) => {
    keep = keep ? new Set([...keep].filter((x) => s.has(x))) : s;
  };
  if (opts.gateway) intersect(closure([opts.gateway], ['left', 'right']));
  if (opts.namespace) {
    const seeds = nodes.filter((n) => n.namespace === opts.namespace).map((n) => n.id);
    intersect(closure(seeds, ['left', 'right']));
  }
  if (search) {
    const seeds = nodes
      .filter((n) => n.name.toLowerCase().includes(search) || n.title.toLowerCase().includes(search))
      .map((n) => n.id);
    intersect(closure(seeds, ['left', 'right']));
  }
  if (opts.onlyProblems) {
    const seeds = new Set(nodes.filter((n) => n.problem).map((n) => n.id));
    for (const e of edges)
      if (!e.ok) {
        seeds.add(e.source);
        seeds.add(e.target);
      }
    intersect(closure(seeds, ['left']));
  }
  const k = keep as Set<string> | null;
  if (!k) return nodes;
  // A listener inside a ListenerSet keeps its ListenerSet box.
  for (const id of [...k]) {
    const p = byId.get(id)?.parent;
    if (p && byId.get(p)?.type === 'ListenerSet') k.add(p);
  }
  return nodes.filter((n) => k.has(n.id));
}

/** Distinct namespaces and gateways, for the filter pickers. */
export function pickers(topo: Topology): { namespaces: string[]; gateways: { id: string; label: string }[] } {
  const ns = new Set<string>();
  const gws: { id: string; label: string }[] = [];
  for (const n of topo.nodes) {
    if (n.namespace) ns.add(n.namespace);
    if (n.type === 'Gateway') gws.push({ id: n.id, label: qname(n) });
  }
  // Labels are `namespace/name`, ASCII by the API's own patterns: code-unit order, as for the
  // namespaces (localeCompare would load ICU collation data on the graph's first render).
  gws.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return { namespaces: [...ns].sort(), gateways: gws };
}

/** A key that changes only when what the layout depends on changes (ids, types, parents, edges). */
export function structureKey(view: ViewModel, extra: string): string {
  const parts: string[] = [extra];
  for (const n of view.nodes)
    parts.push(`${n.id}\u0001${n.type}\u0001${n.parent ?? ''}\u0001${n.namespace ?? ''}\u0001${n.name}`);
  parts.push('\u0002');
  for (const e of view.edges) parts.push(`${e.source}\u0001${e.target}`);
  return parts.join('\u0000');
}
