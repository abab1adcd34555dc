// The request tester answers "where does this request go, and why?" for the topics a workshop covers:
// header matching, weighted splits, redirects, rewrites, cross-namespace references and gRPC.
import { expect, test } from '@playwright/test';
import {
  GATEWAY,
  openScenario,
  result,
  sendRequest,
  service,
  tester,
  VERSION_HEADER_ROUTE,
  verdict,
} from './tester-helpers.ts';

const HEADERS = VERSION_HEADER_ROUTE;

test('a version: 2 header goes to v2, and the trace says why the other rule lost', async ({ page }) => {
  await openScenario(page, {
    manifests: HEADERS,
    requests: [{ name: 'plain', request: { host: 'foo.example.com', path: '/bar' } }],
  });
  // The first saved request runs on its own.
  await expect(verdict(page)).toHaveText('Forwarded to default/foo-v1:8080');
  await sendRequest(page, { host: 'foo.example.com', path: '/bar', headers: [['version', '2']] });
  await expect(verdict(page)).toHaveText('Forwarded to default/foo-v2:8080');
  const r = result(page);
  await expect(r.getByRole('heading', { name: 'Listener' })).toBeVisible();
  await expect(r).toContainText('listener http (HTTP, port 80, no hostname)');
  // Candidate routes: the winner and the loser, with the precedence step it lost on.
  const cands = r.locator('.candidates li');
  await expect(cands.filter({ hasText: 'won' })).toContainText('HTTPRoute default/foo rule 0');
  await expect(cands.filter({ hasText: 'rule 1' })).toContainText(/lost/i);
  await expect(r.getByRole('heading', { name: 'What the backend receives' })).toBeVisible();
  await expect(r.locator('table.kv')).toContainText('version');
});

test('the canary split shows the exact percentages, and 1,000 sampled requests next to them', async ({ page }) => {
  const manifests = `${GATEWAY}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: canary
  namespace: default
spec:
  parentRefs:
  - name: gw
  rules:
  - backendRefs:
    - name: stable
      port: 8080
      weight: 2
    - name: canary
      port: 8080
      weight: 1
${service('stable')}${service('canary')}`;
  await openScenario(page, {
    manifests,
    requests: [{ name: 'home', request: { host: 'www.example.com', path: '/' } }],
  });
  const split = result(page).getByRole('figure', { name: /Weighted split/ });
  await expect(split).toBeVisible();
  const stable = split.getByRole('row', { name: /default\/stable/ });
  const canary = split.getByRole('row', { name: /default\/canary/ });
  await expect(stable).toContainText('66.67 %');
  await expect(canary).toContainText('33.33 %');
  await expect(verdict(page)).toHaveText('Forwarded to default/stable:8080 (66.67 %), default/canary:8080 (33.33 %)');
  await split.getByRole('button', { name: 'Simulate 1,000 requests' }).click();
  await expect(split.getByRole('columnheader', { name: /Observed \(1,000 requests\)/ })).toBeVisible();
  const observed = async (row: typeof stable) =>
    Number(((await row.locator('td').last().textContent()) ?? '').split(' ')[0]);
  await expect.poll(() => observed(stable)).toBeGreaterThan(600);
  const s = await observed(stable);
  const c = await observed(canary);
  expect(s + c).toBe(1000);
  expect(c).toBeGreaterThan(280);
  // The same seed gives the same counts.
  await split.getByRole('button', { name: 'Simulate 1,000 requests' }).click();
  await page.waitForTimeout(300);
  expect(await observed(stable)).toBe(s);
});

test('the redirect example shows the Location', async ({ page }) => {
  const manifests = `${GATEWAY}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: to-https
  namespace: default
spec:
  parentRefs:
  - name: gw
  hostnames:
  - shop.example.com
  rules:
  - filters:
    - type: RequestRedirect
      requestRedirect:
        scheme: https
        statusCode: 301
`;
  await openScenario(page, { manifests, requests: [{ request: { host: 'shop.example.com', path: '/cart?id=7' } }] });
  await expect(verdict(page)).toHaveText('Redirect 301 → https://shop.example.com/cart?id=7');
  const r = result(page);
  await expect(r.locator('ol.filters')).toContainText('RequestRedirect');
  await expect(r).toContainText('Nothing: the Gateway answers itself (301)');
});

