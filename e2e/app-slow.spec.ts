import { expect, test } from '@playwright/test';
import { GATEWAY_CLASS, HTTP_GATEWAY } from '../src/app/examples/common.ts';
import { waitForEditor } from './app-helpers.ts';

// Several thousand routes: well past the 1 s progress threshold on any machine, far below the 60 s watchdog.
function bigManifest(routes: number): string {
  const head = `${GATEWAY_CLASS}\n---\n${HTTP_GATEWAY}\n`;
  const parts = [head];
  for (let i = 0; i < routes; i++)
    parts.push(`---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: r${i}
  namespace: default
spec:
  parentRefs:
  - name: gateway
  hostnames:
  - h${i}.example.com
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /p${i}
    backendRefs:
    - name: svc${i % 50}
      port: 80
`);
  return parts.join('');
}

test('a long analysis shows progress and Cancel; Cancel stops it and the next scenario analyses', async ({ page }) => {
  await page.goto('/');
  await waitForEditor(page);
  await page.locator('.app-header input[type=file]').setInputFiles({
    name: 'big.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(bigManifest(6000)),
  });
  const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
  await expect(page.getByText('Still analysing…')).toBeVisible({ timeout: 30_000 });
  await cancel.click();
  await expect(page.getByText('Analysis cancelled.')).toBeVisible();
  await expect(cancel).toHaveCount(0);
  // The engine restarts on the next edit: a small scenario analyses normally again.
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page.getByRole('button', { name: /A basic Gateway and HTTPRoute/ }).click();
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('No problems found');
  await expect(page.getByText(/Checked \d+ objects/)).toBeVisible();
});
