import { expect, test } from '@playwright/test';
import { guardOrigin, markers, waitForEditor } from './app-helpers.ts';

test('first visit shows the first example, its graph and no problems, with no request outside the origin', async ({
  page,
  context,
  baseURL,
}) => {
  const outside = await guardOrigin(context, new URL(baseURL!).origin);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const editor = page.getByRole('region', { name: 'Manifest editor' });
  // The read-only stand-in or Monaco: the text is there at once.
  await expect(editor).toContainText('kind: HTTPRoute');
  await expect(editor).toContainText('A basic Gateway and HTTPRoute');
  await waitForEditor(page);
  const graph = page.getByRole('region', { name: 'Topology graph' });
  await expect(graph).toContainText('gateway');
  await expect(graph).toContainText('www');
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('No problems found');
  await expect(page.getByRole('region', { name: 'Request tester' })).toBeVisible();
  expect(await markers(page)).toEqual([]);
  // Exercise the header too: every menu and dialog opens without leaving the origin.
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await expect(page.getByRole('button', { name: /A basic Gateway and HTTPRoute/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'How gateway-sim works' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.waitForTimeout(500);
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
});
