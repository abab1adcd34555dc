import { expect, test } from '@playwright/test';
import { cursorLine, editorText, markers, selectText, waitForEditor } from './app-helpers.ts';

test('typing an error shows a marker and a Problems entry; clicking it moves the cursor; a quick fix repairs it', async ({
  page,
}) => {
  await page.goto('/');
  await waitForEditor(page);
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText('No problems found');

  // The HTTPRoute's first backendRef asks for port 8080 of Service app; ask for 8081 instead.
  await selectText(page, 'port: 8080', 0);
  await page.keyboard.type('port: 8081', { delay: 20 });

  const entry = problems.getByRole('button', { name: /no port 8081/ });
  await expect(entry).toBeVisible();
  await expect(problems).toContainText('1 error');
  await expect
    .poll(() => markers(page))
    .toEqual([expect.objectContaining({ message: expect.stringMatching(/no port 8081/), severity: 8 })]);
  const markerLine = (await markers(page))[0]!.line;

  // Move the cursor away, then let the Problems entry bring it back.
  await selectText(page, 'kind: GatewayClass');
  expect(await cursorLine(page)).toBe(2);
  await entry.click();
  await expect.poll(() => cursorLine(page)).toBe(markerLine);

  // Quick fix from the editor (Ctrl+. on the marker), as offered by the engine.
  await page.keyboard.press('Control+Period');
  const fix = page.locator('.action-widget').getByText('Use port 8080');
  await expect(fix).toBeVisible();
  await fix.click();
  await expect(problems).toContainText('No problems found');
  expect(await editorText(page)).not.toContain('8081');
  await expect.poll(() => markers(page)).toEqual([]);
});

test('the Fix button in Problems applies the same fix, and Undo takes it back', async ({ page }) => {
  await page.goto('/');
  await waitForEditor(page);
  const problems = page.getByRole('region', { name: 'Problems' });
  await selectText(page, '- name: gateway');
  await page.keyboard.type('- name: gatewya', { delay: 20 });
  const fixButton = problems.getByRole('button', { name: 'Fix: Change the parent to gateway' });
  await expect(fixButton).toBeVisible();
  await fixButton.click();
  await expect(problems).toContainText('No problems found');
  expect(await editorText(page)).toContain('- name: gateway\n');
  await page.keyboard.press('Control+z');
  await expect(problems).toContainText('gatewya');
});
