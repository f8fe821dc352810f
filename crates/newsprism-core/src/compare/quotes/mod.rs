//! Direct quotations: found in every style Dutch and English news uses, attributed to a
//! speaker where the text says who, and clustered across sources with word-level differences.
//!
//! **Styles.** „…” and „…“, ,,…”, “…”, ‘…’, «…», straight "…" and '…', and a quotation after
//! a speaker's name and a colon (`Kemper: Belarus wil …`). An opening mark must not follow a
//! letter; a closing ’ or ' must be followed by something other than a letter, so the
//! apostrophes of "Loekasjenko’s", "scenario's" and "'s avonds" never open or close a quote.
//! Marks of another style inside a quotation are a nested quote and stay part of it.
//!
//! **Speakers**, in order of trust:
//! 1. after the quote: "…", aldus Peskov · "…", zei Kremlin-woordvoerder Dmitri Peskov ·
//!    "…", zegt correspondent Hartog · "…," Smith said;
//! 2. before it: Hartog: "…" · volgens Hartog "…";
//! 3. a pronoun ("voegde hij eraan toe", "volgens hem"): the speaker of the quotation just
//!    before, or the last person named; a description of a person ("the defender said:",
//!    "aldus de dictator"): the person named with that noun, the speaker just quoted, or the
//!    person the article is about (named most, the headline counting most); a description
//!    with an organisation ("an IAAF spokesman said") is the organisation; a thing ("the
//!    lawsuit said") is itself;
//! 4. a quotation with no speaker right after an attributed one in the same paragraph
//!    continues it;
//! 5. in a sentence with a verb of saying: a pronoun that says it after the quotation ("Mr
//!    Blair has "…" as when …, he said"), else the verb's subject (a description, or the name
//!    right before it: "BBC correspondent James Hardy said Mr Brown would draw "…""), else a
//!    name in the sentence ("Peskov deed de speculaties af als „…”", "Poetin zei dat hij ‘…’
//!    steunde");
//! 6. in a headline, the name right before the marks ("Brown 'proud of economy record'").
//!
//! A pronoun's referent is never a possessive ("Mr Blair's insistence") nor a name in what the
//! quotation's own sentence reports before it.
//!
//! A phrase under four words never continues a quotation, and the verb that attributed a
//! quotation before it in the same sentence is not its own. "volgens de commandant …, Sergej
//! Najev," finds the name in apposition; "zegt Michael Kemper, hoogleraar … aan de Universiteit
//! van Amsterdam" keeps the name, not the institution after the comma. A quotation with no
//! speaker that repeats words attributed elsewhere in the article (a headline, lead or pull
//! quote) takes that speaker ([`Attribution::Repeated`]).
//!
//! **Scare quotes.** A phrase in marks that nobody is said to have said ("de ‘dreiging’", wat
//! een “speciale militaire operatie” wordt genoemd, "the so-called …") is flagged
//! [`Quote::scare`]: shown and exported as a term, never as anyone's statement.
//!
//! "reageert iemand op Twitter" is an anonymous speaker: no name is guessed. Speakers are keyed
//! like entities, so "Dmitri Peskov" and "Peskov" (and the alias table's spellings) are one.
//!
//! **Clusters.** Two quotations are renderings of one statement when their content-word stems
//! overlap (Dice, or containment of the shorter), more easily when the speaker is the same and
//! hardly at all when the speakers differ. Each cluster's renderings are diffed word by word
//! against the rendering closest to all the others.

//!
//! Files: `text::quotes` finds the marked quotations, `lexicon.rs` holds the words of
//! attribution, `people.rs` finds who a pronoun stands for, `described.rs` who or what a
//! description stands for ("the defender", "an IAAF spokesman", "the lawsuit"), `speakers.rs`
//! attributes them, `colon.rs` finds the colon-led ones, `clusters.rs` groups renderings of one
//! statement, diffs them, and gives a repeated headline its speaker.

mod clusters;
mod colon;
mod described;
mod lexicon;
mod people;
mod speakers;
#[cfg(test)]
mod tests;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::names::NameContext;
use super::words::{Doc, Sentence};
use super::Passage;
use crate::export::{csv_row, CSV_EOL};
use crate::search::alias::AliasTable;
use crate::search::snippet::Span;
use crate::text::tokenize::tokenize;

pub use crate::text::quotes::{marked, Style};
pub use clusters::word_diff;

/// How the speaker was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// Named right after the quotation ("aldus Peskov").
    After,
    /// Named right before it ("Hartog: …", "volgens Hartog").
    Before,
    /// A pronoun or description resolved to the last speaker or person.
    Pronoun,
    /// Continues the attributed quotation before it in the paragraph.
    Continued,
    /// Repeats words the article quotes elsewhere with their speaker (a headline, a lead, a
    /// pull quote: "Ziet eigen land opgeslokt worden").
    Repeated,
    /// Named in the same sentence, which has a verb of saying.
    Sentence,
}

