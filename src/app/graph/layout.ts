// Column layout (pure): fixed columns by kind, our own order inside each column. A node is placed at
// the height of the first node it hangs from (its gateway, listener, route) when there is room, else
// right below the previous one; a route reserves the height of its rules and a gateway the height of its
// listeners, so that rows line up. Ties are broken by namespace/name (spec order for listeners and
// rules). Linear apart from the sorts: thousands of nodes take a few milliseconds, and the result
// depends only on the structure (node sizes are fixed per type).

import {
  COLUMN_TITLES,
  LISTENERSET_HEAD,
  LISTENERSET_PAD,
  NODE_H,
  NODE_W,
  type VEdge,
  type ViewModel,
  type VNode,
} from './model.ts';

export const GAP_X = 130;
export const GAP_Y = 14;
const BAND_GAP = 70;
const BAND_HEAD = 34;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Band extends Box {
  id: string;
  namespace: string;
  label: string;
}

export interface Layout {
  pos: Map<string, Box>;
  bands: Band[];
  width: number;
  height: number;
  /** Node ids per column, top to bottom (for keyboard navigation). */
  columns: string[][];
}

export const columnX = (c: number) => c * (NODE_W + GAP_X);

const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function layoutView(
  view: Pick<ViewModel, 'nodes' | 'edges'>,
  opts: { groupByNamespace?: boolean } = {},
): Layout {
  const pos = new Map<string, Box>();
  const byId = new Map<string, VNode>();
  const inputIndex = new Map<string, number>();
  view.nodes.forEach((n, i) => {
    byId.set(n.id, n);
    inputIndex.set(n.id, i);
  });
  const preds = new Map<string, string[]>();
  const addPred = (id: string, p: string) => {
    const l = preds.get(id);
    if (l) l.push(p);
    else preds.set(id, [p]);
  };
  for (const e of view.edges as VEdge[]) addPred(e.target, e.source);
  for (const n of view.nodes) if (n.parent && byId.has(n.parent)) addPred(n.id, n.parent);

  // Listeners inside a ListenerSet are placed with it; they are not units of their own.
  const inBox = (n: VNode) => n.type === 'Listener' && !!n.parent && byId.get(n.parent)?.type === 'ListenerSet';
  const boxChildren = new Map<string, VNode[]>();
  for (const n of view.nodes)
    if (inBox(n)) {
      const l = boxChildren.get(n.parent!);
      if (l) l.push(n);
      else boxChildren.set(n.parent!, [n]);
    }
  const unitH = (n: VNode) => {
    if (n.type !== 'ListenerSet') return NODE_H[n.type];
    const kids = boxChildren.get(n.id) ?? [];
    return (
      LISTENERSET_HEAD +
      kids.length * (NODE_H.Listener + GAP_Y) +
      (kids.length ? LISTENERSET_PAD - GAP_Y : 0) +
      LISTENERSET_PAD
    );
  };
  // Units in the next column that hang from a unit (listeners of a gateway, rules of a route).
  const hanging = new Map<string, number>();
  for (const n of view.nodes) {
    if (inBox(n) || !n.parent) continue;
    const p = byId.get(n.parent);
    if (!p || p.column >= n.column) continue;
    hanging.set(p.id, (hanging.get(p.id) ?? 0) + unitH(n) + GAP_Y);
  }

  // Bands: one per namespace when grouping (cluster-scoped first), else one.
  const groups = new Map<string, VNode[]>();
  for (const n of view.nodes) {
    if (inBox(n)) continue;
    const key = opts.groupByNamespace ? (n.namespace ?? '') : '*';
    const l = groups.get(key);
    if (l) l.push(n);
    else groups.set(key, [n]);
  }
  const bandKeys = [...groups.keys()].sort(cmpStr);
  const bands: Band[] = [];
  const maxCol = Math.max(0, ...view.nodes.map((n) => n.column));
  const width = columnX(maxCol) + NODE_W;
  let top = opts.groupByNamespace ? BAND_HEAD : 0;
  let bottom = 0;

  for (const key of bandKeys) {
    const units = groups.get(key)!;
    const cols: VNode[][] = [];
    for (const u of units) {
      const l = cols[u.column];
      if (l) l.push(u);
      else cols[u.column] = [u];
    }
    let bandBottom = top;
    for (let c = 0; c < cols.length; c++) {
      const list = cols[c];
      if (!list) continue;
      const desired = new Map<string, number>();
      for (const u of list) {
        let d = Number.POSITIVE_INFINITY;
        for (const p of preds.get(u.id) ?? []) {
          const b = pos.get(p);
          if (b && b.y < d) d = b.y;
        }
        desired.set(u.id, d);
      }
      // Ties: spec order for listeners and rules (ListenerSets after a gateway's own listeners, by
      // namespace/name), namespace/name for the rest. Keys computed once per unit, not per comparison.
      const tie = new Map<string, string>();
      for (const u of list)
        tie.set(
          u.id,
          u.type === 'Listener' || u.type === 'Rule'
            ? `0\u0000${String(inputIndex.get(u.id)! + 1e9)}`
            : u.type === 'ListenerSet'
              ? `1\u0000${u.namespace ?? ''}/${u.name}`
              : `${u.namespace ?? ''}\u0000${u.name}\u0000${u.id}`,
        );
      list.sort((a, b) => desired.get(a.id)! - desired.get(b.id)! || cmpStr(tie.get(a.id)!, tie.get(b.id)!));
      let cursor = top;
      const x = columnX(c);
      for (const u of list) {
        const d = desired.get(u.id)!;
        const y = Number.isFinite(d) ? Math.max(cursor, d) : cursor;
        const h = unitH(u);
        pos.set(u.id, { x, y, w: NODE_W, h });
        if (u.type === 'ListenerSet') {
          let ky = y + LISTENERSET_HEAD;
          for (const k of boxChildren.get(u.id) ?? []) {
            pos.set(k.id, { x: x + LISTENERSET_PAD, y: ky, w: NODE_W - 2 * LISTENERSET_PAD, h: NODE_H.Listener });
            ky += NODE_H.Listener + GAP_Y;
          }
        }
        cursor = y + Math.max(h + GAP_Y, hanging.get(u.id) ?? 0);
        bandBottom = Math.max(bandBottom, y + h);
      }
    }
    if (opts.groupByNamespace) {
      bands.push({
        id: `band:${key}`,
        namespace: key,
        label: key ? `namespace ${key}` : 'cluster-scoped',
        x: -20,
        y: top - BAND_HEAD,
        w: width + 40,
        h: bandBottom - top + BAND_HEAD + 20,
      });
      top = bandBottom + BAND_GAP + BAND_HEAD;
    } else top = bandBottom + GAP_Y;
    bottom = Math.max(bottom, bandBottom);
  }

  const columns: string[][] = COLUMN_TITLES.map(() => []);
  const sorted = [...pos.entries()].sort((a, b) => a[1].y - b[1].y || a[1].x - b[1].x);
  for (const [id] of sorted) {
    const n = byId.get(id)!;
    const l = columns[n.column];
    if (l) l.push(id);
    else columns[n.column] = [id];
  }
  return { pos, bands, width, height: bottom, columns };
}

