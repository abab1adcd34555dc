/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { startupViewPlugin } from './scripts/startup-view.ts';

const prettierStub = fileURLToPath(new URL('./src/app/editor/prettier-stub.ts', import.meta.url));
const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/', import.meta.url));

// E2E runs may build into their own folder so that two runs never clobber one dist/.
const outDir = process.env.GWSIM_OUT_DIR || 'dist';

export default defineConfig({
  // Relative base: dist/ works from any static host and from a sub-path.
  base: './',
  plugins: [react(), startupViewPlugin()],
  resolve: {
    alias: [
      // monaco-worker-manager (dep of monaco-yaml) imports 'monaco-editor/esm/vs/editor/editor.worker.js',
      // which monaco-editor >=0.56's "exports" map no longer allows (stack-notes §2).
      { find: /^monaco-editor\/esm\/(.*)$/, replacement: `${monacoEsm}$1` },
      // monaco-yaml's worker bundles prettier only for "format document"; we do not offer it.
      { find: /^prettier\/(standalone|plugins\/yaml|plugins\/estree)$/, replacement: prettierStub },
    ],
  },
  optimizeDeps: {
    // ?worker entries are not crawled by the dep scanner: list the worker's deps up front,
    // or the first dev visit re-optimizes and reloads the page.
    include: ['monaco-yaml/yaml.worker.js'],
  },
  // Build and test output folders are not sources: watching them reloads the dev page for nothing.
  server: { watch: { ignored: ['**/dist*/**', '**/test-results*/**', '**/playwright-report*/**'] } },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000, outDir },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['src/**/*.conformance.test.ts'],
  },
});
