import { expect, test } from '@playwright/test';

test('the page loads and shows the built-in example text', async ({ page }) => {
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1' && url.protocol !== 'data:' && url.protocol !== 'blob:') {
      outside.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Manifest editor' })).toContainText('kind: HTTPRoute');
  expect(outside).toEqual([]);
});
