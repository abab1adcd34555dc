// Saved work (issue 6 "Saved work; nothing lost"): the scenario and the Recent list live in IndexedDB
// (localStorage is too small for large manifests) and come back on reload.

import { createStore, get, set } from 'idb-keyval';
import { currentData, type RecentEntry, useScenario } from './scenario.ts';
import { coerceScenario, type Origin, type ScenarioData } from './scenarioData.ts';

const SAVED_FORMAT = 1;
const KEY_SCENARIO = 'scenario';
const KEY_RECENT = 'recent';
/**
 * localStorage flag: this browser has saved work in IndexedDB. Read synchronously at start-up, before
 * IndexedDB answers, to start the engine worker at once for returning users (bootstrap.ts).
 */
const SAVED_HINT = 'gateway-sim:saved';

function setSavedHint(): void {
  try {
    localStorage.setItem(SAVED_HINT, '1');
  } catch {}
}

/** True when saved work is likely (or localStorage cannot tell). */
export function savedWorkLikely(): boolean {
  try {
    return localStorage.getItem(SAVED_HINT) === '1';
  } catch {
    return true;
  }
}

let db: ReturnType<typeof createStore> | null = null;
function store() {
  db ??= createStore('gateway-sim', 'state');
  return db;
}

interface SavedScenario {
  format: number;
  savedAt: number;
  origin: Origin;
  scenario: ScenarioData;
}

export interface Saved {
  scenario: ScenarioData | null;
  origin: Origin | null;
  recent: RecentEntry[];
}

function withTimeout<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([p, new Promise<T>((r) => setTimeout(() => r(fallback), ms))]);
}

/** Reads saved work. Never throws: a broken or blocked IndexedDB means "nothing saved". */
export async function loadSaved(): Promise<Saved> {
  const empty: Saved = { scenario: null, origin: null, recent: [] };
  try {
    const [s, r] = await withTimeout(
      Promise.all([get<SavedScenario>(KEY_SCENARIO, store()), get<RecentEntry[]>(KEY_RECENT, store())]),
      2500,
      [undefined, undefined] as [SavedScenario | undefined, RecentEntry[] | undefined],
    );
    const scenario = s && s.format === SAVED_FORMAT ? coerceScenario(s.scenario) : null;
    const recent = Array.isArray(r)
      ? r.flatMap((e) => {
          const sc = coerceScenario(e?.scenario);
          return sc && typeof e.title === 'string'
            ? [{ id: String(e.id), title: e.title, savedAt: Number(e.savedAt) || 0, scenario: sc }]
            : [];
        })
      : [];
    const origin = s?.origin && typeof s.origin.title === 'string' ? s.origin : null;
    if (scenario) setSavedHint();
    return { scenario, origin, recent };
  } catch {
    return empty;
  }
}

export type SaveState = 'saved' | 'saving' | 'failed';
const listeners = new Set<(s: SaveState) => void>();
let saveState: SaveState = 'saved';
export function onSaveState(fn: (s: SaveState) => void): () => void {
  listeners.add(fn);
  fn(saveState);
  return () => listeners.delete(fn);
}
function setSaveState(s: SaveState) {
  saveState = s;
  for (const l of listeners) l(s);
}

/** Saves the scenario ~400 ms after it stops changing, and at once when the page is hidden. */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = async () => {
    timer = undefined;
    const s = useScenario.getState();
    const doc: SavedScenario = {
      format: SAVED_FORMAT,
      savedAt: Date.now(),
      origin: s.origin,
      scenario: currentData(s),
    };
    try {
      await set(KEY_SCENARIO, doc, store());
      await set(KEY_RECENT, s.recent, store());
      setSavedHint();
      setSaveState('saved');
    } catch {
      setSaveState('failed');
    }
  };
  const unsub = useScenario.subscribe((s, prev) => {
    if (
      s.manifests === prev.manifests &&
      s.requests === prev.requests &&
      s.tests === prev.tests &&
      s.settings === prev.settings &&
      s.recent === prev.recent &&
      s.origin === prev.origin
    )
      return;
    setSaveState('saving');
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  });
  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      void save();
    }
  };
  const onVis = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  document.addEventListener('visibilitychange', onVis);
  window.addEventListener('pagehide', flush);
  return () => {
    unsub();
    document.removeEventListener('visibilitychange', onVis);
    window.removeEventListener('pagehide', flush);
  };
}
