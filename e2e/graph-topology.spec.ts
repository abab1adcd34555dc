// The topology graph (issue "Graph") against the production build: nodes and edge labels for a known
// scenario, a rejected attachment with its reason, click → editor line, keyboard, filters, exports,
// and the path of a tester request.
import { expect, type Page, test } from '@playwright/test';
import { encodeScenario, makeScenario } from '../src/engine/share/codec.ts';
import { waitForEditor } from './app-helpers.ts';

const MANIFESTS = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: example
spec:
  controllerName: example.com/gateway-controller
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
  namespace: infra
spec:
  gatewayClassName: example
  listeners:
  - name: http
    protocol: HTTP
    port: 80
    allowedRoutes:
      namespaces:
        from: Same
  - name: web
    protocol: HTTP
    port: 8080
    hostname: "*.example.com"
    allowedRoutes:
      namespaces:
        from: All
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: foo-route
  namespace: default
spec:
  parentRefs:
  - name: gw
    namespace: infra
    sectionName: web
  hostnames:
  - foo.example.com
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /v2
      headers:
      - name: version
        value: "2"
    filters:
    - type: RequestMirror
      requestMirror:
        backendRef:
          name: shadow
          port: 80
    timeouts:
      request: 10s
    backendRefs:
    - name: foo-v1
      port: 80
      weight: 90
    - name: foo-v2
      port: 80
      weight: 10
  - backendRefs:
    - name: missing
      port: 80
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: bar-route
  namespace: default
spec:
  parentRefs:
  - name: gw
    namespace: infra
    sectionName: http
  rules:
  - matches:
    - path:
        type: Exact
        value: /bar
    backendRefs:
    - name: bar
      namespace: other
      port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: foo-v1
  namespace: default
spec:
  ports:
  - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: foo-v2
  namespace: default
spec:
  ports:
  - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: shadow
  namespace: default
spec:
  ports:
  - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: bar
  namespace: other
spec:
  ports:
  - port: 80
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata:
  name: allow-default
  namespace: other
spec:
  from:
  - group: gateway.networking.k8s.io
    kind: HTTPRoute
    namespace: default
  to:
  - group: ""
    kind: Service
`;

async function open(page: Page, manifests = MANIFESTS): Promise<void> {
  const fragment = encodeScenario(makeScenario({ manifests, requests: [], tests: [] }));
  await page.goto(`/#${fragment}`);
  await expect(
    graph(page).getByRole('button', { name: 'HTTPRoute default/foo-route, Partially accepted', exact: true }),
  ).toBeVisible({
    timeout: 30_000,
  });
}

const graph = (page: Page) => page.getByRole('region', { name: 'Topology graph' });
const nodeNames = (page: Page) =>
  graph(page)
    .locator('.gs-node')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));

function cursorLine(page: Page): Promise<number> {
  return page.evaluate(() => {
    const m = (globalThis as unknown as { __monaco?: typeof import('monaco-editor') }).__monaco;
    return m?.editor.getEditors()[0]?.getPosition()?.lineNumber ?? -1;
  });
}

/** 1-based line of the first line of the YAML document that contains `needle`. */
function docStartLine(text: string, needle: string): number {
  const at = text.indexOf(needle);
  const docStart = text.lastIndexOf('---\n', at);
  const startOffset = docStart < 0 ? 0 : docStart + 4;
  return text.slice(0, startOffset).split('\n').length;
}

