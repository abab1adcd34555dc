// The page's state: the scenario (manifests, requests, tests, settings), the latest analysis view and
// the selection. Engine results arrive from the worker; the store never computes a Gateway API rule.

import { create } from 'zustand';
import type { SavedRequest, ScenarioSettings, TestCase } from '../../engine/index.ts';
import { EXAMPLES } from '../examples/index.ts';
import type { AnalysisView } from '../worker/protocol.ts';

export interface Selection {
  /** Offsets in the manifest text to reveal in the editor. */
  range?: { start: number; end: number };
  /** Topology node id to highlight in the graph. */
  nodeId?: string;
}

export interface ScenarioState {
  manifests: string;
  /** Bumped on every edit: analysis results for an older version are stale. */
  version: number;
  requests: SavedRequest[];
  tests: TestCase[];
  settings: ScenarioSettings;
  analysis: AnalysisView | null;
  selection: Selection;
  setManifests(text: string): void;
  setAnalysis(view: AnalysisView): void;
  select(sel: Selection): void;
  setSettings(s: ScenarioSettings): void;
  setRequests(r: SavedRequest[]): void;
  setTests(t: TestCase[]): void;
}

const first = EXAMPLES[0];

export const useScenario = create<ScenarioState>()((set, get) => ({
  manifests: first?.manifests ?? '',
  version: 1,
  requests: first?.requests ?? [],
  tests: first?.tests ?? [],
  settings: first?.settings ?? {},
  analysis: null,
  selection: {},
  setManifests: (text) => set({ manifests: text, version: get().version + 1 }),
  setAnalysis: (view) => {
    // A result computed for an older text never replaces a newer one.
    if (view.version !== get().version) return;
    set({ analysis: view });
  },
  select: (selection) => set({ selection }),
  setSettings: (settings) => set({ settings, version: get().version + 1 }),
  setRequests: (requests) => set({ requests }),
  setTests: (tests) => set({ tests }),
}));
