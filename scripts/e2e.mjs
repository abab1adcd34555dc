#!/usr/bin/env node
// Runs the Playwright e2e tests against the production build. Finds a browser first: the system
// Chromium (/usr/bin/chromium, or PLAYWRIGHT_CHROMIUM_EXECUTABLE), else Playwright's own; when there is
// none it runs `npx playwright install chromium` itself and says what to do if that fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

function bundledBrowserPresent() {
  const r = spawnSync(
    process.execPath,
    ['-e', "const {chromium}=require('@playwright/test');process.stdout.write(chromium.executablePath())"],
    { encoding: 'utf8' },
  );
  return r.status === 0 && r.stdout && existsSync(r.stdout.trim());
}

if (!(env && env !== 'bundled') && !(system && env !== 'bundled') && !bundledBrowserPresent()) {
  console.log('No Chromium found: running `npx playwright install chromium` once…');
  const r = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(
      '\nCould not install a browser for the e2e tests. Install one of:\n' +
        '  - Debian/Ubuntu: sudo apt-get install -y chromium   (then /usr/bin/chromium is used)\n' +
        '  - any OS: npx playwright install --with-deps chromium\n' +
        '  - or point PLAYWRIGHT_CHROMIUM_EXECUTABLE at a Chromium/Chrome binary.',
    );
    process.exit(1);
  }
}

const r = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