test('the rewrite example shows the rewritten path, before and after', async ({ page }) => {
  const manifests = `${GATEWAY}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: api
  namespace: default
spec:
  parentRefs:
  - name: gw
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /api
    filters:
    - type: URLRewrite
      urlRewrite:
        hostname: internal.example.com
        path:
          type: ReplacePrefixMatch
          replacePrefixMatch: /v2
    backendRefs:
    - name: api
      port: 8080
${service('api')}`;
  await openScenario(page, {
    manifests,
    requests: [{ request: { host: 'www.example.com', path: '/api/users?id=1' } }],
  });
  await expect(verdict(page)).toHaveText('Forwarded to default/api:8080');
  const diff = result(page).locator('ol.filters table.diff');
  await expect(diff.getByRole('row', { name: /path/ })).toContainText('/api/users?id=1');
  await expect(diff.getByRole('row', { name: /path/ })).toContainText('/v2/users?id=1');
  await expect(diff.getByRole('row', { name: /host/ })).toContainText('internal.example.com');
  await expect(result(page).locator('.request-line')).toContainText('GET /v2/users?id=1');
});

test('a cross-namespace backend without a ReferenceGrant shows a red 500 share', async ({ page }) => {
  const manifests = `${GATEWAY}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop
  namespace: default
spec:
  parentRefs:
  - name: gw
  rules:
  - backendRefs:
    - name: local
      port: 8080
      weight: 3
    - name: remote
      namespace: other
      port: 8080
      weight: 1
${service('local')}${service('remote', 8080, 'other')}`;
  await openScenario(page, { manifests, requests: [{ request: { host: 'www.example.com', path: '/' } }] });
  await expect(verdict(page)).toHaveText('Forwarded to default/local:8080 (75 %); 25 % answered 500');
  const bad = result(page)
    .getByRole('figure', { name: /Weighted split/ })
    .getByRole('row', { name: /other\/remote/ });
  await expect(bad).toHaveClass(/invalid/);
  await expect(bad).toContainText('500');
  await expect(bad).toContainText('25 %');
  await expect(bad).toContainText(/RefNotPermitted|ReferenceGrant/);
});

test('a GRPCRoute request matches by method', async ({ page }) => {
  const manifests = `${GATEWAY}---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata:
  name: echo
  namespace: default
spec:
  parentRefs:
  - name: gw
  hostnames:
  - grpc.example.com
  rules:
  - matches:
    - method:
        service: example.Echo
        method: EchoTwo
    backendRefs:
    - name: echo-v2
      port: 9000
  - matches:
    - method:
        service: example.Echo
    backendRefs:
    - name: echo-v1
      port: 9000
${service('echo-v1', 9000)}${service('echo-v2', 9000)}`;
  await openScenario(page, {
    manifests,
    requests: [
      { request: { protocol: 'GRPC', host: 'grpc.example.com', grpc: { service: 'example.Echo', method: 'EchoOne' } } },
    ],
  });
  await expect(verdict(page)).toHaveText('Forwarded to default/echo-v1:9000');
  await expect(tester(page).getByLabel('Protocol')).toHaveValue('GRPC');
  await sendRequest(page, { grpcMethod: 'EchoTwo' });
  await expect(verdict(page)).toHaveText('Forwarded to default/echo-v2:9000');
  await expect(result(page).locator('.winner')).toContainText('GRPCRoute default/echo');
  await expect(result(page).locator('.winner')).toContainText('rule 0');
  await sendRequest(page, { grpcService: 'example.Other', grpcMethod: 'EchoTwo' });
  await expect(verdict(page)).toHaveText(/UNIMPLEMENTED/);
});
