import { expect, test } from '@playwright/test';
import { editorText, selectText, waitForEditor, waitSaved } from './app-helpers.ts';

test('a reload keeps edits', async ({ page }) => {
  await page.goto('/');
  await waitForEditor(page);
  await selectText(page, 'name: www');
  await page.keyboard.type('name: kept-after-reload', { delay: 10 });
  await waitSaved(page);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Manifest editor' })).toContainText('name: kept-after-reload');
  await waitForEditor(page);
  expect(await editorText(page)).toContain('name: kept-after-reload');
});
