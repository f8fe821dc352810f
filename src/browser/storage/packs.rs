//! Added articles are stored in packs: one IndexedDB record holds the JSON of up to
//! [`PACK_SIZE`] articles, as `{ids: [...], texts: [...]}`. Reading costs per record: in
//! Chromium, 22,000 records of 2.7 KB took 715 ms to read, the same texts in 344 packs 105–121
//! ms. A multi-entry index over `ids` finds an article's pack when it is removed; that pack is
//! then rewritten without it, in the same transaction.
//!
//! Stores written before packs (one record per article, database versions 1 and 2) are still
//! read, and are moved into packs after the restore, together with the small packs that adding
//! a few files at a time leaves behind.

use std::collections::HashSet;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IdbDatabase, IdbIndexParameters, IdbObjectStore};

use super::{describe, done, fresh_key};

/// The store of packs.
pub(super) const PACKS: &str = "packs";
/// The index (and field) of the article ids a pack holds.
const IDS: &str = "ids";
/// The field of the articles' JSON texts, in the order of `ids`.
const TEXTS: &str = "texts";

/// The most articles one pack holds.
pub const PACK_SIZE: usize = 400;
/// A pack with fewer articles than this is small.
const SMALL_PACK: u32 = 32;
/// How many small packs there may be before a restore gathers them into full ones.
const SMALL_PACKS_KEPT: usize = 16;

/// Creates the store of packs and its index (while the database is upgraded).
pub(super) fn create(db: &IdbDatabase) {
    if db.object_store_names().contains(PACKS) {
        return;
    }
    if let Ok(store) = db.create_object_store(PACKS) {
        let params = IdbIndexParameters::new();
        params.set_multi_entry(true);
        let _ = store.create_index_with_str_and_optional_parameters(IDS, IDS, &params);
    }
}

/// The ids and texts of a stored pack (empty when the record is not a pack).
fn parts(pack: &JsValue) -> (Array, Array) {
    let field = |name: &str| {
        Reflect::get(pack, &name.into())
            .ok()
            .and_then(|v| v.dyn_into::<Array>().ok())
            .unwrap_or_default()
    };
    (field(IDS), field(TEXTS))
}

fn record(ids: &Array, texts: &Array) -> Result<JsValue, String> {
    let pack = Object::new();
    Reflect::set(&pack, &IDS.into(), ids).map_err(|e| describe(&e))?;
    Reflect::set(&pack, &TEXTS.into(), texts).map_err(|e| describe(&e))?;
    Ok(pack.into())
}

/// Stores one new pack.
fn put(store: &IdbObjectStore, ids: &Array, texts: &Array) -> Result<(), String> {
    store
        .put_with_key(&record(ids, texts)?, &fresh_key().into())
        .map(|_| ())
        .map_err(|e| describe(&e))
}

/// Stored articles, left on the JavaScript side: copying tens of thousands into the page at once
/// held its thread for 170 ms. They are stored in packs because reading costs per record: in
/// Chromium, 22,000 records of 2.7 KB took 715 ms to read, the same texts in 344 packs 105–121 ms.
pub struct StoredTexts {
    /// Each pack's key, ids and texts.
    packs: Vec<(JsValue, Array)>,
    /// Texts stored one per record (database versions 1 and 2).
    legacy: Array,
}

impl StoredTexts {
    /// What `getAll` gave for the packs and for the one-per-record store.
    pub(super) fn new(pack_keys: &JsValue, packs: &JsValue, legacy: &JsValue) -> Self {
        let packs = Array::from(pack_keys)
            .iter()
            .zip(Array::from(packs).iter())
            .map(|(key, pack)| (key, parts(&pack).1))
            .collect();
        StoredTexts {
            packs,
            legacy: Array::from(legacy),
        }
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        let packed: u32 = self.packs.iter().map(|(_, texts)| texts.length()).sum();
        (packed + self.legacy.length()) as usize
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Each text, copied when it is reached; `None` for a stored value that is not text.
    pub fn iter(&self) -> impl Iterator<Item = Option<String>> + '_ {
        self.packs
            .iter()
            .flat_map(|(_, texts)| texts.iter())
            .chain(self.legacy.iter())
            .map(|v| v.as_string())
    }

