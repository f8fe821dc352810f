# Newsprism: the README's commands. `make serve` and `make test` install what is missing first.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test dist single-file tools browser lint unit e2e archives bench-archive screenshot size bench bench-native bench-browser bench-ingest bench-lemmas bench-extract bench-time bench-quotes bench-compare bench-ui lexicon clean

## Build and serve the app on http://127.0.0.1:8080
serve: tools
	trunk serve --release --offline

## Install whatever is missing, then run every check and test
test: tools browser lint unit dist single-file e2e size

tools:
	@scripts/install-tools.sh

browser:
	@scripts/install-tools.sh --browser

lint:
	python3 scripts/check-structure.py
	cargo fmt --all -- --check
	leptosfmt --check src
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p newsprism --target wasm32-unknown-unknown -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet

unit:
	cargo test --workspace

## The release build in dist/
dist: tools
	trunk build --release --offline

## dist-single/newsprism.html: the whole app in one file that opens from disk (needs dist/)
single-file: dist
	node scripts/single-file.mjs dist dist-single/newsprism.html

e2e: archives
	npx playwright test --config e2e/playwright.config.ts

## target/e2e-archives/bbc: the BBC corpus published by the command line, for the archive tests
archives:
	cargo build -p newsprism-cli
	target/debug/newsprism index $${BBC_DIR:-../shared/corpora/bbc} --out target/e2e-archives/bbc 2>/dev/null

## docs/library.png from headless Chromium (needs dist/)
screenshot:
	node e2e/screenshot.mjs

## Benchmarks (not part of `make test`): criterion natively, then the side-by-side browser run
bench: bench-native bench-browser bench-ingest bench-lemmas bench-extract bench-time bench-quotes bench-compare bench-ui bench-archive

## Published indexes: newsprism index and the app's archive view against Pagefind, at 10x, 100x, 400x
bench-archive: dist
	node bench/archive.mjs --scales 10,100,400

bench-native:
	cargo bench -p newsprism-core --bench search
	cargo run --release -p newsprism-core --example restore_time -- $${BBC_DIR:-../shared/corpora/bbc} 1,10
	cargo run --release -p newsprism-core --example library_time -- $${BBC_DIR:-../shared/corpora/bbc} 1,10,40

bench-browser: tools browser
	bench/browser.sh --scales 1,10

## Files picked until searchable, and long tasks meanwhile: Newsprism vs MiniSearch, FlexSearch
bench-ingest: dist
	node bench/ingest.mjs --scales 1,10

## What a user does, timed to the painted answer, at 2,230 and 22,255 articles (issue 20's targets:
## 100 ms and 200 ms): typing during an import and in the search box, the concordance, the library
## opened and sorted, the timeline, the comparison
bench-ui: dist
	node bench/ui.mjs --scales 1,10
	node bench/ui.mjs --scales 40 --only library

