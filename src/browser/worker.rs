//! The ingest worker: files are decoded, parsed and indexed in a Web Worker, off the page's
//! thread. The articles come back as JSON text and their postings as index segments (see
//! `newsprism_core::ingest::transfer` and `newsprism_core::search::index::segment`); the page's
//! thread only merges them into the corpus and its index, which must live where the views
//! query them.
//!
//! Both ends are here: [`serve`] runs inside the worker (the `ingest_worker` binary), and
//! [`IngestWorker`] is the page's handle to it. Where a worker cannot start (the single-file page
//! opened from disk, a browser that refuses workers), [`IngestWorker::pool`] says so and the
//! caller reads on the page's thread instead.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use futures::channel::oneshot;
use futures::future::join_all;
use js_sys::{Array, Uint8Array};
use newsprism_core::error::IngestError;
use newsprism_core::ingest::transfer::{self, Read};
use newsprism_core::search::index::segment::{Segment, StemCache, JOINED_DOCS};
use newsprism_core::text::lemma::Lemmas;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent};

use super::files::PendingFile;
use super::spawn::{self, Started};
use super::storage::{self, StoredSegment};
use super::timer::sleep;

/// The worker's side: answers each message `[seq, names, files]` with `[seq, json, segments]`,
/// the JSON holding one [`Read`] per file, in order, and `segments` the bytes of the index
/// segments of their articles ([`transfer::index`]). First loads the lemma lexicon, so that the
/// segments meet at the dictionary form (without it, they carry stems, and say so); then posts
/// `"ready"` once it listens.
pub fn serve() {
    wasm_bindgen_futures::spawn_local(async {
        if let Ok(text) = super::lexicon::text().await {
            if let Ok(lemmas) = Lemmas::parse(&text) {
                let lemmas = Arc::new(lemmas);
                super::analysis::use_lemmas(lemmas.clone());
                STEMS.with(|s| *s.borrow_mut() = StemCache::with_lemmas(lemmas));
            }
        }
        listen();
    });
}

