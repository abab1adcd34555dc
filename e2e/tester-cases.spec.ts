// Route test cases: save the current request with its outcome, watch it fail when the route is
// broken and pass when it is fixed, edit the expectation, export and import the `gateway-sim test` YAML.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { selectText, waitForEditor } from './app-helpers.ts';
import { openScenario, tester, VERSION_HEADER_ROUTE, verdict } from './tester-helpers.ts';

const MANIFESTS = VERSION_HEADER_ROUTE;

const V2 = { host: 'foo.example.com', path: '/bar', headers: { version: '2' } };

test('a saved test case fails after the route is edited and passes after it is fixed', async ({ page }) => {
  await openScenario(page, { manifests: MANIFESTS, requests: [{ name: 'version 2', request: V2 }] });
  await expect(verdict(page)).toHaveText('Forwarded to default/foo-v2:8080');
  const t = tester(page);
  const summary = t.getByTestId('tests-summary');
  await expect(summary).toHaveText('No test cases yet');
  await t.getByRole('button', { name: 'Save as test' }).click();
  await expect(summary).toHaveText('1 passed, 0 failed');
  const item = t.getByTestId('test-case');
  await expect(item).toContainText('PASS');
  await expect(item).toContainText('GET foo.example.com/bar → default/foo-v2');

  // Break the route: the header match no longer names `version`.
  await waitForEditor(page);
  // (Only the word: Monaco's completion may swallow a typed space after "name:".)
  await selectText(page, 'version');
  await page.keyboard.type('release', { delay: 10 });
  await expect(summary).toHaveText('0 passed, 1 failed');
  await expect(item).toContainText('FAIL');
  const diff = item.locator('table.test-diff');
  await expect(diff.getByRole('row', { name: /backends\.default\/foo-v2/ })).toContainText('1');
  await expect(diff.getByRole('row', { name: /^rule/ })).toContainText('0');
  // The result on screen follows the edit too.
  await expect(verdict(page)).toHaveText('Forwarded to default/foo-v1:8080');

  // Fix it again.
  await selectText(page, 'release');
  await page.keyboard.type('version', { delay: 10 });
  await expect(summary).toHaveText('1 passed, 0 failed');
  await expect(item).toContainText('PASS');
});

test('an expectation can be edited, exported and imported as the gateway-sim test YAML', async ({ page }) => {
  await openScenario(page, {
    manifests: MANIFESTS,
    requests: [{ request: V2 }],
    tests: [{ name: 'v2 header', request: V2, expect: { outcome: 'forward', backend: 'default/foo-v2' } }],
  });
  const t = tester(page);
  const summary = t.getByTestId('tests-summary');
  // Tests travel in the link and run at once.
  await expect(summary).toHaveText('1 passed, 0 failed');

  await t.getByRole('button', { name: 'Edit test "v2 header"' }).click();
  const yaml = t.getByLabel(/Test case 1 as YAML/);
  await expect(yaml).toHaveValue(/backend: default\/foo-v2/);
  await yaml.fill((await yaml.inputValue()).replace('default/foo-v2', 'default/foo-v1'));
  await t.getByRole('button', { name: 'Save test' }).click();
  await expect(summary).toHaveText('0 passed, 1 failed');
  await expect(t.getByTestId('test-case').locator('table.test-diff')).toContainText('backends.default/foo-v1');

  // A broken edit says what is wrong and keeps the case.
  await t.getByRole('button', { name: 'Edit test "v2 header"' }).click();
  await t.getByLabel(/Test case 1 as YAML/).fill('name: x\nrequest: {}\nexpect: { bakend: a }\n');
  await t.getByRole('button', { name: 'Save test' }).click();
  await expect(t.getByRole('alert')).toContainText('unknown expectation key `bakend`');
  await t.getByRole('button', { name: 'Cancel' }).click();

  const download = page.waitForEvent('download');
  await t.getByRole('button', { name: 'Export YAML' }).click();
  const file = await (await download).path();
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('cases:');
  expect(text).toContain('name: v2 header');
  expect(text).toContain('request: { host: foo.example.com, path: /bar, headers: { version: "2" } }');

  await t.getByLabel('Import YAML…').setInputFiles({
    name: 'cases.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(
      'cases:\n  - name: plain goes to v1\n    request: { host: foo.example.com, path: / }\n    expect: { backend: default/foo-v1 }\n',
    ),
  });
  await expect(t.getByRole('status').filter({ hasText: 'Imported 1 test case' })).toBeVisible();
  await expect(summary).toHaveText('1 passed, 1 failed');
});
