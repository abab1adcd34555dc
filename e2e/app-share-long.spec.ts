import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { editorText, waitForEditor } from './app-helpers.ts';

/** Routes with pseudo-random names: they compress badly, so the link passes 2,000 characters. */
function manyRoutes(n: number): string {
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed.toString(36);
  };
  const docs = [
    'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: example\nspec:\n  controllerName: example.com/x\n',
  ];
  for (let i = 0; i < n; i++)
    docs.push(
      `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r-${rnd()}\n  namespace: default\nspec:\n  hostnames:\n  - ${rnd()}.example.com\n`,
    );
  return docs.join('---\n');
}

test('a link over 2,000 characters warns and offers "Download scenario", which Open file reads back', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  await waitForEditor(page);
  const text = manyRoutes(160);
  await page.locator('.app-header input[type=file]').setInputFiles({
    name: 'many.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(text),
  });
  await expect.poll(() => editorText(page)).toBe(text);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  await expect(dialog.getByLabel('Share link')).toHaveValue(/#s1\./);
  expect((await dialog.getByLabel('Share link').inputValue()).length).toBeGreaterThan(2000);
  await expect(dialog).toContainText('chat tools');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download scenario' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('scenario.gateway-sim.json');
  const path = await download.path();
  const file = readFileSync(path);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/');
  await waitForEditor(other);
  await other.locator('.app-header input[type=file]').setInputFiles({
    name: 'scenario.gateway-sim.json',
    mimeType: 'application/json',
    buffer: file,
  });
  await expect.poll(() => editorText(other)).toBe(text);
  await fresh.close();
});
