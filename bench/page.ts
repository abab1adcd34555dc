// Page figures of issue 9, measured in headless Chromium by bench/page-run.mjs (Playwright is not
// bundled into the runner: it runs as its own Node process and answers with JSON). This module builds
// the app into dist-bench/ (also read by the bundle figures), hands the live-edit texts to the harness and
// turns its answer into Figures.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES } from '../src/app/examples/index.ts';
import { encodeScenario, makeScenario } from '../src/engine/share/index.ts';
import { type Figure, figure, fmt, median, na } from './figures.ts';
import { editPoint, liveEditText } from './live.ts';

export const APP_DIR = 'dist-bench';
let built: { ok: boolean; seconds: number; error?: string; reused?: boolean } | undefined;

/** Latest modification time under a folder (ms). */
function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, f) => Math.max(m, newest(join(path, f))), st.mtimeMs);
}

/**
 * A production build of the app into dist-bench/ (once per bench run). `reuse` (the quick run) keeps
 * a dist-bench/ that is newer than every file of src/, index.html, public/ and the Vite config.
 */
export function buildApp(reuse = false): { ok: boolean; seconds: number; error?: string; reused?: boolean } {
  if (built) return built;
  const html = join(APP_DIR, 'index.html');
  if (
    reuse &&
    existsSync(html) &&
    statSync(html).mtimeMs > Math.max(...['src', 'index.html', 'public', 'vite.config.ts'].map(newest))
  ) {
    built = { ok: true, seconds: 0, reused: true };
    return built;
  }
  const t = performance.now();
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    env: { ...process.env, GWSIM_OUT_DIR: APP_DIR },
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  built = {
    ok: r.status === 0,
    seconds: (performance.now() - t) / 1000,
    ...(r.status === 0 ? {} : { error: (r.stderr || String(r.signal)).trim().split('\n').slice(-1)[0] }),
  };
  return built;
}

interface PageRun {
  loadavg: number[];
  errors: string[];
  page?: { bare: number[]; graph: number[]; editor: number[]; link: number[] };
  live?: { lines: number; edits: number; handledMs: number | null; paintedMs: number | null }[];
  graph?: {
    routes: Record<
      string,
      {
        lines: number;
        viewNodes?: number;
        viewEdges?: number;
        analysisToPaintedMs: number[];
        analysisToPaintedMedianMs: number;
        pan?: { medianMs: number; p95Ms: number; maxMs: number };
        unfoldAllRules?: { ms: number };
      }
    >;
  };
}

const NAMES = {
  ratio: 'page: graph painted / bare React page',
  graphMs: 'page: navigation → graph painted (default example)',
  bareMs: 'page: navigation → bare React page painted',
  editor: 'page: navigation → editor ready',
  linkRatio: 'page: graph painted from a share link / bare React page',
  linkMs: 'page: navigation → graph painted, scenario from a share link',
  graph: (n: number) => `graph: analysis → laid-out graph @${n} routes`,
  liveWall: (n: number) => `live edit in the page (wall): worker request → markers @${n} lines`,
  livePaint: (n: number) => `live edit in the page (wall): worker request → graph painted @${n} lines`,
};

/**
 * The share link of the link loads: the default example with one more comment line, so that the page
 * cannot use the build's start-up view (scripts/startup-view.ts) and draws what the worker answers.
 */
function linkFragment(): string {
  const ex = EXAMPLES[0];
  if (!ex) throw new Error('no default example');
  return encodeScenario(
    makeScenario({
      manifests: `${ex.manifests.replace(/\n?$/, '\n')}# opened from a share link\n`,
      requests: ex.requests,
      tests: ex.tests,
      settings: ex.settings ?? {},
    }),
  );
}

