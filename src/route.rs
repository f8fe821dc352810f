//! Hash routes: `#/` (library), `#/article/<id>` (reader), `#/search?q=…` (search),
//! `#/timeline?q=…` (timeline and trends), `#/compare?…` (source comparison) and `#/aliases`.
//!
//! Routing by hash needs no server rewrites, so the app works from any static host, under any
//! sub-path and from `file://`. leptos_router 0.8 has no hash mode (leptos-rs/leptos#2184), so
//! the route is a typed enum parsed here and kept in sync by `browser::hash`.

use newsprism_core::compare::similarity::ANY_TIME;
use newsprism_core::compare::Scope;
use newsprism_core::corpus::LibrarySort;
use newsprism_core::search::kwic::KwicSort;
use newsprism_core::time::timeline::Bucket;
use newsprism_core::ArticleId;

/// The most articles a compare URL can pick (`set=`): the view compares at most its own limit
/// of them and says how many were left out.
pub const MAX_PICKED: usize = 200;

/// Which tab of the search view is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SearchTab {
    /// Ranked articles with snippets.
    #[default]
    Results,
    /// Keyword in context.
    Kwic,
}

/// A search as the URL holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchState {
    /// The query text.
    pub q: String,
    /// Whether other spellings from the alias table are searched too.
    pub aliases: bool,
    /// The open tab.
    pub tab: SearchTab,
    /// The concordance's order.
    pub sort: KwicSort,
}

/// What the timeline's lanes stand for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lanes {
    /// One lane per source.
    #[default]
    Source,
    /// One lane per article.
    Article,
}

/// The timeline and trend as the URL holds them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineState {
    /// The trend's query (empty: no trend).
    pub q: String,
    /// Whether the trend's query uses aliases.
    pub aliases: bool,
    /// Lanes per source or per article.
    pub lanes: Lanes,
    /// The trend's periods.
    pub bucket: Bucket,
    /// Whether the trend shows shares rather than counts.
    pub share: bool,
}

impl Default for TimelineState {
    fn default() -> Self {
        TimelineState {
            q: String::new(),
            aliases: true,
            lanes: Lanes::Source,
            bucket: Bucket::Month,
            share: false,
        }
    }
}

/// The tabs of the compare view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CompareTab {
    /// Similarity heatmap and story groups.
    #[default]
    Groups,
    /// Side-by-side reading.
    Read,
    /// Quotations and their clusters.
    Quotes,
    /// The number ledger.
    Numbers,
    /// Entities and what only one source has.
    Entities,
    /// Distinctive vocabulary.
    Words,
}

impl CompareTab {
    /// Every tab, in order.
    pub const ALL: [CompareTab; 6] = [
        CompareTab::Groups,
        CompareTab::Read,
        CompareTab::Quotes,
        CompareTab::Numbers,
        CompareTab::Entities,
        CompareTab::Words,
    ];

    /// The URL name.
    pub fn key(self) -> &'static str {
        match self {
            CompareTab::Groups => "groups",
            CompareTab::Read => "read",
            CompareTab::Quotes => "quotes",
            CompareTab::Numbers => "numbers",
            CompareTab::Entities => "entities",
            CompareTab::Words => "words",
        }
    }

    /// The tab's label.
    pub fn label(self) -> &'static str {
        match self {
            CompareTab::Groups => "Story groups",
            CompareTab::Read => "Side by side",
            CompareTab::Quotes => "Quotes",
            CompareTab::Numbers => "Numbers",
            CompareTab::Entities => "Names",
            CompareTab::Words => "Words",
        }
    }

    fn parse(s: &str) -> CompareTab {
        CompareTab::ALL
            .into_iter()
            .find(|t| t.key() == s)
            .unwrap_or_default()
    }
}

