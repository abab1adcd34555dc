// Security of the page (issue "Hardening"): text from manifests and share links is untrusted. Nothing in
// it executes or renders as HTML, the page never requests anything outside its origin (under every
// built-in example), the worst paste keeps the page responsive, and the strict CSP stays in index.html.
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { EXAMPLES } from '../src/app/examples/index.ts';
import { decodeScenario, encodeScenario, makeScenario } from '../src/engine/share/index.ts';
import { guardOrigin, markers, waitForEditor } from './app-helpers.ts';

const XSS = '<img src=x onerror="window.__pwned=1">';
const JS_URL = 'javascript:window.__pwned=2';

/** Records CSP violations, dialogs and any sign that injected script ran. */
async function arm(page: Page): Promise<{ dialogs: string[] }> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { dialogs };
}

async function assertInert(page: Page, dialogs: string[]) {
  const state = await page.evaluate(() => {
    const w = window as unknown as { __pwned?: number; __csp: string[] };
    return {
      pwned: w.__pwned ?? 0,
      csp: w.__csp,
      imgs: document.querySelectorAll('img[src="x"], img[onerror]').length,
      jsLinks: [...document.querySelectorAll('[href],[src],[action],[formaction]')].filter((e) =>
        /^\s*javascript:/i.test(
          e.getAttribute('href') ??
            e.getAttribute('src') ??
            e.getAttribute('action') ??
            e.getAttribute('formaction') ??
            '',
        ),
      ).length,
      handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name)))
        .length,
    };
  });
  expect(state).toEqual({ pwned: 0, csp: [], imgs: 0, jsLinks: 0, handlers: 0 });
  expect(dialogs).toEqual([]);
}

const hostile = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: gc
  annotations: {note: '${XSS}'}
spec:
  controllerName: example.com/c
  description: '${XSS} ${JS_URL}'
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: gc
  listeners:
  - {name: http, protocol: HTTP, port: 80}
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: default}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: '${XSS}', namespace: default}
spec:
  parentRefs: [{name: gw}]
  hostnames: ['${XSS}', '${JS_URL}']
  rules:
  - backendRefs: [{name: svc, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: echo, namespace: default}
spec:
  parentRefs: [{name: gw, sectionName: '${XSS}'}, {name: gw}]
  rules:
  - name: '${JS_URL}'
    filters:
    - type: RequestHeaderModifier
      requestHeaderModifier: {set: [{name: x-html, value: '${XSS}'}, {name: x-url, value: '${JS_URL}'}]}
    - type: ResponseHeaderModifier
      responseHeaderModifier: {add: [{name: location, value: '${JS_URL}'}]}
    backendRefs: [{name: '${XSS}', port: 80}, {name: svc, port: 80}]
---
apiVersion: '${XSS}'
kind: '${JS_URL}'
metadata: {name: x}
`;

test('hostile names, values and URLs from a share link never execute or render as HTML', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const { dialogs } = await arm(page);
  const outside = await guardOrigin(page.context(), baseURL!);
  const link = encodeScenario(
    makeScenario({
      manifests: hostile,
      requests: [
        { name: XSS, request: { path: `/${XSS}`, host: JS_URL, headers: { 'x-in': XSS, referer: JS_URL } } },
        { name: JS_URL, request: { path: '/', headers: [[XSS, JS_URL]] } },
      ],
      tests: [
        {
          name: XSS,
          request: { path: '/' },
          expect: { location: JS_URL, route: `default/${XSS}`, outcome: 'redirect' },
        },
      ],
    }),
  );
  await page.goto(`/#${link}`);
  await waitForEditor(page);
  // The hostile text is shown as text: in the Problems panel (quoted invalid values) and the tester.
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('<img src=x onerror=', {
    timeout: 30_000,
  });
  await expect(page.getByRole('region', { name: 'Request result' })).toBeVisible();
  await assertInert(page, dialogs);

  // Walk through every panel that renders data: saved requests, test cases, graph nodes, problem rows.
  for (const name of [XSS, JS_URL]) {
    const b = page.getByRole('button', { name, exact: false }).first();
    if (await b.count()) await b.click().catch(() => undefined);
    await assertInert(page, dialogs);
  }
  for (const row of await page.getByRole('region', { name: 'Problems' }).getByRole('button').all()) {
    await row.click({ timeout: 2000 }).catch(() => undefined);
  }
  await page
    .getByRole('region', { name: 'Topology graph' })
    .click({ position: { x: 20, y: 20 } })
    .catch(() => undefined);
  await assertInert(page, dialogs);
  expect(outside).toEqual([]);
  // The editor shows the text as written.
  await expect(page.getByRole('region', { name: 'Manifest editor' })).toContainText('onerror');
});