test('nodes and edge labels of a known scenario', async ({ page }) => {
  await open(page);
  expect((await nodeNames(page)).sort()).toEqual(
    [
      'GatewayClass example, Accepted',
      'Gateway infra/gw, Accepted',
      'Listener http of Gateway infra/gw, Accepted',
      'Listener web of Gateway infra/gw, Accepted',
      'HTTPRoute default/foo-route, Partially accepted',
      'Rule 0 of HTTPRoute default/foo-route, Accepted',
      'Rule 1 of HTTPRoute default/foo-route, Partially accepted',
      'HTTPRoute default/bar-route, Rejected',
      'Rule 0 of HTTPRoute default/bar-route, Accepted',
      'Service default/foo-v1, Resolved',
      'Service default/foo-v2, Resolved',
      'Service default/shadow, Resolved',
      'Service default/missing, Invalid',
      'Service other/bar, Resolved',
      'ReferenceGrant other/allow-default, Accepted',
    ].sort(),
  );
  const edge = (name: string | RegExp) => graph(page).getByRole('img', { name });
  await expect(edge(/^Rule 0 of HTTPRoute default\/foo-route sends to Service default\/foo-v1/)).toContainText(
    '90% (90)',
  );
  await expect(edge(/^Rule 0 of HTTPRoute default\/foo-route sends to Service default\/foo-v2/)).toContainText(
    '10% (10)',
  );
  await expect(edge(/mirrors to Service default\/shadow/)).toContainText('mirror');
  const invalid = edge(/^Rule 1 of HTTPRoute default\/foo-route sends to Service default\/missing/);
  await expect(invalid).toContainText('500');
  await expect(invalid.locator('.gs-edge')).toHaveClass(/is-bad/);
  await expect(edge(/sends to Service other\/bar.*grant other\/allow-default/)).toContainText('100% (1)');
  // Route nodes show their kind badge and hostnames; rules their matches, filters and timeouts (zoomed in
  // far enough for the details to be drawn).
  for (let i = 0; i < 4; i++) await graph(page).getByRole('button', { name: 'Zoom In' }).click();
  const rule0 = graph(page).getByRole('button', {
    name: 'Rule 0 of HTTPRoute default/foo-route, Accepted',
    exact: true,
  });
  await expect(rule0).toContainText('PathPrefix /v2 · header version=2');
  await expect(rule0).toContainText('mirror');
  await expect(rule0).toContainText('timeout 10s');
  await expect(graph(page).getByRole('button', { name: /^HTTPRoute default\/foo-route/ })).toContainText(
    'foo.example.com',
  );
  await expect(graph(page).getByRole('button', { name: /^Listener web/ })).toContainText('HTTP :8080 · *.example.com');
});

test('a rejected attachment is dashed and red, with its reason', async ({ page }) => {
  await open(page);
  const e = graph(page).getByRole('img', {
    name: 'HTTPRoute default/bar-route attached to Gateway infra/gw: rejected, NotAllowedByListeners',
    exact: true,
  });
  await expect(e).toHaveCount(1);
  await expect(e.locator('.gs-edge')).toHaveClass(/gs-edge-dashed/);
  await expect(e.locator('.gs-edge')).toHaveClass(/is-bad/);
  await expect(e).toContainText('NotAllowedByListeners');
  // The hover text carries the reason and the controller's message.
  await expect(e.locator('.gs-edge-hit title')).toContainText('NotAllowedByListeners');
  const node = graph(page).getByRole('button', { name: 'HTTPRoute default/bar-route, Rejected', exact: true });
  await expect(node).toHaveAttribute('data-health', 'error');
  await expect(node).toHaveAttribute('title', /Accepted=False NotAllowedByListeners/);
  // "Problems only" keeps it and drops the healthy branch.
  await graph(page)
    .getByLabel(/^Problems only/)
    .check();
  await expect(
    graph(page).getByRole('button', { name: 'HTTPRoute default/bar-route, Rejected', exact: true }),
  ).toBeVisible();
  await expect(graph(page).getByRole('button', { name: 'Service default/foo-v1, Resolved', exact: true })).toHaveCount(
    0,
  );
});

