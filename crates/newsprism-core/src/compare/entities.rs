//! Named entities: people, places and organisations, who mentions them and who is quoted.
//!
//! Names are runs of capitalised words ("Aleksandr Loekasjenko", "Institute for the Study of
//! War", with the particles "van", "de", "for", "the" inside). A capitalised word that opens a
//! sentence or a quotation counts only when the same word is also written with a capital
//! mid-sentence somewhere in the compared texts, or is in the alias table: "Maandag" and
//! "Deskundigen" are not names. Months, weekdays and nationality adjectives ("Russische",
//! "Oekraïense") are never names.
//!
//! One entity, one key: an alias-table name is keyed by its group ("Belarus" = "Wit-Rusland");
//! a two- or three-word personal name by its last word, so that "Eva Hartog", "correspondent
//! Hartog" and "Hartog" are one person. The kind comes from the evidence around the name:
//! a title before it ("woordvoerder", "hoogleraar", "analist", "president"…) or a quotation it
//! speaks makes a person; an organisation word ("persbureau", "denktank", "Institute",
//! "Universiteit") or an acronym an organisation; a preposition of place ("in", "naar", "uit")
//! or the built-in place list a place.
//!
//! Who is a name, and of what kind, is decided in [`super::names`]; this module counts who
//! mentions each entity and who is quoted.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::names::{EntityKind, Evidence, NameContext};
use super::quotes::QuoteReport;
use super::words::Doc;
use crate::export::{csv_row, CSV_EOL};
use crate::search::alias::AliasTable;

/// One entity across the compared articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Its key.
    pub key: String,
    /// The fullest form written.
    pub name: String,
    /// Its kind.
    pub kind: EntityKind,
    /// Every form written.
    pub forms: Vec<String>,
    /// Mentions per party.
    pub mentions: Tally,
    /// Quotations attributed to it, per party.
    pub quoted: Tally,
    /// Mentions per article (in comparison order).
    pub per_article: Tally,
}

impl Entity {
    /// How many parties mention it.
    pub fn party_count(&self) -> usize {
        self.mentions.len()
    }

    /// All mentions.
    pub fn total(&self) -> u32 {
        self.mentions.total()
    }
}

/// Counts by position (of a party, or of an article), only those above zero kept, in order of
/// position: in a comparison of thousands of articles most entities are named in one or two,
/// and a count for every position would take gigabytes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally(Vec<(u32, u32)>);

impl Tally {
    /// The count at a position (0 where there is none).
    pub fn get(&self, at: usize) -> u32 {
        match self.0.binary_search_by_key(&(at as u32), |&(p, _)| p) {
            Ok(i) => self.0[i].1,
            Err(_) => 0,
        }
    }

    /// Adds one at a position.
    pub fn add(&mut self, at: usize) {
        let at = at as u32;
        match self.0.binary_search_by_key(&at, |&(p, _)| p) {
            Ok(i) => self.0[i].1 += 1,
            Err(i) => self.0.insert(i, (at, 1)),
        }
    }

    /// How many positions have a count above zero.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether every count is zero.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The sum of the counts.
    pub fn total(&self) -> u32 {
        self.0.iter().map(|&(_, n)| n).sum()
    }

    /// The positions with a count above zero and their counts, in order of position.
    pub fn iter(&self) -> impl Iterator<Item = (usize, u32)> + '_ {
        self.0.iter().map(|&(p, n)| (p as usize, n))
    }
}

/// The entities of the compared articles, most widely mentioned first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EntityReport {
    /// The entities.
    pub entities: Vec<Entity>,
    /// Every mention, in article and reading order.
    pub mentions: Vec<NameMention>,
}

/// One mention of an entity in one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NameMention {
    /// The article's position among the compared articles.
    pub doc: usize,
    /// The paragraph (`None`: the headline).
    pub paragraph: Option<usize>,
    /// Byte range of the name in the paragraph (or headline).
    pub range: std::ops::Range<usize>,
    /// The name as written.
    pub text: String,
    /// The entity's key (see [`Entity::key`]).
    pub key: String,
}

#[derive(Default)]
struct Acc {
    forms: Vec<String>,
    votes: FxHashMap<EntityKind, u32>,
    mentions: Tally,
    per_article: Tally,
    multiword: bool,
}