/// The compare view as the URL holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareState {
    /// The tab shown.
    pub tab: CompareTab,
    /// The articles read side by side (2–4).
    pub ids: Vec<ArticleId>,
    /// Story-group threshold, in hundredths of combined similarity.
    pub threshold: u32,
    /// Story-group time window, in days.
    pub window: i32,
    /// Quotes filtered to a speaker key (empty: all).
    pub speaker: String,
    /// Quotes filtered to a party key (empty: all).
    pub source: String,
    /// Compare only the articles this search query finds (`in=`; empty: no query).
    pub within: String,
    /// Compare only these articles (`set=`; empty: not picked).
    pub picked: Vec<ArticleId>,
}

impl CompareState {
    /// The articles compared, as the core names the choice: picked ones win over a query.
    pub fn scope(&self) -> Scope {
        if !self.picked.is_empty() {
            Scope::Picked(self.picked.clone())
        } else if !self.within.trim().is_empty() {
            Scope::Matching(self.within.trim().to_string())
        } else {
            Scope::All
        }
    }
}

impl Default for CompareState {
    fn default() -> Self {
        CompareState {
            tab: CompareTab::Groups,
            ids: Vec::new(),
            threshold: 5,
            window: 7,
            speaker: String::new(),
            source: String::new(),
            within: String::new(),
            picked: Vec::new(),
        }
    }
}

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The list of articles, in the given order.
    Library {
        /// The order of the list.
        sort: LibrarySort,
    },
    /// One article, optionally with a search's hits highlighted and a passage to scroll to.
    Article {
        /// Which article.
        id: ArticleId,
        /// A query whose matches are highlighted.
        q: Option<String>,
        /// Whether the highlighted query used aliases.
        aliases: bool,
        /// The paragraph to scroll to.
        paragraph: Option<usize>,
        /// The byte offset of the hit to mark as current, within that paragraph.
        offset: Option<usize>,
        /// The length of a passage to mark from `offset` (a sentence the timeline links to).
        length: Option<usize>,
    },
    /// The search view.
    Search(SearchState),
    /// The timeline and query trends.
    Timeline(TimelineState),
    /// Source comparison.
    Compare(CompareState),
    /// The alias table.
    Aliases,
    /// A hash that names no page.
    NotFound(String),
}

impl Default for Route {
    fn default() -> Self {
        Route::Library {
            sort: LibrarySort::default(),
        }
    }
}

impl Route {
    /// The reader for an article, with nothing highlighted.
    pub fn article(id: ArticleId) -> Route {
        Route::Article {
            id,
            q: None,
            aliases: true,
            paragraph: None,
            offset: None,
            length: None,
        }
    }

    /// The reader with a passage (a sentence) marked and scrolled to.
    pub fn passage(id: ArticleId, paragraph: usize, start: usize, len: usize) -> Route {
        Route::Article {
            id,
            q: None,
            aliases: true,
            paragraph: Some(paragraph),
            offset: Some(start),
            length: Some(len),
        }
    }

    /// A search for `q` with the default options.
    pub fn search(q: &str) -> Route {
        Route::Search(SearchState {
            q: q.to_string(),
            aliases: true,
            ..SearchState::default()
        })
    }
}

fn sort_name(sort: LibrarySort) -> &'static str {
    match sort {
        LibrarySort::DateNewest => "newest",
        LibrarySort::DateOldest => "oldest",
        LibrarySort::Title => "title",
        LibrarySort::Length => "length",
    }
}

fn sort_from_name(name: &str) -> Option<LibrarySort> {
    Some(match name {
        "newest" => LibrarySort::DateNewest,
        "oldest" => LibrarySort::DateOldest,
        "title" => LibrarySort::Title,
        "length" => LibrarySort::Length,
        _ => return None,
    })
}

