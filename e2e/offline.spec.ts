// Offline and single-file use: the service worker's cache, a new build replacing it, the app under
// a sub-path, and the one-file build opened from disk.
import { test, expect } from './fixtures';
import { test as bare, Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const SINGLE = path.join(ROOT, 'dist-single/newsprism.html');
const rows = (page: Page) => page.getByTestId('library-row');

async function controlled(page: Page) {
  await expect(page.getByTestId('offline-status')).toHaveText(/Works offline/);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('after one visit the app opens and works offline, with the articles the user added', async ({ page, context, watch }) => {
  await page.goto('./#/');
  await controlled(page);
  await page.getByText('Paste an article').click();
  await page.locator('#paste-text').fill('title: Offline gelezen\nsource: Treinkrant\n\nLoekasjenko sprak in de trein over Poetin.');
  await page.getByTestId('paste-add').click();
  await expect(rows(page)).toHaveCount(6);
  await expect(page.getByTestId('storage-status')).toHaveText(/saved in this browser/);

  await context.setOffline(true);
  await page.reload();
  await expect(rows(page)).toHaveCount(6);
  await expect(rows(page).filter({ hasText: 'Offline gelezen' })).toHaveCount(1);
  await page.goto('./#/search?q=trein');
  await expect(page.getByTestId('search-summary')).toHaveText('1 article matches.');
  await context.setOffline(false);
});

test('the offline status arriving does not move the page', async ({ page, watch }) => {
  // The status comes after the service worker, seconds after the page is drawn: if its text
  // rewrapped the header, everything below would jump under the reader's pointer (a timeline mark
  // clicked as it moved was once missed this way).
  await page.goto('./#/timeline');
  await controlled(page);
  for (const width of [1280, 1024, 800, 375]) {
    await page.setViewportSize({ width, height: 800 });
    const tops = await page.evaluate(() => {
      const status = document.querySelector('[data-testid="offline-status"]')!;
      const main = document.querySelector('main')!;
      return ['', ' Works offline.', ' Not cached for offline use.'].map((text) => {
        status.textContent = text;
        return main.getBoundingClientRect().top;
      });
    });
    expect(new Set(tops).size, `main's top at ${width}px for no status, ready, unavailable: ${tops}`).toBe(1);
  }
});

test('the app is installable: a manifest with icons that are served', async ({ page, watch }) => {
  await page.goto('./#/');
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  const manifest = await page.evaluate(async (h) => (await fetch(h!)).json(), href);
  expect(manifest.name).toBe('Newsprism');
  expect(manifest.start_url).toBe('./');
  expect(manifest.display).toBe('standalone');
  const sizes = manifest.icons.map((i: any) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const status = await page.evaluate(async (src) => (await fetch(src)).status, icon.src);
    expect(status, icon.src).toBe(200);
  }
});

/** A static server for one test, serving `root` under `prefix`; the root can be swapped. */
function server(prefix: string) {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };
  const state = { root: '' };
  const srv = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    if (!p.startsWith(prefix)) { res.writeHead(404).end(); return; }
    let file = path.join(state.root, p.slice(prefix.length) || 'index.html');
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file.startsWith(state.root) || !fs.existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(fs.readFileSync(file));
  });
  return { state, srv };
}

/** A copy of dist/ made to look like a new build: its stylesheet changed, renamed, re-hashed. */
function newBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsprism-build-b-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const css = fs.readdirSync(dir).find((f) => /^main-[0-9a-f]+\.css$/.test(f))!;
  const body = fs.readFileSync(path.join(dir, css), 'utf8') + '\n/* build B */\n';
  const renamed = 'main-bbbbbbbbbbbbbbbb.css';
  fs.rmSync(path.join(dir, css));
  fs.writeFileSync(path.join(dir, renamed), body);
  const sri = `sha384-${createHash('sha384').update(body).digest('base64')}`;
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8')
    .replace(new RegExp(`href="\\./${css}" integrity="[^"]*"`), `href="./${renamed}" integrity="${sri}"`);
  fs.writeFileSync(path.join(dir, 'index.html'), html);
  execFileSync('node', [path.join(ROOT, 'scripts/post-build.mjs'), '--sw-only', dir]);
  return dir;
}

