// `npm run bench [-- --quick] [-- --only parse,simulate,share,bundle,heap,live,page]` (built and started by
// scripts/bench.mjs). Measures the figures of issues 2 §4 and 9 side by side, prints a table and
// writes bench/results.json. Every figure is a median over repeated runs; targets that can be ratios
// are measured as ratios in the same run, because absolute times on shared machines are noisy.
// It reports and never fails: a section that breaks (or a part not built yet) becomes "n/a" with a note.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { gzipSync } from 'node:zlib';
import { compressToEncodedURIComponent } from 'lz-string';
import { parseAllDocuments } from 'yaml';
import type { Analysis } from '../src/engine/analysis.ts';
import { runController } from '../src/engine/controller/index.ts';
import { createAnalyzer, simulate } from '../src/engine/index.ts';
import { loadManifests } from '../src/engine/manifest/index.ts';
import { resolveOptions } from '../src/engine/options.ts';
import { decodeScenario, encodeScenario, makeScenario } from '../src/engine/share/index.ts';
import { validateResources } from '../src/engine/validate/index.ts';
import { type Figure, figure, fmt, median, na, table } from './figures.ts';
import { type GeneratedScenario, generateManifests, generateRequests, shareReferenceScenarios } from './generate.ts';
import { liveEditFigures } from './live.ts';
import { APP_DIR, buildApp, pageFigures } from './page.ts';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
/**
 * The clock of every timing figure: this process's CPU time (user + system) in ms, not wall time.
 * The benchmark machines are shared (load averages of 10-20 on 2 cores were seen), which stretches wall
 * time several-fold and unevenly; CPU time measures the work and keeps ratios stable.
 */
const now = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const wallNow = () => performance.now();
const errText = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 120);

/** Median wall time in ms of `runs` calls of fn (a full GC before each, so runs start alike). */
function timeRuns<T>(runs: number, fn: () => T, keep?: (r: T) => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t = now();
    const r = fn();
    times.push(now() - t);
    keep?.(r);
  }
  return median(times);
}

// ---------- heap child: one analyze at N routes in a fresh process ----------

function heapChild(routes: number): void {
  const text = generateManifests(routes).text;
  const analyze = createAnalyzer();
  gc();
  const before = process.memoryUsage();
  const heapBefore = getHeapStatistics();
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  // The child runs with --trace-gc: the parent reads the heap size at every collection during analyze
  // from the lines between these two markers (the true peak, not only the size at the end).
  process.stdout.write('\nGWSIM-ANALYZE-START\n');
  const a = analyze(text);
  process.stdout.write('\nGWSIM-ANALYZE-END\n');
  const heapAfter = getHeapStatistics();
  const after = process.memoryUsage();
  const rssPeak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    `\nGWSIM-HEAP ${JSON.stringify({
      inputBytes: Buffer.byteLength(text),
      resources: a.resources.length,
      heapBefore: before.heapUsed,
      usedAfter: heapAfter.used_heap_size,
      committedBefore: heapBefore.total_heap_size,
      committedAfter: heapAfter.total_heap_size,
      retained: after.heapUsed - before.heapUsed,
      rssBefore,
      rssPeak,
    })}\n`,
  );
}

