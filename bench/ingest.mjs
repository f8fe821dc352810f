// Ingest benchmark: real files picked in headless Chromium until they are searchable, and the
// main thread's long tasks meanwhile, for Newsprism (the release build in dist/) and, side by side
// in the same run, MiniSearch and FlexSearch fed the same files by the same <input type=file>
// (each file read with File.text(), first line as title, then indexed as their users do).
//
// Usage: [DIST=dist] node bench/ingest.mjs [--scales 1,10] [--engines newsprism,minisearch,flexsearch]
// (needs dist/ and target/peers from bench/browser.sh; DIST names another build to measure)
// Scale N = N copies of the 2,225 BBC files, each copy's text made distinct by one line, so
// Newsprism's duplicate detection does not skip them.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { filesAt } from './bbc-copies.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const DIST = path.resolve(process.env.DIST ?? path.join(ROOT, 'dist'));
const PEERS = path.join(ROOT, 'target/peers');
const BBC = path.resolve(process.env.BBC_DIR ?? path.join(ROOT, '../shared/corpora/bbc'));
const arg = (name, def) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : def; };
const scales = arg('scales', '1,10').split(',').map(Number);
const engines = arg('engines', 'newsprism,minisearch,flexsearch').split(',');

for (const [what, dir] of [['dist/ (make dist)', DIST], ['target/peers (bench/browser.sh)', PEERS], ['the BBC corpus', BBC]]) {
  if (!fs.existsSync(dir)) { console.error(`missing ${what} at ${dir}`); process.exit(1); }
}

const PEER_PAGE = `<!doctype html><html><head><meta charset="utf-8">
<script type="importmap">{ "imports": {
  "minisearch": "/peers/node_modules/minisearch/dist/es/index.js",
  "flexsearch": "/peers/node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs" } }</script>
<script type="module">
  const engine = new URLSearchParams(location.search).get('engine');
  const lib = await import(engine);
  const input = document.getElementById('files');
  input.addEventListener('change', async () => {
    window.__t0 = performance.now();
    const docs = [];
    let id = 0;
    for (const f of input.files) {
      const text = await f.text();
      const nl = text.indexOf('\\n');
      docs.push({ id: id++, title: text.slice(0, nl), body: text.slice(nl + 1) });
    }
    let total;
    if (engine === 'minisearch') {
      const ms = new lib.default({ idField: 'id', fields: ['title', 'body'], storeFields: [] });
      ms.addAll(docs);
      total = ms.search('sharapova').length;
    } else {
      const fx = new lib.default.Document({ document: { id: 'id', index: ['title', 'body'] } });
      for (const d of docs) fx.add(d);
      total = fx.search('sharapova', { limit: 1000 }).reduce((n, r) => Math.max(n, r.result.length), 0);
    }
    window.__total = total;
    window.__t1 = performance.now();
  });
  window.__ready = true;
</script></head><body><input id="files" type="file" multiple></body></html>`;

const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };
const server = http.createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  if (u.pathname === '/peer.html') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end(PEER_PAGE); }
  const [root, rel] = u.pathname.startsWith('/peers/') ? [PEERS, u.pathname.slice(7)] : [DIST, u.pathname === '/' ? 'index.html' : u.pathname.slice(1)];
  const file = path.join(root, decodeURIComponent(rel));
  if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;