test('the page makes no request outside its origin under every built-in example', async ({ page, baseURL }) => {
  test.setTimeout(600_000);
  const outside = await guardOrigin(page.context(), baseURL!);
  const seen: string[] = [];
  page.context().on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(baseURL!) && !u.startsWith('data:') && !u.startsWith('blob:')) seen.push(u);
  });
  const { dialogs } = await arm(page);
  await page.goto('/');
  await waitForEditor(page);
  for (const ex of EXAMPLES) {
    const link = encodeScenario(
      makeScenario({ manifests: ex.manifests, requests: ex.requests, tests: ex.tests, settings: ex.settings ?? {} }),
    );
    await page.goto(`/#${link}`);
    await waitForEditor(page);
    await expect(page.getByText(/Checked \d+ objects/)).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('region', { name: 'Request result' })).toBeVisible();
    expect(outside, ex.id).toEqual([]);
    expect(seen, ex.id).toEqual([]);
  }
  // And through the Examples menu for the first and the last, as a user picks them.
  for (const ex of [EXAMPLES[0]!, EXAMPLES[EXAMPLES.length - 1]!]) {
    await page.getByRole('button', { name: 'Examples', exact: true }).click();
    await page.getByRole('button', { name: ex.title }).click();
    await expect(page.getByText(/Checked \d+ objects/)).toBeVisible({ timeout: 60_000 });
  }
  expect(outside).toEqual([]);
  expect(seen).toEqual([]);
  await assertInert(page, dialogs);
});

/** Several hostile inputs in one paste: many routes with errors, an alias bomb, deep nesting, a huge regex. */
function worstPaste(): string {
  const parts = [
    `apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: gc}\nspec: {controllerName: example.com/c}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: default}\nspec:\n  gatewayClassName: gc\n  listeners:\n  - {name: http, protocol: HTTP, port: 80}\n`,
  ];
  const alt = Array.from({ length: 90 }, (_, i) => `wd${i * 7919}`).join('|');
  for (let i = 0; i < 4000; i++)
    parts.push(
      `---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r${i}, namespace: default}\nspec:\n  parentRefs: [{name: gw}]\n  hostnames: [h${i}.example.com]\n  rules:\n  - matches: [{path: {type: RegularExpression, value: "/(${i % 2 ? alt : 'a+)+$'}"}}]\n    backendRefs: [{name: missing${i}, port: 80, weight: "x"}]\n    bogus${i}: 1\n`,
    );
  const laughs = ['  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++)
    laughs.push(
      `  ${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(',')}]`,
    );
  parts.push(`---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n${laughs.join('\n')}\n`);
  parts.push(
    `---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${'['.repeat(10000)}${']'.repeat(10000)}\n`,
  );
  return parts.join('');
}

test('the worst paste keeps the page responsive: a button answers within 200 ms', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const outside = await guardOrigin(page.context(), baseURL!);
  await page.goto('/');
  await waitForEditor(page);
  const text = worstPaste();
  // Paste through Monaco's own paste command (what Ctrl+V does), replacing the whole text.
  await page.evaluate((t) => {
    const m = (globalThis as unknown as { __monaco: typeof import('monaco-editor') }).__monaco;
    const ed = m.editor.getEditors()[0]!;
    ed.focus();
    ed.setSelection(ed.getModel()!.getFullModelRange());
    ed.trigger('keyboard', 'paste', { text: t });
  }, text);

  // While the worker analyses, click the Examples button from inside the page at planned times and measure
  // (performance.now) until its menu is open. A main thread blocked by a long task delays the timer and the
  // answer alike, so `answered - planned` is what a user clicking at `planned` would wait.
  const samples = await page.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Examples');
    if (!button) throw new Error('no Examples button');
    const out: { latency: number; paint: number }[] = [];
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
    const tick = () => new Promise<void>((r) => setTimeout(r, 0));
    for (let i = 0; i < 30; i++) {
      const planned = performance.now() + 150;
      await new Promise<void>((resolve) => {
        setTimeout(async () => {
          button.click();
          for (let k = 0; k < 10_000 && button.getAttribute('aria-expanded') !== 'true'; k++) await tick();
          const answered = performance.now();
          await frame();
          out.push({ latency: answered - planned, paint: performance.now() - answered });
          button.click(); // close it again
          resolve();
        }, 150);
      });
    }
    return out;
  });
  const latencies = samples.map((x) => x.latency).sort((a, b) => a - b);
  const median = latencies[Math.floor(latencies.length / 2)]!;
  test.info().annotations.push({
    type: 'click latency during analysis (ms)',
    description: samples.map((x) => `${x.latency.toFixed(0)}+${x.paint.toFixed(0)}`).join(', '),
  });
  // The issue's bound: a button answers within 200 ms (the median click while the worker analyses).
  // The editor marks at most 1,000 diagnostics (ManifestEditor MAX_MARKERS), so no click meets a long
  // marker task; the single worst click keeps headroom for a loaded 2-core CI machine.
  expect(median).toBeLessThan(200);
  expect(latencies[latencies.length - 1]!).toBeLessThan(1000);
  // The analysis finishes (or is stopped by the watchdog) and the text is kept; every hostile part is named.
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText(/Show all [\d,]+ problems/, {
    timeout: 120_000,
  });
  await expect
    .poll(async () => (await markers(page)).map((m) => m.message).join('\n'), { timeout: 60_000 })
    .toMatch(/alias bomb[\s\S]*nests more than|nests more than[\s\S]*alias bomb/);
  const kept = await page.evaluate(() => {
    const m = (globalThis as unknown as { __monaco: typeof import('monaco-editor') }).__monaco;
    return m.editor.getModels()[0]?.getValueLength() ?? 0;
  });
  expect(kept).toBe(text.length);
  expect(outside).toEqual([]);
});

