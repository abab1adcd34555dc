// Live analysis (issue 6 "Engine off the main thread"): ~150 ms after the last edit, keyed by a content
// hash (computed in the worker); at most one analysis in flight and the newest one queued; results for an older version are
// dropped by the store. Past 1 s the page shows progress and Cancel; at 60 s the watchdog ends the worker.

import type { EngineOptions } from '../../engine/index.ts';
// Leaf modules only: engine/index.ts would pull the whole engine (and its schemas) into the main thread.
import { LIMITS } from '../../engine/limits.ts';
import { useScenario } from '../store/scenario.ts';
import { whenGraphPainted } from '../store/startup.ts';
import { engine } from './client.ts';
import { confirmStartupView, startupViewFor } from './startup.ts';
import { pageFiles, pageOptions } from './view.ts';

export const DEBOUNCE_MS = 150;

let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight = false;
let queued = false;
let slowTimer: ReturnType<typeof setTimeout> | undefined;
let killTimer: ReturnType<typeof setTimeout> | undefined;
let endedBy: 'cancel' | 'watchdog' | null = null;
/** The scenario version the worker last answered for: it holds that Analysis (what traces run against). */
let analysedVersion = 0;

function options(): EngineOptions {
  return pageOptions(useScenario.getState().settings);
}

function clearTimers() {
  clearTimeout(slowTimer);
  clearTimeout(killTimer);
}

function run() {
  timer = undefined;
  if (inFlight) {
    queued = true;
    return;
  }
  const s = useScenario.getState();
  const opts = options();
  const version = s.version;
  if (analysedVersion === version) {
    // Already analysed (a queued or start-up run that found nothing new): nothing is pending any more.
    if (s.analysisStatus.phase === 'waiting') s.setAnalysisStatus({ phase: 'idle' });
    return;
  }
  inFlight = true;
  queued = false;
  endedBy = null;
  const since = performance.now();
  // Above the comfort tier (contracts.md §7) the analysis takes seconds: say so at once, with Cancel,
  // instead of after the usual second of silence.
  const large = s.manifests.length > LIMITS.pageComfortBytes;
  if (large) {
    const mb = (s.manifests.length / 1024 / 1024).toFixed(1);
    const comfort = LIMITS.pageComfortBytes / 1024 / 1024;
    s.setAnalysisStatus({
      phase: 'slow',
      since,
      message: `Large input (${mb} MB; live analysis is comfortable up to ${comfort} MB): this takes a few seconds.`,
    });
  } else s.setAnalysisStatus({ phase: 'running', since });
  slowTimer = setTimeout(() => {
    if (!large) useScenario.getState().setAnalysisStatus({ phase: 'slow', since });
  }, LIMITS.watchdogProgressMs);
  killTimer = setTimeout(() => {
    endedBy = 'watchdog';
    engine.restart('watchdog');
  }, LIMITS.watchdogKillMs);
  engine
    // The worker hashes the content (worker/hash.ts) and answers from its cache when it has seen it:
    // hashing megabytes here would cost the main thread a frame or two per pause in typing.
    .analyze(pageFiles(s.manifests), opts, version)
    .then((view) => {
      analysedVersion = view.version;
      const st = useScenario.getState();
      st.setAnalysis(confirmStartupView(st.analysis, view));
      useScenario.getState().setAnalysisStatus({ phase: 'idle' });
    })
    .catch((e: unknown) => {
      const st = useScenario.getState();
      if (endedBy === 'cancel') {
        st.setAnalysisStatus({
          phase: 'cancelled',
          message: 'Analysis cancelled. Edit the manifests or change a setting to run it again.',
        });
      } else if (endedBy === 'watchdog') {
        st.setAnalysisStatus({
          phase: 'failed',
          message: `The analysis took longer than ${LIMITS.watchdogKillMs / 1000} s and was stopped. Try a smaller input, or the CLI.`,
        });
      } else {
        st.setAnalysisStatus({
          phase: 'failed',
          message: `The engine failed: ${e instanceof Error ? e.message : String(e)}`,
        });
      }
    })
    .finally(() => {
      clearTimers();
      inFlight = false;
      const wasEnded = endedBy !== null;
      // After Cancel or the watchdog, wait for the next edit rather than retrying the same input.
      if (queued && !wasEnded) schedule(0);
      queued = false;
    });
}

function schedule(delay = DEBOUNCE_MS) {
  clearTimeout(timer);
  const st = useScenario.getState();
  if (!inFlight && st.analysisStatus.phase !== 'waiting') st.setAnalysisStatus({ phase: 'waiting' });
  timer = setTimeout(run, delay);
}

/** Ends the running analysis (the worker is restarted on the next call). */
export function cancelAnalysis(): void {
  clearTimeout(timer);
  timer = undefined;
  if (!inFlight) return;
  endedBy = 'cancel';
  queued = false;
  engine.restart('cancelled');
}

export function startLiveAnalysis(): () => void {
  const s = useScenario.getState();
  const startup = startupViewFor(pageFiles(s.manifests), options(), s.version);
  let cancelStart = () => {};
  if (startup) {
    // Shown at once. The worker starts and analyses the same text once the graph is painted
    // (store/startup.ts): the tester's traces need its Analysis, and the tester asks only after this
    // (messages to the worker are handled in order, so no simulate overtakes the analysis).
    s.setAnalysis(startup);
    s.setAnalysisStatus({ phase: 'waiting' });
    cancelStart = whenGraphPainted(run);
  } else schedule(0);
  const unsub = useScenario.subscribe((s, p) => {
    if (s.manifests !== p.manifests || s.settings !== p.settings || s.version !== p.version) schedule();
  });
  return () => {
    unsub();
    cancelStart();
    clearTimeout(timer);
  };
}
