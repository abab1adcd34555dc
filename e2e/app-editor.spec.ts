import { expect, test } from '@playwright/test';
import { editorText, selectText, waitForEditor } from './app-helpers.ts';

test('completion offers values from the engine schema (monaco-yaml), without schema markers of its own', async ({
  page,
}) => {
  await page.goto('/');
  await waitForEditor(page);
  // Replace the HTTPRoute path type with nothing and ask for suggestions there.
  await selectText(page, 'PathPrefix');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.suggest-widget .monaco-list-row');
  await expect(suggest.first()).toBeVisible();
  const items = await suggest.allInnerTexts();
  expect(items.join('\n')).toContain('RegularExpression');
  await page.keyboard.press('Escape');
  // monaco-yaml's own validation is off: the only markers are the engine's.
  const owners = await page.evaluate(() => {
    const m = (globalThis as unknown as { __monaco: typeof import('monaco-editor') }).__monaco;
    return [...new Set(m.editor.getModelMarkers({}).map((k) => k.owner))];
  });
  expect(owners.filter((o) => o !== 'gateway-sim')).toEqual([]);
});

test('Open file replaces the manifests and keeps the previous work under Recent', async ({ page }) => {
  await page.goto('/');
  await waitForEditor(page);
  await selectText(page, 'name: www');
  await page.keyboard.type('name: before-open', { delay: 10 });
  await page.locator('.app-header input[type=file]').setInputFiles({
    name: 'mine.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(
      'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: from-a-file\nspec:\n  controllerName: example.com/x\n',
    ),
  });
  await expect(page.getByRole('region', { name: 'Manifest editor' })).toContainText('mine.yaml');
  await expect.poll(() => editorText(page)).toContain('name: from-a-file');
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page.getByRole('button', { name: /edited/ }).click();
  await expect.poll(() => editorText(page)).toContain('name: before-open');
});

test('dropping a YAML file on the page opens it', async ({ page }) => {
  await page.goto('/');
  await waitForEditor(page);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(
      new File(
        [
          'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: dropped\nspec:\n  controllerName: example.com/x\n',
        ],
        'dropped.yaml',
        { type: 'application/yaml' },
      ),
    );
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect.poll(() => editorText(page)).toContain('name: dropped');
  await expect(page.getByRole('region', { name: 'Manifest editor' })).toContainText('dropped.yaml');
});
