#!/usr/bin/env node
// Graph page figures (issue "Graph", scale): Playwright + system Chromium against a production build.
// For 300 and 1,000 HTTPRoutes it loads generated manifests into the editor and measures, in the page,
// the time from the analysis arriving in the store (mark `gwsim-analysis-arrived`) to the graph being
// on screen: laid out, nodes measured, edges drawn (mark `gwsim-graph-painted`, set by GraphPanel).
// It also measures unfolding every rule (300 routes) and the frame times while panning.
// Prints one JSON object on stdout. Standalone: not part of `npm run bench` (bench/run.ts) yet.
//
//   node bench/graph-page.mjs                  # builds into dist-graph-bench, serves on 4372
//   node bench/graph-page.mjs --url http://127.0.0.1:4173/   # against a running preview
//   options: --routes 300,1000  --reps 3  --no-build  --port 4372  --emit N (print the manifests only)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const flag = (name) => args.includes(`--${name}`);
const ROUTES = String(opt('routes', '300,1000')).split(',').map(Number);
const REPS = Number(opt('reps', 3));
const PORT = Number(opt('port', 4372));
const OUT = 'dist-graph-bench';

/** N HTTPRoutes over 3 Gateways (2 listeners each) and 10 namespaces; 3 rules each; N/2 Services. */
export function manifests(n) {
  const docs = [
    `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: bench
spec:
  controllerName: example.com/bench`,
  ];
  for (let g = 0; g < 3; g++)
    docs.push(`apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw-${g}
  namespace: infra
spec:
  gatewayClassName: bench
  listeners:
  - name: http
    protocol: HTTP
    port: 80
    allowedRoutes:
      namespaces:
        from: All
  - name: alt
    protocol: HTTP
    port: 8080
    hostname: "*.example.com"
    allowedRoutes:
      namespaces:
        from: All`);
  const services = Math.max(10, Math.floor(n / 20) * 10);
  for (let s = 0; s < services; s++)
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: svc-${s}
  namespace: ns-${s % 10}
spec:
  ports:
  - port: 8080`);
  for (let i = 0; i < n; i++) {
    const ns = `ns-${i % 10}`;
    // Backends in the route's own namespace (no ReferenceGrant needed).
    const b = (k) => `svc-${10 * ((Math.floor(i / 10) + k) % (services / 10)) + (i % 10)}`;
    docs.push(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: route-${i}
  namespace: ${ns}
spec:
  parentRefs:
  - name: gw-${i % 3}
    namespace: infra
  hostnames:
  - r${i}.example.com
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /api/v2
      headers:
      - name: version
        value: "2"
    backendRefs:
    - name: ${b(0)}
      port: 8080
      weight: 90
    - name: ${b(1)}
      port: 8080
      weight: 10
  - matches:
    - path:
        type: Exact
        value: /health
    backendRefs:
    - name: ${b(2)}
      port: 8080
  - backendRefs:
    - name: ${b(3)}
      port: 8080`);
  }
  return `${docs.join('\n---\n')}\n`;
}

