//! Comparisons of more articles than the page compares itself ([`MAX_SCOPE`]), worked out by
//! the analysis worker: the articles it lacks (or has in an older version) are sent a chunk at a
//! time, then the comparison is asked for, its progress reported as it comes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use leptos::prelude::*;

use newsprism_core::article::{Article, ArticleId};
use newsprism_core::compare::cache::stamp;
use newsprism_core::compare::remote::{aliases_of, Ask, Assembly, Piece, Progress, Reply, Request};
use newsprism_core::compare::{Comparison, Parts};

use super::persist::SLICE_MS;
use super::{AppState, MAX_SCOPE};
use crate::browser::analysis::Analysis;
use crate::browser::timer::Slices;

/// Articles sent per message: each message is serialised in one task on the page.
const SEND_CHUNK: usize = 250;

thread_local! {
    /// What the analysis worker was sent: its start, and per article the stamp of the version
    /// it has.
    static SENT: RefCell<(u32, HashMap<ArticleId, u64>)> = RefCell::new((0, HashMap::new()));
}

/// Whether a comparison of `n` articles runs in the analysis worker: more than the page
/// compares itself, where a worker can run.
pub fn runs_remotely(n: usize) -> bool {
    n > MAX_SCOPE && Analysis::possible()
}

/// The most articles a comparison covers here: all of them where the analysis worker can run,
/// otherwise what the page compares itself.
pub fn scope_limit() -> usize {
    if Analysis::possible() {
        usize::MAX
    } else {
        MAX_SCOPE
    }
}

impl AppState {
    /// Compares `ids` in the analysis worker (with the pairs' scores if `pairs`, the story groups
    /// at `groups`' threshold and window), `progress`
    /// hearing how it comes along; `Err`
    /// says why it could not (the worker did not start or stopped, or the answer did not
    /// read).
    pub async fn compare_remotely(
        &self,
        ids: Vec<ArticleId>,
        parts: Parts,
        pairs: bool,
        groups: Option<(f32, i32)>,
        progress: impl Fn(Progress) + 'static,
    ) -> Result<Comparison, String> {
        let worker = Analysis::get().await?;
        let progress: Rc<dyn Fn(Progress)> = Rc::new(progress);
        SENT.with(|s| {
            let mut s = s.borrow_mut();
            if s.0 != worker.generation() {
                *s = (worker.generation(), HashMap::new());
            }
        });
        self.send_missing(&worker, &ids).await?;
        let ask = self.corpus.with_untracked(|c| Ask {
            ids: ids.clone(),
            parts,
            aliases: aliases_of(c.aliases()),
            events: (!c.named_events().is_built_in()).then(|| c.named_events().table().clone()),
            pairs,
            groups,
        });
        let texts = worker
            .ask(Request::Compare(ask).to_json(), progress)
            .await?;
        let (first, pieces) = texts
            .split_first()
            .ok_or("the analysis worker sent nothing")?;
        match Reply::from_json(first)? {
            Reply::Compared(skeleton) => {
                // A piece per task, so that the page answers meanwhile.
                let mut whole = Assembly::new(*skeleton);
                let mut slices = Slices::new(SLICE_MS);
                for piece in pieces {
                    whole.add(Piece::from_json(piece)?);
                    slices.pause_if_due().await;
                }
                Ok(whole.finish())
            }
            Reply::Failed(why) => Err(why),
            _ => Err("the analysis worker answered out of turn".into()),
        }
    }

    /// Sends the worker the articles of `ids` it does not have as they are now, and tells it
    /// to forget the ones no longer loaded.
    async fn send_missing(&self, worker: &Analysis, ids: &[ArticleId]) -> Result<(), String> {
        let (missing, gone): (Vec<ArticleId>, Vec<ArticleId>) = self.corpus.with_untracked(|c| {
            SENT.with(|s| {
                let s = s.borrow();
                let missing = ids
                    .iter()
                    .filter(|id| c.get(**id).is_some_and(|a| s.1.get(id) != Some(&stamp(a))))
                    .copied()
                    .collect();
                let gone =
                    s.1.keys()
                        .filter(|id| c.get(**id).is_none())
                        .copied()
                        .collect();
                (missing, gone)
            })
        });
        let quiet: Rc<dyn Fn(Progress)> = Rc::new(|_| {});
        if !gone.is_empty() {
            let request = Request::Forget(gone.clone()).to_json();
            worker.ask(request, quiet.clone()).await?;
            SENT.with(|s| {
                let mut s = s.borrow_mut();
                for id in &gone {
                    s.1.remove(id);
                }
            });
        }
        for chunk in missing.chunks(SEND_CHUNK) {
            let (request, stamps) = self.corpus.with_untracked(|c| {
                let articles: Vec<Article> =
                    chunk.iter().filter_map(|id| c.get(*id).cloned()).collect();
                let stamps: Vec<(ArticleId, u64)> =
                    articles.iter().map(|a| (a.id, stamp(a))).collect();
                (Request::Keep(articles).to_json(), stamps)
            });
            let texts = worker.ask(request, quiet.clone()).await?;
            match Reply::from_json(texts.first().map_or("", String::as_str))? {
                Reply::Kept(_) => SENT.with(|s| s.borrow_mut().1.extend(stamps)),
                Reply::Failed(why) => return Err(why),
                _ => return Err("the analysis worker answered out of turn".into()),
            }
        }
        Ok(())
    }
}