fn listen() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        let reply_to = reply_to.clone();
        let data = Array::from(&ev.data());
        if data.get(1).as_string().as_deref() == Some(JOIN) {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = join_stored(&data.get(2)).await;
                let _ =
                    reply_to.post_message(&Array::of3(&data.get(0), &JOIN.into(), &Array::new()));
            });
            return;
        }
        // A request for the analysis worker (this script, started for that).
        if let Some(request) = data.get(1).as_string() {
            super::analysis::answer(&reply_to, &data.get(0), &request);
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let names = Array::from(&data.get(1));
            let files = Array::from(&data.get(2));
            // All of a chunk's files are read at once: one by one, each read's round trip to
            // the browser's file thread would dominate.
            let bytes = join_all((0..files.length()).map(|i| {
                let file = files.get(i).dyn_into::<Blob>().ok();
                async move {
                    let buffer = JsFuture::from(file?.array_buffer()).await.ok()?;
                    Some(Uint8Array::new(&buffer).to_vec())
                }
            }))
            .await;
            let reads: Vec<Read> = bytes
                .into_iter()
                .enumerate()
                .map(|(i, bytes)| {
                    let name = names.get(i as u32).as_string().unwrap_or_default();
                    match bytes {
                        Some(bytes) => transfer::read(&name, &bytes),
                        None => unreadable(name, "the browser could not read this file"),
                    }
                })
                .collect();
            // The articles are indexed here too, as segments the page merges.
            let segments = Array::new();
            let buffers = Array::new();
            let segments_of = STEMS.with(|stems| transfer::index(&reads, &mut stems.borrow_mut()));
            for segment in segments_of {
                let bytes = Uint8Array::from(segment.to_bytes().as_slice());
                buffers.push(&bytes.buffer());
                segments.push(&bytes);
            }
            let json = JsValue::from_str(&transfer::to_json(&reads));
            let message = Array::of3(&data.get(0), &json, &segments);
            // The segments' memory moves to the page instead of being copied.
            if reply_to
                .post_message_with_transfer(&message, &buffers)
                .is_err()
            {
                let _ = reply_to.post_message(&message);
            }
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

/// The request that joins the small stored index segments: `[seq, JOIN, keys]`, the keys of
/// the articles to keep, 8 little-endian bytes each. Answered `[seq, JOIN, []]` once done.
const JOIN: &str = "join";

/// In the worker: reads the stored index segments, and if there are enough small ones, joins
/// them into a few large ones (see [`Segment::join`]) and stores those in their place, in one
/// transaction. A segment that does not read is dropped with the others (its articles are
/// indexed on the page at the next reload).
async fn join_stored(keys: &JsValue) -> Result<(), String> {
    let small: Vec<StoredSegment> = storage::segments()
        .await?
        .into_iter()
        .filter(StoredSegment::is_small)
        .collect();
    if small.len() < storage::JOIN_WHEN {
        return Ok(());
    }
    let keep: std::collections::HashSet<u64> = keys
        .dyn_ref::<Uint8Array>()
        .map(Uint8Array::to_vec)
        .unwrap_or_default()
        .chunks_exact(8)
        .filter_map(|k| Some(u64::from_le_bytes(k.try_into().ok()?)))
        .collect();
    let parts: Vec<Segment> = small
        .iter()
        .filter_map(|s| Segment::from_bytes(&s.bytes()).ok())
        .collect();
    let joined = Segment::join(&parts, JOINED_DOCS, |k| keep.contains(&k));
    drop(parts);
    storage::write(storage::Write {
        segments: joined.iter().map(Segment::to_bytes).collect(),
        drop_segments: small,
        ..Default::default()
    })
    .await
}

fn unreadable(name: String, why: &str) -> Read {
    Read::Rejected(IngestError::unreadable(name, why))
}

/// A worker's answer for a chunk of files.
pub struct WorkerRead {
    /// One read per file, in order.
    pub reads: Vec<Read>,
    /// The index segments of their articles.
    pub segments: Vec<Segment>,
    /// The same segments as bytes, to store (a reload merges them instead of indexing again).
    pub bytes: Vec<Vec<u8>>,
}

/// What the worker sent for one message: the JSON of the reads and the segments' bytes.
type Answer = (String, Vec<Vec<u8>>);

type Reply = oneshot::Sender<Result<Answer, String>>;

struct Inner {
    /// The worker, once it has started.
    started: RefCell<Option<Started>>,
    waiting: RefCell<HashMap<u32, Reply>>,
    next: Cell<u32>,
    dead: Cell<bool>,
}

thread_local! {
    /// In the worker: stems already worked out, kept from one message to the next.
    static STEMS: RefCell<StemCache> = RefCell::new(StemCache::default());
    static WORKERS: RefCell<Vec<IngestWorker>> = const { RefCell::new(Vec::new()) };
    /// Whether workers are being started (a batch waits for them rather than start more).
    static STARTING: Cell<bool> = const { Cell::new(false) };
}

/// The page's handle to one ingest worker.
#[derive(Clone)]
pub struct IngestWorker(Rc<Inner>);

/// How many workers read at once: one per core the browser reports but one, which is left to the
/// page's own thread (it merges what they send, and answers the user meanwhile), at least one and
/// at most four. On two cores, a second worker made the import no faster (the page's thread, which
/// merges, was the bottleneck) and typing during it slow (bench/ui.mjs: see BENCHMARKS.md).
fn pool_size() -> usize {
    let cores = web_sys::window()
        .map(|w| w.navigator().hardware_concurrency())
        .unwrap_or(1.0);
    (cores as usize).saturating_sub(1).clamp(1, 4)
}

impl IngestWorker {
    /// The running workers, started (and waited for) the first time; `Err` says why there is
    /// none, and the caller then reads files on the page's thread. A worker that stopped is
    /// replaced; if only some start, those are used.
    pub async fn pool() -> Result<Vec<IngestWorker>, String> {
        while STARTING.with(Cell::get) {
            sleep(20).await;
        }
        let mut live: Vec<IngestWorker> = WORKERS.with(|w| {
            w.borrow()
                .iter()
                .filter(|w| !w.0.dead.get())
                .cloned()
                .collect()
        });
        let missing = pool_size().saturating_sub(live.len());
        if missing > 0 {
            STARTING.with(|s| s.set(true));
            let started = join_all((0..missing).map(|_| Self::start())).await;
            STARTING.with(|s| s.set(false));
            let mut why = None;
            for w in started {
                match w {
                    Ok(w) => live.push(w),
                    Err(e) => why = Some(e),
                }
            }
            WORKERS.with(|slot| *slot.borrow_mut() = live.clone());
            if live.is_empty() {
                return Err(why.unwrap_or_else(|| "no reading worker started".into()));
            }
        }
        Ok(live)
    }

    async fn start() -> Result<IngestWorker, String> {
        let inner = Rc::new(Inner {
            started: RefCell::new(None),
            waiting: RefCell::new(HashMap::new()),
            next: Cell::new(0),
            dead: Cell::new(false),
        });
        let (weak_m, weak_e) = (Rc::downgrade(&inner), Rc::downgrade(&inner));
        let on_message = move |data: JsValue| {
            let Some(inner) = weak_m.upgrade() else {
                return;
            };
            let data = Array::from(&data);
            let seq = data.get(0).as_f64().unwrap_or(-1.0) as u32;
            let json = data.get(1).as_string();
            let segments: Vec<Vec<u8>> = Array::from(&data.get(2))
                .iter()
                .filter_map(|s| s.dyn_into::<Uint8Array>().ok())
                .map(|s| s.to_vec())
                .collect();
            let tx = inner.waiting.borrow_mut().remove(&seq);
            if let Some(tx) = tx {
                let _ = tx.send(
                    json.map(|j| (j, segments))
                        .ok_or_else(|| "the worker sent no text".to_string()),
                );
            }
        };
        let on_error = move || {
            if let Some(inner) = weak_e.upgrade() {
                inner.fail();
            }
        };
        let started = spawn::start("reading worker", on_message, on_error).await?;
        *inner.started.borrow_mut() = Some(started);
        Ok(IngestWorker(inner))
    }

    /// Sends files to be read and indexed; resolves to one [`Read`] per file, in order, with
    /// the index segments of their articles, or why the worker could not answer (it stopped:
    /// the caller reads these files itself). A segment that does not read is left out: its
    /// articles are then indexed where they are added.
    pub fn read(
        &self,
        files: &[PendingFile],
    ) -> impl std::future::Future<Output = Result<WorkerRead, String>> + 'static {
        let (tx, rx) = oneshot::channel();
        let names = Array::new();
        let handles = Array::new();
        // Files the browser never handed over are answered here, in their place.
        let mut local: Vec<Option<Read>> = Vec::with_capacity(files.len());
        for f in files {
            match &f.file {
                Ok(file) => {
                    names.push(&JsValue::from_str(&f.name));
                    handles.push(file);
                    local.push(None);
                }
                Err(why) => local.push(Some(unreadable(f.name.clone(), why))),
            }
        }
        self.send(tx, |seq| Array::of3(seq, &names, &handles));
        async move {
            let (json, segments) = rx
                .await
                .map_err(|_| "the reading worker stopped".to_string())??;
            let mut sent = transfer::from_json(&json)?.into_iter();
            let out: Vec<Read> = local
                .into_iter()
                .map(|l| l.or_else(|| sent.next()))
                .collect::<Option<Vec<Read>>>()
                .ok_or_else(|| {
                    "the worker answered for fewer files than it was sent".to_string()
                })?;
            let (segments, bytes) = segments
                .into_iter()
                .filter_map(|b| Some((Segment::from_bytes(&b).ok()?, b)))
                .unzip();
            Ok(WorkerRead {
                reads: out,
                segments,
                bytes,
            })
        }
    }
}

