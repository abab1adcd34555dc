// The start-up view (issue 9, page figure): the analysis view of the default example, computed at build
// time by the same engine and view code that the worker runs. A first visit then draws the graph, the
// problems and the status without waiting for the engine worker to start and analyse. The worker still
// analyses the text (the tester simulates against its Analysis), and the page checks that its view is
// the same one (src/app/worker/startup.ts).
//
// Only the default example: it is what a first visit (a workshop attendee) opens. Saved work, a share
// link or another example go to the worker as before.

import type { Plugin } from 'vite';
import { EXAMPLES } from '../src/app/examples/index.ts';
import type { StartupView } from '../src/app/worker/startup.ts';
import { analysisView, filesKey, filesText, pageFiles, pageOptions } from '../src/app/worker/view.ts';
import { analyze } from '../src/engine/index.ts';

export const STARTUP_VIEW_MODULE = 'virtual:startup-view';
const RESOLVED = `\0${STARTUP_VIEW_MODULE}`;

/** The view the worker would answer for the default example, opened as the page opens it. */
export function buildStartupView(): StartupView | null {
  const ex = EXAMPLES[0];
  if (!ex) return null;
  const files = pageFiles(ex.manifests);
  const options = pageOptions(ex.settings ?? {});
  const key = filesKey(files, options);
  // version and ms are the page's to fill in: the version of its text, and no engine time of its own.
  return { key, size: filesText(files).length, view: analysisView(analyze(files, options), 0, key, 0) };
}

/**
 * `import startup from 'virtual:startup-view'`: the view in a production build; null under the dev
 * server and Vitest, where the engine can change after the module was made (a stale view there would
 * only be replaced after the check, but it would show the wrong graph for a moment).
 */
export function startupViewPlugin(): Plugin {
  let build = false;
  return {
    name: 'gateway-sim:startup-view',
    configResolved(config) {
      build = config.command === 'build';
    },
    resolveId(id) {
      return id === STARTUP_VIEW_MODULE ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      return `export default ${JSON.stringify(build ? buildStartupView() : null)};\n`;
    },
  };
}
