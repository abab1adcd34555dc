// Helpers for the tester e2e specs (e2e/tester-*.spec.ts): open a scenario, drive the request form,
// read the result. A scenario is a built-in example when one covers the topic (opened through the
// Examples menu, like a workshop attendee would), else a small fixture of ours opened as a share link.
import { expect, type Locator, type Page } from '@playwright/test';
import { EXAMPLES, type Example } from '../src/app/examples/index.ts';
import type { SavedRequest, TestCase } from '../src/engine/index.ts';
import { encodeScenario, makeScenario } from '../src/engine/share/codec.ts';

export const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
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
  namespace: default
spec:
  gatewayClassName: example
  listeners:
  - name: http
    protocol: HTTP
    port: 80
`;

export function service(name: string, port = 8080, namespace = 'default'): string {
  return `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  ports:
  - port: ${port}
`;
}

/** Gateway + an HTTPRoute whose first rule sends `version: 2` to foo-v2 and the rest to foo-v1. */
export const VERSION_HEADER_ROUTE = `${GATEWAY}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: foo
  namespace: default
spec:
  parentRefs:
  - name: gw
  hostnames:
  - foo.example.com
  rules:
  - matches:
    - headers:
      - name: version
        value: "2"
    backendRefs:
    - name: foo-v2
      port: 8080
  - backendRefs:
    - name: foo-v1
      port: 8080
${service('foo-v1')}${service('foo-v2')}`;

export interface Scenario {
  manifests: string;
  requests?: SavedRequest[];
  tests?: TestCase[];
}

/** Opens a scenario of ours through a share link (the path a facilitator's link takes). */
export async function openScenario(page: Page, s: Scenario): Promise<void> {
  const fragment = encodeScenario(
    makeScenario({ manifests: s.manifests, requests: s.requests ?? [], tests: s.tests ?? [] }),
  );
  await page.goto(`/#${fragment}`);
  await expect(page.getByRole('region', { name: 'Manifest editor' })).toContainText('kind: Gateway');
}

/** A built-in example that covers a topic, if the examples have one. */
export function findExample(pred: (ex: Example) => boolean): Example | undefined {
  return EXAMPLES.find(pred);
}

/** Opens a built-in example through the Examples menu. */
export async function openExample(page: Page, ex: Example): Promise<void> {
  if (page.url() === 'about:blank') await page.goto('/');
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('button', { name: ex.title, exact: false }).first().click();
  await expect(page.getByRole('region', { name: 'Manifest editor' })).toContainText(ex.title);
}

export function tester(page: Page): Locator {
  return page.getByRole('region', { name: 'Request tester' });
}

export function result(page: Page): Locator {
  return page.getByRole('region', { name: 'Request result' });
}

export function verdict(page: Page): Locator {
  return result(page).locator('.verdict-headline');
}

export interface FormInput {
  protocol?: string;
  host?: string;
  path?: string;
  method?: string;
  headers?: [string, string][];
  grpcService?: string;
  grpcMethod?: string;
}

/** Fills the request form through its labels and sends it with the Send button. */
export async function sendRequest(page: Page, r: FormInput): Promise<void> {
  const t = tester(page);
  if (r.protocol) await t.getByLabel('Protocol').selectOption(r.protocol);
  if (r.method !== undefined) await t.getByLabel('Method', { exact: true }).fill(r.method);
  if (r.host !== undefined) await t.getByLabel(/^Host/).fill(r.host);
  if (r.path !== undefined) await t.getByLabel('Path and query').fill(r.path);
  if (r.grpcService !== undefined) await t.getByLabel('gRPC service').fill(r.grpcService);
  if (r.grpcMethod !== undefined) await t.getByLabel('gRPC method').fill(r.grpcMethod);
  if (r.headers) {
    // Remove the rows there are, then add ours.
    while ((await t.getByRole('button', { name: /^Remove header/ }).count()) > 0) {
      await t
        .getByRole('button', { name: /^Remove header/ })
        .first()
        .click();
    }
    for (const [i, [k, v]] of r.headers.entries()) {
      await t.getByRole('button', { name: 'Add header' }).click();
      await t.getByLabel(`Header ${i + 1} name`).fill(k);
      await t.getByLabel(`Header ${i + 1} value`).fill(v);
    }
  }
  await t.getByRole('button', { name: 'Send', exact: true }).click();
}
