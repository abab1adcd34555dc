import { expect, test } from '@playwright/test';
import { GATEWAY, openScenario, result, service, tester, verdict } from './tester-helpers.ts';

const M = `${GATEWAY}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: api
  namespace: default
spec:
  parentRefs:
  - name: gw
  hostnames: [foo.example.com]
  rules:
  - matches:
    - path: { type: PathPrefix, value: /api }
      headers: [{ name: version, value: "2" }]
    filters:
    - type: RequestHeaderModifier
      requestHeaderModifier:
        set: [{ name: x-env, value: prod }]
        add: [{ name: version, value: extra }]
        remove: [x-debug]
    - type: URLRewrite
      urlRewrite:
        path: { type: ReplacePrefixMatch, replacePrefixMatch: /v2 }
    - type: ResponseHeaderModifier
      responseHeaderModifier:
        add: [{ name: x-served-by, value: gateway }]
    - type: RequestMirror
      requestMirror:
        backendRef: { name: shadow, port: 8080 }
        percent: 20
    backendRefs:
    - { name: stable, port: 8080, weight: 90 }
    - { name: canary, port: 8080, weight: 10 }
    - { name: remote, namespace: other, port: 8080, weight: 5 }
    timeouts: { request: 10s, backendRequest: 2s }
  - matches:
    - path: { type: PathPrefix, value: / }
    backendRefs: [{ name: stable, port: 8080 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: other
  namespace: default
spec:
  parentRefs:
  - name: gw
  hostnames: [bar.example.com]
  rules:
  - backendRefs: [{ name: stable, port: 8080 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: orphan
  namespace: default
spec:
  parentRefs:
  - name: nope
  rules:
  - backendRefs: [{ name: stable, port: 8080 }]
${service('stable')}${service('canary')}${service('shadow')}${service('remote', 8080, 'other')}`;
for (const scheme of ['light', 'dark'] as const) {
  test(`shots ${scheme}`, async ({ page }) => {
    await page.setViewportSize({ width: 1500, height: 3200 });
    await page.emulateMedia({ colorScheme: scheme });
    await openScenario(page, {
      manifests: M,
      requests: [
        {
          name: 'v2 api',
          request: { host: 'foo.example.com', path: '/api/users?id=1', headers: { version: '2', 'x-debug': '1' } },
        },
      ],
      tests: [
        {
          name: 'v2 goes to stable',
          request: { host: 'foo.example.com', path: '/api/x', headers: { version: '2' } },
          expect: { outcome: 'forward', backend: 'default/stable' },
        },
        { name: 'root', request: { host: 'foo.example.com', path: '/' }, expect: { backend: 'default/stable' } },
      ],
    });
    await expect(verdict(page)).toContainText('Forwarded');
    await result(page).getByRole('button', { name: 'Simulate 1,000 requests' }).click();
    await page.waitForTimeout(800);
    await result(page).locator('details.sd-badge').first().locator('summary').click();
    await tester(page).screenshot({ path: `/tmp/shot-${scheme}.png` });
    await tester(page).evaluate((el) => {
      let e: HTMLElement | null = el as HTMLElement;
      while (e) {
        if (e.scrollHeight > e.clientHeight + 5) e.scrollTop = e.scrollHeight;
        e = e.parentElement;
      }
    });
    await page.waitForTimeout(300);
    await tester(page).screenshot({ path: `/tmp/shot-${scheme}-2.png` });
  });
}
