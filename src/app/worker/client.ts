// The page's handle on the engine worker: promise-based calls, a watchdog that ends a runaway
// analysis (contracts.md §7), and a restart that keeps the page responsive.

import type { EngineOptions, InputFile, SimRequest, Trace } from '../../engine/index.ts';
import type { AnalysisView, FromWorker, ToWorker } from './protocol.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Pending = { resolve: (m: FromWorker) => void; reject: (e: Error) => void };

export class EngineClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  private ensure(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
      this.worker.onmessage = (ev: MessageEvent<FromWorker>) => {
        const p = this.pending.get(ev.data.id);
        if (!p) return;
        this.pending.delete(ev.data.id);
        if (ev.data.type === 'error') p.reject(new Error(ev.data.message));
        else p.resolve(ev.data);
      };
      this.worker.onerror = (ev) => {
        ev.preventDefault();
        this.restart(`The engine stopped: ${ev.message || 'unknown error'}`);
      };
    }
    return this.worker;
  }

  private call(msg: DistributiveOmit<ToWorker, 'id'>): Promise<FromWorker> {
    const id = this.nextId++;
    const w = this.ensure();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ ...msg, id } as ToWorker);
    });
  }

  /** Starts the worker now, so that its download and start-up overlap the page's own start-up. */
  warm(): void {
    this.ensure();
  }

  /** Ends the worker (Cancel, watchdog): pending calls fail with `reason`; the next call starts a fresh one. */
  restart(reason = 'cancelled'): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
  }

  async analyze(files: InputFile[], options: EngineOptions, version: number, key?: string): Promise<AnalysisView> {
    const r = await this.call({ type: 'analyze', version, files, options, ...(key ? { key } : {}) });
    if (r.type !== 'analysis') throw new Error('unexpected reply');
    return r.view;
  }

  async simulate(request: SimRequest, explain = true): Promise<Trace> {
    const r = await this.call({ type: 'simulate', request, explain });
    if (r.type !== 'trace') throw new Error('unexpected reply');
    return r.trace;
  }

  /** Offsets of `path` inside the object `ref` in the latest analysed text, or null. */
  async locate(
    ref: { kind: string; namespace?: string; name: string },
    path: (string | number)[] = [],
  ): Promise<{ start: number; end: number } | null> {
    const r = await this.call({ type: 'locate', ref, path });
    if (r.type !== 'range') throw new Error('unexpected reply');
    return r.range;
  }

  async simulateMany(request: SimRequest, n: number, seed: number): Promise<Record<string, number>> {
    const r = await this.call({ type: 'simulateMany', request, n, seed });
    if (r.type !== 'counts') throw new Error('unexpected reply');
    return r.counts;
  }
}

/** The page's one engine. */
export const engine = new EngineClient();