test('clicking a node reveals its YAML in the editor', async ({ page }) => {
  await open(page);
  await expect(page.locator('.monaco-editor .view-line').first()).toBeVisible({ timeout: 30_000 });
  await graph(page).getByRole('button', { name: 'HTTPRoute default/bar-route, Rejected', exact: true }).click();
  const start = docStartLine(MANIFESTS, 'name: bar-route');
  await expect.poll(() => cursorLine(page)).toBeGreaterThanOrEqual(start);
  expect(await cursorLine(page)).toBeLessThanOrEqual(start + 3);
  await expect(
    graph(page).getByRole('button', { name: 'HTTPRoute default/bar-route, Rejected', exact: true }),
  ).toHaveClass(/is-selected/);
  await graph(page).getByRole('button', { name: 'Service other/bar, Resolved', exact: true }).click();
  const svc = docStartLine(MANIFESTS, 'name: bar\n  namespace: other');
  await expect.poll(() => cursorLine(page)).toBeGreaterThanOrEqual(svc);
  expect(await cursorLine(page)).toBeLessThanOrEqual(svc + 3);
});

test('moving the cursor in the editor highlights the node it is in', async ({ page }) => {
  await open(page);
  await expect(page.locator('.monaco-editor .view-line').first()).toBeVisible({ timeout: 30_000 });
  const put = (needle: string) =>
    page.evaluate((needle) => {
      const m = (globalThis as unknown as { __monaco: typeof import('monaco-editor') }).__monaco;
      const model = m.editor.getModels()[0]!;
      const p = model.getPositionAt(model.getValue().indexOf(needle));
      const ed = m.editor.getEditors()[0]!;
      ed.setPosition(p);
      ed.focus();
    }, needle);
  await put('value: /bar');
  await expect(
    graph(page).getByRole('button', { name: 'Rule 0 of HTTPRoute default/bar-route, Accepted', exact: true }),
  ).toHaveClass(/is-selected/);
  await put('name: web');
  await expect(
    graph(page).getByRole('button', { name: 'Listener web of Gateway infra/gw, Accepted', exact: true }),
  ).toHaveClass(/is-selected/);
  await expect(graph(page).locator('.gs-node.is-selected')).toHaveCount(1);
});

test('an edit that keeps the structure keeps every node in place', async ({ page }) => {
  await open(page);
  await expect(page.locator('.monaco-editor .view-line').first()).toBeVisible({ timeout: 30_000 });
  const positions = () =>
    graph(page)
      .locator('.react-flow__node')
      .evaluateAll((els) =>
        els.map((e) => `${e.getAttribute('data-id')} ${(e as HTMLElement).style.transform}`).sort(),
      );
  const before = await positions();
  const rule = graph(page).getByRole('button', {
    name: 'Rule 0 of HTTPRoute default/bar-route, Accepted',
    exact: true,
  });
  await expect(rule).toContainText('Exact /bar');
  // Change the path value through the editor, like a user would.
  await page.evaluate(() => {
    const m = (globalThis as unknown as { __monaco: typeof import('monaco-editor') }).__monaco;
    const model = m.editor.getModels()[0]!;
    const at = model.getValue().indexOf('value: /bar') + 'value: /bar'.length;
    const p = model.getPositionAt(at);
    m.editor
      .getEditors()[0]!
      .executeEdits('e2e', [{ range: new m.Range(p.lineNumber, p.column, p.lineNumber, p.column), text: 'baz' }]);
  });
  await expect(rule).toContainText('Exact /barbaz');
  expect(await positions()).toEqual(before);
});