export async function pageFigures(quick: boolean): Promise<Figure[]> {
  const b = buildApp(quick);
  if (!b.ok) {
    const why = `vite build failed: ${b.error}`;
    return [na(NAMES.ratio, '×', why, { max: 3 }), na(NAMES.graph(300), 'ms', why, { max: 1500 })];
  }
  const dir = mkdtempSync(join(tmpdir(), 'gwsim-page-'));
  const textsFile = join(dir, 'texts.json');
  const specs = [200, 2000].map((n) => {
    const text = liveEditText(n);
    return { lines: text.split('\n').length, text, at: editPoint(text) };
  });
  writeFileSync(textsFile, JSON.stringify(specs));
  let run: PageRun;
  try {
    const r = spawnSync(
      process.execPath,
      [
        'bench/page-run.mjs',
        '--app-dir',
        APP_DIR,
        '--texts',
        textsFile,
        '--link',
        linkFragment(),
        ...(quick ? ['--quick'] : []),
      ],
      { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'], timeout: 540_000 },
    );
    if (r.status !== 0) throw new Error(`page-run.mjs exited with ${r.status ?? r.signal}`);
    run = JSON.parse(r.stdout.trim().split('\n').slice(-1)[0]!) as PageRun;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return [na(NAMES.ratio, '×', why, { max: 3 }), na(NAMES.graph(300), 'ms', why, { max: 1500 })];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const out: Figure[] = [];
  const err = run.errors.join('; ');
  const load = `load ${run.loadavg.map((x) => x.toFixed(1)).join(' ')}`;
  if (run.page?.graph.length && run.page.bare.length) {
    const g = median(run.page.graph);
    const bare = median(run.page.bare);
    out.push(
      figure(
        NAMES.ratio,
        g / bare,
        '×',
        { max: 3 },
        `${run.page.graph.length} app and ${run.page.bare.length} bare loads, interleaved; wall; ${load}`,
      ),
    );
    out.push(figure(NAMES.graphMs, g, 'ms', undefined, `runs ${run.page.graph.map((x) => fmt(x)).join(', ')}`));
    out.push(figure(NAMES.bareMs, bare, 'ms', undefined, `runs ${run.page.bare.map((x) => fmt(x)).join(', ')}`));
    out.push(figure(NAMES.editor, median(run.page.editor), 'ms', undefined, 'first frame with Monaco view lines'));
    if (run.page.link.length) {
      const l = median(run.page.link);
      const why = 'the default example plus one comment line: no start-up view, the graph waits for the worker';
      out.push(figure(NAMES.linkRatio, l / bare, '×', undefined, `${run.page.link.length} loads; ${why}`));
      out.push(figure(NAMES.linkMs, l, 'ms', undefined, `runs ${run.page.link.map((x) => fmt(x)).join(', ')}`));
    }
  } else {
    out.push(na(NAMES.ratio, '×', err || 'not measured', { max: 3 }));
    out.push(na(NAMES.editor, 'ms', err || 'not measured'));
  }
  const sizes = quick ? [300] : [100, 300, 1000];
  for (const n of sizes) {
    const g = run.graph?.routes[String(n)];
    const target = n === 300 ? { max: 1500 } : n === 1000 ? { text: 'usable' } : undefined;
    if (!g) {
      out.push(na(NAMES.graph(n), 'ms', err || 'not measured', target));
      continue;
    }
    const note = [
      `${g.lines.toLocaleString('en')} lines, ${g.viewNodes} nodes / ${g.viewEdges} edges`,
      `runs ${g.analysisToPaintedMs.join(', ')}`,
      g.pan ? `pan frames median ${g.pan.medianMs} ms, p95 ${g.pan.p95Ms} ms` : '',
      g.unfoldAllRules ? `unfold all rules ${g.unfoldAllRules.ms} ms` : '',
      'wall',
    ]
      .filter(Boolean)
      .join('; ');
    const f = figure(NAMES.graph(n), g.analysisToPaintedMedianMs, 'ms', target, note);
    // "Usable" at 1,000 routes: painted within 10 s and panning at ≥ 30 fps (p95 frame ≤ 33 ms).
    if (n === 1000) f.met = g.analysisToPaintedMedianMs <= 10_000 && (!g.pan || g.pan.p95Ms <= 34);
    out.push(f);
  }
  if (quick) out.push(na(NAMES.graph(1000), 'ms', 'full run only', { text: 'usable' }));
  for (const l of run.live ?? []) {
    out.push(figure(NAMES.liveWall(l.lines), l.handledMs, 'ms', undefined, `${l.edits} edits, median; ${load}`));
    out.push(figure(NAMES.livePaint(l.lines), l.paintedMs, 'ms', undefined, `${l.edits} edits, median`));
  }
  if (err) out.push(na('page harness errors', '', err));
  return out;
}
