import { expect, test } from '@playwright/test';
import { decodeScenario } from '../src/engine/share/index.ts';
import { editorText, selectText, waitForEditor, waitSaved } from './app-helpers.ts';

async function makeLink(page: import('@playwright/test').Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  const field = dialog.getByLabel('Share link');
  await expect(field).toHaveValue(/#s1\./);
  const link = await field.inputValue();
  await dialog.getByRole('button', { name: 'Done' }).click();
  return link;
}

test('a share link round-trips into a fresh page, with its requests, and keeps local work there', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto('/');
  await waitForEditor(page);
  await selectText(page, 'name: www');
  await page.keyboard.type('name: shared-route', { delay: 10 });
  const link = await makeLink(page);
  expect(link.startsWith(`${baseURL}/#s1.`)).toBe(true);
  // The address bar carries the link too (replaceState, not a new history entry).
  expect(page.url()).toBe(link);

  // A fresh browser profile: nothing saved, so the link simply opens.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole('region', { name: 'Manifest editor' })).toContainText('name: shared-route');
  await expect(other.getByRole('region', { name: 'Manifest editor' })).toContainText('Opened from a share link');
  await expect(other.getByRole('group', { name: 'Saved requests' })).toContainText('app page');
  await expect(other.getByRole('region', { name: 'Request result' })).toContainText(/app/);
  await fresh.close();

  // A profile with its own work: opening the link sets that work aside under Recent.
  const busy = await browser.newContext();
  const mine = await busy.newPage();
  await mine.goto('/');
  await waitForEditor(mine);
  await selectText(mine, 'name: www');
  await mine.keyboard.type('name: my-own-work', { delay: 10 });
  await waitSaved(mine);
  await mine.goto(link);
  await expect(mine.getByRole('region', { name: 'Manifest editor' })).toContainText('Opened from a share link');
  await waitForEditor(mine);
  await expect.poll(() => editorText(mine)).toContain('name: shared-route');
  await expect(mine.getByText('Your previous work is under Examples → Recent.')).toBeVisible();
  await mine.getByRole('button', { name: 'Examples', exact: true }).click();
  await mine.getByRole('button', { name: /HTTPRoute my-own-work|edited/ }).click();
  await expect.poll(() => editorText(mine)).toContain('name: my-own-work');
  await busy.close();
});

for (const [what, fragment, message] of [
  ['malformed', '#s1.%%%not-a-link%%%', /cannot be opened/],
  ['truncated', null, /cut off|ends early|damaged/],
  ['newer', '#s9.AAAA', /newer version of gateway-sim/],
] as const) {
  test(`a ${what} link gives a clear message and local work survives`, async ({ page }) => {
    await page.goto('/');
    await waitForEditor(page);
    let frag: string = fragment ?? '';
    if (!fragment) {
      const link = await makeLink(page);
      const f = link.slice(link.indexOf('#'));
      frag = f.slice(0, Math.floor(f.length * 0.6));
      await page.goto('/');
      await waitForEditor(page);
    }
    await selectText(page, 'name: www');
    await page.keyboard.type('name: local-work', { delay: 10 });
    await waitSaved(page);
    await page.goto('about:blank');
    await page.goto(`/${frag}`);
    await expect(page.locator('.notices').getByRole('alert')).toContainText(message);
    await expect(page.locator('.notices').getByRole('alert')).toContainText('Your own work is unchanged.');
    await expect(page.getByRole('region', { name: 'Manifest editor' })).toContainText('name: local-work');
    // The bad fragment is gone from the address bar, so a reload does not repeat the error.
    expect(new URL(page.url()).hash).toBe('');
    await page.reload();
    await expect(page.getByRole('region', { name: 'Manifest editor' })).toContainText('name: local-work');
    await expect(page.locator('.notices').getByRole('alert')).toHaveCount(0);
  });
}

test('while the address bar mirrors the scenario, Secret data stays out of it unless the user shared it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const secret = 'c2VjcmV0LXRva2VuLW1pcnJvci10ZXN0LTEyMzQ1Njc4OTA=';
  const setText = (text: string) =>
    page.evaluate((t) => {
      const m = (globalThis as unknown as { __monaco: typeof import('monaco-editor') }).__monaco;
      m.editor.getModels()[0]?.setValue(t);
    }, text);
  const inAddressBar = () => {
    const r = decodeScenario(page.url());
    if (!r.ok) throw new Error(r.error);
    return r.scenario.manifests;
  };
  await page.goto('/');
  await waitForEditor(page);
  const base = await editorText(page);
  const withSecret = `${base}---\napiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: default}\ndata:\n  token: ${secret}\n`;
  await setText(withSecret);
  // Shared with "Strip Secret data" ticked (the default): the link and the address bar hold no value.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  let dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  await expect(dialog.getByRole('checkbox', { name: /Strip Secret data before sharing/ })).toBeChecked();
  await expect(dialog.getByLabel('Share link')).toHaveValue(/#s1\./);
  await dialog.getByRole('button', { name: 'Done' }).click();
  expect(inAddressBar()).toContain('token: ""');
  // An edit is mirrored into the address bar a second later, still without the value.
  await setText(withSecret.replace('name: www', 'name: www-edited'));
  await expect.poll(inAddressBar, { timeout: 10_000 }).toContain('name: www-edited');
  expect(inAddressBar()).not.toContain(secret);
  expect(inAddressBar()).toContain('token: ""');
  // The user's own text keeps the value.
  expect(await editorText(page)).toContain(secret);

  // Shared again with the box unticked: the user chose to share the value, so the mirror keeps it.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  await dialog.getByRole('checkbox', { name: /Strip Secret data before sharing/ }).uncheck();
  await expect
    .poll(async () => decodeScenario(await dialog.getByLabel('Share link').inputValue()))
    .toMatchObject({
      ok: true,
      scenario: { manifests: expect.stringContaining(secret) },
    });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await setText(withSecret.replace('name: www', 'name: www-again'));
  await expect.poll(inAddressBar, { timeout: 10_000 }).toContain('name: www-again');
  expect(inAddressBar()).toContain(secret);
});
