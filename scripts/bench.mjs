#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --only NAME,...]`: builds bench/run.ts (and the engine it imports) into one
// Node ESM file with Vite's SSR build, then runs it in a fresh `node --expose-gc` so that heap figures
// can force a collection. Node 20 cannot run TypeScript directly (stack-notes §6), and a bundled file
// starts fast and measures the same code the CLI ships.
//
// BENCH_ENTRY=path/to/file.ts runs another entry the same way (handy for one-off measurements).
// The benchmark reports; it never fails the build: a crash in one figure is reported as "error".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const entry = resolve(root, process.env.BENCH_ENTRY || 'bench/run.ts');
const outDir = mkdtempSync(join(tmpdir(), 'gwsim-bench-'));

let code = 0;
try {
  const { build } = await import('vite');
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      rollupOptions: { output: { entryFileNames: 'bench.mjs' } },
    },
    // One self-contained file; lz-string is CommonJS and bundles fine.
    ssr: { noExternal: true, target: 'node' },
  });
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=4096', join(outDir, 'bench.mjs'), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      cwd: root,
    },
  );
  if (r.status !== 0)
    console.error(
      `bench: the runner exited with ${r.status ?? r.signal}; figures written so far are in bench/results.json`,
    );
} catch (e) {
  console.error(`bench: could not build the runner: ${e instanceof Error ? e.message : String(e)}`);
  code = 0; // reports, never fails the build
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
process.exit(code);
