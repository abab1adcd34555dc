// `npm run test:conformance`: the suites that read ../shared/conformance (never copied into the project).
// Each suite skips with a clear message when that folder is absent.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vite.config.ts';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['src/**/*.conformance.test.ts'],
      exclude: [],
      testTimeout: 120_000,
    },
  }),
);
