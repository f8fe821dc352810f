//! A comparison worked out on another thread: what the page sends the analysis worker, what the
//! worker answers, and the worker's side ([`Comparer`]), which keeps the articles it was sent
//! and their readings between requests.
//!
//! The page sends articles once ([`Request::Keep`], again only when one changes: see
//! [`super::cache::stamp`]), then asks for comparisons by id ([`Request::Compare`]) with the
//! alias table and the table of named events the comparison depends on. While it works, the
//! worker reports its progress ([`Progress`]); it answers with the whole [`Comparison`]. Every
//! message is JSON text: one string crosses threads at once, and the serde derives of the
//! comparison's types are all it needs.

mod ship;

pub use ship::{ship, Assembly, Piece, PIECE_ITEMS};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::{Comparison, DocCache, Parts, Stage};
use crate::article::{Article, ArticleId};
use crate::search::alias::AliasTable;
use crate::text::stem::Stemmers;
use crate::time::named::{EventTable, NamedEvents};

/// What the page asks of the analysis worker.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Request {
    /// Articles to keep (new ones, or new versions of kept ones).
    Keep(Vec<Article>),
    /// Articles no longer loaded.
    Forget(Vec<ArticleId>),
    /// A comparison.
    Compare(Ask),
}

/// One comparison asked for.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Ask {
    /// The articles, in the order the comparison lists them.
    pub ids: Vec<ArticleId>,
    /// What to work out besides similarity and story groups.
    pub parts: Parts,
    /// The alias table's groups of spellings ([`aliases_of`]).
    pub aliases: Vec<Vec<String>>,
    /// The table of named events (`None`: the built-in one).
    pub events: Option<EventTable>,
    /// Whether the answer carries the pairs' scores (the heatmap and story groups draw them;
    /// other views do not, and they are the bulk of a large comparison).
    pub pairs: bool,
    /// The threshold and window (days) at which to work out the story groups too, so that the
    /// page does not (at 22,000 articles they take a fifth of a second).
    #[serde(default)]
    pub groups: Option<(f32, i32)>,
}

/// What the worker answers.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Reply {
    /// How many articles it keeps now.
    Kept(usize),
    /// Work under way on a comparison (sent before its answer, as often as is useful).
    Progress(Progress),
    /// The comparison asked for.
    Compared(Box<Comparison>),
    /// Why there is no answer.
    Failed(String),
}

/// How far a comparison has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// The phase.
    pub phase: Phase,
    /// Articles done in this phase.
    pub done: usize,
    /// Articles in all.
    pub total: usize,
}

/// The phases of a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    /// Reading the articles (sentences, words, telling terms): the part counted article by
    /// article.
    Reading,
    /// A stage after reading.
    Then(Stage),
}

impl Request {
    /// The request as it travels.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl Reply {
    /// A reply back from its JSON; `Err` says why it does not read.
    pub fn from_json(json: &str) -> Result<Reply, String> {
        serde_json::from_str(json)
            .map_err(|e| format!("the analysis worker's answer did not read: {e}"))
    }
}

impl Progress {
    /// The report as it travels.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A report back from its JSON.
    pub fn from_json(json: &str) -> Option<Progress> {
        serde_json::from_str(json).ok()
    }

    /// The fraction done, 0–1, for a progress bar: reading is about half of a comparison, and
    /// each later stage starts further along.
    pub fn fraction(&self) -> f64 {
        match self.phase {
            Phase::Reading => 0.45 * self.done as f64 / self.total.max(1) as f64,
            Phase::Then(Stage::Scoring) => 0.45,
            Phase::Then(Stage::Quotes) => 0.65,
            Phase::Then(Stage::Numbers) => 0.7,
            Phase::Then(Stage::Words) => 0.75,
        }
    }
}

/// The alias table as it travels: its groups of spellings.
pub fn aliases_of(table: &AliasTable) -> Vec<Vec<String>> {
    table.groups().iter().map(|g| g.names.clone()).collect()
}

/// The alias table back from its groups.
pub fn aliases_from(groups: &[Vec<String>]) -> AliasTable {
    let mut table = AliasTable::empty();
    for g in groups {
        let names: Vec<&str> = g.iter().map(String::as_str).collect();
        table.add_group(&names);
    }
    table
}

/// Progress is reported every this many articles read.
const REPORT_EVERY: usize = 50;

/// The worker's side: the articles it was sent and their readings, kept between requests.
pub struct Comparer {
    articles: FxHashMap<ArticleId, Article>,
    cache: DocCache,
    stemmers: Stemmers,
    aliases: AliasTable,
    events: NamedEvents,
}

