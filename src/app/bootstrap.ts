// Start-up: pick the scenario to show (a share link, else saved work, else the first example) before
// the first render, so that the page never flashes one scenario and then another.

import { openFragment, startUrlSync } from './share/actions.ts';
import { classifyFragment } from './share/fragment.ts';
import { loadSaved, type Saved, savedWorkLikely, startAutosave } from './store/persist.ts';
import { useScenario } from './store/scenario.ts';
import { startTheme } from './store/ui.ts';
import { engine } from './worker/client.ts';
import { startLiveAnalysis } from './worker/live.ts';
import { hasStartupView } from './worker/startup.ts';

/**
 * Starts the engine worker at once (its start-up then overlaps reading saved work), unless the page
 * is about to open on the build's start-up view (no share link, no saved work): then the worker starts
 * once the graph is painted (worker/live.ts, store/startup.ts).
 */
export function startEngineEarly(): void {
  if (hasStartupView && classifyFragment(location.hash).kind !== 'share' && !savedWorkLikely()) return;
  engine.warm();
}

/** Puts saved work (and the Recent list) into the store. */
function applySaved(saved: Saved): void {
  if (saved.scenario) {
    useScenario.setState({
      ...saved.scenario,
      origin: saved.origin ?? { kind: 'local', title: 'Your scenario' },
      recent: saved.recent,
      version: useScenario.getState().version + 1,
      epoch: useScenario.getState().epoch + 1,
    });
  } else if (saved.recent.length) {
    useScenario.setState({ recent: saved.recent });
  }
}

export async function bootstrap(): Promise<void> {
  startTheme();
  const link = classifyFragment(location.hash).kind === 'share';
  if (!link && !savedWorkLikely()) {
    // A first visit, as far as localStorage knows: the first example at once, IndexedDB read meanwhile
    // (it answers in 20-50 ms). Saved work it still finds (written before the hint existed) replaces
    // the example when it arrives.
    void loadSaved().then(applySaved);
  } else applySaved(await loadSaved());
  if (link) {
    // A link never replaces local work silently: loadScenario moves it to Recent first.
    await openFragment(location.hash);
  }
  startAutosave();
  startUrlSync();
  startLiveAnalysis();
}

/** Offline after the first visit (public/sw.js). Not for file:// or the dev server. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || location.protocol === 'file:') return;
  const url = new URL('sw.js', document.baseURI);
  navigator.serviceWorker
    .register(url, { scope: './' })
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => {
      // This visit loaded the page before the worker controlled it: hand it every same-origin URL
      // fetched so far and from now on (app shell, Monaco, workers, font), so that the next visit
      // works offline.
      const send = (urls: string[]) => {
        const own = urls.filter((u) => u.startsWith(location.origin));
        if (own.length) reg.active?.postMessage({ type: 'cache-urls', urls: own });
      };
      send([location.href.split('#')[0] ?? location.href]);
      new PerformanceObserver((list) => send(list.getEntries().map((e) => e.name))).observe({
        type: 'resource',
        buffered: true,
      });
    })
    .catch(() => {
      // Offline support is a bonus: the page works without it.
    });
}