test('a strict Content-Security-Policy stays in index.html, with no inline scripts', async ({ page }) => {
  const source = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
  await page.goto('/');
  const built = await (await page.request.get('/')).text();
  for (const html of [source, built]) {
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const d = Object.fromEntries(
      csp
        .split(';')
        .map((x) => x.trim().split(/\s+/))
        .filter((x) => x[0])
        .map(([k, ...v]) => [k, v]),
    ) as Record<string, string[]>;
    expect(d['default-src']).toEqual(["'self'"]);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['worker-src']?.sort()).toEqual(["'self'", 'blob:'].sort());
    expect(d['connect-src']).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    // No inline scripts: every <script> has a src.
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\ssrc=/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  }
});

test('pasted credentials: the Share dialog strips Secret data by default, and the local text keeps it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const secretValue = `c2VjcmV0LXRva2VuLTEyMzQ1Njc4OTAtYWJjZGVmZ2hpams=`;
  const manifests = `apiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: default}\ntype: Opaque\ndata:\n  token: ${secretValue}\nstringData:\n  password: hunter2-but-longer\n`;
  await page.goto(`/#${encodeScenario(makeScenario({ manifests }))}`);
  await waitForEditor(page);
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('looks like real credentials', {
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  const strip = dialog.getByRole('checkbox', { name: /Strip Secret data before sharing/ });
  await expect(strip).toBeChecked();
  const field = dialog.getByLabel('Share link');
  await expect(field).toHaveValue(/#s1\./);
  const decoded = (link: string) => {
    const r = decodeScenario(link);
    if (!r.ok) throw new Error(r.error);
    return r.scenario.manifests;
  };
  await expect.poll(async () => decoded(await field.inputValue())).toContain('token: ""');
  const stripped = decoded(await field.inputValue());
  expect(stripped).not.toContain(secretValue);
  expect(stripped).not.toContain('hunter2');
  expect(stripped).toContain('password: ""');
  // Unchecked, the link carries the text as written.
  await strip.uncheck();
  await expect.poll(async () => decoded(await field.inputValue())).toContain(secretValue);
  await dialog.getByRole('button', { name: 'Done' }).click();
  // The user's own text is unchanged either way.
  await expect(page.getByRole('region', { name: 'Manifest editor' })).toContainText('hunter2-but-longer');
});