impl Comparer {
    /// A comparer that reads words with these stemmers (with the lexicon, where the worker
    /// loaded it).
    pub fn new(stemmers: Stemmers) -> Comparer {
        Comparer {
            articles: FxHashMap::default(),
            cache: DocCache::unbounded(),
            stemmers,
            aliases: AliasTable::default(),
            events: NamedEvents::default(),
        }
    }

    /// How many articles it keeps.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether it keeps none.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Answers one request; `progress` hears how a comparison is coming along.
    pub fn handle(&mut self, request: Request, progress: &mut dyn FnMut(Progress)) -> Reply {
        match request {
            Request::Keep(articles) => {
                for a in articles {
                    self.articles.insert(a.id, a);
                }
                Reply::Kept(self.articles.len())
            }
            Request::Forget(ids) => {
                for id in ids {
                    self.articles.remove(&id);
                }
                Reply::Kept(self.articles.len())
            }
            Request::Compare(ask) => self.compare(ask, progress),
        }
    }

    /// The answer to one request as JSON texts, from the request as JSON (what crosses
    /// threads): the reply first, then, for a comparison, the pieces of its long lists
    /// ([`ship`]), the reply holding the comparison without them.
    pub fn handle_json(
        &mut self,
        request: &str,
        progress: &mut dyn FnMut(Progress),
    ) -> Vec<String> {
        let reply = match serde_json::from_str::<Request>(request) {
            Ok(r) => self.handle(r, progress),
            Err(e) => Reply::Failed(format!("the request did not read: {e}")),
        };
        let (reply, pieces) = match reply {
            Reply::Compared(c) => {
                let (skeleton, pieces) = ship(*c, PIECE_ITEMS);
                (Reply::Compared(Box::new(skeleton)), pieces)
            }
            other => (other, Vec::new()),
        };
        let first = serde_json::to_string(&reply).unwrap_or_else(|e| {
            serde_json::to_string(&Reply::Failed(format!("the answer did not write: {e}")))
                .unwrap_or_default()
        });
        std::iter::once(first)
            .chain(pieces.iter().map(Piece::to_json))
            .collect()
    }

