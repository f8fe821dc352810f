// Published-index benchmark (issue 18): `newsprism index` against Pagefind's CLI on BBC copies
// with distinct ids (as bench/bbc-copies.mjs makes them), at each scale: index time and peak
// memory, size on disk, and in headless Chromium from a local static server, time to the first
// result (a cold page: the app, or Pagefind's script, then the query), bytes fetched per query
// and query time (p50, p95) over the shared query list, each run in one page in list order.
//
// Usage: node bench/archive.mjs [--scales 10,100,400] [--peer-max-scale N]   (needs dist/)
// Pagefind 1.6.0 (the anchor) is installed into target/pagefind if missing; it indexes HTML, so
// each copy is also written as a small HTML page (title as <h1>, paragraphs as <p>). The copies
// go to a temporary folder that is removed after each scale.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { bbcFiles } from './bbc-copies.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const DIST = path.join(ROOT, 'dist');
const BBC = path.resolve(process.env.BBC_DIR ?? path.join(ROOT, '../shared/corpora/bbc'));
const PAGEFIND = path.join(ROOT, 'target/pagefind/node_modules/.bin/pagefind');
const CLI = path.join(ROOT, 'target/release/newsprism');
const arg = (name, def) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : def; };
const scales = arg('scales', '10,100,400').split(',').map(Number);
// Above this scale Pagefind is not run (it did not finish at 100x with 17 GB on this machine).
const peerMaxScale = Number(arg('peer-max-scale', 'Infinity'));
const queries = fs.readFileSync(path.join(HERE, 'queries.txt'), 'utf8').split('\n')
  .filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t')[1]);

for (const [what, dir] of [['dist/ (make dist)', DIST], ['the BBC corpus', BBC]]) {
  if (!fs.existsSync(dir)) { console.error(`missing ${what} at ${dir}`); process.exit(1); }
}
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}`);
};
run('cargo', ['build', '--release', '-q', '-p', 'newsprism-cli'], { cwd: ROOT });
if (!fs.existsSync(PAGEFIND)) {
  fs.mkdirSync(path.dirname(path.dirname(path.dirname(PAGEFIND))), { recursive: true });
  run('npm', ['install', '--no-save', '--prefix', path.join(ROOT, 'target/pagefind'), 'pagefind@1.6.0']);
}

/** The memory a peer may take before it is stopped (the machine's RAM less room for the rest). */
const PEER_MEMORY_GB = Number(process.env.PEER_MEMORY_GB ?? Math.max(4, Math.floor(os.totalmem() / 2 ** 30) - 6));

/** Runs a command under /usr/bin/time: seconds and peak memory (MB); `capped` limits its memory. */
function timed(cmd, args, capped = false) {
  const limit = capped ? ['prlimit', `--as=${PEER_MEMORY_GB * 2 ** 30}`, '--'] : [];
  const r = spawnSync('/usr/bin/time', ['-f', 'TIMED %e %M', ...limit, cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const m = /TIMED ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0) throw new Error(`${path.basename(cmd)}: exit ${r.status}: ${(r.stderr ?? '').replace(/TIMED.*/, '').trim().slice(-600)}`);
  return m ? { s: Number(m[1]), mb: Number(m[2]) / 1024 } : { s: NaN, mb: NaN };
}
// What is published: the index's folder without `.runs` (kept by `newsprism index` for updates).
const du = (dir) => Number(spawnSync('du', ['-sb', '--exclude=.runs', dir], { encoding: 'utf8' }).stdout.split('\t')[0]);
const files = (dir) => Number(spawnSync('sh', ['-c', `find "${dir}" -type f -not -path '*/.runs/*' | wc -l`], { encoding: 'utf8' }).stdout.trim());

/** The BBC files `scale` times, each copy made distinct by one line, as text and as HTML. */
function copies(scale) {
  const base = bbcFiles(BBC).map((f) => {
    const bytes = fs.readFileSync(f);
    let text;
    try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { text = bytes.toString('latin1'); }
    return text;
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `newsprism-archive-x${scale}-`));
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  for (let k = 0; k < scale; k++) {
    fs.mkdirSync(path.join(dir, 'txt', `copy${k}`), { recursive: true });
    fs.mkdirSync(path.join(dir, 'html', `copy${k}`), { recursive: true });
    base.forEach((text, i) => {
      const t = `${text}\n\nCopy ${k} of file ${i}.\n`;
      fs.writeFileSync(path.join(dir, 'txt', `copy${k}`, `${i}.txt`), t);
      const [title, ...rest] = t.split('\n');
      const paras = rest.join('\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => `<p>${esc(p)}</p>`).join('');
      fs.writeFileSync(path.join(dir, 'html', `copy${k}`, `${i}.html`),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${paras}</body></html>`);
    });
  }
  return dir;
}

