// Live-edit latency (issue 6 "App", figure of issue 9): from a one-character edit to fresh markers and
// view models, debounce excluded, at about 200 and 2,000 lines. It runs the page's own code in Node:
// the engine worker module (src/app/worker/engine.worker.ts, loaded unchanged with a stand-in `self`),
// the structured clone that postMessage performs, the Problems/marker conversion the editor does
// (offset → line/column for every diagnostic of the file) and the graph's view model
// (src/app/graph/model.ts buildView). Layout and painting are the graph figure's business (bench/page).
// The worker's analyzer keeps its parse memo between edits, as in the page; each edit yields a text the
// worker has not seen (its 3-entry result cache never answers).

import './worker-shim.ts';
import '../src/app/worker/engine.worker.ts';
import { buildView } from '../src/app/graph/model.ts';
import type { AnalysisView, FromWorker, ToWorker } from '../src/app/worker/protocol.ts';
import { LIMITS } from '../src/engine/limits.ts';
import { type Figure, figure, fmt, median, na } from './figures.ts';
import { generateManifests } from './generate.ts';
import { workerSelf } from './worker-shim.ts';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** A generated manifest of about `lines` lines (whole documents; the real count is reported). */
export function liveEditText(lines: number): string {
  let best = '';
  for (let n = 1; n < 200; n++) {
    const t = generateManifests(n, { seed: 31, routesPerNamespace: 4, routesPerGateway: 8 }).text;
    if (!best || Math.abs(t.split('\n').length - lines) < Math.abs(best.split('\n').length - lines)) best = t;
    if (t.split('\n').length > lines) break;
  }
  return best;
}

/** Line starts, as Monaco's model keeps them, for offset → position. */
function positions(text: string) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (off: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    return { lineNumber: lo + 1, column: off - starts[lo]! + 1 };
  };
}

let nextId = 1;
function post(msg: ToWorker): AnalysisView {
  let reply: FromWorker | undefined;
  workerSelf.__listener = (m) => {
    reply = m as FromWorker;
  };
  // postMessage clones the request into the worker and the reply out of it.
  workerSelf.onmessage!({ data: structuredClone(msg) });
  if (!reply) throw new Error('the worker did not answer');
  const back = structuredClone(reply) as FromWorker;
  if (back.type === 'error') throw new Error(back.message);
  if (back.type !== 'analysis') throw new Error(`unexpected reply ${back.type}`);
  return back.view;
}

/** One edit, as the page runs it after the debounce: analyze in the worker, then markers and view models. */
export function oneEdit(text: string, version: number): { view: AnalysisView; markers: number; nodes: number } {
  const view = post({
    type: 'analyze',
    id: nextId++,
    version,
    files: [{ name: 'manifests.yaml', text }],
    options: { maxInputBytes: LIMITS.pageMaxInputBytes },
  });
  const pos = positions(text);
  const markers = view.diagnostics
    .filter((d) => !!d.range && (d.range.file === 'manifests.yaml' || !d.range.file))
    .map((d) => ({ s: pos(d.range!.start), e: pos(d.range!.end), message: d.message, code: d.code }));
  const graph = buildView(view.topology, {});
  return { view, markers: markers.length, nodes: graph.nodes.length };
}

/** The position of a one-character edit: inside a hostname in the middle of the text (a real value). */
export function editPoint(text: string): number {
  const mid = text.indexOf('hostnames:', text.length >> 1);
  const at = mid >= 0 ? text.indexOf('.', mid) : text.indexOf('name:', text.length >> 1) + 8;
  return at - 1;
}

export function liveEditFigures(quick: boolean): Figure[] {
  const out: Figure[] = [];
  for (const [target, max] of [
    [200, 30],
    [2000, 100],
  ] as const) {
    const name = `live edit: keystroke → markers @${target} lines`;
    try {
      const base = liveEditText(target);
      const lines = base.split('\n').length;
      const at = editPoint(base);
      const letters = 'abcdefghijklmnopqrstuvwxyz';
      const edited = (i: number) => base.slice(0, at) + letters[i % 26] + base.slice(at + 1);
      // Warm: JIT and the parse memo (the first analysis of a text parses every document).
      let version = 1;
      oneEdit(base, version++);
      for (let i = 0; i < 10; i++) oneEdit(edited(i), version++);
      const edits = quick ? 30 : 80;
      const cpu: number[] = [];
      const wall: number[] = [];
      let last: ReturnType<typeof oneEdit> | undefined;
      for (let i = 0; i < edits; i++) {
        const t = edited(i + 11);
        const w0 = performance.now();
        const c0 = cpuMs();
        last = oneEdit(t, version++);
        cpu.push(cpuMs() - c0);
        wall.push(performance.now() - w0);
      }
      out.push(
        figure(
          name,
          median(cpu),
          'ms',
          { max },
          `${lines} lines, ${edits} edits, CPU median (wall ${fmt(median(wall))} ms); worker analyze (memo warm) + clone + markers + graph view model; ${last!.view.diagnostics.length} diagnostics, ${last!.nodes} graph nodes`,
        ),
      );
    } catch (e) {
      out.push(na(name, 'ms', `failed: ${(e instanceof Error ? e.message : String(e)).slice(0, 120)}`, { max }));
    }
  }
  return out;
}
