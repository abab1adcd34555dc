// The tester on the built-in examples (workshop material), driven as an attendee would: open the
// example from the Examples menu, click its ready requests, read the answer.
import { expect, type Page, test } from '@playwright/test';
import { EXAMPLES } from '../src/app/examples/index.ts';
import { cursorLine, selectText, waitForEditor } from './app-helpers.ts';
import { openExample, result, sendRequest, tester, verdict } from './tester-helpers.ts';

function example(id: string) {
  const ex = EXAMPLES.find((e) => e.id === id);
  if (!ex) throw new Error(`no built-in example ${id}`);
  return ex;
}

async function pick(page: Page, name: string) {
  await tester(page).getByRole('group', { name: 'Saved requests' }).getByRole('button', { name, exact: true }).click();
}

test('header matching: a version: 2 header goes to v2', async ({ page }) => {
  const ex = example('header-matching');
  await openExample(page, ex);
  await pick(page, 'version: 2');
  await expect(verdict(page)).toHaveText('Forwarded to default/foo-v2:8080');
  const winner = result(page).locator('.winner');
  await expect(winner).toContainText('rule 0');
  // Clicking the winning rule and match reveals them in the editor.
  await waitForEditor(page);
  const lineOf = (needle: string) => ex.manifests.split('\n').findIndex((l) => l.includes(needle)) + 1;
  await winner.getByRole('button', { name: 'match 0' }).click();
  await expect.poll(() => cursorLine(page)).toBe(lineOf('- headers:'));
  await winner.getByRole('button', { name: /^rule 0/ }).click();
  await expect.poll(() => cursorLine(page)).toBe(lineOf('- matches:'));
  await pick(page, 'no header');
  await expect(verdict(page)).toHaveText('Forwarded to default/foo-v1:8080');
  // Why rule 0 did not match: the condition that failed is named.
  await expect(result(page).locator('.candidates')).toContainText(/header version/i);
});

test('canary: the split shows 75 % and 25 % from weights 3 and 1', async ({ page }) => {
  await openExample(page, example('canary'));
  await pick(page, 'checkout');
  const split = result(page).getByRole('figure', { name: /Weighted split/ });
  await expect(split.getByRole('row', { name: /checkout-stable/ })).toContainText('75 %');
  await expect(split.getByRole('row', { name: /checkout-canary/ })).toContainText('25 %');
  await split.getByRole('button', { name: 'Simulate 1,000 requests' }).click();
  await expect(
    split
      .getByRole('row', { name: /checkout-stable/ })
      .locator('td')
      .last(),
  ).toHaveText(/^\d+ \(\d/);
  await pick(page, 'beta tester');
  await expect(
    result(page)
      .getByRole('figure', { name: /Weighted split/ })
      .getByRole('row', { name: /checkout-stable/ }),
  ).toContainText('0 %');
});

test('redirects: the Location is shown', async ({ page }) => {
  await openExample(page, example('redirects'));
  await pick(page, 'plain HTTP');
  await expect(verdict(page)).toHaveText('Redirect 301 → https://www.example.com/pricing');
  await pick(page, 'old docs link');
  await expect(verdict(page)).toHaveText('Redirect 302 → https://www.example.com/docs/install');
});

test('rewrite: the rewritten path and host are shown, before and after', async ({ page }) => {
  await openExample(page, example('rewrite'));
  await pick(page, 'v1 users');
  await expect(verdict(page)).toHaveText(/Forwarded to default\/legacy-api/);
  const diff = result(page).locator('ol.filters table.diff');
  await expect(diff.getByRole('row', { name: /^path/ })).toContainText('/v1/users');
  await expect(diff.getByRole('row', { name: /^path/ })).toContainText('/users');
  await expect(result(page).locator('.request-line')).toContainText('GET /users');
  await expect(result(page).locator('.request-line')).toContainText('legacy.internal');
});

test('cross-namespace: a backend without a ReferenceGrant is a red 500 share', async ({ page }) => {
  await openExample(page, example('cross-namespace'));
  await pick(page, 'ledger');
  await expect(verdict(page)).toHaveText(/^500 /);
  const row = result(page)
    .getByRole('figure', { name: /Weighted split/ })
    .locator('tr.invalid')
    .first();
  await expect(row).toContainText('500');
  await expect(row).toContainText('100 %');
  await expect(row).toContainText(/RefNotPermitted|ReferenceGrant/);
  await pick(page, 'pay');
  await expect(verdict(page)).toHaveText(/Forwarded to billing\/payments/);
});

test('gRPC: a GRPCRoute request matches by method', async ({ page }) => {
  await openExample(page, example('grpc-and-http'));
  await pick(page, 'gRPC Orders/Get');
  await expect(verdict(page)).toHaveText(/Forwarded to default\/orders-read/);
  await expect(result(page).locator('.winner')).toContainText('GRPCRoute default/orders');
  await sendRequest(page, { grpcMethod: 'Create' });
  await expect(verdict(page)).toHaveText(/Forwarded to default\/orders-write/);
  await pick(page, 'browser GET /');
  await expect(verdict(page)).toHaveText(/Forwarded to default\/website/);
});

test('the example test cases fail after the route is edited and pass after it is fixed', async ({ page }) => {
  const ex = example('header-matching');
  await openExample(page, ex);
  const summary = tester(page).getByTestId('tests-summary');
  await expect(summary).toHaveText(`${ex.tests.length} passed, 0 failed`);
  await waitForEditor(page);
  await selectText(page, 'version');
  await page.keyboard.type('release', { delay: 10 });
  await expect(summary).toHaveText(/^\d+ passed, [1-9]\d* failed$/);
  const failing = tester(page).getByTestId('test-case').filter({ hasText: 'FAIL' });
  await expect(failing.first()).toContainText('version 2 goes to v2');
  await expect(failing.first().locator('table.test-diff')).toContainText('backends.default/foo-v2');
  await selectText(page, 'release');
  await page.keyboard.type('version', { delay: 10 });
  await expect(summary).toHaveText(`${ex.tests.length} passed, 0 failed`);
});

test('every built-in example: its ready requests get a verdict and its test cases pass in the tester', async ({
  page,
}) => {
  test.setTimeout(180_000);
  for (const ex of EXAMPLES) {
    await openExample(page, ex);
    if (ex.tests.length > 0) {
      await expect(tester(page).getByTestId('tests-summary'), ex.id).toHaveText(`${ex.tests.length} passed, 0 failed`);
    }
    for (const r of ex.requests) {
      if (!r.name) continue;
      await pick(page, r.name);
      await expect(verdict(page), `${ex.id}: ${r.name}`).not.toHaveText(/^Error:/);
    }
  }
});