/// Percent-encodes a query value (UTF-8; only unreserved characters stay as they are).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes a percent-encoded value; `+` is a space. Broken escapes are kept as typed.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' if i + 2 < bytes.len() => {
                let hex = |c: u8| char::from(c).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(hi), Some(lo)) => {
                        out.push((hi * 16 + lo) as u8);
                        i += 3;
                    }
                    _ => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let h = hash.strip_prefix('#').unwrap_or(hash);
        let h = h.strip_prefix('/').unwrap_or(h);
        let (path, query) = h.split_once('?').unwrap_or((h, ""));
        let params: Vec<(&str, String)> = query
            .split('&')
            .filter_map(|kv| kv.split_once('=').or(Some((kv, ""))))
            .filter(|(k, _)| !k.is_empty())
            .map(|(k, v)| (k, decode(v)))
            .collect();
        let param = |key: &str| {
            params
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.clone())
        };
        let aliases = param("aliases").as_deref() != Some("off");
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Library {
                sort: param("sort")
                    .and_then(|s| sort_from_name(&s))
                    .unwrap_or_default(),
            },
            ["article", id] => match ArticleId::parse(id) {
                Some(id) => Route::Article {
                    id,
                    q: param("q").filter(|q| !q.trim().is_empty()),
                    aliases,
                    paragraph: param("p").and_then(|p| p.parse().ok()),
                    offset: param("o").and_then(|o| o.parse().ok()),
                    length: param("l").and_then(|l| l.parse().ok()),
                },
                None => Route::NotFound(hash.to_string()),
            },
            ["aliases"] => Route::Aliases,
            ["timeline"] => Route::Timeline(TimelineState {
                q: param("q").unwrap_or_default(),
                aliases,
                lanes: match param("lanes").as_deref() {
                    Some("article") => Lanes::Article,
                    _ => Lanes::Source,
                },
                bucket: match param("bucket").as_deref() {
                    Some("year") => Bucket::Year,
                    _ => Bucket::Month,
                },
                share: param("metric").as_deref() == Some("share"),
            }),
            ["compare"] => {
                let d = CompareState::default();
                Route::Compare(CompareState {
                    tab: CompareTab::parse(&param("tab").unwrap_or_default()),
                    ids: param("ids")
                        .unwrap_or_default()
                        .split(',')
                        .filter_map(ArticleId::parse)
                        .take(4)
                        .collect(),
                    threshold: param("t")
                        .and_then(|t| t.parse().ok())
                        .filter(|t| *t <= 100)
                        .unwrap_or(d.threshold),
                    window: param("w")
                        .and_then(|w| w.parse().ok())
                        .filter(|w| (0..=ANY_TIME).contains(w))
                        .unwrap_or(d.window),
                    speaker: param("speaker").unwrap_or_default(),
                    source: param("source").unwrap_or_default(),
                    within: param("in").unwrap_or_default(),
                    picked: param("set")
                        .unwrap_or_default()
                        .split(',')
                        .filter_map(ArticleId::parse)
                        .take(MAX_PICKED)
                        .collect(),
                })
            }
            ["search"] => Route::Search(SearchState {
                q: param("q").unwrap_or_default(),
                aliases,
                tab: match param("view").as_deref() {
                    Some("kwic") => SearchTab::Kwic,
                    _ => SearchTab::Results,
                },
                sort: match param("sort").as_deref() {
                    Some("left") => KwicSort::Left,
                    Some("right") => KwicSort::Right,
                    _ => KwicSort::Document,
                },
            }),
            _ => Route::NotFound(hash.to_string()),
        }
    }

    /// The hash for this route, starting with `#/`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Library { sort } if *sort == LibrarySort::default() => "#/".to_string(),
            Route::Library { sort } => format!("#/?sort={}", sort_name(*sort)),
            Route::Article {
                id,
                q,
                aliases,
                paragraph,
                offset,
                length,
            } => {
                let mut params = Vec::new();
                if let Some(q) = q {
                    params.push(format!("q={}", encode(q)));
                    if !aliases {
                        params.push("aliases=off".into());
                    }
                }
                if let Some(p) = paragraph {
                    params.push(format!("p={p}"));
                }
                if let Some(o) = offset {
                    params.push(format!("o={o}"));
                }
                if let Some(l) = length {
                    params.push(format!("l={l}"));
                }
                with_params(format!("#/article/{id}"), params)
            }
            Route::Search(s) => {
                let mut params = vec![format!("q={}", encode(&s.q))];
                if !s.aliases {
                    params.push("aliases=off".into());
                }
                if s.tab == SearchTab::Kwic {
                    params.push("view=kwic".into());
                }
                match s.sort {
                    KwicSort::Left => params.push("sort=left".into()),
                    KwicSort::Right => params.push("sort=right".into()),
                    KwicSort::Document => {}
                }
                with_params("#/search".to_string(), params)
            }
            Route::Compare(c) => {
                let d = CompareState::default();
                let mut params = Vec::new();
                if c.tab != CompareTab::Groups {
                    params.push(format!("tab={}", c.tab.key()));
                }
                if !c.ids.is_empty() {
                    let ids: Vec<String> = c.ids.iter().map(|i| i.to_string()).collect();
                    params.push(format!("ids={}", ids.join(",")));
                }
                if c.threshold != d.threshold {
                    params.push(format!("t={}", c.threshold));
                }
                if c.window != d.window {
                    params.push(format!("w={}", c.window));
                }
                if !c.speaker.is_empty() {
                    params.push(format!("speaker={}", encode(&c.speaker)));
                }
                if !c.source.is_empty() {
                    params.push(format!("source={}", encode(&c.source)));
                }
                if !c.within.is_empty() {
                    params.push(format!("in={}", encode(&c.within)));
                }
                if !c.picked.is_empty() {
                    let ids: Vec<String> = c.picked.iter().map(|i| i.to_string()).collect();
                    params.push(format!("set={}", ids.join(",")));
                }
                with_params("#/compare".to_string(), params)
            }
            Route::Timeline(t) => {
                let mut params = Vec::new();
                if !t.q.is_empty() {
                    params.push(format!("q={}", encode(&t.q)));
                }
                if !t.aliases {
                    params.push("aliases=off".into());
                }
                if t.lanes == Lanes::Article {
                    params.push("lanes=article".into());
                }
                if t.bucket == Bucket::Year {
                    params.push("bucket=year".into());
                }
                if t.share {
                    params.push("metric=share".into());
                }
                with_params("#/timeline".to_string(), params)
            }
            Route::Aliases => "#/aliases".to_string(),
            Route::NotFound(h) => h.clone(),
        }
    }
}

