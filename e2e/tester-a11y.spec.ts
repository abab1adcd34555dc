// The tester with everything on screen (filters, split with an invalid share, sampled counts, a
// failing test with its diff, an open simulator-decision badge and the case editor): axe finds no
// serious or critical violations, in the light and the dark theme.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { GATEWAY, openScenario, result, service, tester, verdict } from './tester-helpers.ts';

const MANIFESTS = `${GATEWAY}---
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
    - path: { type: PathPrefix, value: /api }
    filters:
    - type: RequestHeaderModifier
      requestHeaderModifier:
        set: [{ name: x-env, value: prod }]
    - type: URLRewrite
      urlRewrite:
        path: { type: ReplacePrefixMatch, replacePrefixMatch: /v2 }
    backendRefs:
    - { name: stable, port: 8080, weight: 9 }
    - { name: remote, namespace: other, port: 8080, weight: 1 }
    timeouts: { request: 10s }
${service('stable')}${service('remote', 8080, 'other')}`;

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: no serious or critical violations in the tester (${scheme} theme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openScenario(page, {
      manifests: MANIFESTS,
      requests: [{ name: 'api', request: { host: 'www.example.com', path: '/api/x', headers: { a: '1' } } }],
      tests: [
        {
          name: 'wrong on purpose',
          request: { host: 'www.example.com', path: '/api/x' },
          expect: { backend: 'default/stable' },
        },
      ],
    });
    await expect(verdict(page)).toContainText('Forwarded');
    const t = tester(page);
    await result(page).getByRole('button', { name: 'Simulate 1,000 requests' }).click();
    await result(page).locator('details.sd-badge summary').first().click();
    await t.getByText('More request inputs').click();
    await t.getByRole('button', { name: 'Edit test "wrong on purpose"' }).click();
    await expect(t.getByTestId('tests-summary')).toHaveText('0 passed, 1 failed');
    const results = await new AxeBuilder({ page })
      .include('section[aria-label="Request tester"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`),
      }));
    expect(bad).toEqual([]);
  });
}