impl IngestWorker {
    /// Asks the worker to join the small stored index segments, keeping the articles with
    /// these keys; resolves once it is done, or with why the worker could not answer.
    pub fn join(
        &self,
        keys: &[u64],
    ) -> impl std::future::Future<Output = Result<(), String>> + 'static {
        let (tx, rx) = oneshot::channel();
        let keys: Vec<u8> = keys.iter().flat_map(|k| k.to_le_bytes()).collect();
        self.send(tx, |seq| {
            Array::of3(seq, &JOIN.into(), &Uint8Array::from(keys.as_slice()))
        });
        async move {
            rx.await
                .map_err(|_| "the reading worker stopped".to_string())??;
            Ok(())
        }
    }

    /// Posts the message `make` builds around a fresh sequence number, to be answered on `tx`
    /// (at once with an error when the worker is gone).
    fn send(&self, tx: Reply, make: impl FnOnce(&JsValue) -> Array) {
        let inner = &self.0;
        let seq = inner.next.get();
        inner.next.set(seq.wrapping_add(1));
        if inner.dead.get() {
            let _ = tx.send(Err("the reading worker stopped".to_string()));
            return;
        }
        inner.waiting.borrow_mut().insert(seq, tx);
        let msg = make(&JsValue::from(seq));
        let posted = inner
            .started
            .borrow()
            .as_ref()
            .is_some_and(|s| s.worker.post_message(&msg).is_ok());
        if !posted {
            inner.fail();
        }
    }
}

impl Inner {
    /// The worker is gone: every waiting read fails (the caller reads those files itself) and
    /// the next batch starts a new worker.
    fn fail(&self) {
        self.dead.set(true);
        if let Some(s) = self.started.borrow().as_ref() {
            s.worker.terminate();
        }
        for (_, tx) in self.waiting.borrow_mut().drain() {
            let _ = tx.send(Err("the reading worker stopped".to_string()));
        }
    }
}