test('the graph is one tab stop; arrow keys move between nodes and Enter reveals the YAML', async ({ page }) => {
  await open(page);
  await expect(page.locator('.monaco-editor .view-line').first()).toBeVisible({ timeout: 30_000 });
  const tabbable = await graph(page)
    .locator('.react-flow [tabindex="0"]')
    .evaluateAll((els) => els.filter((e) => e.classList.contains('gs-node')).length);
  expect(tabbable).toBe(1);
  await graph(page).getByRole('button', { name: 'GatewayClass example, Accepted', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(graph(page).getByRole('button', { name: 'Gateway infra/gw, Accepted', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(graph(page).getByRole('button', { name: /^Listener http/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(graph(page).getByRole('button', { name: /^Listener web/ })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(graph(page).getByRole('button', { name: /^HTTPRoute default\/foo-route/ })).toBeFocused();
  await page.keyboard.press('Enter');
  const start = docStartLine(MANIFESTS, 'name: foo-route');
  await expect.poll(() => cursorLine(page)).toBeGreaterThanOrEqual(start);
  expect(await cursorLine(page)).toBeLessThanOrEqual(start + 3);
});

test('filters, folding and exports', async ({ page }) => {
  await open(page);
  await graph(page).getByLabel('Search nodes by name').fill('bar-route');
  await expect(graph(page).getByRole('button', { name: /^HTTPRoute default\/foo-route/ })).toHaveCount(0);
  await expect(graph(page).getByRole('button', { name: /^HTTPRoute default\/bar-route/ })).toBeVisible();
  await graph(page).getByLabel('Search nodes by name').fill('');
  await graph(page).getByLabel('Filter by namespace').selectOption('other');
  await expect(graph(page).getByRole('button', { name: 'Service other/bar, Resolved', exact: true })).toBeVisible();
  await expect(graph(page).getByRole('button', { name: 'Service default/foo-v1, Resolved', exact: true })).toHaveCount(
    0,
  );
  await graph(page).getByLabel('Filter by namespace').selectOption('');
  // Fold the rules into their routes: backend edges then start at the route.
  await graph(page).getByLabel('Fold rules').check();
  await expect(graph(page).locator('.gs-Rule')).toHaveCount(0);
  await expect(
    graph(page).getByRole('img', { name: /^HTTPRoute default\/foo-route sends to Service default\/foo-v1/ }),
  ).toContainText('90% (90)');
  // Unfold one route from the keyboard (`+` on the focused route node; the ▸ mark is its pointer twin).
  await graph(page)
    .getByRole('button', { name: /^HTTPRoute default\/foo-route/ })
    .click();
  await graph(page)
    .getByRole('button', { name: /^HTTPRoute default\/foo-route/ })
    .press('+');
  await expect(graph(page).locator('.gs-Rule')).toHaveCount(2);
  // Mermaid text of the topology.
  const exportMenu = graph(page).getByText('Export', { exact: true });
  await exportMenu.click();
  await graph(page).getByRole('button', { name: 'Mermaid', exact: true }).click();
  const text = await graph(page).getByRole('textbox', { name: 'Mermaid text' }).inputValue();
  expect(text.startsWith('flowchart LR')).toBe(true);
  expect(text).toContain('✗ NotAllowedByListeners');
  await graph(page).getByRole('button', { name: 'Close', exact: true }).click();
  // SVG and PNG downloads, made in the page.
  await exportMenu.click();
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    graph(page).getByRole('button', { name: 'SVG', exact: true }).click(),
  ]);
  expect(svg.suggestedFilename()).toBe('topology.svg');
  await exportMenu.click();
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    graph(page).getByRole('button', { name: 'PNG', exact: true }).click(),
  ]);
  expect(png.suggestedFilename()).toBe('topology.png');
  const stream = await png.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  expect(Buffer.concat(chunks).subarray(1, 4).toString()).toBe('PNG');
});

test('a tester request lights up its path until cleared', async ({ page }) => {
  await open(page);
  const t = page.getByRole('region', { name: 'Request tester' });
  await t.getByLabel(/^Host/).fill('foo.example.com');
  await t.getByLabel('Path and query').fill('/v2/items');
  await t.getByRole('button', { name: 'Add header', exact: true }).click();
  await t.getByLabel('Header 1 name').fill('version');
  await t.getByLabel('Header 1 value').fill('2');
  const port = t.getByLabel('Port', { exact: true });
  if (await port.count()) await port.fill('8080');
  await t.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(graph(page).locator('.gs-graph')).toHaveClass(/has-path/);
  const lit = await graph(page)
    .locator('.gs-node.on-path')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(lit.sort()).toEqual(
    [
      'Gateway infra/gw, Accepted',
      'Listener web of Gateway infra/gw, Accepted',
      'HTTPRoute default/foo-route, Partially accepted',
      'Rule 0 of HTTPRoute default/foo-route, Accepted',
      'Service default/foo-v1, Resolved',
      'Service default/foo-v2, Resolved',
      'Service default/shadow, Resolved',
    ].sort(),
  );
  // The backend edges on the path carry the shares.
  const labels = await graph(page)
    .locator('.gs-edge.on-path .gs-edge-label text')
    .evaluateAll((els) => els.map((e) => e.textContent));
  expect(labels.sort()).toEqual(['10% (10)', '90% (90)', 'mirror']);
  await expect(
    graph(page).getByRole('button', { name: 'HTTPRoute default/bar-route, Rejected', exact: true }),
  ).not.toHaveClass(/on-path/);
  await graph(page).getByRole('button', { name: 'Clear highlight', exact: true }).click();
  await expect(graph(page).locator('.gs-graph')).not.toHaveClass(/has-path/);
  // An edit re-runs the same request in the tester: the highlight stays cleared …
  await page.locator('.monaco-editor .view-line').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# edited\n');
  await expect(page.getByText(/Checked \d+ objects/)).toBeVisible();
  await page.waitForTimeout(1500);
  await expect(graph(page).locator('.gs-graph')).not.toHaveClass(/has-path/);
  // … until a request is sent again.
  await t.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(graph(page).locator('.gs-graph')).toHaveClass(/has-path/);
});

test('Expand gives the graph the whole page and zooms it to fit; Escape brings the rest back', async ({ page }) => {
  await open(page);
  const editor = page.getByRole('region', { name: 'Manifest editor' });
  const tester = page.getByRole('region', { name: 'Request tester' });
  const zoom = () =>
    graph(page)
      .locator('.react-flow__viewport')
      .evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
  const before = { width: (await graph(page).boundingBox())!.width, zoom: await zoom() };
  const expand = graph(page).getByRole('button', { name: 'Expand', exact: true });
  await expect(expand).toHaveAttribute('aria-pressed', 'false');
  await expand.click();
  await expect(editor).toBeHidden();
  await expect(tester).toBeHidden();
  const restore = graph(page).getByRole('button', { name: 'Restore', exact: true });
  await expect(restore).toHaveAttribute('aria-pressed', 'true');
  const wide = (await graph(page).boundingBox())!.width;
  expect(wide).toBeGreaterThan(before.width * 1.5);
  // Fitted again to the larger panel: the nodes are drawn larger, so their text is easier to read.
  await expect.poll(zoom).toBeGreaterThan(before.zoom * 1.3);
  // Escape (here with the focus on the Expand button) brings everything back, fitted as before.
  await page.keyboard.press('Escape');
  await expect(editor).toBeVisible();
  await expect(tester).toBeVisible();
  await expect.poll(async () => (await graph(page).boundingBox())!.width).toBeLessThan(wide);
  await expect.poll(zoom).toBeLessThan(before.zoom * 1.1);
  // From inside the graph too: Escape restores the page there (it does not only clear a highlight).
  await expand.click();
  await expect(editor).toBeHidden();
  await graph(page)
    .getByRole('button', { name: /^Gateway infra\/gw/ })
    .focus();
  await page.keyboard.press('Escape');
  await expect(editor).toBeVisible();
  // And the button toggles.
  await expand.click();
  await expect(editor).toBeHidden();
  await restore.click();
  await expect(editor).toBeVisible();
});

test('expanded, a scenario without a graph still offers Restore, and Escape works', async ({ page }) => {
  await open(page);
  await waitForEditor(page);
  await graph(page).getByRole('button', { name: 'Expand', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Manifest editor' });
  await expect(editor).toBeHidden();
  // The editor is hidden, but a scenario can still change (here: through the editor's model).
  await page.evaluate(() => {
    const m = (globalThis as unknown as { __monaco: typeof import('monaco-editor') }).__monaco;
    m.editor.getModels()[0]?.setValue('apiVersion: v1\nkind: Service\nmetadata: {name: a}\n');
  });
  await expect(graph(page)).toContainText('The topology appears here once the manifests contain');
  await expect(graph(page).getByRole('button', { name: 'Restore', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(editor).toBeVisible();
  await expect(graph(page).getByRole('button', { name: 'Restore', exact: true })).toHaveCount(0);
});
