// The request form: a pasted curl command fills it; every control is labelled; it works from the keyboard.
import { expect, test } from '@playwright/test';
import { openScenario, tester, VERSION_HEADER_ROUTE, verdict } from './tester-helpers.ts';

const MANIFESTS = VERSION_HEADER_ROUTE;

test('a pasted curl command fills the form and runs it', async ({ page }) => {
  await openScenario(page, { manifests: MANIFESTS, requests: [{ request: { host: 'foo.example.com', path: '/' } }] });
  await expect(verdict(page)).toHaveText('Forwarded to default/foo-v1:8080');
  const t = tester(page);
  const curl = t.getByLabel('Paste a curl command or URL');
  await curl.focus();
  // A real paste event, as from the clipboard (multi-line, with a continuation).
  await curl.evaluate((el, text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, "curl -H 'version: 2' \\\n  http://foo.example.com/bar");
  await expect(t.getByLabel('Protocol')).toHaveValue('HTTP');
  await expect(t.getByLabel('Host', { exact: true })).toHaveValue('foo.example.com');
  await expect(t.getByLabel('Path and query')).toHaveValue('/bar');
  await expect(t.getByLabel('Header 1 name')).toHaveValue('version');
  await expect(t.getByLabel('Header 1 value')).toHaveValue('2');
  await expect(verdict(page)).toHaveText('Forwarded to default/foo-v2:8080');
  // And back: the form as a command to try against a real Gateway.
  await t.getByRole('button', { name: 'Copy as curl' }).click();
  await expect(t.getByLabel(/Copied to the clipboard|Copy this command/)).toHaveValue(
    "curl -H 'version: 2' http://foo.example.com/bar",
  );

  // Typed, with -X, --header, -k and an https URL with a port: filled on Enter.
  await curl.fill(`curl -k -X POST --header "X-Trace: on" 'https://foo.example.com:8443/a/b?x=1'`);
  await curl.press('Enter');
  await expect(t.getByLabel('Protocol')).toHaveValue('HTTPS');
  await expect(t.getByLabel('Method', { exact: true })).toHaveValue('POST');
  await expect(t.getByLabel('Port', { exact: true })).toHaveValue('8443');
  await expect(t.getByLabel('Path and query')).toHaveValue('/a/b?x=1');
  await expect(t.getByLabel('Header 1 name')).toHaveValue('X-Trace');
  // No HTTPS listener on 8443 in these manifests.
  await expect(verdict(page)).toHaveText('No listener on port 8443');

  await curl.fill('curl -H nocolon http://foo.example.com/');
  await curl.press('Enter');
  await expect(t.getByRole('alert')).toContainText('has no colon');
});

test('the form works from the keyboard alone: Ctrl+Enter sends, header rows add and remove', async ({ page }) => {
  await openScenario(page, { manifests: MANIFESTS, requests: [{ request: { host: 'foo.example.com', path: '/' } }] });
  await expect(verdict(page)).toHaveText('Forwarded to default/foo-v1:8080');
  const t = tester(page);
  await t.getByRole('button', { name: 'Add header' }).focus();
  await page.keyboard.press('Enter');
  // Focus moves to the new row's name field.
  await expect(t.getByLabel('Header 1 name')).toBeFocused();
  await page.keyboard.type('version');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2');
  await page.keyboard.press('Control+Enter');
  await expect(verdict(page)).toHaveText('Forwarded to default/foo-v2:8080');
  // Remove the row from the keyboard: Tab to its button.
  await page.keyboard.press('Tab');
  await expect(t.getByRole('button', { name: /Remove header 1/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(t.getByLabel('Header 1 name')).toHaveCount(0);
  await expect(t.getByRole('button', { name: 'Add header' })).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(verdict(page)).toHaveText('Forwarded to default/foo-v1:8080');
  // Every form control has an accessible name.
  const unnamed = await t.locator('input, select, textarea, button').evaluateAll((els) =>
    els
      .filter((el) => {
        const e = el as HTMLInputElement;
        const named =
          e.labels?.length || e.getAttribute('aria-label') || (e.tagName === 'BUTTON' && e.textContent?.trim());
        return !named;
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(unnamed).toEqual([]);
});
