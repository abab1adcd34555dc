// Start-up: pick the scenario to show (a share link, else saved work, else the first example) before
// the first render, so that the page never flashes one scenario and then another.

import { openFragment, startUrlSync } from './share/actions.ts';
import { classifyFragment } from './share/fragment.ts';
import { loadSaved, startAutosave } from './store/persist.ts';
import { useScenario } from './store/scenario.ts';
import { startTheme } from './store/ui.ts';
import { startLiveAnalysis } from './worker/live.ts';

export async function bootstrap(): Promise<void> {
  startTheme();
  const saved = await loadSaved();
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
  if (classifyFragment(location.hash).kind === 'share') {
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
      // The page was loaded before the worker existed: hand it what this visit already fetched
      // (app shell, Monaco, workers, font) so that the next visit works offline.
      const send = () => {
        const urls = performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((u) => u.startsWith(location.origin));
        reg.active?.postMessage({ type: 'cache-urls', urls: [location.href.split('#')[0], ...urls] });
      };
      send();
      // Monaco and its workers arrive a little later.
      setTimeout(send, 8000);
    })
    .catch(() => {
      // Offline support is a bonus: the page works without it.
    });
}
