// Takes the README's screenshots from the release build in dist/ with headless Debian Chromium:
// `node e2e/screenshot.mjs` writes docs/library.png, docs/reader.png, docs/timeline.png and
// docs/compare.png.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const port = 4174;
const server = spawn('node', ['e2e/serve.mjs', 'dist', String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 640 }, colorScheme: 'light' });
  await page.goto(`http://127.0.0.1:${port}/#/`);
  await page.getByTestId('library-row').first().waitFor();
  await page.screenshot({ path: 'docs/library.png', fullPage: true });
  await page.getByTestId('library-row').nth(2).locator('a').click();
  await page.getByTestId('reader').waitFor();
  await page.setViewportSize({ width: 900, height: 900 });
  await page.screenshot({ path: 'docs/reader.png' });
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`http://127.0.0.1:${port}/#/timeline?q=Poetin`);
  await page.getByTestId('event-mark').first().waitFor();
  await page.getByTestId('shared-mark').first().hover();
  await page.screenshot({ path: 'docs/timeline.png', fullPage: true });
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`http://127.0.0.1:${port}/#/compare?tab=quotes`);
  await page.getByTestId('quote-cluster').first().waitFor();
  await page.screenshot({ path: 'docs/compare.png' });
  console.log('wrote docs/library.png, docs/reader.png, docs/timeline.png and docs/compare.png');
} finally {
  await browser.close();
  server.kill();
}
