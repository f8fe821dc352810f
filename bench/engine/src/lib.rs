//! Newsprism's search engine behind a minimal wasm-bindgen surface, for `bench/browser.sh`.
//!
//! It indexes `{title, body}` documents exactly as the app indexes articles (language detected,
//! title weighted as a headline) and answers the peers harness's query kinds in Newsprism's own
//! query language. This crate exists only for measurement: the app never loads it, which is why
//! its wasm-bindgen glue lives here and not in the app's `src/browser/`.

use newsprism_core::search::alias::AliasTable;
use newsprism_core::search::engine;
use newsprism_core::search::index::{Field, Index, IndexDoc};
use newsprism_core::search::query;
use newsprism_core::text::language;
use newsprism_core::text::lemma::Lemmas;
use newsprism_core::text::stem::Stemmers;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

/// The lemma lexicon (`data/lexicon.txt`), read once and shared by the engines built with it.
#[wasm_bindgen]
pub struct Lexicon(Arc<Lemmas>);

#[wasm_bindgen]
impl Lexicon {
    /// Reads the lexicon's text; an error says what is wrong with it.
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str) -> Result<Lexicon, JsValue> {
        Lemmas::parse(text)
            .map(|l| Lexicon(Arc::new(l)))
            .map_err(|e| JsValue::from_str(&e))
    }
}

/// An index of benchmark documents.
#[wasm_bindgen]
pub struct Engine {
    index: Index,
    aliases: AliasTable,
    last_total: usize,
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

#[wasm_bindgen]
impl Engine {
    /// An empty index.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Engine {
        Engine {
            index: Index::new(),
            aliases: AliasTable::default(),
            last_total: 0,
        }
    }

    /// An empty index whose words meet at their dictionary form, as in the app once the word
    /// list has loaded.
    pub fn with_lexicon(lexicon: &Lexicon) -> Engine {
        Engine {
            index: Index::with_stemmers(Stemmers::with_lemmas(lexicon.0.clone())),
            ..Engine::new()
        }
    }

    /// Adds one document.
    pub fn add(&mut self, id: u32, title: &str, body: &str) {
        let language = language::detect(body);
        self.index.add(&IndexDoc {
            key: u64::from(id),
            fields: vec![(Field::Title, title), (Field::Body, body)],
            language,
            source: None,
            date: None,
        });
    }

    /// The ids of the best `limit` documents for a query of the harness's `kind`.
    pub fn search(&mut self, q: &str, kind: &str, limit: usize) -> Vec<u32> {
        let text = match kind {
            "phrase" => format!("\"{q}\""),
            "prefix" => format!("{q}*"),
            "fuzzy" => format!("{q}~"),
            _ => q.to_string(),
        };
        let parsed = query::parse(&text);
        let ranked = engine::run_top(&self.index, &parsed, Some(&self.aliases), limit);
        self.last_total = ranked.total;
        let docs = self.index.docs();
        ranked
            .docs
            .iter()
            .map(|&(d, _)| docs[d as usize].key as u32)
            .collect()
    }

    /// How many documents the last search matched.
    pub fn total(&self) -> usize {
        self.last_total
    }

    /// Bytes the index's own structures hold (from their capacities).
    pub fn heap_bytes(&self) -> usize {
        self.index.heap_bytes()
    }
}

/// The WebAssembly linear memory in bytes: everything the engine holds, plus allocator slack.
#[wasm_bindgen]
pub fn memory_bytes() -> usize {
    #[cfg(target_arch = "wasm32")]
    {
        core::arch::wasm32::memory_size(0) * 65536
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}