## Word forms: does a search for a lemma find the documents that hold only its inflections?
## Dutch gold lemmas (UD LassySmall) and the English gold table; recall by part of speech
bench-lemmas:
	cargo run --release -p newsprism-core --example lemma_recall -- --lexicon crates/newsprism-core/data/lexicon.txt \
	  crates/newsprism-core/tests/gold/english-lemmas.tsv ../shared/corpora/ud-nl-lassysmall/*.conllu

## Time expressions as TIMEX3 (type, value, modifier) against tests/gold/timex.tsv (the seeds
## and five BBC articles) and timex-heldout.tsv (ten BBC articles and ten LassySmall documents
## nobody tuned on), scored the TempEval-3 way (relaxed and strict spans)
bench-time:
	cargo run --release -p newsprism-core --example timex_score -- \
	  crates/newsprism-core/tests/gold/timex.tsv ../shared/seeds ../shared/corpora/bbc
	cargo run --release -p newsprism-core --example timex_score -- \
	  crates/newsprism-core/tests/gold/timex-heldout.tsv ../shared/seeds ../shared/corpora/bbc \
	  ../shared/corpora/ud-nl-lassysmall

## Quotations and quantities in the seeds against tests/gold/quotes.tsv and quantities.tsv:
## statements found, speakers right, speakers invented where the text names none, scare quotes
## and names in marks told apart; quantities found, their numbers and what they count
bench-quotes:
	cargo run --release -p newsprism-core --example quote_score -- \
	  crates/newsprism-core/tests/gold/quotes.tsv crates/newsprism-core/tests/gold/quantities.tsv ../shared/seeds
	cargo run --release -p newsprism-core --example quote_score -- \
	  crates/newsprism-core/tests/gold/quotes-heldout.tsv \
	  crates/newsprism-core/tests/gold/quantities-heldout.tsv ../shared/seeds \
	  ../shared/corpora/bbc ../shared/corpora/ud-nl-lassysmall
	cargo run --release -p newsprism-core --example quote_score -- \
	  crates/newsprism-core/tests/gold/quotes-heldout2.tsv \
	  crates/newsprism-core/tests/gold/quantities-heldout2.tsv ../shared/seeds \
	  ../shared/corpora/bbc ../shared/corpora/ud-nl-lassysmall
	cargo run --release -p newsprism-core --example quote_score -- \
	  crates/newsprism-core/tests/gold/quotes-heldout3.tsv \
	  crates/newsprism-core/tests/gold/quantities-heldout3.tsv ../shared/seeds \
	  ../shared/corpora/bbc ../shared/corpora/ud-nl-lassysmall
	cargo run --release -p newsprism-core --example quote_score -- \
	  crates/newsprism-core/tests/gold/quotes-heldout4.tsv \
	  crates/newsprism-core/tests/gold/quantities-heldout4.tsv ../shared/seeds \
	  ../shared/corpora/bbc ../shared/corpora/ud-nl-lassysmall

## A comparison over every article (story groups, quote clusters) at growing sizes, phase by
## phase, natively; the candidate index's groups and clusters scored against every pair's
COMPARE_SIZES ?= 60,2126,22160
bench-compare:
	cargo build --release -p newsprism-core --example compare_scale
	EVERY_PAIR=1 target/release/examples/compare_scale ../shared/corpora/bbc 60,2126
	target/release/examples/compare_scale ../shared/corpora/bbc $(COMPARE_SIZES)

## Saved web pages: article text against the snippets to keep and drop, publication dates, time a
## page; beside trafilatura 2.3, readability-lxml, jusText and htmldate (installed from PyPI into
## target/peers/pyextract when missing)
PYEXTRACT := target/peers/pyextract
bench-extract:
	@test -x $(PYEXTRACT)/bin/python || python3 -m venv $(PYEXTRACT)
	@$(PYEXTRACT)/bin/python -c "import trafilatura, readability, justext, lxml_html_clean" 2>/dev/null || \
	  $(PYEXTRACT)/bin/pip install -q trafilatura==2.3.1 readability-lxml==0.9 justext==3.0.2 lxml_html_clean
	$(PYEXTRACT)/bin/python bench/extract_peers.py ../shared/corpora/web-pages target/peers/extract.json
	cargo run --release -p newsprism-core --example extract_score -- ../shared/corpora/web-pages --peers target/peers/extract.json

## The lemma lexicon (crates/newsprism-core/data/lexicon.txt) from simplemma 2.0.0, from PyPI
lexicon:
	pip download --no-deps --dest target/lexicon simplemma==2.0.0
	python3 scripts/make-lexicon.py target/lexicon/simplemma-2.0.0-py3-none-any.whl target/lexicon
	cargo run --release -p newsprism-core --example pack_lexicon -- \
	  target/lexicon/nl.tsv target/lexicon/en.tsv crates/newsprism-core/data/lexicon.txt

## The release wasm's size, raw and gzipped
size:
	@for f in dist/newsprism-*_bg.wasm dist/ingest_worker_bg.wasm; do \
	  printf 'release wasm: %s bytes raw, %s bytes gzipped (%s)\n' \
	    "$$(stat -c %s $$f)" "$$(gzip -9 -c $$f | wc -c)" "$$f"; \
	done

clean:
	cargo clean
	rm -rf dist e2e/test-results