    /// The packs to gather into full ones, if the store holds articles one per record or has
    /// gathered many small packs; `None` when it is fine as it is.
    pub fn repack(&self) -> Option<Repack> {
        let small: Vec<JsValue> = self
            .packs
            .iter()
            .filter(|(_, texts)| texts.length() < SMALL_PACK)
            .map(|(key, _)| key.clone())
            .collect();
        let legacy = self.legacy.length() > 0;
        (legacy || small.len() > SMALL_PACKS_KEPT).then_some(Repack { small, legacy })
    }
}

/// Stored packs to gather into full ones (read again when they are rewritten, so a change made
/// since the restore is kept).
pub struct Repack {
    small: Vec<JsValue>,
    legacy: bool,
}

/// How many packs one request reads: the browser turns a request's answer into JavaScript values
/// in one task, and all 22,000 articles of BBC 10x in one answer held the page for 166 ms.
pub(super) const PACKS_READ: u32 = 16;

/// Stores these articles (id and JSON) in new packs.
pub(super) fn put_all(store: &IdbObjectStore, articles: &[(String, String)]) -> Result<(), String> {
    for chunk in articles.chunks(PACK_SIZE) {
        let ids = Array::new();
        let texts = Array::new();
        for (id, json) in chunk {
            ids.push(&id.into());
            texts.push(&json.into());
        }
        put(store, &ids, &texts)?;
    }
    Ok(())
}

/// Removes these articles: from the pack that holds each (rewritten, or deleted once empty),
/// and from the one-per-record store.
pub(super) async fn remove(
    store: &IdbObjectStore,
    legacy: &IdbObjectStore,
    ids: &[String],
) -> Result<(), String> {
    if ids.is_empty() {
        return Ok(());
    }
    let index = store.index(IDS).map_err(|e| describe(&e))?;
    let mut lookups = Vec::with_capacity(ids.len());
    for id in ids {
        legacy.delete(&id.into()).map_err(|e| describe(&e))?;
        lookups.push(
            index
                .get_all_keys_with_key(&id.into())
                .map_err(|e| describe(&e))?,
        );
    }
    // Requests in one transaction succeed in the order they were made.
    let mut seen = HashSet::new();
    let mut keys = Vec::new();
    for lookup in lookups {
        for key in Array::from(&done(&lookup).await?).iter() {
            if seen.insert(key.as_string()) {
                keys.push(key);
            }
        }
    }
    let gone: HashSet<&str> = ids.iter().map(String::as_str).collect();
    for key in keys {
        let pack = done(&store.get(&key).map_err(|e| describe(&e))?).await?;
        let (ids, texts) = parts(&pack);
        let (kept_ids, kept_texts) = (Array::new(), Array::new());
        for (i, text) in texts.iter().enumerate() {
            let id = ids.get(i as u32);
            if !id.as_string().is_some_and(|id| gone.contains(id.as_str())) {
                kept_ids.push(&id);
                kept_texts.push(&text);
            }
        }
        if kept_texts.length() == 0 {
            store.delete(&key).map_err(|e| describe(&e))?;
        } else {
            store
                .put_with_key(&record(&kept_ids, &kept_texts)?, &key)
                .map_err(|e| describe(&e))?;
        }
    }
    Ok(())
}

/// Gathers the small packs, and the articles stored one per record, into full packs.
pub(super) async fn repack(
    store: &IdbObjectStore,
    legacy: &IdbObjectStore,
    repack: &Repack,
) -> Result<(), String> {
    let (ids, texts) = (Array::new(), Array::new());
    let reads = repack
        .small
        .iter()
        .map(|key| store.get(key))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| describe(&e))?;
    for (key, read) in repack.small.iter().zip(reads) {
        let (pack_ids, pack_texts) = parts(&done(&read).await?);
        for (i, text) in pack_texts.iter().enumerate() {
            ids.push(&pack_ids.get(i as u32));
            texts.push(&text);
        }
        store.delete(key).map_err(|e| describe(&e))?;
    }
    if repack.legacy {
        let keys = legacy.get_all_keys().map_err(|e| describe(&e))?;
        let values = legacy.get_all().map_err(|e| describe(&e))?;
        let keys = Array::from(&done(&keys).await?);
        for (key, text) in keys.iter().zip(Array::from(&done(&values).await?).iter()) {
            ids.push(&key);
            texts.push(&text);
        }
        legacy.clear().map_err(|e| describe(&e))?;
    }
    let mut start = 0u32;
    while start < texts.length() {
        let end = (start + PACK_SIZE as u32).min(texts.length());
        put(store, &ids.slice(start, end), &texts.slice(start, end))?;
        start = end;
    }
    Ok(())
}
