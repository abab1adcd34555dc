// The CLI: one self-contained ESM file built from the same sources as the page (stack-notes §6).
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    {
      // npm ci does not chmod the root package's own bin; npx would fail with "Permission denied".
      name: 'chmod-bin',
      writeBundle(opts) {
        chmodSync(join(opts.dir as string, 'gateway-sim.js'), 0o755);
      },
    },
  ],
  build: {
    ssr: 'src/cli/bin.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: { output: { entryFileNames: 'gateway-sim.js', banner: '#!/usr/bin/env node' } },
  },
  ssr: { noExternal: true, target: 'node' },
});
