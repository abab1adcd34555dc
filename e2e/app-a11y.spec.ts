import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { waitForEditor } from './app-helpers.ts';

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations (${scheme} theme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await waitForEditor(page);
    await expect(page.getByRole('region', { name: 'Problems' })).toContainText('No problems found');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    expect(bad).toEqual([]);
  });
}

test('axe finds no serious or critical violations in the dialogs and the Examples menu', async ({ page }) => {
  await page.goto('/');
  await waitForEditor(page);
  const check = async (selector: string) => {
    const results = await new AxeBuilder({ page })
      .include(selector)
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${selector}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };
  const bad: string[] = [];
  for (const [button, name] of [
    ['Settings', 'Settings'],
    ['Help', 'How gateway-sim works'],
    ['Share', 'Share this scenario'],
  ] as const) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect(page.getByRole('dialog', { name })).toBeVisible();
    if (button === 'Settings') await page.getByLabel(/Only the features I choose/).check();
    if (button === 'Share') await expect(page.getByLabel('Share link')).toHaveValue(/#s1\./);
    bad.push(...(await check('dialog[open]')));
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name })).toHaveCount(0);
  }
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  bad.push(...(await check('.menu')));
  expect(bad).toEqual([]);
});

test('the page is usable from the keyboard: landmarks, header controls and dialogs', async ({ page }) => {
  await page.goto('/');
  await waitForEditor(page);
  for (const name of ['Manifest editor', 'Topology graph', 'Problems', 'Request tester', 'Request result'])
    await expect(page.getByRole('region', { name })).toHaveCount(1);
  // The first Tab from the top reaches the Examples button, and Enter opens the menu with focus inside it.
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Examples', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.menu .menu-item').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Examples', exact: true })).toBeFocused();
  // The splitter resizes with the arrow keys.
  const sep = page.getByRole('separator', { name: 'Resize editor and panels' });
  await sep.focus();
  const before = Number(await sep.getAttribute('aria-valuenow'));
  await page.keyboard.press('ArrowRight');
  expect(Number(await sep.getAttribute('aria-valuenow'))).toBeGreaterThan(before);
});