const LONGTASKS = () => {
  window.__long = [];
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail?.wasm; });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) { window.__long.push(e.duration); (window.__longAt ||= []).push([Math.round(e.startTime), Math.round(e.duration)]); } })
    .observe({ type: 'longtask', buffered: true });
  document.addEventListener('change', () => { window.__t0 = performance.now(); }, true);
  // A reload's restore is timed to the moment the library first says every stored article is
  // back (the count to wait for is left in localStorage before the reload).
  const expect = localStorage.getItem('bench-expect');
  new MutationObserver(() => {
    if (window.__firstRows === undefined && document.querySelector('[data-testid=library-row]')) window.__firstRows = performance.now();
    if (expect && window.__listedAt === undefined && document.querySelector('[data-testid=library-summary]')?.textContent?.startsWith(expect)) window.__listedAt = performance.now();
    if (window.__t1 === undefined && document.querySelector('[data-testid=ingest-report] h2')) window.__t1 = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = [];
const memory = [];
for (const scale of scales) {
  const files = filesAt(BBC, scale, 'ingest');
  for (const engine of engines) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.addInitScript(LONGTASKS);
    if (engine === 'newsprism') {
      await page.goto(`${origin}/#/`);
      await page.waitForSelector('[data-testid=library-row]');
      await page.evaluate(() => { window.__long = []; });
      await page.locator('#add-files').setInputFiles(files, { timeout: 900_000 });
      await page.waitForFunction(() => window.__t1 !== undefined, null, { timeout: 600_000, polling: 50 });
    } else {
      await page.goto(`${origin}/peer.html?engine=${engine}`);
      await page.waitForFunction(() => window.__ready);
      await page.evaluate(() => { window.__long = []; });
      await page.locator('#files').setInputFiles(files, { timeout: 900_000 });
      await page.waitForFunction(() => window.__t1 !== undefined, null, { timeout: 600_000, polling: 50 });
    }
    await page.waitForTimeout(1000); // let the observer deliver the last long tasks (saving, drawing)
    const r = await page.evaluate(() => ({ ms: window.__t1 - window.__t0, long: window.__long, at: window.__longAt, t0: window.__t0, t1: window.__t1 }));
    if (process.env.DEBUG_LONG) console.log(engine, r.t0, r.t1, JSON.stringify(r.at));
    let searchable = '';
    if (engine === 'newsprism') {
      await page.goto(`${origin}/#/search?q=sharapova`);
      searchable = await page.getByTestId('search-summary').innerText();
      // Reloading restores every stored article from IndexedDB: time it and its long tasks too.
      await page.waitForFunction(() => document.querySelector('[data-testid=ingest-progress]') === null);
      await page.goto(`${origin}/#/`);
      await page.waitForFunction(() => /saved in this browser\./.test(document.querySelector('[data-testid=storage-status]')?.textContent ?? ''), null, { timeout: 600_000, polling: 100 });
      const expected = (await page.getByTestId('library-summary').innerText()).match(/^\d+ articles/)[0];
      await page.evaluate((e) => localStorage.setItem('bench-expect', e), expected);
      await page.reload();
      await page.waitForFunction(() => window.__listedAt !== undefined, null, { timeout: 600_000, polling: 50 });
      const restoredAt = await page.evaluate(() => window.__listedAt);
      await page.waitForTimeout(1000);
      const [heap, wasm] = await page.evaluate(() => [performance.memory?.usedJSHeapSize ?? 0, window.__wasm?.memory?.buffer?.byteLength ?? 0]);
      memory.push(`x${scale}, after the reload: the page's JS heap in use ${(heap / 1e6).toFixed(0)} MB, its WebAssembly memory ${(wasm / 1e6).toFixed(0)} MB`);
      const at = await page.evaluate(() => window.__longAt ?? []);
      const first = await page.evaluate(() => window.__firstRows);
      const nav = first;
      // Tasks after the app first drew the library (the seeds): restoring, not loading the wasm.
      const loadTasks = at.filter(([start]) => start >= first).map(([, d]) => d);
      results.push({ scale, files: files.length, engine: 'newsprism (reload, restore from IndexedDB)', ms: restoredAt, longest: loadTasks.length ? Math.max(...loadTasks) : 0, over200: loadTasks.filter((d) => d > 200).length, longTasks: loadTasks.length, searchable: expected, note: `ms from navigation start until the library first lists every stored article (indexed: the count appears once the restore, segments merged, is done); long tasks after the seeds were first drawn (${nav.toFixed(0)} ms)` });
    } else {
      searchable = `${await page.evaluate(() => window.__total)} match sharapova`;
    }
    // Only tasks that start once the files are picked: loading the page is not ingest.
    const during = (r.at ?? []).filter(([start]) => start >= r.t0).map(([, d]) => d);
    const longest = during.length ? Math.max(...during) : 0;
    results.push({ scale, files: files.length, engine, ms: r.ms, longest, over200: during.filter((d) => d > 200).length, longTasks: during.length, searchable });
    await ctx.close();
  }
}
await browser.close();
server.close();

const pad = (s, n) => String(s).padStart(n);
console.log(`\nfiles picked → searchable, headless Chromium (${new Date().toISOString().slice(0, 10)})`);
console.log(`${'scale'.padEnd(6)}${'engine'.padEnd(12)}${pad('files', 7)}${pad('ms', 9)}${pad('× newsprism', 13)}${pad('longest task ms', 17)}${pad('tasks >200ms', 14)}  check`);
for (const r of results) {
  const base = r.engine.startsWith('newsprism (') ? r : results.find((x) => x.scale === r.scale && x.engine === 'newsprism') ?? r;
  console.log(`${('x' + r.scale).padEnd(6)}${r.engine.padEnd(12).slice(0, 44)}${pad(r.files, 7)}${pad(r.ms.toFixed(0), 9)}${pad((r.ms / base.ms).toFixed(2), 13)}${pad(r.longest.toFixed(0), 17)}${pad(r.over200, 14)}  ${r.searchable}`);
}
for (const m of memory) console.log(m);
fs.mkdirSync(path.join(ROOT, 'target'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'target/bench-ingest.json'), JSON.stringify(results, null, 1));