const PF_PAGE = (bundle) => `<!doctype html><html><head><meta charset="utf-8"></head><body><script type="module">
  window.__pf = await import('${bundle}/pagefind.js');
  await window.__pf.init();
  window.__search = async (q) => { const r = await window.__pf.search(q); const shown = await Promise.all(r.results.slice(0, 10).map((x) => x.data())); return [r.results.length, shown.length]; };
  window.__ready = true;
</script></body></html>`;

/** Bytes the server has sent per root since last read (the pages' own counts miss requests made
 *  from workers, as Pagefind's are). */
const sent = {};
const taken = (prefix) => { const n = sent[prefix] ?? 0; sent[prefix] = 0; return n; };

const gzSizes = new Map();
const gzipped = (file) => {
  if (!gzSizes.has(file)) gzSizes.set(file, zlib.gzipSync(fs.readFileSync(file)).length);
  return gzSizes.get(file);
};

function serve(roots) {
  const server = http.createServer((req, res) => {
    const u = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const hit = Object.entries(roots).find(([prefix]) => u.startsWith(prefix));
    if (!hit) { res.writeHead(404); return res.end(); }
    const [prefix, dir] = hit;
    let rel = u.slice(prefix.length) || 'index.html';
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); return res.end(); }
    const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    // Pagefind's own script and WebAssembly are code, as the app's files are: counted apart.
    const key = prefix === '/pagefind/' && /(\.js|^wasm\..*\.pagefind)$/.test(path.basename(file)) ? 'pagefind-code' : prefix;
    // The app's files as a static host sends them, gzipped (Pagefind's and ours are gzipped
    // already).
    sent[key] = (sent[key] ?? 0) + (prefix === '/' ? gzipped(file) : fs.statSync(file).size);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}


async function measureNewsprism(browser, origin, prefix) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  for (const k of Object.keys(sent)) sent[k] = 0;
  const t0 = Date.now();
  await page.goto(`${origin}/#/archive?index=${prefix.slice(1)}&q=${encodeURIComponent(queries[0])}`);
  await page.waitForSelector('[data-testid=archive-summary]', { timeout: 600_000 });
  const first = Date.now() - t0;
  const firstBytes = taken(prefix);
  const code = taken('/');
  const times = [], bytes = [];
  for (const q of queries.slice(1)) {
    const ms = await page.evaluate(async ([pfx, q]) => {
      const t = performance.now();
      location.hash = `#/archive?index=${pfx}&q=${encodeURIComponent(q)}`;
      const done = () => { const s = document.querySelector('[data-testid=archive-summary]'); return s && document.querySelector('#archive-q')?.value === q; };
      while (!done()) await new Promise((r) => setTimeout(r, 2));
      return performance.now() - t;
    }, [prefix.slice(1), q]);
    times.push(ms);
    bytes.push(taken(prefix));
  }
  await ctx.close();
  return { first, firstBytes, code, times, perQuery: bytes };
}

