// Hardening (issue 10): a paste just over the page's input cap (contracts.md §7: 16 MB) is refused at
// once with a clear message; the text stays in the editor and the page keeps working.
import { expect, test } from '@playwright/test';
import { waitForEditor } from './app-helpers.ts';

test('a paste just over the 16 MB page cap is refused with a message, and the text is kept', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await waitForEditor(page);
  const size = 16 * 1024 * 1024 + 1;
  await page.evaluate((n) => {
    const m = (globalThis as unknown as { __monaco: typeof import('monaco-editor') }).__monaco;
    const line = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n';
    const pad = `  k: ${'x'.repeat(n - line.length - 6)}\n`;
    m.editor.getModels()[0]!.setValue(line + pad);
  }, size);
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText(/over the 16\.0 MB limit/, { timeout: 60_000 });
  const kept = await page.evaluate(() => {
    const m = (globalThis as unknown as { __monaco: typeof import('monaco-editor') }).__monaco;
    return m.editor.getModels()[0]?.getValueLength() ?? 0;
  });
  expect(kept).toBe(size);
  // The page still answers: the Examples menu opens.
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Examples', exact: true })).toHaveAttribute('aria-expanded', 'true');
});

test('a paste just under the 16 MB cap says at once that it is large, and Cancel stops it', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await waitForEditor(page);
  const size = 16 * 1024 * 1024 - 1;
  await page.evaluate((n) => {
    const m = (globalThis as unknown as { __monaco: typeof import('monaco-editor') }).__monaco;
    const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n';
    const pad = `  k: ${'x'.repeat(n - head.length - 6)}\n`;
    m.editor.getModels()[0]!.setValue(head + pad);
  }, size);
  // The status bar names the size as soon as the (debounced) analysis starts, with a Cancel button.
  await expect(page.getByText(/Large input \(16\.0 MB/)).toBeVisible({ timeout: 5_000 });
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByText(/Analysis cancelled/).first()).toBeVisible();
  const kept = await page.evaluate(() => {
    const m = (globalThis as unknown as { __monaco: typeof import('monaco-editor') }).__monaco;
    return m.editor.getModels()[0]?.getValueLength() ?? 0;
  });
  expect(kept).toBe(size);
});
