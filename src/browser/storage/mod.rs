//! IndexedDB: where added articles and the user's edits live between visits.
//!
//! Object stores in one database:
//! - `packs`: the added articles as JSON, as read from their files, up to [`PACK_SIZE`] to a
//!   record ([`StoredTexts`] says why);
//! - `segments`: the index segments the reading workers made of them, as bytes, so that a
//!   reload merges them instead of indexing every article again;
//! - `state`: one record (edits, hidden seeds, alias table);
//! - `lexicon`: one record, an image of the word list's tables, which a reload copies back
//!   instead of reading the word list again (see `newsprism_core::text::lemma::image`);
//! - `articles`: articles one per record, as versions 1 and 2 stored them, until a restore moves
//!   them into packs.
//!
//! The JSON and the bytes are made and read by the core; this module only moves them. Every
//! call can fail (quota, private mode, a browser that refuses storage); failures come back as
//! plain-language strings and the app goes on in memory. Several tabs share the database: a
//! tab lets go of its connection when another opens a newer version (`versionchange`), and an
//! open that another tab blocks fails with a message instead of waiting for ever (`blocked`).

use std::cell::RefCell;

mod packs;

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbKeyRange, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction,
    IdbTransactionMode,
};

const DB_NAME: &str = "newsprism";
/// Version 2 added the segments store, version 3 the packs and the lexicon image (an upgrade
/// keeps what was stored).
const DB_VERSION: u32 = 3;
/// Articles one per record (versions 1 and 2), read until they are moved into packs.
const ARTICLES: &str = "articles";
const SEGMENTS: &str = "segments";
const STATE: &str = "state";
const STATE_KEY: &str = "state";
const LEXICON: &str = "lexicon";

