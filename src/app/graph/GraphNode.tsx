// Custom xyflow nodes, memoised: each subscribes only to its own selected / active / on-path state.
import { Handle, type Node, type NodeProps, Position, type ReactFlowState, useStore } from '@xyflow/react';
import { createContext, memo, useContext, useEffect } from 'react';
import type { Band } from './layout.ts';
import { HEALTH_ICON, type VNode } from './model.ts';
import { useGraphUi } from './store.ts';

export interface GraphActions {
  reveal(id: string): void;
  toggleRoute(id: string): void;
}
export const GraphActionsContext = createContext<GraphActions>({ reveal: () => {}, toggleRoute: () => {} });

export type TopoFlowNode = Node<{ v: VNode }, 'topo'>;
export type BandFlowNode = Node<{ band: Band }, 'band'>;

/** Below this zoom nodes draw only their title: cheaper, and the rest is unreadable anyway. */
const COMPACT_ZOOM = 0.3;
const compactSel = (s: ReactFlowState) => s.transform[2] < COMPACT_ZOOM;

export const TopoNodeView = memo(function TopoNodeView({ id, data }: NodeProps<TopoFlowNode>) {
  const v = data.v;
  const selected = useGraphUi((s) => s.selectedId === id);
  const active = useGraphUi((s) => s.activeId === id);
  const onPath = useGraphUi((s) => !!s.path?.nodes.has(id));
  const large = useGraphUi((s) => s.large);
  const compact = useStore(compactSel) && large;
  const actions = useContext(GraphActionsContext);
  useEffect(() => {
    if (!active) return;
    useGraphUi.getState().setActiveMounted(true);
    return () => useGraphUi.getState().setActiveMounted(false);
  }, [active]);

  const cls = [
    'gs-node',
    `gs-${v.type}`,
    `gs-health-${v.health}`,
    selected && 'is-selected',
    onPath && 'on-path',
    compact && 'is-compact',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={cls}
      role="button"
      tabIndex={active ? 0 : -1}
      aria-label={v.ariaLabel}
      aria-description={v.tooltip}
      aria-pressed={selected}
      aria-keyshortcuts={v.type === 'Route' && v.rules ? '+ -' : undefined}
      title={v.tooltip}
      data-node-id={id}
      data-health={v.health}
      onClick={() => actions.reveal(id)}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="gs-handle" />
      <div className="gs-node-head">
        <span className={`gs-status gs-status-${v.health}`} aria-hidden="true">
          {HEALTH_ICON[v.health]}
        </span>
        {v.badge && <span className="gs-badge">{v.badge}</span>}
        <span className="gs-title">{v.title}</span>
        <span className="gs-ns">{v.namespace ?? 'cluster'}</span>
      </div>
      {!compact && v.type !== 'ListenerSet' && (
        <>
          {v.lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed lines of one node
            <div className="gs-line" key={i}>
              {l}
            </div>
          ))}
          {v.chips.length > 0 && (
            <div className="gs-chips">
              {v.chips.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: chips may repeat
                <span className="gs-chip" key={i}>
                  {c}
                </span>
              ))}
            </div>
          )}
        </>
      )}
      {v.type === 'Route' && !!v.rules && (
        // A pointer affordance only: the node itself is the control (a button inside a button is not
        // allowed), and from the keyboard `+`/`-` on the focused node fold and unfold its rules.
        <span
          className="gs-fold nodrag"
          aria-hidden="true"
          title={v.collapsed ? 'Show rules (+)' : 'Fold rules into the route (-)'}
          onClick={(ev) => {
            ev.stopPropagation();
            actions.toggleRoute(id);
          }}
        >
          {v.collapsed ? '▸' : '▾'}
        </span>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} className="gs-handle" />
    </div>
  );
});

export const BandNodeView = memo(function BandNodeView({ data }: NodeProps<BandFlowNode>) {
  return (
    <div className="gs-band" aria-hidden="true">
      <span className="gs-band-label">{data.band.label}</span>
    </div>
  );
});
