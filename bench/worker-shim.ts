// Lets bench/live.ts load the page's engine worker (src/app/worker/engine.worker.ts) in Node unchanged:
// the worker assigns `self.onmessage` and calls `self.postMessage` at import, so a minimal `self` must
// exist before that module is evaluated. Imported first, so it runs first in the bundled runner.

type Listener = (msg: unknown) => void;

interface WorkerSelf {
  onmessage: ((ev: { data: unknown }) => void) | null;
  postMessage: (msg: unknown) => void;
  __listener: Listener | null;
}

const g = globalThis as unknown as { self?: WorkerSelf };
export const workerSelf: WorkerSelf = {
  onmessage: null,
  __listener: null,
  postMessage(msg: unknown) {
    this.__listener?.(msg);
  },
};
g.self = workerSelf;