thread_local! {
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

pub use packs::{Repack, StoredTexts, PACK_SIZE};

/// A stored index segment smaller than this is joined with others (a worker's chunk makes
/// segments of at most 128 articles, about 1 MB; joined ones of 4,096 BBC articles are 5 MB).
pub const SMALL_SEGMENT_BYTES: usize = 2 << 20;

/// How many small index segments are stored before they are joined.
pub const JOIN_WHEN: usize = 8;

/// How many index segments one request reads at a reload (joined ones are 3–5 MB each; their
/// answer becomes JavaScript values in one task).
const SEGMENTS_READ: u32 = 4;

/// What was stored: the added articles' JSON, their index segments and the state's JSON.
pub struct Stored {
    /// One JSON text per added article, read into the page one at a time.
    pub articles: StoredTexts,
    /// The stored index segments, read into the page one at a time.
    pub segments: Vec<StoredSegment>,
    /// The state record, if one was ever written.
    pub state: Option<String>,
}

/// One stored index segment: its bytes stay on the JavaScript side until they are read.
pub struct StoredSegment {
    key: JsValue,
    bytes: Uint8Array,
}

impl StoredSegment {
    /// A copy of its bytes.
    pub fn bytes(&self) -> Vec<u8> {
        self.bytes.to_vec()
    }

    /// How many bytes it has.
    pub fn len(&self) -> usize {
        self.bytes.length() as usize
    }

    /// Whether it has none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether it is small enough to be joined with others ([`SMALL_SEGMENT_BYTES`]).
    pub fn is_small(&self) -> bool {
        self.len() < SMALL_SEGMENT_BYTES
    }
}

/// One batch of changes, written in a single transaction.
#[derive(Default)]
pub struct Write {
    /// Remove every stored article and segment first (a project was opened, or all added
    /// were removed).
    pub clear: bool,
    /// Articles to store: id and JSON (in packs of at most [`PACK_SIZE`]).
    pub put: Vec<(String, String)>,
    /// Article ids to delete.
    pub delete: Vec<String>,
    /// Index segments to store (each gets a key of its own).
    pub segments: Vec<Vec<u8>>,
    /// Stored segments no longer needed (their articles are gone).
    pub drop_segments: Vec<StoredSegment>,
    /// The new state record.
    pub state: Option<String>,
    /// Small packs, and articles stored one per record, to gather into full packs.
    pub repack: Option<Repack>,
}

pub(super) fn describe(err: &JsValue) -> String {
    if let Some(e) = err.dyn_ref::<web_sys::DomException>() {
        return match e.name().as_str() {
            "QuotaExceededError" => "the browser's storage for this page is full".into(),
            "InvalidStateError" | "SecurityError" => {
                "this browser does not allow storage here (private mode, or a file:// page)".into()
            }
            _ => format!("{}: {}", e.name(), e.message()),
        };
    }
    err.as_string()
        .unwrap_or_else(|| "the browser refused to store data".into())
}

/// The error a failed request reports.
fn request_error(req: &IdbRequest) -> JsValue {
    req.error()
        .ok()
        .flatten()
        .map(JsValue::from)
        .unwrap_or(JsValue::NULL)
}

/// Resolves when a request succeeds, with its result.
pub(super) async fn done(req: &IdbRequest) -> Result<JsValue, String> {
    let r = req.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let ok_req = r.clone();
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(
                &JsValue::NULL,
                &ok_req.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let err_req = r.clone();
        let err = Closure::once_into_js(move |_: web_sys::Event| {
            let e = request_error(&err_req);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        r.set_onsuccess(Some(ok.unchecked_ref()));
        r.set_onerror(Some(err.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(|e| describe(&e))
}

/// Every record of `store` (in the order of `keys`, all its keys), read `per_request` at a time.
async fn read_all(
    store: &IdbObjectStore,
    keys: &JsValue,
    per_request: u32,
) -> Result<JsValue, String> {
    let keys = Array::from(keys);
    let mut requests = Vec::new();
    let mut start = 0u32;
    while start < keys.length() {
        let end = (start + per_request.max(1)).min(keys.length()) - 1;
        let range =
            IdbKeyRange::bound(&keys.get(start), &keys.get(end)).map_err(|e| describe(&e))?;
        requests.push(store.get_all_with_key(&range).map_err(|e| describe(&e))?);
        start = end + 1;
    }
    let records = Array::new();
    for request in requests {
        for record in Array::from(&done(&request).await?).iter() {
            records.push(&record);
        }
    }
    Ok(records.into())
}

/// Resolves when a transaction has committed.
async fn committed(tx: &IdbTransaction) -> Result<(), String> {
    let t = tx.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let fail_tx = t.clone();
        let reject2 = reject.clone();
        let fail = Closure::once_into_js(move |_: web_sys::Event| {
            let e = fail_tx.error().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = reject2.call1(&JsValue::NULL, &e);
        });
        let abort_tx = t.clone();
        let abort = Closure::once_into_js(move |_: web_sys::Event| {
            let e = abort_tx.error().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        t.set_oncomplete(Some(ok.unchecked_ref()));
        t.set_onerror(Some(fail.unchecked_ref()));
        t.set_onabort(Some(abort.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| describe(&e))
}

async fn open() -> Result<IdbDatabase, String> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    // The page's, or a worker's (which joins stored segments without the page).
    let global = js_sys::global();
    let factory = if let Some(window) = global.dyn_ref::<web_sys::Window>() {
        window.indexed_db()
    } else if let Some(worker) = global.dyn_ref::<web_sys::WorkerGlobalScope>() {
        worker.indexed_db()
    } else {
        return Err("this context has no IndexedDB".into());
    };
    let factory = factory
        .map_err(|e| describe(&e))?
        .ok_or("this browser has no IndexedDB here (private mode, or a file:// page)")?;
    let req: IdbOpenDbRequest = factory
        .open_with_u32(DB_NAME, DB_VERSION)
        .map_err(|e| describe(&e))?;
    let upgrade_req = req.clone();
    let upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Some(db) = upgrade_req
            .result()
            .ok()
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
        {
            let names = db.object_store_names();
            for store in [ARTICLES, SEGMENTS, STATE, LEXICON] {
                if !names.contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
            packs::create(&db);
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db: IdbDatabase = opened(&req)
        .await?
        .dyn_into()
        .map_err(|_| "the browser returned no database".to_string())?;
    // Another tab opening a newer version asks this one to let go: close, forget, and reopen
    // on the next write, so that tab never waits on this one.
    let closing = db.clone();
    let on_change = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
        closing.close();
        DB.with(|d| *d.borrow_mut() = None);
    });
    db.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// What the page says when another tab's connection blocks the upgrade.
const BLOCKED: &str = "another Newsprism tab, of an older version, is still using the stored articles; close it and reload this page";

/// The open request's database; an error says why there is none, including when another tab
/// blocks the upgrade (which would otherwise wait for ever). A database that arrives after the
/// page gave up is closed at once, so it blocks nobody in turn.
async fn opened(req: &IdbOpenDbRequest) -> Result<JsValue, String> {
    let r = req.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let gave_up = std::rc::Rc::new(std::cell::Cell::new(false));
        let ok_req = r.clone();
        let late = gave_up.clone();
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let result = ok_req.result().unwrap_or(JsValue::UNDEFINED);
            if late.get() {
                if let Ok(db) = result.dyn_into::<IdbDatabase>() {
                    db.close();
                }
                return;
            }
            let _ = resolve.call1(&JsValue::NULL, &result);
        });
        let err_req = r.clone();
        let reject_error = reject.clone();
        let err = Closure::once_into_js(move |_: web_sys::Event| {
            let e = request_error(&err_req);
            let _ = reject_error.call1(&JsValue::NULL, &e);
        });
        let blocked = Closure::once_into_js(move |_: web_sys::Event| {
            gave_up.set(true);
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(BLOCKED));
        });
        r.set_onsuccess(Some(ok.unchecked_ref()));
        r.set_onerror(Some(err.unchecked_ref()));
        r.set_onblocked(Some(blocked.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(|e| describe(&e))
}

async fn stores(mode: IdbTransactionMode) -> Result<IdbTransaction, String> {
    let db = open().await?;
    let names = Array::of4(
        &packs::PACKS.into(),
        &ARTICLES.into(),
        &SEGMENTS.into(),
        &STATE.into(),
    );
    db.transaction_with_str_sequence_and_mode(&names, mode)
        .map_err(|e| describe(&e))
}

/// A key no other segment or pack has, in this visit or another: the time, and a count.
fn fresh_key() -> String {
    thread_local! {
        static COUNT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    let n = COUNT.with(|c| {
        c.set(c.get().wrapping_add(1));
        c.get()
    });
    format!("{:015.0}-{n:08}", js_sys::Date::now())
}

/// The stored image of the word list's tables, if there is one and storage can be read.
pub async fn lexicon_image() -> Option<Vec<u8>> {
    let db = open().await.ok()?;
    let tx = db
        .transaction_with_str_and_mode(LEXICON, IdbTransactionMode::Readonly)
        .ok()?;
    let store = tx.object_store(LEXICON).ok()?;
    let image = done(&store.get(&LEXICON.into()).ok()?).await.ok()?;
    Some(image.dyn_into::<Uint8Array>().ok()?.to_vec())
}

/// Stores an image of the word list's tables, in place of the one stored before.
pub async fn store_lexicon_image(image: &[u8]) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(LEXICON, IdbTransactionMode::Readwrite)
        .map_err(|e| describe(&e))?;
    tx.object_store(LEXICON)
        .map_err(|e| describe(&e))?
        .put_with_key(&Uint8Array::from(image), &LEXICON.into())
        .map_err(|e| describe(&e))?;
    committed(&tx).await
}

/// Reads the stored index segments.
pub async fn segments() -> Result<Vec<StoredSegment>, String> {
    let tx = stores(IdbTransactionMode::Readonly).await?;
    let segments = tx.object_store(SEGMENTS).map_err(|e| describe(&e))?;
    let keys = done(&segments.get_all_keys().map_err(|e| describe(&e))?).await?;
    let bytes = done(&segments.get_all().map_err(|e| describe(&e))?).await?;
    Ok(stored_segments(&keys, &bytes))
}

/// The segments from their keys and values, both in key order.
fn stored_segments(keys: &JsValue, bytes: &JsValue) -> Vec<StoredSegment> {
    Array::from(keys)
        .iter()
        .zip(Array::from(bytes).iter())
        .filter_map(|(key, b)| {
            Some(StoredSegment {
                key,
                bytes: b.dyn_into::<Uint8Array>().ok()?,
            })
        })
        .collect()
}

/// Reads everything stored.
pub async fn load() -> Result<Stored, String> {
    let tx = stores(IdbTransactionMode::Readonly).await?;
    let packs = tx.object_store(packs::PACKS).map_err(|e| describe(&e))?;
    let articles = tx.object_store(ARTICLES).map_err(|e| describe(&e))?;
    let segments = tx.object_store(SEGMENTS).map_err(|e| describe(&e))?;
    let state = tx.object_store(STATE).map_err(|e| describe(&e))?;
    let pack_keys = done(&packs.get_all_keys().map_err(|e| describe(&e))?).await?;
    let pack_values = read_all(&packs, &pack_keys, packs::PACKS_READ).await?;
    let legacy = done(&articles.get_all().map_err(|e| describe(&e))?).await?;
    let keys = done(&segments.get_all_keys().map_err(|e| describe(&e))?).await?;
    let bytes = read_all(&segments, &keys, SEGMENTS_READ).await?;
    let state = done(&state.get(&STATE_KEY.into()).map_err(|e| describe(&e))?).await?;
    let articles = StoredTexts::new(&pack_keys, &pack_values, &legacy);
    // Both lists are in key order, and were read in one transaction.
    let segments = stored_segments(&keys, &bytes);
    Ok(Stored {
        articles,
        segments,
        state: state.as_string(),
    })
}

/// Writes one batch of changes; resolves once it has committed.
pub async fn write(batch: Write) -> Result<(), String> {
    let tx = stores(IdbTransactionMode::Readwrite).await?;
    let packs = tx.object_store(packs::PACKS).map_err(|e| describe(&e))?;
    let articles = tx.object_store(ARTICLES).map_err(|e| describe(&e))?;
    let segments = tx.object_store(SEGMENTS).map_err(|e| describe(&e))?;
    if batch.clear {
        packs.clear().map_err(|e| describe(&e))?;
        articles.clear().map_err(|e| describe(&e))?;
        segments.clear().map_err(|e| describe(&e))?;
    }
    for segment in &batch.drop_segments {
        segments.delete(&segment.key).map_err(|e| describe(&e))?;
    }
    for bytes in &batch.segments {
        segments
            .put_with_key(&Uint8Array::from(bytes.as_slice()), &fresh_key().into())
            .map_err(|e| describe(&e))?;
    }
    packs::put_all(&packs, &batch.put)?;
    if let Some(state) = &batch.state {
        tx.object_store(STATE)
            .map_err(|e| describe(&e))?
            .put_with_key(&state.into(), &STATE_KEY.into())
            .map_err(|e| describe(&e))?;
    }
    // Requests that wait on a read come last; the transaction stays open while they run.
    if let Some(repack) = &batch.repack {
        packs::repack(&packs, &articles, repack).await?;
    }
    packs::remove(&packs, &articles, &batch.delete).await?;
    committed(&tx).await
}