async function startServer() {
  if (!flag('no-build') || !existsSync(resolve(root, OUT))) {
    const r = spawnSync('npx', ['vite', 'build', '--outDir', OUT], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (r.status !== 0) throw new Error('vite build failed');
  }
  const child = spawn(
    'npx',
    ['vite', 'preview', '--outDir', OUT, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    {
      cwd: root,
      stdio: 'ignore',
      detached: true,
    },
  );
  const url = `http://127.0.0.1:${PORT}/`;
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const stop = () => {
    try {
      process.kill(-child.pid);
    } catch {}
  };
  for (let i = 0; i < 100; i++) {
    // A server already on the port would answer, but it is not ours (--strictPort makes ours exit).
    if (exited) throw new Error(`port ${PORT} is taken: pass --port`);
    try {
      if ((await fetch(url)).ok && !exited) return { url, stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('preview server did not start');
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
}

async function loadAndMeasure(browser, url, text) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(url);
  await page.waitForFunction(() => globalThis.__monaco?.editor.getModels()[0], null, { timeout: 60_000 });
  // Let the default example settle first.
  await page.waitForTimeout(1500);
  const t0 = await page.evaluate((t) => {
    performance.clearMarks();
    const start = performance.now();
    globalThis.__monaco.editor.getModels()[0].setValue(t);
    return start;
  }, text);
  const r = await page.waitForFunction(
    (t0) => {
      const a = performance.getEntriesByName('gwsim-analysis-arrived').filter((m) => m.startTime > t0);
      const last = a.at(-1);
      if (!last) return null;
      const p = performance.getEntriesByName('gwsim-graph-painted').filter((m) => m.startTime > last.startTime);
      if (!p.length) return null;
      return {
        editToAnalysis: last.startTime - t0,
        analysisToPainted: p[0].startTime - last.startTime,
        detail: p[0].detail,
        domNodes: document.querySelectorAll('.gs-node').length,
        domEdges: document.querySelectorAll('.gs-edge').length,
      };
    },
    t0,
    { timeout: 120_000, polling: 50 },
  );
  const out = await r.jsonValue();
  return { page, out };
}

/** Frame intervals while dragging the pane for about a second. */
async function panFrames(page) {
  const box = await page.locator('.gs-flow').boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.evaluate(() => {
    globalThis.__frames = [];
    let last = performance.now();
    const tick = (t) => {
      globalThis.__frames.push(t - last);
      last = t;
      if (globalThis.__frames.length < 2000 && !globalThis.__stopFrames) requestAnimationFrame(tick);
    };
    globalThis.__stopFrames = false;
    requestAnimationFrame(tick);
  });
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; i < 60; i++) await page.mouse.move(cx - i * 4, cy - i * 12, { steps: 1 });
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    globalThis.__stopFrames = true;
    return globalThis.__frames.slice(2);
  });
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    frames: frames.length,
    medianMs: Math.round(median(frames) * 10) / 10,
    p95Ms: Math.round((sorted[Math.floor(sorted.length * 0.95)] ?? 0) * 10) / 10,
    maxMs: Math.round((sorted.at(-1) ?? 0) * 10) / 10,
  };
}

/** Unfold every rule (uncheck "Fold rules") and time until the DOM has settled (two frames). */
async function unfold(page) {
  return page.evaluate(async () => {
    const box = [...document.querySelectorAll('.gs-toolbar label')].find((l) => l.textContent?.includes('Fold rules'));
    const input = box?.querySelector('input');
    if (!input) return null;
    const t0 = performance.now();
    input.click();
    const want = () => document.querySelector('.gs-Rule');
    for (let i = 0; i < 600 && !want(); i++) await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return { ms: performance.now() - t0, domNodes: document.querySelectorAll('.gs-node').length };
  });
}

if (opt('emit')) {
  // `--emit N`: print the generated manifests for N routes and stop (for profiling by hand).
  process.stdout.write(manifests(Number(opt('emit'))));
  process.exit(0);
}
const server = opt('url') ? { url: opt('url'), stop: () => {} } : await startServer();
const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
const result = { loadavg: null, routes: {} };
try {
  result.loadavg = (await import('node:os')).loadavg().map((x) => Math.round(x * 100) / 100);
  for (const n of ROUTES) {
    const text = manifests(n);
    const runs = [];
    let pan = null;
    let unfolded = null;
    for (let rep = 0; rep < REPS; rep++) {
      const { page, out } = await loadAndMeasure(browser, server.url, text);
      runs.push(out);
      if (rep === 0) {
        pan = await panFrames(page);
        if (n <= 300) unfolded = await unfold(page);
      }
      await page.close();
    }
    result.routes[n] = {
      lines: text.split('\n').length,
      viewNodes: runs[0]?.detail?.nodes,
      viewEdges: runs[0]?.detail?.edges,
      domNodes: runs[0]?.domNodes,
      domEdges: runs[0]?.domEdges,
      editToAnalysisMs: runs.map((r) => Math.round(r.editToAnalysis)),
      analysisToPaintedMs: runs.map((r) => Math.round(r.analysisToPainted)),
      analysisToPaintedMedianMs: Math.round(median(runs.map((r) => r.analysisToPainted))),
      pan,
      ...(unfolded ? { unfoldAllRules: { ms: Math.round(unfolded.ms), domNodes: unfolded.domNodes } } : {}),
    };
  }
} finally {
  await browser.close();
  server.stop();
}
console.log(JSON.stringify(result, null, 2));