impl Attribution {
    /// Plain words for the UI.
    pub fn describe(self) -> &'static str {
        match self {
            Attribution::After => "named after the quote",
            Attribution::Before => "named before the quote",
            Attribution::Pronoun => "pronoun resolved",
            Attribution::Continued => "continues the previous quote",
            Attribution::Repeated => "repeats a quote attributed in the text",
            Attribution::Sentence => "named in the sentence",
        }
    }
}

/// Who said it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// Entity key (see [`NameContext::key`]).
    pub key: String,
    /// The name as written here.
    pub name: String,
    /// How it was found.
    pub how: Attribution,
}

/// One quotation in one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Where it is: the quoted words (without the marks) and the sentence around them.
    #[serde(flatten)]
    pub at: Passage,
    /// Its marks.
    pub style: Style,
    /// The speaker, when the text says.
    pub speaker: Option<Speaker>,
    /// Fewer than four words: a phrase quoted inside the reporter's sentence.
    pub fragment: bool,
    /// A scare quote or a term: a phrase in marks that nobody is said to have said ("de
    /// ‘dreiging’ vanuit Oekraïne", wat een “speciale militaire operatie” wordt genoemd).
    pub scare: bool,
}

/// One rendering in a cluster, with the words that differ from the reference marked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rendering {
    /// Index into [`QuoteReport::quotes`].
    pub quote: usize,
    /// The quotation in spans; `hit` marks words that differ from the reference.
    pub spans: Vec<Span>,
    /// Reference words this rendering leaves out.
    pub omitted: Vec<String>,
}

/// Renderings of one statement across articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    /// The speaker most renderings name.
    pub speaker: Option<String>,
    /// Index of the reference rendering in `renderings`.
    pub reference: usize,
    /// The renderings, in article order.
    pub renderings: Vec<Rendering>,
    /// How many parties quote it.
    pub parties: usize,
}

/// All quotations of the compared articles and their clusters.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteReport {
    /// Every quotation, in article and reading order.
    pub quotes: Vec<Quote>,
    /// Statements quoted by at least two articles, most widely quoted first.
    pub clusters: Vec<Cluster>,
    /// For each quote, its cluster.
    pub cluster_of: Vec<Option<usize>>,
    /// Speakers' fullest names by key, from the entities ("Peskov" → "Dmitri Peskov").
    pub full_names: std::collections::BTreeMap<String, String>,
}

