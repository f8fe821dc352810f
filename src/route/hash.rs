//! Writing a [`Route`] back as a hash: defaults are left out, so links stay short and a
//! parsed hash writes back the same.

use newsprism_core::corpus::{LibraryFilter, LibrarySort};
use newsprism_core::search::kwic::KwicSort;
use newsprism_core::time::timeline::Bucket;
use newsprism_core::ArticleId;

use super::codec::{encode, sort_name, with_params};
use super::{CompareState, CompareTab, Focus, Lanes, Route, SearchState, SearchTab, TimelineState};

impl Route {
    /// The hash for this route, starting with `#/`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Library { sort, filter } => {
                with_params("#/".to_string(), library_params(*sort, filter))
            }
            Route::Article { id, focus } => with_params(format!("#/article/{id}"), focus.params()),
            Route::Search(s) => with_params("#/search".to_string(), s.params()),
            Route::Compare(c) => with_params("#/compare".to_string(), c.params()),
            Route::Timeline(t) => with_params("#/timeline".to_string(), t.params()),
            Route::Archive(a) => with_params("#/archive".to_string(), a.params()),
            Route::Aliases => "#/aliases".to_string(),
            Route::Events => "#/events".to_string(),
            Route::Help => "#/help".to_string(),
            Route::NotFound(h) => h.clone(),
        }
    }
}

/// The library's order (unless the default) and filter (what is set of it).
fn library_params(sort: LibrarySort, f: &LibraryFilter) -> Vec<String> {
    let mut params = Vec::new();
    if sort != LibrarySort::default() {
        params.push(format!("sort={}", sort_name(sort)));
    }
    if !f.text.trim().is_empty() {
        params.push(format!("q={}", encode(&f.text)));
    }
    if let Some(s) = &f.source {
        params.push(format!("source={}", encode(s)));
    }
    if let Some(l) = f.language {
        params.push(format!("lang={}", l.code()));
    }
    for (key, d) in [("from", &f.from), ("to", &f.to)] {
        if let Some(d) = d {
            params.push(format!("{key}={}", d.iso()));
        }
    }
    if f.rough_dates {
        params.push("rough=1".into());
    }
    params
}

fn id_list(ids: &[ArticleId]) -> String {
    ids.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

impl super::ArchiveState {
    fn params(&self) -> Vec<String> {
        let mut params = vec![format!("index={}", encode(&self.index))];
        if !self.q.is_empty() {
            params.push(format!("q={}", encode(&self.q)));
        }
        if !self.aliases {
            params.push("aliases=off".into());
        }
        if let Some(id) = self.article {
            params.push(format!("a={id}"));
        }
        params
    }
}

impl Focus {
    fn params(&self) -> Vec<String> {
        let mut params = Vec::new();
        if let Some(q) = &self.q {
            params.push(format!("q={}", encode(q)));
            if !self.aliases {
                params.push("aliases=off".into());
            }
        }
        let numbers = [
            ("p", self.paragraph),
            ("o", self.offset),
            ("l", self.length),
        ];
        params.extend(
            numbers
                .into_iter()
                .filter_map(|(k, v)| v.map(|v| format!("{k}={v}"))),
        );
        params
    }
}

impl SearchState {
    fn params(&self) -> Vec<String> {
        let mut params = vec![format!("q={}", encode(&self.q))];
        if !self.aliases {
            params.push("aliases=off".into());
        }
        if self.tab == SearchTab::Kwic {
            params.push("view=kwic".into());
        }
        match self.sort {
            KwicSort::Left => params.push("sort=left".into()),
            KwicSort::Right => params.push("sort=right".into()),
            KwicSort::Document => {}
        }
        params
    }
}

impl CompareState {
    fn params(&self) -> Vec<String> {
        let d = CompareState::default();
        let mut params = Vec::new();
        if self.tab != CompareTab::Groups {
            params.push(format!("tab={}", self.tab.key()));
        }
        if !self.ids.is_empty() {
            params.push(format!("ids={}", id_list(&self.ids)));
        }
        if self.threshold != d.threshold {
            params.push(format!("t={}", self.threshold));
        }
        if self.window != d.window {
            params.push(format!("w={}", self.window));
        }
        for (key, value) in [
            ("speaker", &self.speaker),
            ("source", &self.source),
            ("in", &self.within),
        ] {
            if !value.is_empty() {
                params.push(format!("{key}={}", encode(value)));
            }
        }
        if !self.picked.is_empty() {
            params.push(format!("set={}", id_list(&self.picked)));
        }
        params
    }
}

impl TimelineState {
    fn params(&self) -> Vec<String> {
        let mut params = Vec::new();
        if !self.q.is_empty() {
            params.push(format!("q={}", encode(&self.q)));
        }
        if !self.aliases {
            params.push("aliases=off".into());
        }
        if self.lanes == Lanes::Article {
            params.push("lanes=article".into());
        }
        if self.bucket == Bucket::Year {
            params.push("bucket=year".into());
        }
        if self.share {
            params.push("metric=share".into());
        }
        params
    }
}
