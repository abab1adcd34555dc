import { expect, test } from '@playwright/test';
import { waitForEditor } from './app-helpers.ts';

test('after the first visit the page works offline (service worker)', async ({ page, context }) => {
  await page.goto('/');
  await waitForEditor(page);
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('No problems found');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Let the worker store what this visit loaded.
  await expect
    .poll(() => page.evaluate(async () => (await (await caches.open('gateway-sim-v1')).keys()).length), {
      timeout: 20_000,
    })
    .toBeGreaterThan(8);
  await page.waitForTimeout(1500);
  await context.setOffline(true);
  await page.reload();
  await waitForEditor(page);
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('No problems found');
  await expect(page.getByRole('region', { name: 'Topology graph' })).toContainText('gateway');
  // The test-case YAML support is loaded a moment after start-up, not with the page: it was cached all
  // the same, so editing a case works offline.
  const tester = page.getByRole('region', { name: 'Request tester' });
  await expect(tester.getByRole('region', { name: 'Request result' })).toBeVisible();
  await tester.getByRole('button', { name: 'Save as test' }).click();
  await tester
    .getByRole('button', { name: /^Edit test/ })
    .first()
    .click();
  await expect(tester.getByLabel(/Test case 1 as YAML/)).toHaveValue(/expect:/);
  await context.setOffline(false);
});
