// The build's start-up view of the default example (scripts/startup-view.ts): shown at once when the
// page opens exactly that text with those options, while the worker starts and analyses it. The
// worker's answer then confirms it. The engine is pure and deterministic, so the two are the same; if
// they ever differ, the worker's is shown and the console says so.

import startup from 'virtual:startup-view';
import type { EngineOptions, InputFile } from '../../engine/index.ts';
import { analysisKey } from './hash.ts';
import type { AnalysisView } from './protocol.ts';
import { filesText } from './view.ts';

export interface StartupView {
  /** Content key (worker/view.ts filesKey) of the files and options the view was computed for. */
  key: string;
  /** Length of their filesText: a cheap first test before hashing. */
  size: number;
  view: AnalysisView;
}

/**
 * The start-up view for `files` + `options` when it was computed for exactly them, else null. The key
 * is hashed here only when the text is as long as the example's: saved work of megabytes is not hashed
 * on the main thread for nothing.
 */
export function startupViewFor(
  files: InputFile[],
  options: EngineOptions,
  version: number,
  source: StartupView | null = startup,
): AnalysisView | null {
  if (!source) return null;
  const text = filesText(files);
  if (text.length !== source.size || analysisKey(text, options) !== source.key) return null;
  return { ...source.view, version, startup: true };
}

/** Whether this build has a start-up view (a production build does; the dev server does not). */
export const hasStartupView = startup !== null;

const content = (v: AnalysisView) =>
  JSON.stringify([v.diagnostics, v.status, v.topology, v.gateways, v.counts, v.engineVersion]);

/**
 * The worker's view for the text a start-up view stands for. When they agree, the shown objects are
 * kept (nothing is drawn again) and the worker's engine time is taken; otherwise the worker's view.
 */
export function confirmStartupView(shown: AnalysisView | null, fromWorker: AnalysisView): AnalysisView {
  if (!shown?.startup || shown.key !== fromWorker.key || shown.version !== fromWorker.version) return fromWorker;
  if (content(shown) === content(fromWorker)) {
    return {
      ...fromWorker,
      diagnostics: shown.diagnostics,
      status: shown.status,
      topology: shown.topology,
      gateways: shown.gateways,
    };
  }
  console.warn("gateway-sim: the start-up view differs from the engine's analysis; showing the engine's.");
  return fromWorker;
}
