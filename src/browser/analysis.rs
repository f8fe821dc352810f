//! The analysis worker: comparisons of many articles are worked out in a Web Worker, off the
//! page's thread, so that the page answers the user while they run. It is the reading workers'
//! script started once more, for this work only; the messages are JSON text (see
//! `newsprism_core::compare::remote`).
//!
//! Both ends are here: [`answer`] runs inside the worker, and [`Analysis`] is the page's handle
//! to it. A message `[seq, request]` (the request a string) is for the analysis; the worker
//! answers `[seq, "progress", progress]` while it works and `[seq, "reply", [reply, pieces…]]`
//! once (a comparison's long lists come as pieces, each its own text, so that the page reads
//! them a task at a time).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use futures::channel::oneshot;
use js_sys::Array;
use newsprism_core::compare::remote::{Comparer, Progress};
use newsprism_core::text::lemma::Lemmas;
use newsprism_core::text::stem::Stemmers;
use wasm_bindgen::prelude::*;
use web_sys::DedicatedWorkerGlobalScope;

use super::spawn::{self, Started};
use super::timer::sleep;

thread_local! {
    /// In the worker: the lexicon it loaded, for the comparer's stemmers.
    static LEMMAS: RefCell<Option<Arc<Lemmas>>> = const { RefCell::new(None) };
    /// In the worker: the articles it was sent and their readings.
    static COMPARER: RefCell<Option<Comparer>> = const { RefCell::new(None) };
    /// On the page: the running analysis worker.
    static ANALYSIS: RefCell<Option<Analysis>> = const { RefCell::new(None) };
    static STARTING: Cell<bool> = const { Cell::new(false) };
    static STARTS: Cell<u32> = const { Cell::new(0) };
}

/// In the worker: compare with this lexicon's dictionary forms (set before the first request).
pub fn use_lemmas(lemmas: Arc<Lemmas>) {
    LEMMAS.with(|l| *l.borrow_mut() = Some(lemmas));
}

/// In the worker: answers one request, posting its progress meanwhile.
pub fn answer(scope: &DedicatedWorkerGlobalScope, seq: &JsValue, request: &str) {
    let reply = COMPARER.with(|c| {
        let mut c = c.borrow_mut();
        let comparer = c.get_or_insert_with(|| {
            let stemmers = LEMMAS
                .with(|l| l.borrow().clone())
                .map(Stemmers::with_lemmas)
                .unwrap_or_default();
            Comparer::new(stemmers)
        });
        comparer.handle_json(request, &mut |p| {
            let message = Array::of3(seq, &"progress".into(), &p.to_json().into());
            let _ = scope.post_message(&message);
        })
    });
    let texts: Array = reply.into_iter().map(JsValue::from).collect();
    let _ = scope.post_message(&Array::of3(seq, &"reply".into(), &texts));
}

/// One request waiting for its reply.
struct Waiting {
    reply: oneshot::Sender<Result<Vec<String>, String>>,
    progress: Rc<dyn Fn(Progress)>,
}

struct Inner {
    started: RefCell<Option<Started>>,
    waiting: RefCell<HashMap<u32, Waiting>>,
    next: Cell<u32>,
    dead: Cell<bool>,
    /// Which start of the worker this is (a new one keeps nothing of the old one's).
    generation: u32,
}

impl Inner {
    fn fail(&self) {
        self.dead.set(true);
        if let Some(s) = self.started.borrow().as_ref() {
            s.worker.terminate();
        }
        for (_, w) in self.waiting.borrow_mut().drain() {
            let _ = w.reply.send(Err("the analysis worker stopped".into()));
        }
    }

    fn heard(&self, data: JsValue) {
        let data = Array::from(&data);
        let seq = data.get(0).as_f64().unwrap_or(-1.0) as u32;
        let kind = data.get(1).as_string().unwrap_or_default();
        if kind == "progress" {
            let text = data.get(2).as_string().unwrap_or_default();
            let progress = self.waiting.borrow().get(&seq).map(|w| w.progress.clone());
            if let (Some(tell), Some(p)) = (progress, Progress::from_json(&text)) {
                tell(p);
            }
        } else if let Some(w) = self.waiting.borrow_mut().remove(&seq) {
            let texts = Array::from(&data.get(2))
                .iter()
                .filter_map(|t| t.as_string())
                .collect();
            let _ = w.reply.send(Ok(texts));
        }
    }
}

/// The page's handle to the analysis worker.
#[derive(Clone)]
pub struct Analysis(Rc<Inner>);

impl Analysis {
    /// Whether this page can have an analysis worker at all (not when opened from disk).
    pub fn possible() -> bool {
        spawn::can_start()
    }

    /// The analysis worker, started the first time (and again if it stopped); `Err` says why
    /// there is none.
    pub async fn get() -> Result<Analysis, String> {
        while STARTING.with(Cell::get) {
            sleep(20).await;
        }
        let live = ANALYSIS.with(|a| a.borrow().clone().filter(|a| !a.0.dead.get()));
        if let Some(a) = live {
            return Ok(a);
        }
        STARTING.with(|s| s.set(true));
        let started = Self::start().await;
        STARTING.with(|s| s.set(false));
        let a = started?;
        ANALYSIS.with(|slot| *slot.borrow_mut() = Some(a.clone()));
        Ok(a)
    }

    async fn start() -> Result<Analysis, String> {
        let generation = STARTS.with(|s| {
            s.set(s.get().wrapping_add(1));
            s.get()
        });
        let inner = Rc::new(Inner {
            started: RefCell::new(None),
            waiting: RefCell::new(HashMap::new()),
            next: Cell::new(0),
            dead: Cell::new(false),
            generation,
        });
        let (weak_m, weak_e) = (Rc::downgrade(&inner), Rc::downgrade(&inner));
        let started = spawn::start(
            "analysis worker",
            move |data| {
                if let Some(inner) = weak_m.upgrade() {
                    inner.heard(data);
                }
            },
            move || {
                if let Some(inner) = weak_e.upgrade() {
                    inner.fail();
                }
            },
        )
        .await?;
        *inner.started.borrow_mut() = Some(started);
        Ok(Analysis(inner))
    }

    /// Which start of the worker this is: what was sent to an earlier one is gone.
    pub fn generation(&self) -> u32 {
        self.0.generation
    }

    /// Sends one request (JSON) and resolves to the reply's texts (JSON: the reply, then any
    /// pieces), `progress` hearing the worker's reports meanwhile; `Err` if the worker stopped.
    pub async fn ask(
        &self,
        request: String,
        progress: Rc<dyn Fn(Progress)>,
    ) -> Result<Vec<String>, String> {
        let inner = self.0.clone();
        let (tx, rx) = oneshot::channel();
        let seq = inner.next.get();
        inner.next.set(seq.wrapping_add(1));
        inner.waiting.borrow_mut().insert(
            seq,
            Waiting {
                reply: tx,
                progress,
            },
        );
        let message = Array::of2(&JsValue::from(seq), &request.into());
        let posted = inner
            .started
            .borrow()
            .as_ref()
            .is_some_and(|s| s.worker.post_message(&message).is_ok());
        if !posted {
            inner.fail();
        }
        rx.await
            .map_err(|_| "the analysis worker stopped".to_string())?
    }
}