/** Largest heap sizes (MB) in --trace-gc lines like "Scavenge 180.5 (200.1) -> 150.2 (190.3) MB". */
function gcPeaks(trace: string): { used: number; committed: number; collections: number } {
  let used = 0;
  let committed = 0;
  let collections = 0;
  for (const m of trace.matchAll(/([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/g)) {
    collections++;
    used = Math.max(used, Number(m[1]), Number(m[3]));
    committed = Math.max(committed, Number(m[2]), Number(m[4]));
  }
  return { used, committed, collections };
}

// ---------- sections ----------

interface Ctx {
  quick: boolean;
  figures: Figure[];
  /** Analyses kept for the simulate section (the same text, analysed once). */
  analyses: Map<number, { gen: GeneratedScenario; analysis: Analysis }>;
  analyzeMs: Map<number, number>;
}

function parseSection(ctx: Ctx): void {
  const sizes = ctx.quick ? [100, 1000] : [100, 1000, 10000];
  const runs: Record<number, number> = ctx.quick ? { 100: 3, 1000: 3 } : { 100: 7, 1000: 3, 10000: 3 };
  // The stage split is secondary to the whole-analyze figure: at 10k routes two runs keep the full
  // benchmark under 10 minutes on a loaded 2-core machine (each parse of 9 MB costs ~7 s of CPU).
  const stageRuns: Record<number, number> = ctx.quick ? { 100: 3, 1000: 1 } : { ...runs, 10000: 2 };
  // Warm the JIT on a small input so that the first size is not penalised.
  const warm = generateManifests(50).text;
  for (let i = 0; i < 3; i++) {
    parseAllDocuments(warm);
    createAnalyzer()(warm);
  }
  for (const n of sizes) {
    const gen = generateManifests(n);
    const text = gen.text;
    const files = [{ name: 'bench.yaml', text }];
    const r = runs[n]!;
    const mb = Buffer.byteLength(text) / 1024 / 1024;
    const bare = timeRuns(r, () => parseAllDocuments(text));
    ctx.figures.push(
      figure(
        `bare yaml parseAllDocuments @${n} routes`,
        bare,
        'ms',
        undefined,
        `${fmt(mb)} MB, ${text.split('\n').length.toLocaleString('en')} lines`,
      ),
    );
    // Stages one after the other, as analyze runs them, each timed on its own.
    try {
      const opts = resolveOptions({});
      const p: number[] = [];
      const v: number[] = [];
      const c: number[] = [];
      for (let i = 0; i < stageRuns[n]!; i++) {
        gc();
        const t0 = now();
        const m = loadManifests(files, opts);
        const t1 = now();
        validateResources(m.resources, opts);
        const t2 = now();
        runController(m.resources, opts, files);
        const t3 = now();
        p.push(t1 - t0);
        v.push(t2 - t1);
        c.push(t3 - t2);
      }
      ctx.figures.push(figure(`parse (loadManifests) @${n} routes`, median(p), 'ms'));
      ctx.figures.push(figure(`parse / bare parse @${n} routes`, median(p) / bare, '×'));
      ctx.figures.push(
        figure(`validate / bare parse @${n} routes`, median(v) / bare, '×', undefined, `${fmt(median(v))} ms`),
      );
      ctx.figures.push(
        figure(`controller / bare parse @${n} routes`, median(c) / bare, '×', undefined, `${fmt(median(c))} ms`),
      );
    } catch (e) {
      ctx.figures.push(na(`stages @${n} routes`, 'ms', `stage functions failed: ${errText(e)}`));
    }
    try {
      let last: Analysis | undefined;
      const whole = timeRuns(
        r,
        () => createAnalyzer()(text),
        (a) => {
          last = a;
        },
      );
      ctx.analyzeMs.set(n, whole);
      const errors = last!.diagnostics.filter((d) => d.severity === 'error').length;
      ctx.figures.push(
        figure(
          `analyze @${n} routes`,
          whole,
          'ms',
          undefined,
          errors ? `${errors} error diagnostics in the generated input` : undefined,
        ),
      );
      ctx.figures.push(
        figure(`analyze / bare parse @${n} routes`, whole / bare, '×', n === 10000 ? { max: 2.5 } : undefined),
      );
      ctx.analyses.set(n, { gen, analysis: last! });
    } catch (e) {
      ctx.figures.push(na(`analyze @${n} routes`, 'ms', `analyze failed: ${errText(e)}`));
    }
  }
  const a1 = ctx.analyzeMs.get(1000);
  const a10 = ctx.analyzeMs.get(10000);
  ctx.figures.push(
    a1 && a10
      ? figure('growth: analyze 10k / 1k routes', a10 / a1, '×', { max: 12 })
      : na('growth: analyze 10k / 1k routes', '×', ctx.quick ? 'full run only' : 'analyze did not run at both sizes', {
          max: 12,
        }),
  );
  if (!ctx.quick && !ctx.analyzeMs.has(10000))
    ctx.figures.push(na('analyze / bare parse @10000 routes', '×', 'not measured', { max: 2.5 }));
}

function simulateSection(ctx: Ctx): void {
  const sizes = ctx.quick ? [100, 1000] : [100, 10000];
  const perRequest = new Map<number, number>();
  for (const n of sizes) {
    const name = `simulate explain:false @${n} routes (median per request, wall)`;
    const target = n === 10000 ? { max: 20 } : undefined;
    let entry = ctx.analyses.get(n);
    try {
      if (!entry) {
        const gen = generateManifests(n);
        entry = { gen, analysis: createAnalyzer()(gen.text) };
      }
      const { gen, analysis } = entry;
      const reqs = generateRequests(gen, 2000);
      const probe = simulate(analysis, reqs[0]!, { explain: false });
      if (/not implemented/i.test(probe.outcome.reason)) {
        ctx.figures.push(na(name, 'µs', 'simulate is not implemented yet', target));
        continue;
      }
      const outcomes: Record<string, number> = {};
      for (const q of reqs) {
        const k = simulate(analysis, q, { explain: false }).outcome.kind; // also compiles and warms
        outcomes[k] = (outcomes[k] ?? 0) + 1;
      }
      // Per-call wall-clock samples, median: a sample is a few µs, so preemption by other processes on a
      // shared machine hits few of them and the median ignores those (a batch mean would not).
      const samples: number[] = [];
      for (let round = 0; round < 5; round++)
        for (const q of reqs) {
          const t = performance.now();
          simulate(analysis, q, { explain: false });
          samples.push((performance.now() - t) * 1000);
        }
      const us = median(samples);
      // CPU time per request over whole batches, for comparison (includes GC).
      const c0 = now();
      for (let round = 0; round < 3; round++) for (const q of reqs) simulate(analysis, q, { explain: false });
      const cpuUs = ((now() - c0) * 1000) / (3 * reqs.length);
      perRequest.set(n, us);
      const mix = `${Object.entries(outcomes)
        .map(([k, v]) => `${k} ${Math.round((v * 100) / reqs.length)}%`)
        .join(', ')}; mean CPU ${fmt(cpuUs)} µs`;
      ctx.figures.push(figure(name, us, 'µs', target, mix));
    } catch (e) {
      ctx.figures.push(na(name, 'µs', `simulate failed: ${errText(e)}`, target));
    }
  }
  const small = perRequest.get(100);
  const big = perRequest.get(10000);
  ctx.figures.push(
    small && big
      ? figure('simulate 10k / 100 routes', big / small, '×', { max: 3 })
      : na('simulate 10k / 100 routes', '×', ctx.quick ? 'full run only' : 'not measured at both sizes', { max: 3 }),
  );
  if (ctx.quick)
    ctx.figures.push(
      na('simulate explain:false @10000 routes (median per request, wall)', 'µs', 'full run only', { max: 20 }),
    );
}

function shareSection(ctx: Ctx): void {
  for (const ref of shareReferenceScenarios()) {
    const lines = ref.text.split('\n').length;
    try {
      const scenario = makeScenario({ manifests: ref.text });
      const link = encodeScenario(scenario);
      const lz = compressToEncodedURIComponent(ref.text);
      const back = decodeScenario(link);
      const ok = back.ok && back.scenario.manifests === ref.text;
      ctx.figures.push(
        figure(
          `share link / lz-string, ${ref.name} (${lines} lines)`,
          link.length / lz.length,
          '×',
          { max: 0.35 },
          `${link.length.toLocaleString('en')} vs ${lz.length.toLocaleString('en')} chars${ok ? '' : '; ROUND TRIP FAILED'}`,
        ),
      );
      if (ref.name === 'large') {
        ctx.figures.push(
          figure(
            `share encode, ${ref.name}`,
            timeRuns(15, () => encodeScenario(scenario)),
            'ms',
          ),
        );
        ctx.figures.push(
          figure(
            `share decode, ${ref.name}`,
            timeRuns(15, () => decodeScenario(link)),
            'ms',
          ),
        );
      }
    } catch (e) {
      ctx.figures.push(na(`share link / lz-string, ${ref.name}`, '×', `failed: ${errText(e)}`, { max: 0.35 }));
    }
  }
}

function bundleSection(ctx: Ctx): void {
  // A fresh production build of the working tree into dist-bench/ (never a stale dist/); the page
  // figures reuse it.
  const b = buildApp(ctx.quick);
  const dist = APP_DIR;
  const html = join(dist, 'index.html');
  if (!b.ok || !existsSync(html)) {
    ctx.figures.push(
      na('bundle: initial JS without Monaco (gzip)', 'KB', `vite build failed: ${b.error}`, { max: 250 }),
    );
    return;
  }
  const built = b.reused ? `${dist}/ reused (newer than src/)` : `${dist}/ built now (${b.seconds.toFixed(0)} s wall)`;
  const index = readFileSync(html, 'utf8');
  const refs = [
    ...index.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.?\/?([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const assets = join(dist, 'assets');
  const js = existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.js')) : [];
  const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
  const initial = new Set(refs);
  const initialKb = [...initial].reduce((s, f) => s + (existsSync(join(dist, f)) ? gz(f) : 0), 0);
  ctx.figures.push(
    figure(
      'bundle: initial JS without Monaco (gzip)',
      initialKb,
      'KB',
      { max: 250 },
      `${[...initial].join(', ')}; ${built}`,
    ),
  );
  const lazy = js.map((f) => `assets/${f}`).filter((f) => !initial.has(f));
  const workers = lazy.filter((f) => /worker/i.test(f));
  const chunks = lazy.filter((f) => !/worker/i.test(f));
  const monaco = chunks.map((f) => ({ f, size: statSync(join(dist, f)).size })).sort((a, b) => b.size - a.size)[0];
  if (monaco) ctx.figures.push(figure('bundle: Monaco chunk, lazy (gzip)', gz(monaco.f), 'KB', undefined, monaco.f));
  for (const w of workers)
    ctx.figures.push(figure(`bundle: ${w.replace(/^assets\/|-[\w-]{8}\.js$/g, '')} (gzip)`, gz(w), 'KB'));
  ctx.figures.push(
    figure(
      'bundle: all JS (gzip)',
      js.reduce((s, f) => s + gz(`assets/${f}`), 0),
      'KB',
      undefined,
      `${js.length} files`,
    ),
  );
}

function heapSection(ctx: Ctx): void {
  const n = ctx.quick ? 1000 : 10000;
  const name = `peak JS heap, analyze @${n} routes`;
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--trace-gc', '--max-old-space-size=4096', process.argv[1]!, '--heap-child', String(n)],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  const line = r.stdout?.split('\n').find((l) => l.startsWith('GWSIM-HEAP '));
  if (r.status !== 0 || !line) {
    ctx.figures.push(na(name, 'MB', `child failed: ${(r.stderr || String(r.signal)).split('\n')[0]}`));
    return;
  }
  const m = JSON.parse(line.slice('GWSIM-HEAP '.length)) as {
    inputBytes: number;
    usedAfter: number;
    committedBefore: number;
    committedAfter: number;
    retained: number;
    rssBefore: number;
    rssPeak: number;
  };
  const during = r.stdout.slice(r.stdout.indexOf('GWSIM-ANALYZE-START'), r.stdout.indexOf('GWSIM-ANALYZE-END'));
  const MB = 1024 * 1024;
  const g = gcPeaks(during);
  // Peak used heap: the largest size seen at a collection during analyze, or at its end.
  const peak = Math.max(g.used, m.usedAfter / MB);
  const committed = Math.max(g.committed, m.committedAfter / MB);
  ctx.figures.push(
    figure(
      name,
      peak,
      'MB',
      undefined,
      `used heap, max over ${g.collections} GCs during analyze and its end (--trace-gc); committed ${fmt(committed)} MB; input ${fmt(m.inputBytes / MB)} MB`,
    ),
  );
  ctx.figures.push(figure(`peak heap / input size @${n} routes`, (peak * MB) / m.inputBytes, '×'));
  ctx.figures.push(figure(`retained heap (Analysis alive) @${n} routes`, m.retained / MB, 'MB'));
  ctx.figures.push(figure(`peak RSS growth during analyze @${n} routes`, (m.rssPeak - m.rssBefore) / MB, 'MB'));
}

// ---------- main ----------

/** Which section a figure belongs to, by name (for merging --only runs into results.json). */
const SECTION_OF: [RegExp, string][] = [
  [/^share /, 'share'],
  [/^bundle/, 'bundle'],
  [/^simulate/, 'simulate'],
  [/heap|RSS/, 'heap'],
  [/^(page|graph|live edit in the page)/, 'page'],
  [/^live edit/, 'live'],
  [/./, 'parse'],
];

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--heap-child') {
    heapChild(Number(argv[1]));
    return;
  }
  const quick = argv.includes('--quick');
  const onlyArg = argv.indexOf('--only');
  const only = onlyArg >= 0 ? new Set((argv[onlyArg + 1] ?? '').split(',')) : null;
  const want = (s: string) => !only || only.has(s);
  const ctx: Ctx = { quick, figures: [], analyses: new Map(), analyzeMs: new Map() };
  const t0 = wallNow();
  const sections: [string, (c: Ctx) => void | Promise<void>][] = [
    ['share', shareSection],
    ['bundle', bundleSection],
    ['parse', parseSection],
    ['simulate', simulateSection],
    ['heap', heapSection],
    [
      'live',
      (c) => {
        c.figures.push(...liveEditFigures(c.quick));
      },
    ],
    [
      'page',
      async (c) => {
        c.figures.push(...(await pageFigures(c.quick)));
      },
    ],
  ];
  console.log(
    `gateway-sim bench${quick ? ' --quick' : ''} (medians; CPU time, simulate per-call wall): Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  for (const [name, run] of sections) {
    if (!want(name)) continue;
    const ts = wallNow();
    const cs = now();
    try {
      await run(ctx);
    } catch (e) {
      ctx.figures.push(na(`${name} section`, '', `failed: ${errText(e)}`));
    }
    console.log(`  ${name}: ${((wallNow() - ts) / 1000).toFixed(1)} s wall, ${((now() - cs) / 1000).toFixed(1)} s CPU`);
  }
  const elapsed = (wallNow() - t0) / 1000;
  console.log(`\n${table(ctx.figures)}\n`);
  const missed = ctx.figures.filter((f) => f.met === false).length;
  const met = ctx.figures.filter((f) => f.met === true).length;
  console.log(`${met} targets met, ${missed} missed; ${elapsed.toFixed(0)} s. Written to bench/results.json.`);
  const stamp = new Date().toISOString();
  const ran = sections.map(([name]) => name).filter(want);
  // --only re-measures some sections: keep the other sections' figures from the last run, and say
  // when each section was measured.
  let figures = ctx.figures;
  let measured: Record<string, string> = Object.fromEntries(ran.map((s) => [s, stamp]));
  if (only && existsSync('bench/results.json')) {
    try {
      const old = JSON.parse(readFileSync('bench/results.json', 'utf8')) as {
        figures?: Figure[];
        sections?: Record<string, string>;
      };
      const fresh = new Set(ctx.figures.map((f) => f.name));
      const sectionOf = (f: Figure) => SECTION_OF.find(([re]) => re.test(f.name))?.[1];
      const kept = (old.figures ?? []).filter((f) => !fresh.has(f.name) && !ran.includes(sectionOf(f) ?? ''));
      figures = [...kept, ...ctx.figures];
      measured = { ...(old.sections ?? {}), ...measured };
    } catch {
      // An unreadable old file is simply replaced.
    }
  }
  const results = {
    generatedAt: stamp,
    quick,
    sections: measured,
    machine: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '',
      loadavg: loadavg(),
    },
    elapsedSeconds: Math.round(elapsed),
    timing:
      'medians; simulate: per-call wall time; other times: process CPU time (user + system), because the machines are shared',
    figures,
  };
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((e) => {
  // Reports, never fails the build.
  console.error(`bench: ${errText(e)}`);
});
