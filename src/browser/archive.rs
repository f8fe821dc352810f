//! Fetching a published index's files (see `newsprism_core::publish`) from the page's own
//! origin, each gzip-compressed file inflated by the browser's own `DecompressionStream`, and
//! every file fetched kept in a cache of its own, so that an archive searched once can be
//! searched again offline (the network is asked first, so a rebuilt index is seen at once).

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, Cache, ReadableWritablePair, Response, Url};

// The browser's `DecompressionStream` (web-sys has it only behind its unstable APIs' flag).
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = DecompressionStream)]
    type Inflater;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<Inflater, JsValue>;
}

/// The cache the fetched files are kept in (not named `newsprism-…`: the service worker drops
/// those of older builds).
const CACHE: &str = "archive-files";

/// The address of `path` inside the index at `index` (relative to the page), checked to be on
/// the page's own origin: `Err` says why not.
pub fn address(index: &str, path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let base = window
        .location()
        .href()
        .map_err(|_| "the page has no address")?;
    let folder = format!("{}/", index.trim_end_matches('/'));
    let dir = Url::new_with_base(&folder, &base).map_err(|_| format!("“{index}” is no address"))?;
    let url =
        Url::new_with_base(path, &dir.href()).map_err(|_| format!("“{path}” is no address"))?;
    let own = window
        .location()
        .origin()
        .map_err(|_| "the page has no origin")?;
    if url.origin() != own {
        return Err(format!(
            "“{index}” is on another site; an archive is read only from this one"
        ));
    }
    Ok(url.href())
}

/// A file's bytes (inflated when `gzip`) and its size as fetched; `Err` says why not.
pub async fn fetch(url: &str, gzip: bool) -> Result<(Vec<u8>, usize), String> {
    let raw = fetch_bytes(url).await?;
    let size = raw.length() as usize;
    let bytes = if gzip {
        inflate(&raw).await?
    } else {
        raw.to_vec()
    };
    Ok((bytes, size))
}

/// The file's bytes from the network, kept in the cache; from the cache when the network fails.
async fn fetch_bytes(url: &str) -> Result<Uint8Array, String> {
    let window = web_sys::window().ok_or("no window")?;
    let fetched = JsFuture::from(window.fetch_with_str(url)).await;
    let response = match fetched.map(JsCast::dyn_into::<Response>) {
        Ok(Ok(r)) if r.ok() => {
            if let Ok(copy) = r.clone() {
                keep_later(url, copy);
            }
            r
        }
        Ok(Ok(r)) if r.status() == 404 => return Err("not found".into()),
        other => {
            let status = match &other {
                Ok(Ok(r)) => format!("HTTP {}", r.status()),
                _ => "the network failed".to_string(),
            };
            match cached(open_cache().await.as_ref(), url).await {
                Some(r) => r,
                None => return Err(format!("{status}, and it was never kept for offline use")),
            }
        }
    };
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| "no body")?)
        .await
        .map_err(|_| "its body could not be read")?;
    Ok(Uint8Array::new(&buffer))
}

/// How long after the last fetch the files fetched are written to the cache: writing them while
/// a search still fetches doubled its time (the cache's writes compete with the fetches).
const KEEP_AFTER_MS: i32 = 1500;

thread_local! {
    /// Files fetched and not yet kept, and a count of fetches (a later one defers the writing).
    static PENDING: std::cell::RefCell<(Vec<(String, Response)>, u64)> = const {
        std::cell::RefCell::new((Vec::new(), 0))
    };
}

/// Keeps a fetched file for offline use once fetching has paused (a cache that refuses only
/// costs that).
fn keep_later(url: &str, response: Response) {
    let generation = PENDING.with_borrow_mut(|(files, n)| {
        files.push((url.to_string(), response));
        *n += 1;
        *n
    });
    wasm_bindgen_futures::spawn_local(async move {
        crate::browser::timer::sleep(KEEP_AFTER_MS).await;
        let files = PENDING.with_borrow_mut(|(files, n)| {
            if *n == generation {
                std::mem::take(files)
            } else {
                Vec::new()
            }
        });
        if files.is_empty() {
            return;
        }
        if let Some(cache) = open_cache().await {
            for (url, response) in files {
                let _ = JsFuture::from(cache.put_with_str(&url, &response)).await;
            }
        }
    });
}

async fn open_cache() -> Option<Cache> {
    let caches = web_sys::window()?.caches().ok()?;
    JsFuture::from(caches.open(CACHE))
        .await
        .ok()?
        .dyn_into()
        .ok()
}

async fn cached(cache: Option<&Cache>, url: &str) -> Option<Response> {
    let hit = JsFuture::from(cache?.match_with_str(url)).await.ok()?;
    hit.dyn_into().ok()
}

/// Gzip-compressed bytes inflated by the browser.
async fn inflate(raw: &Uint8Array) -> Result<Vec<u8>, String> {
    let fail = |_: JsValue| "not gzip-compressed, or damaged".to_string();
    let blob = Blob::new_with_u8_array_sequence(&Array::of1(raw)).map_err(fail)?;
    let inflater = Inflater::new("gzip").map_err(fail)?;
    let pair: &ReadableWritablePair = inflater.unchecked_ref();
    let stream = blob.stream().pipe_through(pair);
    let response = Response::new_with_opt_readable_stream(Some(&stream)).map_err(fail)?;
    let buffer = JsFuture::from(response.array_buffer().map_err(fail)?)
        .await
        .map_err(fail)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
