// The peers harness adapter for Newsprism's engine (bench/engine, built by bench/browser.sh).
// Memory is the whole WebAssembly linear memory after the build: the index, the allocator's
// slack and the build's high-water mark, since linear memory never shrinks.
import init, { Engine, memory_bytes } from './newsprism_bench_engine.js';

export default {
  name: 'newsprism',
  async init() { await init(); },
  build(docs) {
    const engine = new Engine();
    for (const d of docs) engine.add(d.id, d.title, d.body);
    return engine;
  },
  search(engine, q, type) {
    const ids = engine.search(q, type, 10);
    return { ids: Array.from(ids), total: engine.total() };
  },
  memoryBytes() { return memory_bytes(); },
  free(engine) { engine.free(); },
};
