// Start-up (issue 9, page figure): a first visit draws the graph from the build's start-up view
// (src/app/worker/startup.ts) before the engine worker starts, the rest of the page fills in after it
// without moving anything (src/app/store/startup.ts), and the worker's own analysis then confirms the view.
import { expect, test } from '@playwright/test';
import { waitForEditor, waitSaved } from './app-helpers.ts';
import { tester, verdict } from './tester-helpers.ts';

interface Probe {
  marks: { name: string; t: number; detail: unknown }[];
  workerAt: number | null;
  /** Boxes of the page's parts and the graph's viewport transform, when the graph was first painted. */
  atPaint: Record<string, number[] | string> | null;
}

// Runs in the page before its scripts: records the marks, when the engine worker is created, and the
// layout at the moment the first graph is painted.
function probe() {
  const P: Probe = { marks: [], workerAt: null, atPaint: null };
  (globalThis as unknown as { __probe: Probe }).__probe = P;
  const Native = globalThis.Worker;
  globalThis.Worker = class extends Native {
    constructor(url: string | URL, opts?: WorkerOptions) {
      if (opts?.name === 'engine' && P.workerAt === null) P.workerAt = performance.now();
      super(url, opts);
    }
  };
  // Wrapped rather than observed: an observer hears of a mark a task later, when the rest of the page
  // may already be there.
  const mark = performance.mark.bind(performance);
  performance.mark = (name: string, options?: PerformanceMarkOptions) => {
    const m = mark(name, options);
    if (name.startsWith('gwsim-')) P.marks.push({ name, t: m.startTime, detail: m.detail });
    if (name === 'gwsim-graph-painted' && !P.atPaint) P.atPaint = layout();
    return m;
  };
  function layout(): Record<string, number[] | string> {
    const box = (sel: string) => {
      const r = document.querySelector(sel)?.getBoundingClientRect();
      return r ? [r.x, r.y, r.width, r.height].map((n) => Math.round(n * 2) / 2) : [];
    };
    return {
      header: box('.app-header'),
      editor: box('.editor-pane'),
      graph: box('.graph-panel'),
      // The canvas: the request path highlighted by the tester floats over it, it does not push it.
      canvas: box('.gs-flow'),
      problems: box('.problems-panel'),
      tester: box('.tester-panel'),
      status: box('.status-bar'),
      viewport: (document.querySelector('.react-flow__viewport') as HTMLElement | null)?.style.transform ?? '',
    };
  }
  (globalThis as unknown as { __layout: typeof layout }).__layout = layout;
}

test('a first visit draws the graph before the engine starts; nothing moves after; the engine confirms it', async ({
  page,
}) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
  });
  await page.addInitScript(probe);
  await page.goto('/');
  // The engine's own analysis, then the tester's answer for the example's first request (the tester
  // simulates against the worker's Analysis, which the start-up view does not replace).
  await expect(page.getByText(/Checked 5 objects in \d+ ms/)).toBeVisible();
  await expect(verdict(page)).toContainText('default/app');
  await waitForEditor(page);
  await expect(tester(page).getByTestId('tests-summary')).toHaveText(/passed, 0 failed/);

  const p = await page.evaluate(() => (globalThis as unknown as { __probe: Probe }).__probe);
  const arrived = p.marks.filter((m) => m.name === 'gwsim-analysis-arrived');
  const painted = p.marks.filter((m) => m.name === 'gwsim-graph-painted');
  expect(arrived[0]?.detail).toMatchObject({ startup: true });
  // The worker's confirmation keeps the same topology: no second arrival, no second graph.
  expect(arrived).toHaveLength(1);
  expect(painted).toHaveLength(1);
  expect(p.workerAt).not.toBeNull();
  expect(p.workerAt).toBeGreaterThanOrEqual(painted[0]?.t ?? Number.POSITIVE_INFINITY);
  // Every part of the page has its final box from the first frame, and the graph kept its fit (the
  // tester's request path is highlighted by now).
  await expect(page.locator('.gs-pathbar')).toContainText('Request path: GET www.example.com/app/login');
  expect(p.atPaint).toEqual(
    await page.evaluate(() => (globalThis as unknown as { __layout: () => unknown }).__layout()),
  );
  expect(warnings.filter((w) => /start-up view/.test(w))).toEqual([]);
});

test('saved work is analysed by the engine at once, without the start-up view', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText(/Checked 5 objects in \d+ ms/)).toBeVisible();
  await waitForEditor(page);
  await page.locator('.monaco-editor .view-line').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# my own notes\n');
  await waitSaved(page);
  await page.addInitScript(probe);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Manifest editor' })).toContainText('# my own notes');
  await expect(page.getByText(/Checked 5 objects in \d+ ms/)).toBeVisible();
  const p = await page.evaluate(() => (globalThis as unknown as { __probe: Probe }).__probe);
  const first = p.marks.find((m) => m.name === 'gwsim-analysis-arrived');
  expect(first?.detail).toMatchObject({ startup: false });
  // The worker was started by the page's first script (it overlaps reading the saved work), before
  // DOMContentLoaded: not after the saved work was read, as it would be on the start-up view's path.
  const dcl = await page.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
  );
  expect(p.workerAt).toBeLessThan(dcl);
});

test('saved work written before the saved-work hint existed still comes back', async ({ page }) => {
  await page.goto('/');
  await waitForEditor(page);
  await page.locator('.monaco-editor .view-line').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# saved before the hint\n');
  await waitSaved(page);
  // As a browser that saved work with an older build: IndexedDB has it, localStorage has no hint.
  await page.evaluate(() => localStorage.removeItem('gateway-sim:saved'));
  await page.reload();
  await expect(page.getByRole('region', { name: 'Manifest editor' })).toContainText('# saved before the hint');
  await expect(page.getByText(/Checked 5 objects in \d+ ms/)).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('gateway-sim:saved'))).toBe('1');
});