async function measurePagefind(browser, origin, prefix) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  for (const k of Object.keys(sent)) sent[k] = 0;
  const t0 = Date.now();
  await page.goto(`${origin}${prefix}pf.html`);
  await page.waitForFunction(() => window.__ready === true, null, { timeout: 600_000 });
  await page.evaluate((q) => window.__search(q), queries[0]);
  const first = Date.now() - t0;
  const firstBytes = taken(prefix);
  const code = taken('pagefind-code');
  const times = [], bytes = [];
  for (const q of queries.slice(1)) {
    const ms = await page.evaluate(async (q) => { const t = performance.now(); await window.__search(q); return performance.now() - t; }, q);
    times.push(ms);
    bytes.push(taken(prefix));
  }
  await ctx.close();
  return { first, firstBytes, code, times, perQuery: bytes };
}

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const f1 = (x) => (x == null || Number.isNaN(x) ? '-' : x.toFixed(1));
const kb = (x) => (x == null ? '-' : (x / 1e3).toFixed(1));
const ratio = (a, b) => (a == null || b == null || !b ? '-' : `${(a / b).toFixed(2)}x`);
console.log(`\npublished indexes, BBC copies, ${os.cpus().length} cores, headless Chromium from a local server (${new Date().toISOString().slice(0, 10)})`);
console.log('Newsprism = newsprism index / the app at #/archive; Pagefind 1.6.0 CLI / pagefind.js (search + data() of the first 10, as the app draws the first 10). Ratio = Newsprism / Pagefind (below 1 is better for Newsprism).');
function print(r) {
  const o = r.ours, p = r.pf ?? {};
  console.log(`\n${r.articles.toLocaleString('en')} articles (x${r.scale})${r.pfFailed ? `: Pagefind ${r.pfFailed}` : ''}`);
  const line = (what, a, b, fmt) => console.log(`  ${what.padEnd(40)}${fmt(a).padStart(12)}${fmt(b).padStart(12)}${ratio(a, b).padStart(9)}`);
  console.log(`  ${''.padEnd(40)}${'Newsprism'.padStart(12)}${'Pagefind'.padStart(12)}${'ratio'.padStart(9)}`);
  line('index time (s)', o.s, p.s, f1);
  line('index peak memory (MB)', o.mb, p.mb, f1);
  line('index size on disk (MB)', o.size / 1e6, p.size && p.size / 1e6, f1);
  line('index files', o.files, p.files, (x) => (x == null ? '-' : String(x)));
  line('first result, cold page (ms)', o.first, p.first, f1);
  line('code fetched by a cold page (KB, gzip)', o.code, p.code, kb);
  line('index bytes, opening + first query (KB)', o.firstBytes, p.firstBytes, kb);
  line('bytes per later query, mean (KB)', mean(o.perQuery), p.perQuery && mean(p.perQuery), kb);
  line('bytes per later query, p95 (KB)', pct(o.perQuery, 0.95), p.perQuery && pct(p.perQuery, 0.95), kb);
  line('query time p50 (ms)', pct(o.times, 0.5), p.times && pct(p.times, 0.5), f1);
  line('query time p95 (ms)', pct(o.times, 0.95), p.times && pct(p.times, 0.95), f1);
}

const rows = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
for (const scale of scales) {
  console.error(`x${scale}: writing ${scale * 2225} copies as text and HTML…`);
  const dir = copies(scale);
  try {
    const ours = path.join(dir, 'newsprism-index');
    const pf = path.join(dir, 'pagefind');
    console.error(`x${scale}: newsprism index…`);
    const a = timed(CLI, ['index', path.join(dir, 'txt'), '--out', ours]);
    console.error(`x${scale}: pagefind…`);
    let b;
    let pfFailed = null;
    if (scale > peerMaxScale) pfFailed = `not run above x${peerMaxScale} (--peer-max-scale)`;
    else try { b = timed(PAGEFIND, ['--site', path.join(dir, 'html'), '--output-path', pf, '--quiet'], true); } catch (e) { pfFailed = `did not finish with its memory capped at ${PEER_MEMORY_GB} GB (${e.message.slice(0, 300)})`; console.error(`pagefind ${pfFailed}`); b = null; }
    if (b) fs.writeFileSync(path.join(pf, 'pf.html'), PF_PAGE('/pagefind'));
    const server = await serve({ '/newsprism-index/': ours + '/', '/pagefind/': pf + '/', '/': DIST + '/' });
    const origin = `http://127.0.0.1:${server.address().port}`;
    console.error(`x${scale}: in Chromium…`);
    const na = await measureNewsprism(browser, origin, '/newsprism-index/');
    const pb = b ? await measurePagefind(browser, origin, '/pagefind/') : null;
    server.close();
    rows.push({ scale, articles: scale * 2225, ours: { ...a, size: du(ours), files: files(ours), ...na }, pf: b && { ...b, size: du(pf), files: files(pf), ...pb }, pfFailed });
    print(rows.at(-1));
    fs.mkdirSync(path.join(ROOT, 'target'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'target/bench-archive.json'), JSON.stringify(rows, null, 1));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
await browser.close();

fs.mkdirSync(path.join(ROOT, 'target'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'target/bench-archive.json'), JSON.stringify(rows, null, 1));
