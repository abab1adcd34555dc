// Hook for the page figures of issue 9 (Playwright against `vite preview`): navigation → graph painted
// and → editor ready for the default example, next to a bare React page served the same way; graph
// layout at 100/300/1,000 routes; and the App issue's live-edit latency (one-character edit → fresh
// markers and view models at 200 and 2,000 lines, debounce excluded).
//
// Not wired yet: the runner calls pageFigures() and records what it returns. To add them, launch
// Chromium here (see scripts/e2e.mjs for how the system browser is found), measure, and return Figures
// with these names so that results.json stays comparable over time.

import { type Figure, na } from './figures.ts';

export async function pageFigures(): Promise<Figure[]> {
  const why = 'Playwright page harness not wired yet (bench/page.ts)';
  return [
    na('page: graph painted / bare React page', '×', why, { max: 3 }),
    na('page: navigation → editor ready', 'ms', why),
    na('graph: analysis → laid-out graph @300 routes', 'ms', why, { max: 1500 }),
    na('graph: analysis → laid-out graph @1000 routes', 'ms', why),
    na('live edit: keystroke → markers @200 lines', 'ms', why, { max: 30 }),
    na('live edit: keystroke → markers @2000 lines', 'ms', why, { max: 100 }),
  ];
}
