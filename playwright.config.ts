import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Which Chromium (stack-notes §4): PLAYWRIGHT_CHROMIUM_EXECUTABLE names a binary, or 'bundled' forces
// Playwright's own (npx playwright install chromium); unset = Debian's /usr/bin/chromium when present.
const envExe = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
const systemChromium =
  envExe === 'bundled'
    ? undefined
    : envExe || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

// Separate port and build folder per run, so that parallel runs never clobber each other.
const PORT = Number(process.env.GWSIM_E2E_PORT || 4173);
const OUT = process.env.GWSIM_OUT_DIR || 'dist';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: systemChromium
          ? {
              executablePath: systemChromium,
              args: [
                '--no-sandbox',
                '--disable-gpu',
                '--disable-dev-shm-usage',
                '--disable-background-networking',
                '--disable-component-update',
                '--disable-sync',
                '--no-first-run',
                '--disable-quic',
              ],
            }
          : {},
      },
    },
  ],
  webServer: {
    // Build first so that the e2e run never tests a stale build (the production build, as users get it).
    command: `npx vite build --outDir ${OUT} && npx vite preview --outDir ${OUT} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    stdout: 'ignore',
    timeout: 180_000,
  },
});
