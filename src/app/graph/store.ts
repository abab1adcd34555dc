// The graph's own state. Nodes and edges subscribe to one boolean each (selected, active, on the path),
// so a selection or highlight change re-renders only the nodes whose state flips.

import { create } from 'zustand';
import type { Trace } from '../../engine/index.ts';
import type { PathHighlight } from './trace.ts';

export interface GraphUiState {
  /** Node shown as selected (clicked, or the one the editor cursor is in). */
  selectedId: string | null;
  /** Roving tab stop: the node that has tabindex 0. */
  activeId: string | null;
  /** Whether the active node is currently rendered (with only visible elements rendered it may not be). */
  activeMounted: boolean;
  /** The path of the latest tester request, mapped onto the graph. */
  path: PathHighlight | null;
  /** A large graph: nodes and edges draw less when zoomed out. */
  large: boolean;
  setSelected(id: string | null): void;
  setActive(id: string | null): void;
  setActiveMounted(v: boolean): void;
  setPath(p: PathHighlight | null): void;
  setLarge(v: boolean): void;
}

export const useGraphUi = create<GraphUiState>()((set) => ({
  selectedId: null,
  activeId: null,
  activeMounted: false,
  path: null,
  large: false,
  setSelected: (selectedId) => set({ selectedId }),
  setActive: (activeId) => set({ activeId }),
  setActiveMounted: (activeMounted) => set({ activeMounted }),
  setPath: (path) => set({ path }),
  setLarge: (large) => set({ large }),
}));

export interface GraphHighlightState {
  /** The trace whose path is lit up; null = no highlight. */
  trace: Trace | null;
  setTrace(trace: Trace | null): void;
}

/** Anyone (the tester) may light up a request's path: `useGraphHighlight.getState().setTrace(trace)`. */
export const useGraphHighlight = create<GraphHighlightState>()((set) => ({
  trace: null,
  setTrace: (trace) => set({ trace }),
}));

export interface EditorCursorState {
  /** Offset of the editor's cursor in the manifest text; null before the editor reports one. */
  offset: number | null;
  setCursor(offset: number | null): void;
}

/** The editor reports its cursor here; the graph highlights the node whose YAML holds it. */
export const useEditorCursor = create<EditorCursorState>()((set) => ({
  offset: null,
  setCursor: (offset) => set({ offset }),
}));
