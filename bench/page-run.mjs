#!/usr/bin/env node
// Page figures of `npm run bench` (issue 9), in headless Chromium (/usr/bin/chromium) against
// `vite preview` of production builds. Started by bench/page.ts; prints one JSON object on stdout.
//
//  - page: navigation → graph painted (mark `gwsim-graph-painted`, set by GraphPanel) and → editor ready
//    (first frame with Monaco's view lines) for the default example, in a fresh context each time; the
//    same harness times a bare React page (bench/bare, mark `bare-painted`) served the same way, the two
//    interleaved so that both see the same machine load. The page reports both marks on the console
//    (INIT below): the harness never evaluates anything in the page while it is being measured.
//    The default example opens on the build's start-up view (scripts/startup-view.ts); `--link` loads
//    time a scenario without one (a share link), whose graph waits for the engine worker.
//  - live edit in the page: one-character edits through Monaco's model; time from the worker receiving
//    the `analyze` request (after the debounce) to the end of the task in which its reply was handled
//    (store updated, markers set), and to the graph painted.
//  - graph: bench/graph-page.mjs (the graph engineer's harness) against the same server.
//
//   node bench/page-run.mjs --app-dir dist-bench [--quick] [--texts file.json] [--link s1.…] [--port 4320]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const quick = args.includes('--quick');
/** A share-link fragment (`s1.…`) for the link loads of the page figure (bench/page.ts makes it). */
const LINK = opt('link', '');
const PORT = Number(opt('port', 4320));
const APP_DIR = opt('app-dir', 'dist-bench');
const texts = opt('texts') ? JSON.parse(readFileSync(opt('texts'), 'utf8')) : [];
const log = (...a) => console.error('  page:', ...a);

function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function serve(extra, port) {
  const child = spawn(
    'npx',
    ['vite', 'preview', ...extra, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      cwd: root,
      stdio: 'ignore',
      detached: true,
    },
  );
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => {
    try {
      process.kill(-child.pid);
    } catch {}
  };
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`vite preview on ${port} did not start`);
}