fn with_params(path: String, params: Vec<String>) -> String {
    if params.is_empty() {
        path
    } else {
        format!("{path}?{}", params.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_parse_to_routes_and_back() {
        let id = ArticleId(0xc5a1_ee75_759d_24c3);
        let cases = [
            ("", Route::default(), "#/"),
            ("#", Route::default(), "#/"),
            ("#/", Route::default(), "#/"),
            (
                "#/?sort=oldest",
                Route::Library {
                    sort: LibrarySort::DateOldest,
                },
                "#/?sort=oldest",
            ),
            ("#/?sort=bogus", Route::default(), "#/"),
            (
                "#/article/c5a1ee75759d24c3",
                Route::article(id),
                "#/article/c5a1ee75759d24c3",
            ),
            (
                "#/article/c5a1ee75759d24c3?q=Peskov&p=3&o=17",
                Route::Article {
                    id,
                    q: Some("Peskov".into()),
                    aliases: true,
                    paragraph: Some(3),
                    offset: Some(17),
                    length: None,
                },
                "#/article/c5a1ee75759d24c3?q=Peskov&p=3&o=17",
            ),
            (
                "#/article/c5a1ee75759d24c3?p=2&o=10&l=40",
                Route::passage(id, 2, 10, 40),
                "#/article/c5a1ee75759d24c3?p=2&o=10&l=40",
            ),
            (
                "#/timeline",
                Route::Timeline(TimelineState::default()),
                "#/timeline",
            ),
            (
                "#/compare",
                Route::Compare(CompareState::default()),
                "#/compare",
            ),
            (
                "#/compare?tab=read&ids=c5a1ee75759d24c3,0000000000000001,bogus&t=8&w=30&speaker=%3Dpeskov",
                Route::Compare(CompareState {
                    tab: CompareTab::Read,
                    ids: vec![ArticleId(0xc5a1ee75759d24c3), ArticleId(1)],
                    threshold: 8,
                    window: 30,
                    speaker: "=peskov".into(),
                    ..CompareState::default()
                }),
                "#/compare?tab=read&ids=c5a1ee75759d24c3,0000000000000001&t=8&w=30&speaker=%3Dpeskov",
            ),
            (
                "#/compare?tab=words&in=Poetin%20Minsk&set=0000000000000002,0000000000000001",
                Route::Compare(CompareState {
                    tab: CompareTab::Words,
                    within: "Poetin Minsk".into(),
                    picked: vec![ArticleId(2), ArticleId(1)],
                    ..CompareState::default()
                }),
                "#/compare?tab=words&in=Poetin%20Minsk&set=0000000000000002,0000000000000001",
            ),
            (
                "#/compare?tab=nonsense&t=999",
                Route::Compare(CompareState::default()),
                "#/compare",
            ),
            (
                "#/timeline?q=Poetin&lanes=article&bucket=year&metric=share",
                Route::Timeline(TimelineState {
                    q: "Poetin".into(),
                    lanes: Lanes::Article,
                    bucket: Bucket::Year,
                    share: true,
                    ..TimelineState::default()
                }),
                "#/timeline?q=Poetin&lanes=article&bucket=year&metric=share",
            ),
            (
                "#/search?q=poetin",
                Route::search("poetin"),
                "#/search?q=poetin",
            ),
            (
                "#/search?q=%22giftige%20mensen%22%20Oekra%C3%AFne&aliases=off&view=kwic&sort=left",
                Route::Search(SearchState {
                    q: "\"giftige mensen\" Oekraïne".into(),
                    aliases: false,
                    tab: SearchTab::Kwic,
                    sort: KwicSort::Left,
                }),
                "#/search?q=%22giftige%20mensen%22%20Oekra%C3%AFne&aliases=off&view=kwic&sort=left",
            ),
            ("#/search?q=a+b", Route::search("a b"), "#/search?q=a%20b"),
            ("#/aliases", Route::Aliases, "#/aliases"),
        ];
        for (hash, route, back) in cases {
            assert_eq!(Route::parse(hash), route, "{hash}");
            assert_eq!(route.to_hash(), back);
        }
    }

    #[test]
    fn unknown_hashes_are_not_found() {
        for hash in [
            "#/article/nothex",
            "#/nowhere",
            "#/article/",
            "#/article/c5a1ee75759d24c3/x",
        ] {
            assert!(matches!(Route::parse(hash), Route::NotFound(_)), "{hash}");
        }
    }

    #[test]
    fn percent_coding_round_trips_and_tolerates_broken_escapes() {
        for s in [
            "Wit-Rusland",
            "„domme” & 100%",
            "Łukaszenka ~2 (a OR b)",
            "",
        ] {
            assert_eq!(decode(&encode(s)), s);
        }
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%C3"), "\u{fffd}");
    }

    #[test]
    fn picked_articles_win_over_a_query_and_an_empty_query_is_everything() {
        let mut c = CompareState::default();
        assert_eq!(c.scope(), Scope::All);
        c.within = "  ".into();
        assert_eq!(c.scope(), Scope::All);
        c.within = " Peskov ".into();
        assert_eq!(c.scope(), Scope::Matching("Peskov".into()));
        c.picked = vec![ArticleId(7)];
        assert_eq!(c.scope(), Scope::Picked(vec![ArticleId(7)]));
        let many: Vec<String> = (0..MAX_PICKED + 5)
            .map(|i| ArticleId(i as u64).to_string())
            .collect();
        let Route::Compare(parsed) = Route::parse(&format!("#/compare?set={}", many.join(",")))
        else {
            panic!("a compare route");
        };
        assert_eq!(parsed.picked.len(), MAX_PICKED);
    }
}
