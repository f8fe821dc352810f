// Builds dist-single/newsprism.html: the whole app in one file (wasm, JS, CSS, icon, the lemma
// lexicon as inert text; the seeds are inside the wasm) that opens straight from disk (file://)
// with no server.
// Usage: node scripts/single-file.mjs [DIST] [OUT]   (after `trunk build --release`)
//
// The wasm is inlined as base64 and instantiated from bytes; the wasm-bindgen module is inlined as
// a module script; the stylesheet as a <style>. The Content-Security-Policy allows exactly these
// inline pieces by their SHA-256 hashes, and no connection anywhere.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const out = process.argv[3] ?? 'dist-single/newsprism.html';
const files = readdirSync(dist);
const pick = (re, what) => {
  const f = files.find((n) => re.test(n));
  if (!f) { console.error(`single-file: no ${what} in ${dist}; run trunk build --release first`); process.exit(1); }
  return join(dist, f);
};
const js = readFileSync(pick(/^newsprism-[0-9a-f]+\.js$/, 'wasm-bindgen module'), 'utf8');
const wasm = readFileSync(pick(/^newsprism-[0-9a-f]+_bg\.wasm$/, 'wasm'));
const css = readFileSync(pick(/^main-[0-9a-f]+\.css$/, 'stylesheet'), 'utf8');
const icon = readFileSync('icons/icon.svg');
// The lemma lexicon, as data the app reads from the page (a page opened from disk cannot fetch).
const lexicon = readFileSync(pick(/^lexicon\.txt$/, 'lemma lexicon'), 'utf8');
if (/<\/script|<!--/i.test(lexicon)) {
  console.error('single-file: the lexicon contains a closing script tag; it cannot be inlined');
  process.exit(1);
}

const script = `${js}
const bytes = Uint8Array.from(atob(${JSON.stringify(wasm.toString('base64'))}), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
`;
if (/<\/script/i.test(script) || /<\/style/i.test(css)) {
  console.error('single-file: the module or stylesheet contains a closing tag; it cannot be inlined');
  process.exit(1);
}
const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${sha(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha(css)}`,
  'img-src data:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="description" content="Newsprism compares how news outlets cover one story, entirely in your browser.">
<meta name="color-scheme" content="light dark">
<title>Newsprism</title>
<link rel="icon" href="data:image/svg+xml;base64,${icon.toString('base64')}">
<style>${css}</style>
<script type="module">${script}</script>
<script type="text/plain" id="newsprism-lexicon">${lexicon}</script>
</head>
<body>
<noscript>Newsprism needs JavaScript and WebAssembly to run. Nothing is sent anywhere: it runs on this device.</noscript>
</body>
</html>
`;
mkdirSync(join(out, '..'), { recursive: true });
writeFileSync(out, html);
console.log(`single-file: ${out}, ${html.length} bytes`);