impl QuoteReport {
    /// Finds, attributes and clusters the quotations of the documents.
    pub fn build(
        docs: &[Doc],
        party_of: &[usize],
        ctx: &NameContext,
        aliases: &AliasTable,
    ) -> QuoteReport {
        let mut quotes = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            let first = quotes.len();
            for (u, unit) in doc.units.iter().enumerate() {
                let sentences: Vec<&Sentence> =
                    doc.sentences.iter().filter(|s| s.unit == u).collect();
                let mut found: Vec<(Style, Range<usize>, Range<usize>)> = marked(unit.text);
                found.extend(colon::colon_quotes(doc, &sentences, &found, ctx));
                crate::sorting::sort_by_key(&mut found, |f| f.2.start);
                for (style, inner, outer) in found {
                    let Some(s) = sentences
                        .iter()
                        .find(|s| s.range.start <= outer.start && outer.start < s.range.end)
                        .or_else(|| sentences.last())
                    else {
                        continue;
                    };
                    let text = unit.text[inner.clone()].to_string();
                    let words = tokenize(&text);
                    // A quoted name ("persbureau ‘Interfax’") is a name, not a quotation.
                    if words.len() <= 3
                        && words.iter().all(|w| w.text.starts_with(char::is_uppercase))
                        && style != Style::Colon
                    {
                        continue;
                    }
                    // A quotation of several sentences is attributed after its last one.
                    let s_end = sentences
                        .iter()
                        .find(|t| t.range.start < outer.end && outer.end <= t.range.end)
                        .copied()
                        .unwrap_or(s);
                    // A scare quote is nobody's: the quotation before is the last statement.
                    let previous = quotes[first..].iter().rev().find(|q: &&Quote| !q.scare);
                    let fragment = words.len() < 4;
                    let speaker = speakers::Site {
                        doc,
                        s,
                        s_end,
                        outer: outer.clone(),
                        style,
                        previous,
                        unit: u,
                        ctx,
                        aliases,
                        fragment,
                    }
                    .attribute();
                    let sentence_end = s.range.end.max(outer.end).min(unit.text.len());
                    let sentence_start = s.range.start.min(outer.start);
                    let scare = fragment && speaker.is_none();
                    quotes.push(Quote {
                        at: Passage {
                            article: doc.id(),
                            doc: d,
                            party: party_of.get(d).copied().unwrap_or(0),
                            paragraph: unit.paragraph,
                            range: inner,
                            text,
                            sentence: unit.text[sentence_start..sentence_end].to_string(),
                        },
                        fragment,
                        scare,
                        style,
                        speaker,
                    });
                }
            }
            clusters::repeated(doc, &mut quotes[first..]);
        }
        let every_pair = quotes.len() <= clusters::EVERY_PAIR_UP_TO;
        let (clusters, cluster_of) = clusters::cluster(docs, &quotes, every_pair);
        QuoteReport {
            quotes,
            clusters,
            cluster_of,
            full_names: Default::default(),
        }
    }

    /// The clusters with every pair of quotations compared, however many there are (to measure
    /// what the index of their words misses with many); `docs` are those the report was built
    /// from. Each cluster as its quotations' positions, sorted.
    pub fn clusters_every_pair(&self, docs: &[Doc]) -> Vec<Vec<usize>> {
        let (clusters, _) = clusters::cluster(docs, &self.quotes, true);
        clusters
            .iter()
            .map(|c| {
                let mut q: Vec<usize> = c.renderings.iter().map(|r| r.quote).collect();
                q.sort_unstable();
                q
            })
            .collect()
    }

    /// The speakers quoted, with their quotation counts, most quoted first.
    pub fn speakers(&self) -> Vec<(String, String, usize)> {
        let mut out: Vec<(String, String, usize)> = Vec::new();
        // Each key's place in `out`: thousands of speakers in a whole corpus.
        let mut at: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
        for q in &self.quotes {
            if let Some(s) = &q.speaker {
                match at.get(s.key.as_str()) {
                    Some(&i) => out[i].2 += 1,
                    None => {
                        at.insert(&s.key, out.len());
                        out.push((
                            s.key.clone(),
                            self.full_names
                                .get(&s.key)
                                .cloned()
                                .unwrap_or_else(|| s.name.clone()),
                            1,
                        ));
                    }
                }
            }
        }
        crate::sorting::sort_by(&mut out, |a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));
        out
    }

    /// The display name of a speaker key: its full name, or as its first quotation names it.
    pub fn speaker_name(&self, key: &str) -> Option<String> {
        if let Some(n) = self.full_names.get(key) {
            return Some(n.clone());
        }
        self.quotes
            .iter()
            .filter_map(|q| q.speaker.as_ref())
            .find(|s| s.key == key)
            .map(|s| s.name.clone())
    }

    /// All quotations as CSV.
    pub fn to_csv(&self, party_labels: &[String], titles: &[String]) -> String {
        let mut out = csv_row(&[
            "article",
            "title",
            "source",
            "paragraph",
            "quote",
            "speaker",
            "attribution",
            "style",
            "fragment",
            "scare",
            "cluster",
            "sentence",
        ]);
        out.push_str(CSV_EOL);
        for (i, q) in self.quotes.iter().enumerate() {
            let speaker = q
                .speaker
                .as_ref()
                .map(|s| self.speaker_name(&s.key).unwrap_or_else(|| s.name.clone()))
                .unwrap_or_default();
            out.push_str(&csv_row(&[
                &q.at.article.to_string(),
                titles.get(q.at.doc).map_or("", String::as_str),
                party_labels.get(q.at.party).map_or("", String::as_str),
                &q.at.paragraph.map_or("title".into(), |p| p.to_string()),
                &q.at.text,
                &speaker,
                q.speaker.as_ref().map_or("", |s| s.how.describe()),
                q.style.marks(),
                if q.fragment { "yes" } else { "no" },
                if q.scare { "yes" } else { "no" },
                &self.cluster_of[i].map_or(String::new(), |c| (c + 1).to_string()),
                &q.at.sentence,
            ]));
            out.push_str(CSV_EOL);
        }
        out
    }

    /// All quotations and clusters as JSON.
    pub fn to_json(&self, party_labels: &[String], titles: &[String]) -> String {
        let quotes: Vec<serde_json::Value> = self
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| {
                serde_json::json!({
                    "article": q.at.article.to_string(),
                    "title": titles.get(q.at.doc),
                    "source": party_labels.get(q.at.party),
                    "paragraph": q.at.paragraph,
                    "quote": q.at.text,
                    "speaker": q.speaker.as_ref().map(|s| self.speaker_name(&s.key).unwrap_or_else(|| s.name.clone())),
                    "attribution": q.speaker.as_ref().map(|s| s.how),
                    "style": q.style.marks(),
                    "fragment": q.fragment,
                    "scare": q.scare,
                    "cluster": self.cluster_of[i].map(|c| c + 1),
                    "sentence": q.at.sentence,
                })
            })
            .collect();
        let clusters: Vec<serde_json::Value> = self
            .clusters
            .iter()
            .enumerate()
            .map(|(i, c)| {
                serde_json::json!({
                    "cluster": i + 1,
                    "speaker": c.speaker,
                    "renderings": c.renderings.iter().map(|r| serde_json::json!({
                        "article": self.quotes[r.quote].at.article.to_string(),
                        "source": party_labels.get(self.quotes[r.quote].at.party),
                        "quote": self.quotes[r.quote].at.text,
                        "differs": r.spans.iter().filter(|s| s.hit).map(|s| s.text.clone()).collect::<Vec<_>>(),
                        "omitted": r.omitted,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        serde_json::to_string_pretty(&serde_json::json!({"quotes": quotes, "clusters": clusters}))
            .unwrap_or_default()
    }
}
