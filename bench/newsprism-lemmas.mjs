// The peers harness adapter for Newsprism's engine with the lemma lexicon, as the app searches
// once its word list has loaded; the rest is bench/newsprism.mjs (the engine on stems alone).
// The lexicon is read once, in init, as the app reads it once per page; memory is the whole
// WebAssembly linear memory after the build, the lexicon's tables included.
import base from './newsprism.mjs';
import { Engine, Lexicon } from './newsprism_bench_engine.js';

let lexicon;

export default {
  ...base,
  name: 'newsprism-lemmas',
  async init() {
    await base.init();
    const text = await (await fetch(new URL('./lexicon.txt', import.meta.url))).text();
    lexicon = new Lexicon(text);
  },
  build(docs) {
    const engine = Engine.with_lexicon(lexicon);
    for (const d of docs) engine.add(d.id, d.title, d.body);
    return engine;
  },
};
