// Trunk post-build hook, run in Trunk's staging directory (TRUNK_STAGING_DIR) before the build is
// published:
// 1. allows Trunk's inline module script (the one that loads the wasm) in the
//    Content-Security-Policy by its SHA-256 hash, so the policy needs no 'unsafe-inline';
// 2. writes sw.js, the service worker, with this build's file list and a version that is a hash of
//    every file (see scripts/sw.template.js).
// `node scripts/post-build.mjs --sw-only DIR` redoes step 2 for a finished build in DIR.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Writes DIR/sw.js listing every file of the build, versioned by their contents. */
export function writeServiceWorker(dir) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name !== 'sw.js') files.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
  const version = hash.digest('hex').slice(0, 16);
  // './' is the page itself; the rest are its files.
  const list = ['./', ...files.map((f) => `./${f}`)];
  const sw = readFileSync(join(HERE, 'sw.template.js'), 'utf8')
    .replace('__VERSION__', version)
    .replace('__FILES__', JSON.stringify(list, null, 2));
  writeFileSync(join(dir, 'sw.js'), sw);
  console.log(`post-build: sw.js precaches ${list.length} entries, version ${version}`);
}

if (process.argv[2] === '--sw-only') {
  writeServiceWorker(process.argv[3]);
  process.exit(0);
}

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set; run this from Trunk');
  process.exit(1);
}
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map(([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
if (hashes.length === 0) {
  console.error('post-build: no inline script found; has Trunk changed its loader?');
  process.exit(1);
}
const before = html;
html = html.replace(/(script-src 'self')/, `$1 ${hashes.join(' ')}`);
if (html === before) {
  console.error("post-build: the CSP in index.html has no \"script-src 'self'\" to extend");
  process.exit(1);
}
writeFileSync(file, html);
console.log(`post-build: CSP allows ${hashes.length} inline script(s) by hash`);
writeServiceWorker(dir);
