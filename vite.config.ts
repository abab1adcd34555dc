/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { OutputChunk } from 'rolldown';
import { defineConfig, type Plugin } from 'vite';

const prettierStub = fileURLToPath(new URL('./src/app/editor/prettier-stub.ts', import.meta.url));
const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/', import.meta.url));

// E2E runs may build into their own folder so that two runs never clobber one dist/.
const outDir = process.env.GWSIM_OUT_DIR || 'dist';

/**
 * The page's entry (src/main.tsx) loads the app (src/app/mount.tsx) with a dynamic import, so that the
 * engine worker starts before the app's code is evaluated. This asks the browser to fetch that chunk
 * and its CSS while it is still running the entry, instead of after (one round trip, then the download).
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'gwsim-preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c): c is OutputChunk => c.type === 'chunk' && !!c.facadeModuleId?.endsWith('/src/app/mount.tsx'),
        );
        if (!chunk) return [];
        const css = [...(chunk.viteMetadata?.importedCss ?? [])];
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` },
            injectTo: 'head',
          },
          ...css.map((href) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `./${href}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

export default defineConfig({
  // Relative base: dist/ works from any static host and from a sub-path.
  base: './',
  plugins: [react(), preloadAppChunk()],
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
