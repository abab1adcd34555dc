// Vite config of the bench's bare React page (bench/bare): same plugin and build target as the app.
//   npx vite build --config bench/bare/vite.config.mjs      (→ dist-bench-bare/)
//   npx vite preview --config bench/bare/vite.config.mjs --port 4321
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist-bench-bare', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { target: 'es2022', outDir, emptyOutDir: true },
  preview: { host: '127.0.0.1' },
});
