// Screenshot helper for looking at the page: node scripts/dev/shot.mjs URL OUT.png [dark] [width] [height]
import { chromium } from '@playwright/test';

const [url, out, theme, w, h] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({
  viewport: { width: Number(w || 1440), height: Number(h || 900) },
  colorScheme: theme === 'dark' ? 'dark' : 'light',
});
p.on('pageerror', (e) => console.log('pageerror', e.message));
p.on('console', (m) => m.type() === 'error' && console.log('console.error', m.text()));
await p.goto(url);
await p.waitForTimeout(5000);
await p.screenshot({ path: out });
await b.close();
