// Topology graph panel (issue "Graph"): the analysis' topology drawn with @xyflow/react in fixed columns
// by kind, two-way linked with the editor, lit up by tester requests, filterable and exportable.
// The pure parts live in model.ts (view model), layout.ts, trace.ts, mermaid.ts and svg.ts.
import {
  Background,
  Controls,
  type Edge,
  MiniMap,
  type Node,
  type NodeHandle,
  Panel,
  Position,
  ReactFlow,
  type ReactFlowInstance,
  useReactFlow,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { create } from 'zustand';
import type { Topology } from '../../engine/topology.ts';
import { IconCollapse, IconExpand } from '../shell/icons.tsx';
import { useScenario } from '../store/scenario.ts';
import { graphPainted } from '../store/startup.ts';
import { useUi } from '../store/ui.ts';
import { useTester } from '../tester/store.ts';
import { downloadBlob, downloadText, paletteFromPage, svgToPng } from './download.ts';
import { TopoEdgeView, type TopoFlowEdge } from './GraphEdge.tsx';
import {
  type BandFlowNode,
  BandNodeView,
  type GraphActions,
  GraphActionsContext,
  type TopoFlowNode,
  TopoNodeView,
} from './GraphNode.tsx';
import { type Direction, type Layout, layoutView, navigate } from './layout.ts';
import { toMermaid } from './mermaid.ts';
import { buildView, pickers, structureKey, type VEdge, type ViewModel, type VNode } from './model.ts';
import { useEditorCursor, useGraphHighlight, useGraphUi } from './store.ts';
import { DARK, LIGHT, toSvg } from './svg.ts';
import { tracePath } from './trace.ts';
import './graph.css';

export { useGraphHighlight } from './store.ts';

// The tester's latest trace lights up its path (until cleared, or until the next request).
// A re-run of a request whose highlight was cleared (the tester re-runs it after every edit) stays cleared.
let clearedRequest: unknown = null;
useTester.subscribe((s, p) => {
  if (s.trace === p.trace) return;
  if (s.trace && s.request && s.request === clearedRequest) return;
  useGraphHighlight.getState().setTrace(s.trace);
});
function clearHighlight() {
  clearedRequest = useTester.getState().request;
  useGraphHighlight.getState().setTrace(null);
}
// For the bench (bench/graph-page.mjs): when an analysis arrives, and when its graph is painted. The
// worker confirming the start-up view (worker/startup.ts) keeps the topology: nothing new arrives.
useScenario.subscribe((s, p) => {
  if (s.analysis && s.analysis.topology !== p.analysis?.topology)
    try {
      performance.mark('gwsim-analysis-arrived', {
        detail: { version: s.analysis.version, startup: s.analysis.startup === true },
      });
    } catch {}
});

const nodeTypes = { topo: TopoNodeView, band: BandNodeView };
const edgeTypes = { topo: TopoEdgeView };
/** Above this many nodes, xyflow renders only what is in the viewport. */
const VIRTUALISE_ABOVE = 150;
/** Above this many edges in view, only rejected/invalid edges and the request path are drawn. */
const MAX_EDGES = 1500;

/**
 * Whether the graph is expanded to the whole page (its Expand button; the page's CSS hides the rest).
 * While it is, Escape anywhere on the page restores it, unless something else used that Escape first
 * (a menu, a dialog).
 */
function useExpandedGraph(): boolean {
  const expanded = useUi((s) => s.graphExpanded);
  useEffect(() => {
    if (!expanded) return;
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key !== 'Escape' || ev.defaultPrevented || useUi.getState().dialog !== null) return;
      ev.preventDefault();
      useUi.getState().setGraphExpanded(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [expanded]);
  return expanded;
}

/** What the graph shows before the first analysis arrives. */
const NOT_YET_ANALYSED: Topology = { nodes: [], edges: [] };

export function GraphPanel() {
  const topology = useScenario((s) => s.analysis?.topology);
  const phase = useScenario((s) => s.analysisStatus.phase);
  const expanded = useExpandedGraph();
  // Until the first analysis arrives (page start-up, or after a cancelled or failed first one) the
  // graph is already in place, empty, with a note: its toolbar does not jump in later, and React Flow
  // mounts while the engine works instead of after it.
  if (!topology) {
    const note =
      phase === 'failed' || phase === 'cancelled'
        ? 'Nothing to draw: the analysis did not finish (see Problems).'
        : 'Analysing the manifests…';
    return <TopologyGraph topology={NOT_YET_ANALYSED} note={note} expanded={expanded} />;
  }
  if (topology.nodes.length === 0)
    return (
      <div className="gs-graph gs-graph-empty">
        <p className="empty">The topology appears here once the manifests contain a GatewayClass or Gateway.</p>
        {expanded && <ExpandButton expanded />}
      </div>
    );
  return <TopologyGraph topology={topology} expanded={expanded} />;
}

/**
 * Hands TopologyGraph the flow's instance. <ReactFlow> is not wrapped in a ReactFlowProvider of ours:
 * unwrapped, it creates its store with the nodes it is first given, so that a graph present at mount
 * (the start-up view, worker/startup.ts) is drawn in the first commit; inside a provider made
 * earlier, the nodes would only reach the store in an effect, one render later. Hooks that need the
 * store must then live inside <ReactFlow>, as this one does.
 */
function FlowInstance({ into }: { into: { current: ReactFlowInstance | null } }) {
  into.current = useReactFlow();
  return null;
}

interface Filters {
  search: string;
  gateway: string;
  namespace: string;
  onlyProblems: boolean;
  groupByNamespace: boolean;
  collapseAll: boolean | undefined;
  toggled: ReadonlySet<string>;
}

const useFilters = create<{ f: Filters; set(u: (o: Filters) => Filters): void }>()((set, get) => ({
  f: {
    search: '',
    gateway: '',
    namespace: '',
    onlyProblems: false,
    groupByNamespace: false,
    collapseAll: undefined,
    toggled: new Set(),
  },
  set: (u) => set({ f: u(get().f) }),
}));

/** The resolved theme: the page sets data-theme on <html>; else the system preference. */
function readDark(): boolean {
  const t = document.documentElement.dataset.theme;
  if (t === 'dark' || t === 'light') return t === 'dark';
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

function useDarkTheme(): boolean {
  const read = readDark;
  const [dark, setDark] = useState(read);
  useEffect(() => {
    const obs = new MutationObserver(() => setDark(read()));
    obs.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const mq = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    const onMq = () => setDark(read());
    mq?.addEventListener('change', onMq);
    return () => {
      obs.disconnect();
      mq?.removeEventListener('change', onMq);
    };
  }, []);
  return dark;
}

/**
 * Where React Flow would measure a node's two handles (GraphNode.tsx; 1 px, centred on the left and
 * right edges by graph.css and xyflow's handle CSS). Given up front, the edges are drawn in the same
 * commit as the nodes: without them xyflow draws the nodes, measures every handle in the DOM (a forced
 * layout of the page) and only then the edges, a second render before the graph is complete.
 */
function nodeHandles(w: number, h: number): NodeHandle[] {
  const y = h / 2 - 0.5;
  return [
    { id: null, type: 'target', position: Position.Left, x: -0.5, y, width: 1, height: 1 },
    { id: null, type: 'source', position: Position.Right, x: w - 0.5, y, width: 1, height: 1 },
  ];
}

/** xyflow nodes for a layout, reusing the objects of unchanged nodes so that memo skips them. */
function useFlowNodes(view: ViewModel, layout: Layout): Node[] {
  const cache = useRef(new Map<string, { sig: string; node: TopoFlowNode }>());
  return useMemo(() => {
    const next = new Map<string, { sig: string; node: TopoFlowNode }>();
    const out: Node[] = [];
    for (const b of layout.bands) {
      const n: BandFlowNode = {
        id: b.id,
        type: 'band',
        position: { x: b.x, y: b.y },
        data: { band: b },
        width: b.w,
        height: b.h,
        draggable: false,
        selectable: false,
        connectable: false,
        focusable: false,
        zIndex: -1,
      };
      out.push(n);
    }
    // ListenerSets before their listeners so the listeners are drawn on top.
    const ordered = [...view.nodes].sort(
      (a, b) => (a.type === 'ListenerSet' ? 0 : 1) - (b.type === 'ListenerSet' ? 0 : 1),
    );
    for (const v of ordered) {
      const p = layout.pos.get(v.id);
      if (!p) continue;
      const sig = `${p.x},${p.y},${p.w},${p.h}\u0000${JSON.stringify(v)}`;
      const prev = cache.current.get(v.id);
      const node: TopoFlowNode =
        prev && prev.sig === sig
          ? prev.node
          : {
              id: v.id,
              type: 'topo',
              position: { x: p.x, y: p.y },
              data: { v },
              width: p.w,
              height: p.h,
              handles: nodeHandles(p.w, p.h),
              draggable: false,
              selectable: false,
              connectable: false,
              focusable: false,
              zIndex: v.type === 'ListenerSet' ? 0 : 1,
            };
      next.set(v.id, { sig, node });
      out.push(node);
    }
    cache.current = next;
    return out;
  }, [view, layout]);
}

function useFlowEdges(view: ViewModel): Edge[] {
  const cache = useRef(new Map<string, { sig: string; edge: TopoFlowEdge }>());
  return useMemo(() => {
    const next = new Map<string, { sig: string; edge: TopoFlowEdge }>();
    const out: Edge[] = view.edges.map((e) => {
      const sig = JSON.stringify(e);
      const prev = cache.current.get(e.id);
      const edge: TopoFlowEdge =
        prev && prev.sig === sig
          ? prev.edge
          : {
              id: e.id,
              type: 'topo',
              source: e.source,
              target: e.target,
              data: { e },
              ariaLabel: e.ariaLabel,
              selectable: false,
              focusable: false,
              deletable: false,
              // Rejected attachments (and their reasons) are drawn over the nodes they pass.
              ...(e.ok ? {} : { zIndex: 2 }),
            };
      next.set(e.id, { sig, edge });
      return edge;
    });
    cache.current = next;
    return out;
  }, [view]);
}

function ExpandButton({ expanded }: { expanded: boolean }) {
  return (
    <button
      type="button"
      className="gs-expand"
      aria-pressed={expanded}
      onClick={() => useUi.getState().setGraphExpanded(!expanded)}
      title={expanded ? 'Bring back the editor and the panels (Esc)' : 'Give the graph the whole page (Esc restores)'}
    >
      {expanded ? <IconCollapse /> : <IconExpand />}
      {expanded ? 'Restore' : 'Expand'}
    </button>
  );
}

function TopologyGraph({ topology, note, expanded }: { topology: Topology; note?: string; expanded: boolean }) {
  // The flow's instance (FlowInstance, inside <ReactFlow>): set while the flow renders, so before any
  // effect of this component runs.
  const instance = useRef<ReactFlowInstance | null>(null);
  const rf = useMemo(
    () => ({
      getViewport: () => instance.current?.getViewport() ?? { x: 0, y: 0, zoom: 1 },
      setViewport: (vp: { x: number; y: number; zoom: number }) => instance.current?.setViewport(vp),
      setCenter: (x: number, y: number, o: { zoom: number; duration: number }) => instance.current?.setCenter(x, y, o),
    }),
    [],
  );
  const dark = useDarkTheme();
  const wrapRef = useRef<HTMLDivElement>(null);
  // Filters live outside the component: they survive the panel showing its empty state for a moment
  // (manifests cleared or being replaced).
  const f = useFilters((s) => s.f);
  const setF = useFilters((s) => s.set);
  const [mermaid, setMermaid] = useState<string | null>(null);
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setF((o) => ({ ...o, [k]: v }));

  const pick = useMemo(() => pickers(topology), [topology]);
  // A gateway or namespace picked for another scenario filters nothing here.
  const gatewayFilter = pick.gateways.some((g) => g.id === f.gateway) ? f.gateway : '';
  const namespaceFilter = pick.namespaces.includes(f.namespace) ? f.namespace : '';
  const view = useMemo(
    () =>
      buildView(topology, {
        collapseAll: f.collapseAll,
        toggled: f.toggled,
        search: f.search,
        gateway: gatewayFilter || undefined,
        namespace: namespaceFilter || undefined,
        onlyProblems: f.onlyProblems,
      }),
    [topology, f, gatewayFilter, namespaceFilter],
  );

  // Layout memoised by structure: edits that keep the structure keep every node in place.
  const layoutCache = useRef<{ key: string; layout: Layout } | null>(null);
  const layout = useMemo(() => {
    const key = structureKey(view, f.groupByNamespace ? 'ns' : '');
    if (layoutCache.current?.key === key) return layoutCache.current.layout;
    const l = layoutView(view, { groupByNamespace: f.groupByNamespace });
    layoutCache.current = { key, layout: l };
    return l;
  }, [view, f.groupByNamespace]);

  const nodes = useFlowNodes(view, layout);
  const allEdges = useFlowEdges(view);
  const virtualise = nodes.length > VIRTUALISE_ABOVE;
  useEffect(() => useGraphUi.getState().setLarge(virtualise), [virtualise]);

  // Large graphs: besides xyflow's own culling, draw only edges with an end in (or near) the viewport.
  // Edges that merely cross it (a listener's fan to hundreds of routes) are left out until one of
  // their ends is on screen; the listener's node still says how many routes it has.
  const pathEdges = useGraphUi((s) => s.path?.edges);
  const [viewRect, setViewRect] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);
  const moveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Only large graphs read the rectangle: a small one is not drawn again for each pan and fit.
  const virtualiseRef = useRef(virtualise);
  virtualiseRef.current = virtualise;
  const updateViewRect = useCallback(
    (vp?: { x: number; y: number; zoom: number }) => {
      const el = wrapRef.current;
      if (!el || !virtualiseRef.current) return;
      const { x, y, zoom } = vp ?? rf.getViewport();
      const w = el.clientWidth / zoom;
      const h = el.clientHeight / zoom;
      const x0 = -x / zoom;
      const y0 = -y / zoom;
      setViewRect({ x0: x0 - w / 2, y0: y0 - h / 2, x1: x0 + w * 1.5, y1: y0 + h * 1.5 });
    },
    [rf],
  );
  useEffect(() => {
    if (virtualise) updateViewRect();
  }, [virtualise, updateViewRect]);
  const onMove = useCallback(() => {
    if (!virtualise || moveTimer.current) return;
    moveTimer.current = setTimeout(() => {
      moveTimer.current = null;
      updateViewRect();
    }, 120);
  }, [virtualise, updateViewRect]);
  const { edges, hidden } = useMemo((): { edges: Edge[]; hidden: number } => {
    if (!virtualise) return { edges: allEdges, hidden: 0 };
    if (!viewRect) return { edges: [], hidden: 0 };
    // An edge is drawn when one end is near the viewport and the other no more than a few screens away.
    const h = viewRect.y1 - viewRect.y0;
    const within = (id: string, grow: number) => {
      const b = layout.pos.get(id);
      return (
        !!b &&
        b.x + b.w >= viewRect.x0 &&
        b.x <= viewRect.x1 &&
        b.y + b.h >= viewRect.y0 - grow * h &&
        b.y <= viewRect.y1 + grow * h
      );
    };
    const near = allEdges.filter(
      (e) => (within(e.source, 0) && within(e.target, 1)) || (within(e.target, 0) && within(e.source, 1)),
    );
    // Zoomed far out over a large graph: thousands of edges are a hairball that costs seconds to draw.
    // Keep the ones that matter (rejected, invalid, on the request's path) until the user zooms in.
    if (near.length <= MAX_EDGES) return { edges: near, hidden: 0 };
    const kept = near.filter((e) => !(e.data as { e: VEdge }).e.ok || !!pathEdges?.has(e.id));
    return { edges: kept, hidden: near.length - kept.length };
  }, [allEdges, virtualise, viewRect, layout, pathEdges]);
  const byId = useMemo(() => new Map(view.nodes.map((n) => [n.id, n])), [view]);

  // ---- viewport: fit on load, on filter changes, and when a different scenario arrives ----
  const fitLayout = useCallback(() => {
    const el = wrapRef.current;
    if (!el || layout.pos.size === 0) return;
    let minX = 0;
    let minY = 0;
    let maxX = layout.width;
    let maxY = layout.height;
    for (const b of layout.bands) {
      minX = Math.min(minX, b.x);
      minY = Math.min(minY, b.y);
      maxX = Math.max(maxX, b.x + b.w);
      maxY = Math.max(maxY, b.y + b.h);
    }
    const pad = 24;
    // Room at the top for what floats over the canvas there: the request path and Expand.
    const top = 44;
    const cw = Math.max(100, el.clientWidth - 2 * pad);
    const ch = Math.max(100, el.clientHeight - top - pad);
    const W = maxX - minX;
    const H = maxY - minY;
    // Large graphs: never smaller than readable outlines; align to the top-left instead of centring.
    let zoom = Math.min(1, Math.max(0.2, Math.min(cw / W, ch / H)));
    // Taller than the panel even at the smallest fit: fit the width instead and start at the top.
    if (H * zoom > ch) zoom = Math.min(1, Math.max(0.2, cw / W));
    const x = W * zoom <= cw ? pad + (cw - W * zoom) / 2 - minX * zoom : pad - minX * zoom;
    const y = H * zoom <= ch ? top + (ch - H * zoom) / 2 - minY * zoom : top - minY * zoom;
    void rf.setViewport({ x, y, zoom });
    updateViewRect({ x, y, zoom });
  }, [layout, rf, updateViewRect]);

  const lastFit = useRef<{ ids: Set<string>; filters: Filters } | null>(null);
  useEffect(() => {
    const prev = lastFit.current;
    let overlap = 0;
    if (prev) for (const n of view.nodes) if (prev.ids.has(n.id)) overlap++;
    const filtersChanged =
      !!prev &&
      (prev.filters.search !== f.search ||
        prev.filters.gateway !== f.gateway ||
        prev.filters.namespace !== f.namespace ||
        prev.filters.onlyProblems !== f.onlyProblems ||
        prev.filters.groupByNamespace !== f.groupByNamespace ||
        prev.filters.collapseAll !== f.collapseAll);
    const fresh = !prev || overlap < view.nodes.length / 2;
    lastFit.current = { ids: new Set(view.nodes.map((n) => n.id)), filters: f };
    if (fresh || filtersChanged) fitLayout();
  }, [view, f, fitLayout]);

  // Expanded or restored: the panel changed size, so fit the graph to it again (after the new layout).
  const expandedBefore = useRef(expanded);
  useEffect(() => {
    if (expandedBefore.current === expanded) return;
    expandedBefore.current = expanded;
    const frame = requestAnimationFrame(fitLayout);
    return () => cancelAnimationFrame(frame);
  }, [expanded, fitLayout]);

  // The graph of a new analysis is on screen (nodes measured, edges drawn): a performance mark for the
  // bench, and the signal for the rest of the page at start-up (store/startup.ts).
  const topoRef = useRef<Topology | null>(null);
  useEffect(() => {
    if (topoRef.current === topology || topology === NOT_YET_ANALYSED) return;
    topoRef.current = topology;
    const el = wrapRef.current;
    const want = view.edges.length > 0;
    let frames = 0;
    const check = () => {
      const painted =
        !!el?.querySelector('.gs-node') &&
        (!want || !!el.querySelector('.gs-edge')) &&
        !el.querySelector('.react-flow__node[style*="visibility: hidden"]');
      if (painted || frames++ > 600)
        setTimeout(() => {
          try {
            performance.mark('gwsim-graph-painted', {
              detail: { nodes: view.nodes.length, edges: view.edges.length, painted },
            });
          } catch {}
          graphPainted();
        }, 0);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, [topology, view]);

  // ---- roving tab stop ----
  useEffect(() => {
    const ui = useGraphUi.getState();
    if (!ui.activeId || !layout.pos.has(ui.activeId)) ui.setActive(layout.columns.find((c) => c.length)?.[0] ?? null);
  }, [layout]);

  const focusNode = useCallback(
    (id: string) => {
      const p = layout.pos.get(id);
      const el = wrapRef.current;
      if (!p || !el) return;
      const { x, y, zoom } = rf.getViewport();
      const sx = p.x * zoom + x;
      const sy = p.y * zoom + y;
      const visible = sx >= 0 && sy >= 0 && sx + p.w * zoom <= el.clientWidth && sy + p.h * zoom <= el.clientHeight;
      if (!visible || zoom < 0.5) {
        const z = Math.max(zoom, 0.8);
        void rf.setCenter(p.x + p.w / 2, p.y + p.h / 2, { zoom: z, duration: 0 });
      }
      let tries = 0;
      const tryFocus = () => {
        const target = el.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(id)}"]`);
        if (target) target.focus({ preventScroll: true });
        else if (tries++ < 10) requestAnimationFrame(tryFocus);
      };
      requestAnimationFrame(tryFocus);
    },
    [layout, rf],
  );

  const reveal = useCallback(
    (id: string) => {
      const v = byId.get(id);
      useGraphUi.getState().setActive(id);
      useGraphUi.getState().setSelected(id);
      if (!v) return;
      useScenario.getState().select({ ...(v.range ? { range: v.range } : {}), nodeId: id });
    },
    [byId],
  );
  const actions = useMemo<GraphActions>(
    () => ({
      reveal,
      toggleRoute: (id) =>
        setF((o) => {
          const t = new Set(o.toggled);
          if (t.has(id)) t.delete(id);
          else t.add(id);
          return { ...o, toggled: t };
        }),
    }),
    [reveal, setF],
  );

  const onKeyDown = (ev: React.KeyboardEvent) => {
    const target = ev.target as HTMLElement;
    if (!target.dataset?.nodeId) return;
    const keys: Record<string, Direction> = {
      ArrowUp: 'up',
      ArrowDown: 'down',
      ArrowLeft: 'left',
      ArrowRight: 'right',
      Home: 'home',
      End: 'end',
    };
    const dir = keys[ev.key];
    const cur = useGraphUi.getState().activeId ?? undefined;
    if (dir) {
      ev.preventDefault();
      ev.stopPropagation();
      const next = navigate(layout, view, cur, dir);
      if (next) {
        useGraphUi.getState().setActive(next);
        focusNode(next);
      }
    } else if ((ev.key === 'Enter' || ev.key === ' ') && cur) {
      ev.preventDefault();
      reveal(cur);
    } else if ((ev.key === '+' || ev.key === '-') && cur && byId.get(cur)?.type === 'Route') {
      // Unfold / fold the rules of the focused route.
      ev.preventDefault();
      const v = byId.get(cur)!;
      if ((ev.key === '+') === !!v.collapsed) actions.toggleRoute(cur);
    } else if (ev.key === 'Escape' && !expanded) {
      // Expanded, Escape restores the page instead (useExpandedGraph).
      clearHighlight();
    }
  };
  const activeMounted = useGraphUi((s) => s.activeMounted);

  // ---- editor → graph: the node the selection / cursor is in ----
  const ranged = useMemo(
    () =>
      topology.nodes
        .filter((n) => n.range)
        .map((n) => ({ id: n.id, start: n.range!.start, end: n.range!.end, span: n.range!.end - n.range!.start })),
    [topology],
  );
  const nodeAt = useCallback(
    (at: number): string | undefined => {
      let best: (typeof ranged)[number] | undefined;
      for (const r of ranged) if (r.start <= at && at < r.end && (!best || r.span < best.span)) best = r;
      const id = best ? (view.alias.get(best.id) ?? best.id) : undefined;
      return id && byId.has(id) ? id : undefined;
    },
    [ranged, view, byId],
  );
  useEffect(() => {
    const apply = (sel: { range?: { start: number; end: number }; nodeId?: string }) => {
      const id = sel.nodeId
        ? (view.alias.get(sel.nodeId) ?? sel.nodeId)
        : sel.range
          ? nodeAt(sel.range.start)
          : undefined;
      useGraphUi.getState().setSelected(id && byId.has(id) ? id : null);
    };
    apply(useScenario.getState().selection);
    return useScenario.subscribe((s, p) => {
      if (s.selection !== p.selection) apply(s.selection);
    });
  }, [nodeAt, view, byId]);
  // The editor's cursor: highlight the node it is in, and bring it into view when it is off screen.
  useEffect(
    () =>
      useEditorCursor.subscribe((s, p) => {
        if (s.offset === p.offset || s.offset === null) return;
        const id = nodeAt(s.offset);
        const ui = useGraphUi.getState();
        if (!id || id === ui.selectedId) return;
        ui.setSelected(id);
        const b = layout.pos.get(id);
        const el = wrapRef.current;
        if (!b || !el) return;
        const { x, y, zoom } = rf.getViewport();
        const sx = b.x * zoom + x;
        const sy = b.y * zoom + y;
        if (sx + b.w * zoom < 0 || sy + b.h * zoom < 0 || sx > el.clientWidth || sy > el.clientHeight)
          void rf.setCenter(b.x + b.w / 2, b.y + b.h / 2, { zoom, duration: 200 });
      }),
    [nodeAt, layout, rf],
  );

  // ---- request highlight ----
  const trace = useGraphHighlight((s) => s.trace);
  useEffect(() => {
    useGraphUi.getState().setPath(trace ? tracePath(trace, topology, view) : null);
  }, [trace, topology, view]);
  const path = useGraphUi((s) => s.path);

  // ---- exports ----
  const exportSvg = () => {
    const base = dark ? DARK : LIGHT;
    return toSvg(view, layout, wrapRef.current ? paletteFromPage(base, wrapRef.current) : base, path);
  };
  const exportRef = useRef<HTMLDetailsElement>(null);
  const closeExport = (f: () => void) => {
    if (exportRef.current) exportRef.current.open = false;
    f();
  };
  const onSvg = () => downloadText(exportSvg(), 'topology.svg', 'image/svg+xml');
  const onPng = async () => {
    try {
      downloadBlob(await svgToPng(exportSvg()), 'topology.png');
    } catch {}
  };

  const problems = view.nodes.filter((n) => n.problem).length + view.edges.filter((e) => !e.ok).length;

  return (
    <GraphActionsContext.Provider value={actions}>
      <div className={`gs-graph${path?.nodes.size ? ' has-path' : ''}`} data-testid="graph">
        <div className="gs-toolbar" role="toolbar" aria-label="Graph tools">
          <input
            type="search"
            placeholder="Search by name"
            aria-label="Search nodes by name"
            value={f.search}
            onChange={(e) => set('search', e.target.value)}
          />
          <select aria-label="Filter by gateway" value={gatewayFilter} onChange={(e) => set('gateway', e.target.value)}>
            <option value="">All gateways</option>
            {pick.gateways.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
          <select
            aria-label="Filter by namespace"
            value={namespaceFilter}
            onChange={(e) => set('namespace', e.target.value)}
          >
            <option value="">All namespaces</option>
            {pick.namespaces.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <label>
            <input type="checkbox" checked={f.onlyProblems} onChange={(e) => set('onlyProblems', e.target.checked)} />
            Problems only{problems ? ` (${problems})` : ''}
          </label>
          <label title="Group the nodes by namespace">
            <input
              type="checkbox"
              checked={f.groupByNamespace}
              aria-label="Group by namespace"
              onChange={(e) => set('groupByNamespace', e.target.checked)}
            />
            Group by ns
          </label>
          <label title={`${view.ruleCount} rules; folded automatically above 150`}>
            <input
              type="checkbox"
              checked={view.collapsedByDefault}
              onChange={(e) => setF((o) => ({ ...o, collapseAll: e.target.checked, toggled: new Set() }))}
            />
            Fold rules
          </label>
          <span className="gs-spacer" />
          <details className="gs-export" ref={exportRef}>
            <summary>Export</summary>
            <div className="gs-export-menu">
              <button type="button" onClick={() => closeExport(onPng)} title="The graph as it is shown, as PNG">
                PNG
              </button>
              <button type="button" onClick={() => closeExport(onSvg)} title="The graph as it is shown, as SVG">
                SVG
              </button>
              <button
                type="button"
                onClick={() => closeExport(() => setMermaid(toMermaid(view)))}
                title="The topology as Mermaid text"
              >
                Mermaid
              </button>
            </div>
          </details>
        </div>
        {mermaid !== null && (
          <div className="gs-mermaid" role="dialog" aria-label="Mermaid text of the topology">
            <textarea readOnly value={mermaid} aria-label="Mermaid text" rows={10} />
            <div className="gs-mermaid-actions">
              <button type="button" onClick={() => void navigator.clipboard?.writeText(mermaid).catch(() => {})}>
                Copy
              </button>
              <button type="button" onClick={() => downloadText(mermaid, 'topology.mmd', 'text/plain')}>
                Download .mmd
              </button>
              <button type="button" onClick={() => setMermaid(null)}>
                Close
              </button>
            </div>
          </div>
        )}
        <div
          className="gs-flow"
          ref={wrapRef}
          onKeyDown={onKeyDown}
          tabIndex={activeMounted ? -1 : 0}
          aria-label={activeMounted ? undefined : 'Topology graph: press an arrow key to move to a node'}
          onFocus={(ev) => {
            // The active node is outside the rendered area: bring it in and focus it.
            if (ev.target === ev.currentTarget) {
              const id = useGraphUi.getState().activeId ?? layout.columns.find((c) => c.length)?.[0];
              if (id) focusNode(id);
            }
          }}
        >
          {/* Over the top of the canvas, not above it: the canvas keeps its size when a request is
              highlighted, so the graph does not move (fitLayout leaves room at the top). */}
          {path && (
            <output className="gs-pathbar" aria-live="polite" title={path.summary}>
              <span>
                Request path: {path.summary}
                {path.nodes.size ? '' : ' (it reached no node of the graph)'}
              </span>
              <button type="button" onClick={clearHighlight}>
                Clear highlight
              </button>
            </output>
          )}
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            colorMode={dark ? 'dark' : 'light'}
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            edgesReconnectable={false}
            elementsSelectable={false}
            disableKeyboardA11y
            deleteKeyCode={null}
            selectionKeyCode={null}
            multiSelectionKeyCode={null}
            // Space pans only while held over the graph in xyflow, but it listens on the whole document
            // (it swallowed spaces typed in the editor): off; dragging pans.
            panActivationKeyCode={null}
            onlyRenderVisibleElements={virtualise}
            minZoom={0.05}
            maxZoom={2}
            onPaneClick={() => useGraphUi.getState().setSelected(null)}
            onMove={onMove}
            onMoveEnd={(_, vp) => updateViewRect(vp)}
          >
            <FlowInstance into={instance} />
            <Background gap={24} size={1} />
            <Panel position="top-right">
              <ExpandButton expanded={expanded} />
            </Panel>
            {note && (
              <Panel position="top-center" className="gs-note" role="status">
                {note}
              </Panel>
            )}
            {hidden > 0 && (
              <Panel position="top-center" className="gs-note">
                {hidden.toLocaleString('en')} edges hidden at this zoom; zoom in to see them
              </Panel>
            )}
            <Controls showInteractive={false} />
            {/* A small graph fits the panel whole; the minimap would only cover part of it. */}
            {nodes.length > 40 && (
              <MiniMap
                pannable
                zoomable
                nodeColor={miniColor}
                nodeStrokeWidth={0}
                ariaLabel="Minimap of the topology"
                style={{ width: 140, height: 90 }}
              />
            )}
          </ReactFlow>
        </div>
      </div>
    </GraphActionsContext.Provider>
  );
}

function miniColor(n: Node): string {
  const v = (n.data as { v?: VNode }).v;
  if (!v) return 'transparent';
  return v.health === 'error'
    ? '#c62828'
    : v.health === 'partial'
      ? '#e09b20'
      : v.health === 'ok'
        ? '#7a9cc6'
        : '#9aa3b2';
}
