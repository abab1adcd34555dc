// The engine worker: holds the latest Analysis and answers view models and traces.
/// <reference lib="webworker" />
import { type Analysis, createAnalyzer, locateObject, simulate, simulateMany } from '../../engine/index.ts';
import { basic } from '../examples/basic.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { analysisView, filesKey } from './view.ts';

const analyze = createAnalyzer();
let current: Analysis | null = null;

// A few recent analyses by content key: undo back to an analysed text, or toggling a setting back,
// answers at once, and `current` (what the tester simulates against) always matches the page's view.
const CACHE_SIZE = 3;
const cache = new Map<string, Analysis>();

function post(msg: FromWorker) {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);
}

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  try {
    switch (msg.type) {
      case 'analyze': {
        const t0 = performance.now();
        const key = msg.key ?? filesKey(msg.files, msg.options);
        current = cache.get(key) ?? analyze(msg.files, msg.options);
        cache.delete(key);
        cache.set(key, current);
        while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        post({ type: 'analysis', id: msg.id, view: analysisView(current, msg.version, key, performance.now() - t0) });
        break;
      }
      case 'simulate':
        if (!current) throw new Error('no analysis yet');
        post({ type: 'trace', id: msg.id, trace: simulate(current, msg.request, { explain: msg.explain }) });
        break;
      case 'simulateMany':
        if (!current) throw new Error('no analysis yet');
        post({ type: 'counts', id: msg.id, counts: simulateMany(current, msg.request, msg.n, msg.seed) });
        break;
      case 'locate': {
        const r = current ? locateObject(current, msg.ref, msg.path) : null;
        post({ type: 'range', id: msg.id, range: r ? { start: r.start, end: r.end } : null });
        break;
      }
    }
  } catch (e) {
    post({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) });
  }
};

// Warm-up (issue 9: the page without a start-up view, e.g. opened from a share link). While the page
// reads saved work and decodes the link, this worker would sit idle and then run its first analysis
// cold: regexes compiled on first use, the code not yet optimised, about twice the time of the next
// one. Analysing one small example (and tracing its first request) in that idle time makes the real
// first analysis a warm one: 615 → 541 ms to the graph painted from a link (A/B, 14 loads each).
// Skipped when a real request came first; nothing of it is kept.
setTimeout(() => {
  if (current) return;
  try {
    const a = createAnalyzer()([{ name: 'warm-up.yaml', text: basic.manifests }], {});
    const first = basic.requests[0]?.request;
    if (first) simulate(a, first, { explain: true });
  } catch {
    // Only a warm-up: the real analysis reports its own errors.
  }
}, 0);
