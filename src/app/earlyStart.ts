// The first module the page evaluates (main.tsx imports it before React). It starts what the first
// analysis waits for, so that it overlaps the evaluation of React, React Flow and the rest of the app:
//  - the engine worker: its download, compile and start-up;
//  - the read of saved work from IndexedDB, which decides which scenario the page shows;
//  - the analysis of the scenario a first visit shows: the store's initial state, the built-in first
//    example. When the address holds a share link that scenario is not shown, so nothing is started.
//    When saved work turns up instead, this analysis has only warmed the engine up (its code compiled
//    and optimised) and the saved scenario's analysis follows it; when it is the scenario shown, the
//    live analysis (worker/live.ts) asks for the same text and options and the worker answers from
//    its cache.
// Keep the imports small: everything imported here is evaluated before the worker starts.

import { classifyFragment } from './share/fragment.ts';
import { readSavedOnce } from './store/savedStore.ts';
import { useScenario } from './store/scenario.ts';
import { engine } from './worker/client.ts';
import { analysisInput } from './worker/live.ts';

engine.warm();
readSavedOnce().catch(() => {
  // Reported (as "nothing saved") when bootstrap reads it: see store/persist.ts.
});
if (classifyFragment(location.hash).kind !== 'share') {
  const { files, options } = analysisInput(useScenario.getState());
  engine.prefetch(files, options);
}