bare('under a sub-path, a new build served over the old one replaces the cache', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const { state, srv } = server('/newsroom/tools/newsprism/');
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(srv.address() as any).port}/newsroom/tools/newsprism/`;
  try {
    state.root = DIST;
    await page.goto(`${base}#/`);
    await expect(rows(page)).toHaveCount(5);
    await controlled(page);
    const oldKeys = await page.evaluate(() => caches.keys());
    expect(oldKeys).toHaveLength(1);
    await page.goto(`${base}#/search?q=Minsk`);
    await expect(page.getByTestId('search-summary')).toHaveText(/articles match/);

    state.root = newBuild();
    await page.reload();
    // The browser finds the new sw.js, which caches the new build whole and deletes the old cache.
    await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 15_000 })
      .toEqual([expect.not.stringMatching(oldKeys[0])]);
    await page.reload();
    await expect(page.getByTestId('search-summary')).toHaveText(/articles match/);
    const sheets = await page.evaluate(() => [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.getAttribute('href')));
    expect(sheets).toEqual(['./main-bbbbbbbbbbbbbbbb.css']);
    const cached = await page.evaluate(async () => {
      const cache = await caches.open((await caches.keys())[0]);
      return (await cache.keys()).map((r) => r.url);
    });
    expect(cached.some((u) => u.endsWith('main-bbbbbbbbbbbbbbbb.css'))).toBe(true);
    expect(cached.every((u) => !/main-(?!b{16})[0-9a-f]{16}\.css$/.test(u))).toBe(true);
    expect(errors).toEqual([]);
  } finally {
    srv.close();
  }
});

bare('the single-file build opens from disk, lists the seeds and searches them', async ({ page }) => {
  bare.skip(!fs.existsSync(SINGLE), 'no dist-single/newsprism.html: run make single-file');
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${pathToFileURL(SINGLE).href}#/`);
  await expect(rows(page)).toHaveCount(5);
  await expect(page.getByTestId('offline-status')).toHaveText(/Not cached for offline use/);
  await page.locator('#search-input').fill('Belarus');
  await expect(page.getByTestId('search-summary')).toHaveText(/\d+ articles match\./);
  await expect(page.getByTestId('hit').first().locator('mark').first()).toBeVisible();
  // The word list is inside the file: "zeggen" finds the seeds' "zei" and "zegt".
  await page.locator('#search-input').fill('zeggen');
  await expect(page.getByTestId('search-summary')).toHaveText('4 articles match.');
  // IndexedDB works for file:// pages in Chromium: what is added stays after a reload.
  await page.evaluate(() => { location.hash = '#/'; });
  await expect(page.getByTestId('storage-status')).toHaveText(/saved in this browser/);
  await page.getByText('Paste an article').click();
  await page.locator('#paste-text').fill('title: Van schijf\n\nEen tekst die op deze schijf blijft.');
  await page.getByTestId('paste-add').click();
  await expect(rows(page)).toHaveCount(6);
  // A page opened from disk cannot start the ingest worker: dropped files are read on the page.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['title: Ook van schijf\n\nNog een tekst, gesleept op de pagina.'], 'schijf.txt', { type: 'text/plain' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  });
  await expect(page.getByTestId('reader-note')).toHaveText('Read and indexed on this page: a page opened from disk cannot start a worker.');
  await expect(rows(page)).toHaveCount(7);
  await page.reload();
  await expect(rows(page)).toHaveCount(7);
  expect(requests.every((u) => u.startsWith('file://') || u.startsWith('data:')), requests.join('\n')).toBe(true);
  expect(errors).toEqual([]);
});
