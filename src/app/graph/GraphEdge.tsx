// Custom xyflow edge, memoised: a bezier path, a wide invisible path carrying the hover text, and an
// SVG label. The accessible name is on the edge wrapper (ariaLabel).
import { type Edge, type EdgeProps, type ReactFlowState, useStore } from '@xyflow/react';
import { memo } from 'react';
import type { VEdge } from './model.ts';
import { useGraphUi } from './store.ts';
import { bezierPoint, edgePath } from './svg.ts';

export type TopoFlowEdge = Edge<{ e: VEdge }, 'topo'>;

/** Below this zoom edges drop their labels and hover paths (unreadable there, and costly by the thousand). */
const COMPACT_ZOOM = 0.3;
const compactSel = (s: ReactFlowState) => s.transform[2] < COMPACT_ZOOM;

export const TopoEdgeView = memo(function TopoEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  data,
}: EdgeProps<TopoFlowEdge>) {
  const onPath = useGraphUi((s) => !!s.path?.edges.has(id));
  const large = useGraphUi((s) => s.large);
  const compact = useStore(compactSel) && large;
  if (!data) return null;
  const e = data.e;
  const d = edgePath(sourceX, sourceY, targetX, targetY);
  const cls = ['gs-edge', `gs-edge-${e.style}`, `gs-edge-${e.type}`, e.ok ? 'is-ok' : 'is-bad', onPath && 'on-path']
    .filter(Boolean)
    .join(' ');
  // Labels sit at 60% of the way, where edges fanning out of one node have drifted apart; a label on an
  // edge that skips a column (a rejected attachment to a Gateway) sits just before its target instead,
  // clear of the nodes in between.
  const skips = Math.abs(targetX - sourceX) > 400;
  const [mx, my] = skips
    ? [targetX - 8, targetY - 12]
    : bezierPoint(sourceX, sourceY, targetX, targetY, e.type === 'backend' || e.type === 'mirror' ? 0.6 : 0.5);
  const label = e.label
    ? e.marks.length
      ? `${e.label} ${e.marks.some((m) => m.startsWith('🔒')) ? '🔒' : '✓grant'}`
      : e.label
    : e.marks.length
      ? '🔒'
      : undefined;
  const w = label ? label.length * 6.4 + 10 : 0;
  return (
    <g className={cls} data-edge-id={id}>
      <path className="gs-edge-path" d={d} fill="none" />
      {(!compact || onPath || !e.ok) && (
        <path className="gs-edge-hit" d={d} fill="none">
          <title>{e.tooltip ? `${e.ariaLabel}\n${e.tooltip}` : e.ariaLabel}</title>
        </path>
      )}
      {label && (!compact || onPath || !e.ok) && (
        <g className="gs-edge-label" transform={`translate(${skips ? mx - w / 2 : mx} ${my})`}>
          <rect x={-w / 2} y={-9} width={w} height={17} rx={4} />
          <text y={4} textAnchor="middle">
            {label}
          </text>
          <title>{e.tooltip ? `${e.ariaLabel}\n${e.tooltip}` : e.ariaLabel}</title>
        </g>
      )}
    </g>
  );
});
