#!/usr/bin/env bash
# The side-by-side browser benchmark: Newsprism's wasm engine (on stems alone, and with the lemma
# lexicon as the app searches once its word list has loaded), MiniSearch, FlexSearch and Orama on the
# BBC corpus in one headless Chromium run (the harness in ../shared/peers), ratios to Newsprism.
# Usage: bench/browser.sh [--scales 1,10] [--runs 5] [--qpasses 10]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
PEERS_SRC=${PEERS_DIR:-../shared/peers}
BBC=${BBC_DIR:-../shared/corpora/bbc}
[ -d "$PEERS_SRC" ] || { echo "no peers harness at $PEERS_SRC (set PEERS_DIR)"; exit 1; }
[ -d "$BBC" ] || { echo "no BBC corpus at $BBC (set BBC_DIR)"; exit 1; }

cargo build --release --target wasm32-unknown-unknown -p newsprism-bench-engine
rm -rf target/bench-ext && mkdir -p target/bench-ext
wasm-bindgen --target web --out-dir target/bench-ext \
  target/wasm32-unknown-unknown/release/newsprism_bench_engine.wasm
# The same wasm-opt level the app's release build gets (data-wasm-opt="z" in index.html).
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  target/bench-ext/newsprism_bench_engine_bg.wasm -o target/bench-ext/newsprism_bench_engine_bg.wasm
cp bench/newsprism.mjs bench/newsprism-lemmas.mjs crates/newsprism-core/data/lexicon.txt target/bench-ext/

# shared/ is read-only: run a copy of the harness with its own node_modules.
mkdir -p target/peers
cp -r "$PEERS_SRC"/. target/peers/
chmod -R u+w target/peers
if [ ! -d target/peers/node_modules/minisearch ] || [ ! -d target/peers/node_modules/@orama/orama ]; then
  (cd target/peers && npm ci --no-fund --no-audit)
fi
BBC_DIR=$(realpath "$BBC") node target/peers/run.mjs --ext target/bench-ext \
  --adapters "${ADAPTERS:-/ext/newsprism.mjs,/ext/newsprism-lemmas.mjs,minisearch,flexsearch,orama}" --baseline newsprism \
  --out target/bench-browser.json "$@"
