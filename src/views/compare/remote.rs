//! A comparison of more articles than the page compares itself, asked of the analysis worker
//! (`state/remote.rs`), and its progress while the worker works.

use leptos::prelude::*;
use newsprism_core::compare::remote::{Phase, Progress};
use newsprism_core::compare::{Comparison, Parts, Scoped, Stage};

use crate::components::count::grouped;
use crate::route::{CompareState, CompareTab};
use crate::state::{runs_remotely, use_app_state};

/// The worker's comparison for one view: asked again whenever the articles compared (or the
/// corpus) change, one request at a time.
#[derive(Clone, Copy)]
pub(super) struct RemoteComparison {
    /// The latest answer, until the view takes it.
    answer: RwSignal<Option<Comparison>>,
    /// How far the comparison under way has come (`None`: none is under way).
    progress: RwSignal<Option<Progress>>,
    /// Why the latest comparison could not be made.
    failed: RwSignal<Option<String>>,
    /// Whether a request is under way, and whether the articles changed meanwhile.
    busy: StoredValue<bool>,
    again: StoredValue<bool>,
}

impl RemoteComparison {
    /// What the view of `state` needs: only the story groups and side-by-side reading draw
    /// the pairs' scores, and they open on the story groups at the URL's threshold and window,
    /// which the worker makes too.
    pub(super) fn for_view(
        scoped: Memo<Scoped>,
        parts: Parts,
        state: &CompareState,
    ) -> RemoteComparison {
        let pairs = matches!(state.tab, CompareTab::Groups | CompareTab::Read);
        let groups = pairs.then(|| (state.threshold as f32 / 100.0, state.window));
        RemoteComparison::new(scoped, parts, pairs, groups)
    }

    /// Asks the worker for the comparison of `scoped` with `parts` (and the pairs' scores if
    /// `pairs`, and the story groups at `groups`' threshold and window) whenever it runs
    /// remotely.
    pub(super) fn new(
        scoped: Memo<Scoped>,
        parts: Parts,
        pairs: bool,
        groups: Option<(f32, i32)>,
    ) -> RemoteComparison {
        let app = use_app_state();
        let me = RemoteComparison {
            answer: RwSignal::new(None),
            progress: RwSignal::new(None),
            failed: RwSignal::new(None),
            busy: StoredValue::new(false),
            again: StoredValue::new(false),
        };
        Effect::new(move |_| {
            app.corpus().track();
            if !runs_remotely(scoped.with(|s| s.ids.len())) {
                return;
            }
            if me.busy.get_value() {
                me.again.set_value(true);
                return;
            }
            me.busy.set_value(true);
            leptos::task::spawn_local(async move {
                loop {
                    let Some(ids) = scoped.try_with_untracked(|s| s.ids.clone()) else {
                        return;
                    };
                    me.failed.set(None);
                    me.progress.set(Some(Progress {
                        phase: Phase::Reading,
                        done: 0,
                        total: ids.len(),
                    }));
                    let progress = me.progress;
                    let made = app
                        .compare_remotely(ids, parts, pairs, groups, move |p| {
                            progress.try_set(Some(p));
                        })
                        .await;
                    // The view is gone: nobody waits for this.
                    let Some(again) = me.again.try_get_value() else {
                        return;
                    };
                    if again {
                        me.again.set_value(false);
                        continue;
                    }
                    me.progress.set(None);
                    match made {
                        Ok(c) => me.answer.set(Some(c)),
                        Err(why) => me.failed.set(Some(why)),
                    }
                    break;
                }
                me.busy.try_set_value(false);
            });
        });
        me
    }

    /// The latest answer, taken (read reactively; empty until the first one comes).
    pub(super) fn take(&self) -> Comparison {
        self.answer.track();
        self.answer
            .try_update_untracked(Option::take)
            .flatten()
            .unwrap_or_default()
    }
}

/// What a progress line says: "Reading 400 of 2,126 articles…".
fn describe(p: &Progress) -> String {
    match p.phase {
        Phase::Reading => format!(
            "Reading {} of {} articles…",
            grouped(p.done),
            grouped(p.total)
        ),
        Phase::Then(Stage::Scoring) => format!(
            "Scoring the likely pairs of {} articles, grouping stories…",
            grouped(p.total)
        ),
        Phase::Then(Stage::Quotes) => format!(
            "Finding the quotations, speakers and names of {} articles…",
            grouped(p.total)
        ),
        Phase::Then(Stage::Numbers) => {
            format!("Reading the numbers of {} articles…", grouped(p.total))
        }
        Phase::Then(Stage::Words) => format!(
            "Counting the distinctive words of {} articles…",
            grouped(p.total)
        ),
    }
}

/// The worker's progress, or why it failed.
#[component]
pub(super) fn RemoteStatus(worker: RemoteComparison) -> impl IntoView {
    move || {
        if let Some(why) = worker.failed.get() {
            let text = format!("The comparison could not be made in the background: {why}. Pick at most {} articles to compare them on this page.", crate::state::MAX_SCOPE);
            let failed = view! {
                <p class="error" data-testid="compare-failed">
                    {text}
                </p>
            };
            return Some(failed.into_any());
        }
        worker.progress.get().map(|p| {
            view! {
                <p class="compare-progress" role="status" data-testid="compare-progress">
                    <progress max="1" value=p.fraction().to_string()></progress>
                    " "
                    {describe(&p)}
                    <span class="muted">" Worked out in the background: the page stays usable."</span>
                </p>
            }
            .into_any()
        })
    }
}
