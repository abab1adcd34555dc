// Shared helpers for the app e2e specs (e2e/app-*.spec.ts). They drive Monaco through its public API
// (window.__monaco, a test hook set in src/app/editor/monaco.ts) only to place the cursor or read
// state; text changes go through the keyboard like a user's.
import { type BrowserContext, expect, type Page } from '@playwright/test';

/** Aborts and records every request that leaves the page's origin (service worker included). */
export async function guardOrigin(context: BrowserContext, origin: string): Promise<string[]> {
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith(origin)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  return outside;
}

export async function waitForEditor(page: Page): Promise<void> {
  await expect(page.locator('.monaco-editor .view-line').first()).toBeVisible({ timeout: 30_000 });
}

export function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const m = (globalThis as unknown as { __monaco: typeof import('monaco-editor') }).__monaco;
    return m.editor.getModels()[0]?.getValue() ?? '';
  });
}

/** Selects the `nth` occurrence of `needle` in the editor (0-based) and focuses the editor. */
export async function selectText(page: Page, needle: string, nth = 0): Promise<void> {
  await page.evaluate(
    ([needle, nth]) => {
      const m = (globalThis as unknown as { __monaco: typeof import('monaco-editor') }).__monaco;
      const model = m.editor.getModels()[0]!;
      const text = model.getValue();
      let at = -1;
      for (let i = 0; i <= (nth as number); i++) at = text.indexOf(needle as string, at + 1);
      if (at < 0) throw new Error(`not in the editor: ${needle}`);
      const s = model.getPositionAt(at);
      const e = model.getPositionAt(at + (needle as string).length);
      const ed = m.editor.getEditors()[0]!;
      ed.setSelection(new m.Selection(s.lineNumber, s.column, e.lineNumber, e.column));
      ed.focus();
    },
    [needle, nth] as const,
  );
}

export function cursorLine(page: Page): Promise<number> {
  return page.evaluate(() => {
    const m = (globalThis as unknown as { __monaco: typeof import('monaco-editor') }).__monaco;
    return m.editor.getEditors()[0]?.getPosition()?.lineNumber ?? -1;
  });
}

export function markers(page: Page): Promise<{ line: number; message: string; severity: number }[]> {
  return page.evaluate(() => {
    const m = (globalThis as unknown as { __monaco: typeof import('monaco-editor') }).__monaco;
    return m.editor
      .getModelMarkers({ owner: 'gateway-sim' })
      .map((k) => ({ line: k.startLineNumber, message: k.message, severity: k.severity }));
  });
}

/** Waits until the scenario is written to IndexedDB (the status bar says so). */
export async function waitSaved(page: Page): Promise<void> {
  await page.waitForTimeout(600);
  await expect(page.getByText('Saved in this browser')).toBeVisible();
}
