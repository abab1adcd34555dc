// The page's state: the scenario (manifests, requests, tests, settings), the latest analysis view and
// the selection. Engine results arrive from the worker; the store never computes a Gateway API rule.
// Other panels (graph, tester) read this store and keep their own state in their own stores.

import { create } from 'zustand';
import type { Fix, SavedRequest, ScenarioSettings, TestCase } from '../../engine/index.ts';
import { EXAMPLES } from '../examples/index.ts';
import type { AnalysisView } from '../worker/protocol.ts';
import { applyTextEdits, describeScenario, type Origin, type ScenarioData, sameScenario } from './scenarioData.ts';

export type { Origin, ScenarioData } from './scenarioData.ts';

export interface Selection {
  /** Offsets in the manifest text to reveal in the editor. */
  range?: { start: number; end: number };
  /** Topology node id to highlight in the graph. */
  nodeId?: string;
  /** Move keyboard focus into the editor (Problems does; the graph keeps focus on its nodes). */
  focusEditor?: boolean;
}

/** Where the live analysis stands (contracts.md §7: progress after 1 s, Cancel, watchdog at 60 s). */
export interface AnalysisStatus {
  phase: 'idle' | 'waiting' | 'running' | 'slow' | 'cancelled' | 'failed';
  /** performance.now() when the current run started. */
  since?: number;
  message?: string;
}

/** A scenario set aside so that it is never lost (opening a link, an example or a file). */
export interface RecentEntry {
  id: string;
  title: string;
  savedAt: number;
  scenario: ScenarioData;
}

export const MAX_RECENT = 8;

/** Applies a fix when the editor is loaded (so that Undo works); set by the editor, null otherwise. */
export type FixApplier = (fix: Fix) => void;

export interface ScenarioState extends ScenarioData {
  /** Bumped on every edit: analysis results for an older version are stale. */
  version: number;
  /** Bumped when the text is replaced from outside the editor (example, link, file): the editor reloads it. */
  epoch: number;
  origin: Origin;
  analysis: AnalysisView | null;
  analysisStatus: AnalysisStatus;
  selection: Selection;
  recent: RecentEntry[];
  fixApplier: FixApplier | null;
  setManifests(text: string): void;
  setAnalysis(view: AnalysisView): void;
  setAnalysisStatus(s: AnalysisStatus): void;
  select(sel: Selection): void;
  setSettings(s: ScenarioSettings): void;
  setRequests(r: SavedRequest[]): void;
  setTests(t: TestCase[]): void;
  /** Replaces the whole scenario; the current one goes to Recent unless it is unchanged or already there. */
  loadScenario(data: ScenarioData, origin: Origin): void;
  setRecent(r: RecentEntry[]): void;
  /** Applies an engine fix (through the editor when it is there, so that Undo works). */
  applyFix(fix: Fix): void;
}

const first = EXAMPLES[0];

export function exampleScenario(i = 0): { data: ScenarioData; origin: Origin } {
  const ex = EXAMPLES[i] ?? first;
  return {
    data: {
      manifests: ex?.manifests ?? '',
      requests: ex?.requests ?? [],
      tests: ex?.tests ?? [],
      settings: ex?.settings ?? {},
    },
    origin: { kind: 'example', title: ex?.title ?? 'Empty scenario', exampleId: ex?.id },
  };
}

export function currentData(s: ScenarioData): ScenarioData {
  return { manifests: s.manifests, requests: s.requests, tests: s.tests, settings: s.settings };
}

/** True when the scenario is one of the built-in examples, unchanged: not worth a Recent entry. */
function isPristineExample(d: ScenarioData): boolean {
  return EXAMPLES.some((ex) =>
    sameScenario(d, { manifests: ex.manifests, requests: ex.requests, tests: ex.tests, settings: ex.settings ?? {} }),
  );
}

export function withRecent(recent: RecentEntry[], data: ScenarioData, title: string, now: number): RecentEntry[] {
  if (data.manifests.trim() === '' || isPristineExample(data)) return recent;
  if (recent.some((r) => sameScenario(r.scenario, data))) return recent;
  const entry: RecentEntry = { id: `${now}-${recent.length}`, title, savedAt: now, scenario: data };
  return [entry, ...recent].slice(0, MAX_RECENT);
}

const initial = exampleScenario(0);

export const useScenario = create<ScenarioState>()((set, get) => ({
  ...initial.data,
  version: 1,
  epoch: 1,
  origin: initial.origin,
  analysis: null,
  analysisStatus: { phase: 'idle' },
  selection: {},
  recent: [],
  fixApplier: null,
  setManifests: (text) => {
    // The editor echoes text that was pushed into it: that is not an edit.
    if (text === get().manifests) return;
    set({ manifests: text, version: get().version + 1 });
  },
  setAnalysis: (view) => {
    // A result computed for an older text never replaces a newer one.
    if (view.version !== get().version) return;
    set({ analysis: view });
  },
  setAnalysisStatus: (analysisStatus) => set({ analysisStatus }),
  select: (selection) => set({ selection }),
  setSettings: (settings) => set({ settings, version: get().version + 1 }),
  setRequests: (requests) => set({ requests }),
  setTests: (tests) => set({ tests }),
  loadScenario: (data, origin) => {
    const s = get();
    const cur = currentData(s);
    if (sameScenario(cur, data)) {
      set({ origin });
      return;
    }
    const title = s.origin.kind === 'example' ? `${s.origin.title} (edited)` : describeScenario(s.manifests);
    set({
      ...data,
      origin,
      recent: withRecent(s.recent, cur, title, Date.now()),
      version: s.version + 1,
      epoch: s.epoch + 1,
      selection: {},
    });
  },
  setRecent: (recent) => set({ recent }),
  applyFix: (fix) => {
    const s = get();
    if (s.fixApplier) {
      s.fixApplier(fix);
      return;
    }
    set({ manifests: applyTextEdits(s.manifests, fix.edits), version: s.version + 1, epoch: s.epoch + 1 });
  },
}));