    fn compare(&mut self, ask: Ask, progress: &mut dyn FnMut(Progress)) -> Reply {
        let missing = ask
            .ids
            .iter()
            .filter(|id| !self.articles.contains_key(id))
            .count();
        if missing > 0 {
            return Reply::Failed(format!(
                "{missing} of the {} articles asked for were never sent to the worker",
                ask.ids.len()
            ));
        }
        let aliases = aliases_from(&ask.aliases);
        if aliases != self.aliases {
            self.aliases = aliases;
        }
        let events = match ask.events {
            Some(table) => NamedEvents::new(table),
            None => NamedEvents::built_in().clone(),
        };
        if !events.same(&self.events) {
            self.events = events;
        }
        let articles: Vec<&Article> = ask
            .ids
            .iter()
            .filter_map(|id| self.articles.get(id))
            .collect();
        let total = articles.len();
        self.cache.use_table(&self.events);
        for (i, a) in articles.iter().enumerate() {
            if i % REPORT_EVERY == 0 {
                progress(Progress {
                    phase: Phase::Reading,
                    done: i,
                    total,
                });
            }
            self.cache.prepare(a, &self.aliases, &self.stemmers);
        }
        let mut made = Comparison::build_reporting(
            &articles,
            &self.aliases,
            &self.stemmers,
            ask.parts,
            &mut self.cache,
            &mut |stage| {
                progress(Progress {
                    phase: Phase::Then(stage),
                    done: 0,
                    total,
                })
            },
        );
        if let Some((threshold, window)) = ask.groups {
            made.make_groups(threshold, window);
        }
        // What the views never read stays here: every name's every mention, and the pairs'
        // scores unless asked for.
        made.entities.mentions = Vec::new();
        if !ask.pairs {
            made.similarity = super::similarity::Similarity::unscored(made.similarity.articles);
        }
        Reply::Compared(Box::new(made))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    fn corpus() -> Corpus {
        let mut c = Corpus::new();
        let a = "Poetin bezoekt Minsk\n\nPoetin zei maandag in Minsk: \"Wij zijn bondgenoten en \
                 blijven dat voor altijd.\" Het bezoek duurde 28 uur en er kwamen 3.000 agenten.";
        let b = "Putin in Minsk\n\nPoetin sprak in Minsk. \"Wij zijn bondgenoten en blijven dat \
                 voor altijd,\" zei Poetin. Er waren 3.000 agenten op de been.";
        c.add_files(vec![
            ("a.txt".into(), Ok(a.as_bytes().to_vec())),
            ("b.txt".into(), Ok(b.as_bytes().to_vec())),
        ]);
        c
    }

    fn ask(c: &Corpus, parts: Parts) -> Ask {
        Ask {
            ids: c.articles().iter().map(|a| a.id).collect(),
            parts,
            aliases: aliases_of(c.aliases()),
            events: None,
            pairs: true,
            groups: None,
        }
    }

    #[test]
    fn a_comparison_made_in_the_worker_is_the_one_made_here() {
        let c = corpus();
        let mut worker = Comparer::new(Stemmers::default());
        let keep = Request::Keep(c.articles().to_vec());
        let kept = worker.handle_json(&serde_json::to_string(&keep).unwrap(), &mut |_| {});
        assert!(kept[0].contains("Kept"), "{kept:?}");
        assert_eq!(worker.len(), 2);
        let mut heard = Vec::new();
        let request = Request::Compare(ask(&c, Parts::ALL));
        let texts = worker.handle_json(&serde_json::to_string(&request).unwrap(), &mut |p| {
            heard.push(p)
        });
        let Ok(Reply::Compared(skeleton)) = Reply::from_json(&texts[0]) else {
            panic!("no comparison: {}", &texts[0][..texts[0].len().min(300)]);
        };
        let mut whole = Assembly::new(*skeleton);
        for t in &texts[1..] {
            whole.add(Piece::from_json(t).unwrap());
        }
        let made = whole.finish();
        let ids: Vec<ArticleId> = c.articles().iter().map(|a| a.id).collect();
        let mut here = c.compare_parts(&ids, Parts::ALL);
        // Every mention of every name stays in the worker.
        assert!(!here.entities.mentions.is_empty());
        here.entities.mentions.clear();
        assert_eq!(made, here);
        assert!(!made.quotes.clusters.is_empty());
        assert!(heard.iter().any(|p| p.phase == Phase::Reading));
        let stages: Vec<Phase> = heard
            .iter()
            .map(|p| p.phase)
            .filter(|p| *p != Phase::Reading)
            .collect();
        assert_eq!(
            stages,
            [Stage::Scoring, Stage::Quotes, Stage::Numbers, Stage::Words].map(Phase::Then)
        );
    }

    #[test]
    fn the_worker_works_out_the_story_groups_the_view_opens_on() {
        let c = corpus();
        let mut worker = Comparer::new(Stemmers::default());
        worker.handle(Request::Keep(c.articles().to_vec()), &mut |_| {});
        let mut a = ask(&c, Parts::SIMILARITY);
        a.groups = Some((0.05, 7));
        let Reply::Compared(made) = worker.handle(Request::Compare(a), &mut |_| {}) else {
            panic!("no comparison");
        };
        let ids: Vec<ArticleId> = c.articles().iter().map(|a| a.id).collect();
        let here = c.compare_parts(&ids, Parts::SIMILARITY);
        let m = made.groups_made.as_ref().expect("groups made");
        assert_eq!(m.groups, here.story_groups(0.05, 7));
        assert_eq!(
            m.groups.len(),
            1,
            "the two reports of the visit are one story"
        );
        // At another threshold they are worked out again.
        assert_eq!(made.story_groups(0.9, 7), here.story_groups(0.9, 7));
    }

    #[test]
    fn articles_never_sent_are_named_not_compared() {
        let c = corpus();
        let mut worker = Comparer::new(Stemmers::default());
        let reply = worker.handle(Request::Compare(ask(&c, Parts::SIMILARITY)), &mut |_| {});
        match reply {
            Reply::Failed(why) => assert!(why.contains("2 of the 2"), "{why}"),
            other => panic!("{other:?}"),
        }
        let bad = worker.handle_json("{\"Compare\": 3}", &mut |_| {});
        assert!(bad[0].contains("did not read"), "{bad:?}");
    }

    #[test]
    fn forgotten_articles_are_no_longer_kept() {
        let c = corpus();
        let mut worker = Comparer::new(Stemmers::default());
        worker.handle(Request::Keep(c.articles().to_vec()), &mut |_| {});
        let first = c.articles()[0].id;
        assert!(matches!(
            worker.handle(Request::Forget(vec![first]), &mut |_| {}),
            Reply::Kept(1)
        ));
    }

    #[test]
    fn the_alias_table_travels_whole() {
        let mut table = AliasTable::default();
        table.add_group(&["Sviatlana Tsikhanouskaya", "Svetlana Tichanovskaja"]);
        assert_eq!(aliases_from(&aliases_of(&table)), table);
    }
}
