// Interaction benchmark: how long the app takes to answer what a user does, with the library
// at BBC scale, in headless Chromium on the release build in dist/.
//
// Usage: [DIST=dist] node bench/ui.mjs [--scales 1,10] [--only library]   (needs dist/: make dist;
// DIST names another build to measure)
// `--only library` stops after the library's figures (for scales, such as 40, where the
// comparison would take minutes).
// Scale N = N copies of the 2,225 BBC files (each copy's text made distinct by one line) added
// beside the five bundled articles: 2,230 articles at 1, 22,255 at 10.
//
// Each figure is from the moment the action is taken in the page (a key pressed, a link clicked)
// until the page has drawn its answer (the awaited element is there and a frame has been painted),
// measured in the page with performance.now(), from a settled page (400 ms after the previous
// answer; a task of 50 ms or more in the 400 ms after an answer is reported beside it). Typing
// also reports the Event Timing API's durations (input to next paint) of every key event, and
// the longest task meanwhile. Targets (issue 20): every interaction within 100 ms at 2,230
// articles and 200 ms at 22,255.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { filesAt } from './bbc-copies.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const DIST = path.resolve(process.env.DIST ?? path.join(ROOT, 'dist'));
const BBC = path.resolve(process.env.BBC_DIR ?? path.join(ROOT, '../shared/corpora/bbc'));
const arg = (name, def) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : def; };
const scales = arg('scales', '1,10').split(',').map(Number);
const onlyLibrary = arg('only', '') === 'library';
for (const [what, dir] of [['dist/ (make dist)', DIST], ['the BBC corpus', BBC]]) {
  if (!fs.existsSync(dir)) { console.error(`missing ${what} at ${dir}`); process.exit(1); }
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.webmanifest': 'application/manifest+json' };
const server = http.createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  const rel = u.pathname === '/' ? 'index.html' : decodeURIComponent(u.pathname.slice(1));
  const file = path.join(DIST, rel);
  if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;


// In the page: event durations, long tasks, and a timer that ends on a painted frame.
const OBSERVE = () => {
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail?.wasm; });
  window.__events = [];
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__events.push([e.name, e.startTime, e.duration]); })
    .observe({ type: 'event', durationThreshold: 16, buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  // Runs `act`, then waits (frame by frame) until `done()` holds, then for one more painted frame.
  // The page is first left to settle, so that work the previous view put off past its first
  // frame (the rest of a long list) is not charged to this interaction; that work is reported
  // as the tail of the interaction that put it off: its longest task in the SETTLE ms after.
  const SETTLE = 400;
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  window.__time = async (act, done, timeout = 60000) => {
    await pause(SETTLE);
    const t0 = performance.now();
    window.__t0 = t0;
    act();
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    while (!done()) {
      if (performance.now() - t0 > timeout) return [-1, 0];
      await frame();
    }
    await frame();
    const ms = performance.now() - t0;
    await pause(SETTLE);
    const tail = window.__long.filter(([s]) => s >= t0 + ms).map(([, d]) => d);
    return [ms, tail.length ? Math.max(...tail) : 0];
  };
};

/** Times an action in the page: `act` and `done` are function bodies run there. */
async function time(page, act, done, arg) {
  const [ms, tail] = await page.evaluate(([a, d, x]) => window.__time(() => new Function('x', a)(x), () => new Function('x', d)(x)), [act, done, arg]);
  lastTail = tail;
  return ms;
}
/** The longest task (of 50 ms or more) in the moments after the last timed answer. */
let lastTail = 0;

/** Types `text` into the header search box a key at a time, as a person does (120 ms apart),
 *  and returns the Event Timing durations of the key events and the longest task meanwhile. */
async function typing(page, text) {
  await page.locator('#search-input').fill('');
  await page.locator('#search-input').focus();
  const t0 = await page.evaluate(() => performance.now());
  await page.keyboard.type(text, { delay: 120 });
  await page.waitForTimeout(600);
  return page.evaluate((t) => {
    const keys = window.__events.filter(([name, start]) => start >= t && ['keydown', 'keypress', 'keyup', 'input', 'beforeinput'].includes(name)).map(([, , d]) => d);
    const long = window.__long.filter(([start]) => start >= t).map(([, d]) => d);
    return { worst: keys.length ? Math.max(...keys) : 0, longest: long.length ? Math.max(...long) : 0 };
  }, t0);
}

/** Opens the timeline: the time until it answers (the chart, or how far reading the articles'
 *  dates has come, which the page does a slice at a time after an import or a reload), and,
 *  when those differ, until the chart is drawn, with the longest task meanwhile. */
async function timeline(page, scale, articles, what) {
  const answered = await time(page, `location.hash = '#/timeline';`,
    `window.__chart = !!document.getElementById('timeline-chart'); return window.__chart || !!document.querySelector('[data-testid=timeline-reading]');`);
  record(scale, articles, `the timeline ${what}: first answer`, answered);
  if (!await page.evaluate(() => window.__chart)) {
    await page.waitForFunction(() => !!document.getElementById('timeline-chart'), null, { timeout: 600_000, polling: 'raf' });
    const [drawn, longest] = await page.evaluate(() => [performance.now() - window.__t0,
      Math.max(0, ...window.__long.filter(([s]) => s >= window.__t0).map(([, d]) => d))]);
    record(scale, articles, `the timeline ${what}: chart drawn after reading dates`, drawn, `(longest task ${longest.toFixed(0)} ms; a progress line meanwhile)`);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows = [];
const memory = [];
const record = (scale, articles, what, ms, note = '', target = undefined) => {
  if (lastTail > 0) note = `${note} (then a ${lastTail.toFixed(0)} ms task)`.trim();
  lastTail = 0;
  rows.push({ scale, articles, what, ms, note, target });
  console.error(`x${scale} ${what}: ${ms.toFixed(0)} ms ${note}`);
};
for (const scale of scales) {
  const files = filesAt(BBC, scale, 'ui');
  // The timings are run as strings in the page, which the app's CSP forbids: bypassed here only.
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await ctx.newPage();
  await page.addInitScript(OBSERVE);
  await page.goto(`${origin}/#/`);
  await page.waitForSelector('[data-testid=library-row]');
  // Typing while the files are read and indexed.
  await page.locator('#add-files').setInputFiles(files, { timeout: 900_000 });
  await page.waitForSelector('[data-testid=ingest-progress]', { timeout: 60000 });
  const during = await typing(page, 'minister');
  // Typing went to the search page; the report is in the library.
  await page.evaluate(() => { location.hash = '#/'; });
  await page.waitForSelector('[data-testid=ingest-report] h2', { timeout: 900_000 });
  const articles = Number((await page.getByTestId('library-summary').innerText()).replace(/,/g, '').match(/^(\d+) articles/)?.[1] ?? 0);
  record(scale, articles, 'typing during the import: worst key, input to paint', during.worst, `(longest task ${during.longest.toFixed(0)} ms)`);
  await page.goto(`${origin}/#/`);
  await page.waitForSelector('[data-testid=library-row]');

  // Typing a search with the library loaded: each key, and the results of the whole word.
  await page.goto(`${origin}/#/search?q=`);
  const typed = await typing(page, 'minister');
  record(scale, articles, 'search as you type: worst key, input to paint', typed.worst, `(longest task ${typed.longest.toFixed(0)} ms)`);
  await page.locator('#search-input').fill('');
  const search = await time(page,
    `const i = document.getElementById('search-input'); i.value = x; i.dispatchEvent(new Event('input', { bubbles: true }));`,
    `return /match/.test(document.querySelector('[data-testid=search-summary]')?.textContent ?? '') && location.hash.includes('q=' + x);`, 'sharapova');
  record(scale, articles, 'a search typed, until its results are drawn', search, '(includes the 40 ms pause before searching)');

  // The concordance of a common word.
  await page.goto(`${origin}/#/search?q=said`);
  await page.waitForSelector('[data-testid=search-summary]');
  const kwic = await time(page, `document.querySelector('[data-testid=kwic-tab]').click();`, `return document.querySelectorAll('[data-testid=kwic-line]').length > 0;`);
  record(scale, articles, 'concordance of "said"', kwic);

  // The library: opening it and sorting it.
  await page.goto(`${origin}/#/search?q=`);
  const lib = await time(page, `location.hash = '#/';`, `return document.querySelectorAll('[data-testid=library-row]').length > 0 && !!document.querySelector('[data-testid=library-summary]');`);
  record(scale, articles, 'the library opened', lib);
  const first = await page.getByTestId('library-row').first().innerText();
  const sort = await time(page, `[...document.querySelectorAll('nav.sort a')].find((a) => a.textContent === 'Title').click();`,
    `const r = document.querySelector('[data-testid=library-row]'); return location.hash.includes('sort') && r && r.innerText !== x;`, first);
  record(scale, articles, 'the library sorted by title', sort);
  // Every article listed: down to the last row (a button drew them all before the list was
  // virtual; now the page is scrolled to its end).
  const end = await time(page, `const b = document.querySelector('[data-testid=show-all]'); if (b) b.click(); window.scrollTo(0, document.body.scrollHeight);`,
    `window.scrollTo(0, document.body.scrollHeight); const rows = document.querySelectorAll('[data-testid=library-row]'); const last = rows[rows.length - 1];
     return rows.length === x || (!!last && Number(last.getAttribute('aria-rowindex')) === x + 1);`, articles);
  record(scale, articles, 'the library listed to its last article', end);
  if (await page.getByTestId('library-filter').count()) {
    await page.evaluate(() => window.scrollTo(0, 0));
    const filtered = await time(page,
      `const i = document.querySelector('[data-testid=library-filter]'); i.value = x; i.dispatchEvent(new Event('input', { bubbles: true }));`,
      `return /^Listing [\\d,]+ of/.test(document.querySelector('[data-testid=library-listing]')?.textContent ?? '');`, 'sharapova');
    record(scale, articles, 'the library filtered by a word typed', filtered);
    await page.evaluate(() => { const i = document.querySelector('[data-testid=library-filter]'); i.value = ''; i.dispatchEvent(new Event('input', { bubbles: true })); });
  }

  if (onlyLibrary) {
    const [heap, wasm] = await page.evaluate(() => [performance.memory?.usedJSHeapSize ?? 0, window.__wasm?.memory?.buffer?.byteLength ?? 0]);
    console.error(`x${scale} the page's memory: JS heap ${(heap / 1e6).toFixed(0)} MB, WebAssembly memory ${(wasm / 1e6).toFixed(0)} MB`);
    memory.push(`${articles} articles: the page's JS heap in use ${(heap / 1e6).toFixed(0)} MB, its WebAssembly memory ${(wasm / 1e6).toFixed(0)} MB`);
    await ctx.close();
    continue;
  }
  // The timeline and the comparison.
  await timeline(page, scale, articles, 'opened');
  const zoom = await time(page, `document.querySelector('[data-testid=zoom-in]').click();`, `return true;`);
  record(scale, articles, 'the timeline zoomed in', zoom);
  const cmp = await time(page, `location.hash = '#/compare?tab=groups';`, `return !!document.querySelector('.compare h2, .compare table, [data-testid=heatmap]');`);
  record(scale, articles, 'the comparison opened (its first paint)', cmp);
  // The whole library compared by the analysis worker (issue 17: under 3 s at 2,230 articles
  // and 30 s at 22,255, the page responsive meanwhile): until the story groups and then the quote
  // clusters are drawn, with the longest task on the page's thread meanwhile.
  const longestSince = () => page.evaluate(() => Math.max(0, ...window.__long.filter(([s]) => s >= window.__t0).map(([, d]) => d)));
  const wholeTarget = articles <= 5000 ? 3000 : 30000;
  // Story groups: the worker may have begun them ahead, when the import ended (the view is drawn
  // ahead, where nobody sees it), so this is the wait a user has, not the work.
  await page.goto(`${origin}/#/search?q=`);
  const groups = await time(page, `location.hash = '#/compare?tab=groups';`,
    `return !document.querySelector('[data-testid=compare-progress]') && !!document.querySelector('[data-testid=story-group], [data-testid=compare-failed]');`);
  record(scale, articles, 'all compared: story groups drawn', groups, `(longest task ${(await longestSince()).toFixed(0)} ms)`, wholeTarget);
  const quotes = await time(page, `location.hash = '#/compare?tab=quotes&t=12';`,
    `return !document.querySelector('[data-testid=compare-progress]') && !!document.querySelector('[data-testid=quote-cluster], [data-testid=compare-failed]');`);
  record(scale, articles, 'all compared: then quotes and clusters (readings kept)', quotes, `(longest task ${(await longestSince()).toFixed(0)} ms)`, wholeTarget);
  await timeline(page, scale, articles, 'opened again');
  await ctx.close();
}
await browser.close();
server.close();

console.log(`\ninteraction → painted answer, headless Chromium, ${os.cpus().length} cores (${new Date().toISOString().slice(0, 10)})`);
console.log(`${'articles'.padStart(9)}  ${'interaction'.padEnd(52)}${'ms'.padStart(8)}  ${'target'.padStart(7)}  note`);
for (const r of rows) {
  const target = r.target ?? (r.articles <= 5000 ? 100 : 200);
  const flag = r.ms < 0 ? 'timed out' : r.ms <= target ? 'ok' : 'over';
  console.log(`${String(r.articles).padStart(9)}  ${r.what.padEnd(52)}${(r.ms < 0 ? '-' : r.ms.toFixed(0)).padStart(8)}  ${String(target).padStart(7)}  ${flag} ${r.note}`);
}
for (const m of memory) console.log(m);
fs.mkdirSync(path.join(ROOT, 'target'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'target/bench-ui.json'), JSON.stringify(rows, null, 1));
