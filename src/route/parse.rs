//! Reading `location.hash` into a [`Route`]: one function per view. Anything unknown or
//! malformed falls back to a default or to [`Route::NotFound`], never to a panic.

use newsprism_core::compare::similarity::ANY_TIME;
use newsprism_core::corpus::LibraryFilter;
use newsprism_core::search::kwic::KwicSort;
use newsprism_core::time::timeline::Bucket;
use newsprism_core::{ArticleId, Language, PartialDate};

use super::codec::{sort_from_name, Params};
use super::{
    ArchiveState, CompareState, CompareTab, Focus, Lanes, Route, SearchState, SearchTab,
    TimelineState, MAX_PICKED,
};

/// The library's filter: `q` (words), `source`, `lang`, `from` and `to` (`2022`, `2022-12` or
/// `2022-12-19`), and `rough=1` to keep the articles whose dates are too rough to tell.
/// Unreadable values are left out.
fn library_filter(p: &Params) -> LibraryFilter {
    let date = |k: &str| p.get(k).and_then(|d| PartialDate::parse_iso(&d));
    LibraryFilter {
        text: p.text("q"),
        source: p.get("source").filter(|s| !s.trim().is_empty()),
        language: p.get("lang").and_then(|l| Language::from_code(&l)),
        from: date("from"),
        to: date("to"),
        rough_dates: p.get("rough").as_deref() == Some("1"),
    }
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let h = hash.strip_prefix('#').unwrap_or(hash);
        let h = h.strip_prefix('/').unwrap_or(h);
        let (path, query) = h.split_once('?').unwrap_or((h, ""));
        let p = Params::of(query);
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] | ["archive"] if p.get("index").is_some() => Route::Archive(archive(&p)),
            [] => Route::Library {
                sort: p
                    .get("sort")
                    .and_then(|s| sort_from_name(&s))
                    .unwrap_or_default(),
                filter: library_filter(&p),
            },
            ["article", id] => match ArticleId::parse(id) {
                Some(id) => article(id, &p),
                None => Route::NotFound(hash.to_string()),
            },
            ["aliases"] => Route::Aliases,
            ["events"] => Route::Events,
            ["help"] => Route::Help,
            ["timeline"] => Route::Timeline(timeline(&p)),
            ["compare"] => Route::Compare(compare(&p)),
            ["search"] => Route::Search(search(&p)),
            _ => Route::NotFound(hash.to_string()),
        }
    }
}

fn archive(p: &Params) -> ArchiveState {
    ArchiveState {
        index: p.text("index"),
        q: p.text("q"),
        aliases: p.aliases(),
        article: p.get("a").as_deref().and_then(ArticleId::parse),
    }
}

fn article(id: ArticleId, p: &Params) -> Route {
    Route::Article {
        id,
        focus: Focus {
            q: p.get("q").filter(|q| !q.trim().is_empty()),
            aliases: p.aliases(),
            paragraph: p.number("p"),
            offset: p.number("o"),
            length: p.number("l"),
        },
    }
}

fn timeline(p: &Params) -> TimelineState {
    TimelineState {
        q: p.text("q"),
        aliases: p.aliases(),
        lanes: match p.get("lanes").as_deref() {
            Some("article") => Lanes::Article,
            _ => Lanes::Source,
        },
        bucket: match p.get("bucket").as_deref() {
            Some("year") => Bucket::Year,
            _ => Bucket::Month,
        },
        share: p.get("metric").as_deref() == Some("share"),
    }
}

/// Article ids separated by commas, at most `max`; malformed ones are skipped.
fn ids(p: &Params, key: &str, max: usize) -> Vec<ArticleId> {
    p.text(key)
        .split(',')
        .filter_map(ArticleId::parse)
        .take(max)
        .collect()
}

fn compare(p: &Params) -> CompareState {
    let d = CompareState::default();
    CompareState {
        tab: CompareTab::parse(&p.text("tab")),
        ids: ids(p, "ids", 4),
        threshold: p.number("t").filter(|t| *t <= 100).unwrap_or(d.threshold),
        window: p
            .number("w")
            .filter(|w| (0..=ANY_TIME).contains(w))
            .unwrap_or(d.window),
        speaker: p.text("speaker"),
        source: p.text("source"),
        within: p.text("in"),
        picked: ids(p, "set", MAX_PICKED),
    }
}

fn search(p: &Params) -> SearchState {
    SearchState {
        q: p.text("q"),
        aliases: p.aliases(),
        tab: match p.get("view").as_deref() {
            Some("kwic") => SearchTab::Kwic,
            _ => SearchTab::Results,
        },
        sort: match p.get("sort").as_deref() {
            Some("left") => KwicSort::Left,
            Some("right") => KwicSort::Right,
            _ => KwicSort::Document,
        },
    }
}