// Runs in the page before its scripts: editor-ready time, and the engine worker's analyze requests and
// replies (the Worker is wrapped so that our listener is added before the app's own handler).
const INIT = () => {
  globalThis.__bench = { analyzePosts: [], replies: [], editorReady: null };
  const B = globalThis.__bench;
  const poll = () => {
    if (document.querySelector('.monaco-editor .view-lines .view-line')) {
      B.editorReady = performance.now();
      console.debug(`__bench editor-ready ${B.editorReady}`);
    } else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  // The marks the page figure waits for, reported on the console: waiting with page.waitForFunction
  // would inject and run Playwright's utility script in the page while it is still starting up
  // (~20–35 ms of main-thread work in the middle of what is being measured).
  new PerformanceObserver((list) => {
    for (const m of list.getEntries())
      if (m.name === 'gwsim-graph-painted' || m.name === 'bare-painted')
        console.debug(`__bench ${m.name} ${m.startTime}`);
  }).observe({ type: 'mark', buffered: true });
  const Native = globalThis.Worker;
  globalThis.Worker = class extends Native {
    constructor(...a) {
      super(...a);
      const post = this.postMessage.bind(this);
      this.postMessage = (msg, ...rest) => {
        if (msg && msg.type === 'analyze')
          B.analyzePosts.push({ id: msg.id, version: msg.version, t: performance.now() });
        return post(msg, ...rest);
      };
      this.addEventListener('message', (ev) => {
        if (ev.data?.type !== 'analysis') return;
        const r = { id: ev.data.id, version: ev.data.view.version, t: performance.now(), done: null };
        B.replies.push(r);
        // Runs after this task: the app's handler, the promise reactions, store update, markers.
        setTimeout(() => {
          r.done = performance.now();
        }, 0);
      });
    }
  };
};

const markTime = (page, name) =>
  page
    .waitForFunction((n) => performance.getEntriesByName(n)[0]?.startTime ?? null, name, {
      timeout: 120_000,
      polling: 50,
    })
    .then((h) => h.jsonValue());

/** Resolves with the time the page reports for `name` (see INIT); listens before navigation. */
const consoleTime = (page, name) =>
  page
    .waitForEvent('console', {
      predicate: (m) => m.text().startsWith(`__bench ${name} `),
      timeout: 120_000,
    })
    .then((m) => Number(m.text().split(' ')[2]));

async function pageFigure(browser, app, bare, reps) {
  const out = { bare: [], graph: [], editor: [], link: [] };
  // One load of each first, not counted (the browser's and the servers' first requests pay extra).
  // Then per repetition: bare, app, link, bare, so that all see the same load; the bare page is cheap
  // and its time is the noisier one, so it gets twice the samples. `link` opens the app on a share
  // link of a scenario that has no start-up view (the path every non-default scenario takes).
  const order = [
    ['bare', 'app', ...(LINK ? ['link'] : [])],
    ...Array.from({ length: reps }, () => ['bare', 'app', ...(LINK ? ['link'] : []), 'bare']),
  ];
  for (const [i, round] of order.entries()) {
    for (const which of round) {
      const ctx = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      const page = await ctx.newPage();
      await page.addInitScript(INIT);
      if (which === 'bare') {
        const painted = consoleTime(page, 'bare-painted');
        await page.goto(bare.url);
        const t = await painted;
        if (i > 0) out.bare.push(t);
      } else if (which === 'link') {
        const painted = consoleTime(page, 'gwsim-graph-painted');
        await page.goto(`${app.url}#${LINK}`);
        const t = await painted;
        if (i > 0) out.link.push(t);
      } else {
        const painted = consoleTime(page, 'gwsim-graph-painted');
        const editor = consoleTime(page, 'editor-ready');
        await page.goto(app.url);
        const [t, e] = await Promise.all([painted, editor]);
        if (i > 0) {
          out.graph.push(t);
          out.editor.push(e);
        }
      }
      await ctx.close();
    }
  }
  return out;
}

async function liveEditInPage(browser, app, spec, edits) {
  const ctx = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await ctx.newPage();
  await page.addInitScript(INIT);
  await page.goto(app.url);
  await markTime(page, 'gwsim-graph-painted');
  await page.waitForFunction(() => globalThis.__monaco?.editor.getModels()[0], null, { timeout: 60_000 });
  // Load the text, then wait until its analysis is handled and its graph painted.
  const settle = async (fn, arg) => {
    const before = await page.evaluate(() => {
      const B = globalThis.__bench;
      return { posts: B.analyzePosts.length, painted: performance.getEntriesByName('gwsim-graph-painted').length };
    });
    await page.evaluate(fn, arg);
    const h = await page.waitForFunction(
      (b) => {
        const B = globalThis.__bench;
        const post = B.analyzePosts[b.posts];
        if (!post || B.analyzePosts.length > b.posts + 1) return null;
        const reply = B.replies.find((r) => r.id === post.id);
        if (!reply || reply.done === null) return null;
        const painted = performance
          .getEntriesByName('gwsim-graph-painted')
          .slice(b.painted)
          .find((m) => m.startTime >= reply.t);
        if (!painted) return null;
        return { handled: reply.done - post.t, painted: painted.startTime - post.t, worker: reply.t - post.t };
      },
      before,
      { timeout: 60_000, polling: 20 },
    );
    return h.jsonValue();
  };
  await settle((t) => globalThis.__monaco.editor.getModels()[0].setValue(t), spec.text);
  await page.waitForTimeout(500);
  const handled = [];
  const painted = [];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < edits; i++) {
    const r = await settle(
      ({ at, ch }) => {
        const m = globalThis.__monaco.editor.getModels()[0];
        const s = m.getPositionAt(at);
        const e = m.getPositionAt(at + 1);
        m.applyEdits([
          {
            range: {
              startLineNumber: s.lineNumber,
              startColumn: s.column,
              endLineNumber: e.lineNumber,
              endColumn: e.column,
            },
            text: ch,
          },
        ]);
      },
      { at: spec.at, ch: letters[(i + 3) % 26] },
    );
    handled.push(r.handled);
    painted.push(r.painted);
  }
  await ctx.close();
  return { lines: spec.lines, edits, handledMs: median(handled), paintedMs: median(painted) };
}

const result = { loadavg: (await import('node:os')).loadavg(), errors: [] };
const app = await serve(['--outDir', APP_DIR], PORT);
let bare;
try {
  const r = spawnSync('npx', ['vite', 'build', '--config', 'bench/bare/vite.config.mjs'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error('bare page build failed');
  bare = await serve(['--config', 'bench/bare/vite.config.mjs'], PORT + 1);
  const executablePath = [
    process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ].find((p) => p && existsSync(p));
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  try {
    try {
      log('navigation → painted, app and bare page');
      result.page = await pageFigure(browser, app, bare, quick ? 4 : 9);
    } catch (e) {
      result.errors.push(`page: ${String(e).split('\n')[0]}`);
    }
    result.live = [];
    for (const spec of texts) {
      try {
        log(`live edit in the page, ${spec.lines} lines`);
        result.live.push(await liveEditInPage(browser, app, spec, quick ? 5 : 20));
      } catch (e) {
        result.errors.push(`live edit ${spec.lines}: ${String(e).split('\n')[0]}`);
      }
    }
  } finally {
    await browser.close();
  }
  // The graph figure: the graph engineer's harness against the same server.
  log('graph (bench/graph-page.mjs)');
  const g = spawnSync(
    process.execPath,
    ['bench/graph-page.mjs', '--url', app.url, '--routes', quick ? '300' : '100,300,1000', '--reps', quick ? '1' : '3'],
    { cwd: root, encoding: 'utf8', maxBuffer: 16 << 20, timeout: 400_000 },
  );
  if (g.status === 0) result.graph = JSON.parse(g.stdout);
  else result.errors.push(`graph-page.mjs: ${(g.stderr || String(g.signal)).trim().split('\n').slice(-1)[0]}`);
} catch (e) {
  result.errors.push(String(e).split('\n')[0]);
} finally {
  app.stop();
  bare?.stop();
}
console.log(JSON.stringify(result));
