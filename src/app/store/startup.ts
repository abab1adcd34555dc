// The page's start-up order (issue 9, page figure). When the page opens on the build's start-up view
// (worker/startup.ts), the first frame holds the page frame, the editor text, the graph and Problems;
// the rest (header controls, the tester, the status bar, the engine worker, Monaco) waits until the
// graph is painted. Native form controls and the worker's start-up are what the first frame would
// otherwise wait for.

let painted = false;
const waiting = new Set<() => void>();

/** GraphPanel: the first graph is on screen. */
export function graphPainted(): void {
  if (painted) return;
  painted = true;
  for (const fn of [...waiting]) fn();
}

/**
 * Calls `fn` once the first graph is painted, or after `ms` at the latest (a scenario whose graph is
 * empty, or a graph that never reports). Returns a function that cancels the call.
 */
export function whenGraphPainted(fn: () => void, ms = 1000): () => void {
  if (painted) {
    fn();
    return () => {};
  }
  const once = () => {
    cancel();
    fn();
  };
  const timer = setTimeout(once, ms);
  const cancel = () => {
    clearTimeout(timer);
    waiting.delete(once);
  };
  waiting.add(once);
  return cancel;
}