impl EntityReport {
    /// Finds the entities; `party_of[i]` is the party of `docs[i]`.
    pub fn build(
        docs: &[Doc],
        party_of: &[usize],
        quotes: &QuoteReport,
        ctx: &NameContext,
        aliases: &AliasTable,
    ) -> EntityReport {
        let (mut acc, order, mentions) = gather(docs, party_of, ctx, aliases);
        let mut entities: Vec<Entity> = order
            .into_iter()
            .filter_map(|key| {
                let a = acc.remove(&key)?;
                let mut quoted = Tally::default();
                for q in &quotes.quotes {
                    if q.speaker.as_ref().is_some_and(|s| s.key == key) {
                        quoted.add(q.at.party);
                    }
                }
                let name = a
                    .forms
                    .iter()
                    .max_by_key(|f| (f.split_whitespace().count(), f.len()))
                    .cloned()
                    .unwrap_or_default();
                let evidence = Evidence {
                    votes: &a.votes,
                    quoted: !quoted.is_empty(),
                    multiword: a.multiword,
                };
                let kind = ctx.kind_of(&name, &key, &evidence, aliases);
                Some(Entity {
                    key,
                    name,
                    kind,
                    forms: a.forms,
                    mentions: a.mentions,
                    quoted,
                    per_article: a.per_article,
                })
            })
            .collect();
        crate::sorting::sort_by(&mut entities, |a, b| {
            b.party_count()
                .cmp(&a.party_count())
                .then(b.total().cmp(&a.total()))
                .then(a.name.cmp(&b.name))
        });
        EntityReport { entities, mentions }
    }

    /// The entity matrix as CSV: one row per entity, mentions and quotations per party.
    pub fn to_csv(&self, party_labels: &[String]) -> String {
        let mut head = vec!["entity".to_string(), "kind".into(), "forms".into()];
        for p in party_labels {
            head.push(format!("{p}: mentions"));
            head.push(format!("{p}: quoted"));
        }
        let refs: Vec<&str> = head.iter().map(String::as_str).collect();
        let mut out = csv_row(&refs);
        out.push_str(CSV_EOL);
        for e in &self.entities {
            let mut row = vec![e.name.clone(), e.kind.name().into(), e.forms.join(" | ")];
            for p in 0..party_labels.len() {
                row.push(e.mentions.get(p).to_string());
                row.push(e.quoted.get(p).to_string());
            }
            let refs: Vec<&str> = row.iter().map(String::as_str).collect();
            out.push_str(&csv_row(&refs));
            out.push_str(CSV_EOL);
        }
        out
    }

    /// The entity matrix as JSON.
    pub fn to_json(&self, party_labels: &[String]) -> String {
        let rows: Vec<serde_json::Value> = self
            .entities
            .iter()
            .map(|e| {
                let by: Vec<serde_json::Value> = party_labels
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        serde_json::json!({"source": p, "mentions": e.mentions.get(i), "quoted": e.quoted.get(i)})
                    })
                    .collect();
                serde_json::json!({"entity": e.name, "kind": e.kind.name(), "forms": e.forms, "sources": by})
            })
            .collect();
        serde_json::to_string_pretty(&rows).unwrap_or_default()
    }
}

/// Every name in the documents: what is counted per entity (by key, in the order first seen)
/// and each mention where it stands.
fn gather(
    docs: &[Doc],
    party_of: &[usize],
    ctx: &NameContext,
    aliases: &AliasTable,
) -> (FxHashMap<String, Acc>, Vec<String>, Vec<NameMention>) {
    let mut acc: FxHashMap<String, Acc> = FxHashMap::default();
    let mut order: Vec<String> = Vec::new();
    let mut mentions = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for s in doc.sentences.iter() {
            for n in ctx.names(doc, s) {
                let key = ctx.key(&n.text, aliases);
                mentions.push(NameMention {
                    doc: d,
                    paragraph: doc.units.get(s.unit).and_then(|u| u.paragraph),
                    range: n.range.clone(),
                    text: n.text.clone(),
                    key: key.clone(),
                });
                let e = acc.entry(key.clone()).or_insert_with(|| {
                    order.push(key.clone());
                    Acc::default()
                });
                if !e.forms.contains(&n.text) {
                    e.forms.push(n.text.clone());
                }
                if let Some(h) = n.hint {
                    *e.votes.entry(h).or_default() += 1;
                }
                e.multiword |= n.text.contains(' ') && !n.text.contains(" van ");
                e.mentions.add(party_of[d]);
                e.per_article.add(d);
            }
        }
    }
    (acc, order, mentions)
}
