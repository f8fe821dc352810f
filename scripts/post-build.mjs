// Trunk post-build hook: allows Trunk's inline module script (the one that loads the wasm) in
// the Content-Security-Policy by its SHA-256 hash, so the policy needs no 'unsafe-inline'.
// Runs in Trunk's staging directory (TRUNK_STAGING_DIR) before the build is published.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
