// The page's entry. It is kept small on purpose: the browser has to download, parse and run all of an
// entry chunk before any of it runs, and a Web Worker only starts once the page's main thread is free.
// So this chunk starts the engine worker, the read of saved work and the first analysis
// (app/earlyStart.ts), and only then loads React, React Flow and the app (app/mount.tsx), whose
// evaluation then overlaps the worker's start-up instead of delaying it (issue 9, page figure).
import './app/earlyStart.ts';
import { engine } from './app/worker/client.ts';
import '@xyflow/react/dist/style.css';
import './app/styles.css';

const root = document.getElementById('root') as HTMLElement;
// Chromium starts a module worker through tasks on the page's main thread, and delivers the messages
// queued for it the same way: evaluating the app's ~600 KB first would hold the worker, and with it
// the first analysis, back by that whole evaluation. The app chunk downloads meanwhile (it is
// modulepreloaded), so waiting here costs nothing but the wait, which is capped.
engine
  .whenStarted(250)
  .then(() => import('./app/mount.tsx'))
  .then(({ mount }) => mount(root))
  .catch((e: unknown) => {
    // The app's code could not be loaded (a partial deploy, a dropped connection): say so in plain text.
    const p = document.createElement('p');
    p.className = 'load-failed';
    p.textContent = `gateway-sim could not load its code (${e instanceof Error ? e.message : String(e)}). Reload the page to try again.`;
    root.replaceChildren(p);
  });
