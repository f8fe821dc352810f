// The BBC corpus's files, and N copies of them made distinct by one line (so that Newsprism's
// duplicate detection does not skip them), for the browser benchmarks (ingest.mjs, ui.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The corpus's .txt files, by category then name. */
export function bbcFiles(bbc) {
  return fs.readdirSync(bbc, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    .flatMap((c) => fs.readdirSync(path.join(bbc, c)).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(bbc, c, f)));
}

/** The files at a scale: the corpus itself at 1, else `scale` distinct copies in a temporary folder. */
export function filesAt(bbc, scale, label = 'bench') {
  const base = bbcFiles(bbc);
  if (scale === 1) return base;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `newsprism-${label}-x${scale}-`));
  const out = [];
  for (let k = 0; k < scale; k++) {
    const sub = path.join(dir, `copy${k}`);
    fs.mkdirSync(sub);
    base.forEach((f, i) => {
      const target = path.join(sub, `${i}.txt`);
      fs.writeFileSync(target, Buffer.concat([fs.readFileSync(f), Buffer.from(`\n\nCopy ${k} of file ${i}.\n`)]));
      out.push(target);
    });
  }
  return out;
}
