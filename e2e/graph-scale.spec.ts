// The topology graph at scale (issue "Graph"): 300 HTTPRoutes fold their rules into the routes, only what
// is visible is rendered, and panning brings other routes in. Timing is measured by bench/graph-page.mjs,
// not here. Kept separate from graph-topology.spec.ts so that a slow machine only slows this file.
import { expect, type Page, test } from '@playwright/test';
import { encodeScenario, makeScenario } from '../src/engine/share/codec.ts';

function manifests(n: number): string {
  const docs = [
    'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: bench\nspec:\n  controllerName: example.com/bench',
    'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: infra\nspec:\n  gatewayClassName: bench\n  listeners:\n  - name: http\n    protocol: HTTP\n    port: 80\n    allowedRoutes:\n      namespaces:\n        from: All',
  ];
  for (let s = 0; s < 10; s++)
    docs.push(
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${s}\n  namespace: ns-${s}\nspec:\n  ports:\n  - port: 8080`,
    );
  for (let i = 0; i < n; i++)
    docs.push(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: route-${String(i).padStart(3, '0')}
  namespace: ns-${i % 10}
spec:
  parentRefs:
  - name: gw
    namespace: infra
  hostnames:
  - r${i}.example.com
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /v2
    backendRefs:
    - name: svc-${i % 10}
      port: 8080
  - backendRefs:
    - name: svc-${i % 10}
      port: 8080`);
  return `${docs.join('\n---\n')}\n`;
}

const graph = (page: Page) => page.getByRole('region', { name: 'Topology graph' });

test('300 routes: rules folded, only the visible part rendered, keyboard and search reach the rest', async ({
  page,
}) => {
  const fragment = encodeScenario(makeScenario({ manifests: manifests(300), requests: [], tests: [] }));
  await page.goto(`/#${fragment}`);
  await expect(graph(page).getByRole('button', { name: 'GatewayClass bench, Accepted', exact: true })).toBeVisible({
    timeout: 60_000,
  });
  await expect(graph(page).getByLabel('Fold rules')).toBeChecked();
  await expect(graph(page).locator('.gs-Rule')).toHaveCount(0);
  const rendered = await graph(page).locator('.gs-node').count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(150); // of 313 nodes
  await expect(
    graph(page).getByRole('button', { name: 'HTTPRoute ns-0/route-000, Accepted', exact: true }),
  ).toBeVisible();
  await expect(
    graph(page).getByRole('button', { name: 'HTTPRoute ns-9/route-299, Accepted', exact: true }),
  ).toHaveCount(0);
  // Keyboard: right into the route column, then down it; the focused node is brought on screen.
  await graph(page).getByRole('button', { name: 'GatewayClass bench, Accepted', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', /^HTTPRoute ns-0\/route-/);
  await expect(page.locator(':focus')).toBeInViewport();
  // Search narrows the graph to one route and its context.
  await graph(page).getByLabel('Search nodes by name').fill('route-299');
  await expect(
    graph(page).getByRole('button', { name: 'HTTPRoute ns-9/route-299, Accepted', exact: true }),
  ).toBeVisible();
  await expect(graph(page).locator('.gs-Route')).toHaveCount(1);
});