export type Direction = 'up' | 'down' | 'left' | 'right' | 'home' | 'end';

/**
 * Keyboard navigation: up/down within a column, left/right to a connected node in the next non-empty
 * column (the nearest one by height), else the nearest node there.
 */
export function navigate(
  layout: Layout,
  view: Pick<ViewModel, 'nodes' | 'edges'>,
  from: string | undefined,
  dir: Direction,
): string | undefined {
  const cols = layout.columns;
  const first = cols.find((c) => c.length)?.[0];
  if (!from || !layout.pos.has(from)) return first;
  if (dir === 'home') return first;
  const colOf = view.nodes.find((n) => n.id === from)?.column ?? 0;
  const col = cols[colOf] ?? [];
  const i = col.indexOf(from);
  if (dir === 'end') {
    for (let c = cols.length - 1; c >= 0; c--) if (cols[c]?.length) return cols[c]!.at(-1);
    return from;
  }
  if (dir === 'up') return i > 0 ? col[i - 1] : from;
  if (dir === 'down') return i < col.length - 1 ? col[i + 1] : from;
  const step = dir === 'left' ? -1 : 1;
  let c = colOf + step;
  while (c >= 0 && c < cols.length && !cols[c]?.length) c += step;
  const target = cols[c];
  if (!target?.length) return from;
  const y = layout.pos.get(from)!.y;
  const linked = new Set<string>();
  for (const e of view.edges) {
    if (dir === 'right' && e.source === from) linked.add(e.target);
    if (dir === 'left' && e.target === from) linked.add(e.source);
  }
  for (const n of view.nodes) {
    if (dir === 'right' && n.parent === from) linked.add(n.id);
    if (dir === 'left' && n.id === from && n.parent) linked.add(n.parent);
  }
  const pool = target.filter((id) => linked.has(id));
  const cands = pool.length ? pool : target;
  let best = cands[0]!;
  let bestD = Number.POSITIVE_INFINITY;
  for (const id of cands) {
    const d = Math.abs(layout.pos.get(id)!.y - y);
    if (d < bestD) {
      bestD = d;
      best = id;
    }
  }
  return best;
}
