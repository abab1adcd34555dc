// The engine worker: holds the latest Analysis and answers view models and traces.
/// <reference lib="webworker" />
import { type Analysis, createAnalyzer, locateObject, simulate, simulateMany } from '../../engine/index.ts';
import { analysisKey } from './hash.ts';
import type { AnalysisView, FromWorker, ToWorker } from './protocol.ts';

const analyze = createAnalyzer();
let current: Analysis | null = null;

// A few recent analyses by content key: undo back to an analysed text, or toggling a setting back,
// answers at once, and `current` (what the tester simulates against) always matches the page's view.
const CACHE_SIZE = 3;
const cache = new Map<string, Analysis>();

function post(msg: FromWorker) {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);
}

function view(a: Analysis, version: number, key: string, ms: number): AnalysisView {
  let errors = 0;
  let warnings = 0;
  for (const d of a.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return {
    version,
    key,
    diagnostics: a.diagnostics,
    status: a.status,
    topology: a.topology,
    gateways: a.resources
      .filter((r) => r.kind === 'Gateway' && r.group === 'gateway.networking.k8s.io')
      .map((r) => `${r.namespace}/${r.name}`),
    counts: { objects: a.resources.length, errors, warnings },
    ms,
    engineVersion: a.engineVersion,
  };
}

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  try {
    switch (msg.type) {
      case 'analyze': {
        const t0 = performance.now();
        const key =
          msg.key ?? analysisKey(msg.files.map((f) => `${f.name}\u0000${f.text}`).join('\u0000'), msg.options);
        current = cache.get(key) ?? analyze(msg.files, msg.options);
        cache.delete(key);
        cache.set(key, current);
        while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        post({ type: 'analysis', id: msg.id, view: view(current, msg.version, key, performance.now() - t0) });
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
