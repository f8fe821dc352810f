//! The lemma lexicon's text (`lexicon.txt`, beside the page; see
//! `newsprism_core::text::lemma`), for the page and for the ingest workers. The single-file build
//! carries it inside the page, in `<script type="text/plain" id="newsprism-lexicon">`, since a
//! page opened from disk cannot fetch.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Response, Window, WorkerGlobalScope};

/// The file, relative to the page (and to the workers' scripts, which sit beside it).
const URL: &str = "./lexicon.txt";

/// The id of the element the single-file build keeps the lexicon in.
const INLINE_ID: &str = "newsprism-lexicon";

/// The lexicon's text, from the page itself or fetched; `Err` says why there is none.
pub async fn text() -> Result<String, String> {
    let global = js_sys::global();
    let promise = if let Some(window) = global.dyn_ref::<Window>() {
        let inline = window
            .document()
            .and_then(|d| d.get_element_by_id(INLINE_ID))
            .and_then(|e| e.text_content());
        if let Some(text) = inline {
            return Ok(text);
        }
        window.fetch_with_str(URL)
    } else if let Some(worker) = global.dyn_ref::<WorkerGlobalScope>() {
        worker.fetch_with_str(URL)
    } else {
        return Err("this context can neither hold nor fetch the word list".into());
    };
    let response: Response = JsFuture::from(promise)
        .await
        .map_err(|_| "the word list could not be fetched (offline before it was ever loaded?)")?
        .dyn_into()
        .map_err(|_| "the word list's request gave no response")?;
    if !response.ok() {
        return Err(format!(
            "the word list could not be fetched (HTTP {})",
            response.status()
        ));
    }
    let text = response
        .text()
        .map_err(|_| "the word list's response has no text")?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "the word list's response could not be read as text".into())
}
