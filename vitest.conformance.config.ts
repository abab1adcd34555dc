// `npm run test:conformance`: the suites that read ../shared/conformance (never copied into the project).
// Each suite skips with a clear message when that folder is absent.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vite.config.ts';

const config = mergeConfig(
  base,
  defineConfig({
    test: {
      testTimeout: 120_000,
    },
  }),
);
// mergeConfig concatenates arrays, so the base `exclude` (which excludes these very suites) must be
// replaced rather than merged.
config.test = { ...config.test, include: ['src/**/*.conformance.test.ts'], exclude: ['**/node_modules/**'] };

export default config;
