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
//! 3. a pronoun or description ("voegde hij eraan toe", "aldus de dictator", "volgens hem"):
//!    the speaker of the quotation just before, or the last person named;
//! 4. a quotation with no speaker right after an attributed one in the same paragraph
//!    continues it;
//! 5. a name in the same sentence, when the sentence has a verb of saying ("Peskov deed de
//!    speculaties af als „…”", "Poetin zei dat hij ‘…’ steunde").
//!
//! "reageert iemand op Twitter" is an anonymous speaker: no name is guessed. Speakers are keyed
//! like entities, so "Dmitri Peskov" and "Peskov" (and the alias table's spellings) are one.
//!
//! **Clusters.** Two quotations are renderings of one statement when their content-word stems
//! overlap (Dice, or containment of the shorter), more easily when the speaker is the same and
//! hardly at all when the speakers differ. Each cluster's renderings are diffed word by word
//! against the rendering closest to all the others.

use std::ops::Range;

use rustc_hash::FxHashSet;
use serde::Serialize;

use super::names::{is_person_title, NameContext};
use super::words::{Doc, Sentence};
use crate::article::ArticleId;
use crate::export::{csv_row, CSV_EOL};
use crate::search::alias::AliasTable;
use crate::search::snippet::Span;
use crate::text::fold::fold;
use crate::text::tokenize::{term_key, tokenize};

/// Verbs (and "aldus", "volgens") that introduce or close a quotation.
const SPEECH: &[&str] = &[
    "aldus",
    "zei",
    "zegt",
    "zeggen",
    "zeiden",
    "zeggt",
    "stelt",
    "stelde",
    "stellen",
    "verklaarde",
    "verklaart",
    "sneerde",
    "reageert",
    "reageerde",
    "schreef",
    "schrijft",
    "meldde",
    "meldt",
    "benadrukte",
    "benadrukt",
    "vertelde",
    "vertelt",
    "voegde",
    "voegt",
    "waarschuwde",
    "waarschuwt",
    "antwoordde",
    "antwoordt",
    "noemde",
    "noemt",
    "verwierp",
    "ontkende",
    "ontkent",
    "riep",
    "twitterde",
    "tweette",
    "vroeg",
    "vraagt",
    "legde",
    "legt",
    "beweerde",
    "beweert",
    "concludeerde",
    "erkende",
    "erkent",
    "zo",
    "af",
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "warned",
    "warns",
    "wrote",
    "writes",
    "explained",
    "stated",
    "asked",
    "asks",
    "replied",
    "insisted",
    "argued",
    "argues",
    "claimed",
    "claims",
    "called",
    "described",
    "tweeted",
    "according",
    "declared",
    "noted",
    "notes",
    "admitted",
    "denied",
    "suggested",
    "suggests",
    "believes",
    "thinks",
    "denkt",
    "vindt",
    "vond",
];

/// Words that stand for a speaker named earlier.
const PRONOUNS: &[&str] = &[
    "hij", "zij", "ze", "hem", "haar", "diens", "he", "she", "him", "her", "they", "zij",
];

/// Words that leave the speaker unnamed on purpose.
const INDEFINITE: &[&str] = &[
    "iemand", "men", "velen", "sommigen", "someone", "somebody", "one", "many", "others",
];

/// The punctuation style of a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Style {
    /// „…” or „…“
    LowHigh,
    /// ,,…”
    DoubleComma,
    /// “…”
    Curly,
    /// ‘…’
    CurlySingle,
    /// «…»
    Guillemets,
    /// "…"
    Straight,
    /// '…'
    StraightSingle,
    /// Name: …
    Colon,
}

impl Style {
    /// The marks, for display.
    pub fn marks(self) -> &'static str {
        match self {
            Style::LowHigh => "„…”",
            Style::DoubleComma => ",,…”",
            Style::Curly => "“…”",
            Style::CurlySingle => "‘…’",
            Style::Guillemets => "«…»",
            Style::Straight => "\"…\"",
            Style::StraightSingle => "'…'",
            Style::Colon => "name: …",
        }
    }
}

/// How the speaker was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
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
            Attribution::Sentence => "named in the sentence",
        }
    }
}

/// Who said it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Speaker {
    /// Entity key (see [`NameContext::key`]).
    pub key: String,
    /// The name as written here.
    pub name: String,
    /// How it was found.
    pub how: Attribution,
}

/// One quotation in one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// The article.
    pub article: ArticleId,
    /// Its position among the compared articles.
    pub doc: usize,
    /// Its party.
    pub party: usize,
    /// The paragraph (`None`: the headline).
    pub paragraph: Option<usize>,
    /// Byte range of the quoted words (without the marks) in the paragraph.
    pub range: Range<usize>,
    /// The quoted words.
    pub text: String,
    /// The sentence around it.
    pub sentence: String,
    /// Its marks.
    pub style: Style,
    /// The speaker, when the text says.
    pub speaker: Option<Speaker>,
    /// Fewer than four words: a phrase quoted inside the reporter's sentence.
    pub fragment: bool,
}

/// One rendering in a cluster, with the words that differ from the reference marked.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rendering {
    /// Index into [`QuoteReport::quotes`].
    pub quote: usize,
    /// The quotation in spans; `hit` marks words that differ from the reference.
    pub spans: Vec<Span>,
    /// Reference words this rendering leaves out.
    pub omitted: Vec<String>,
}

/// Renderings of one statement across articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
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

fn family(open: char, next: Option<char>) -> Option<(Style, &'static [char])> {
    Some(match open {
        '„' => (Style::LowHigh, &['”', '“', '"']),
        ',' if next == Some(',') => (Style::DoubleComma, &['”', '“', '"', '\'']),
        '“' => (Style::Curly, &['”', '"']),
        '‘' => (Style::CurlySingle, &['’']),
        '«' => (Style::Guillemets, &['»']),
        '"' => (Style::Straight, &['"', '”']),
        '\'' => (Style::StraightSingle, &['\'', '’']),
        _ => return None,
    })
}

/// Quotations marked by quotation marks in a stretch of text: (style, inner range, outer range).
pub fn marked(text: &str) -> Vec<(Style, Range<usize>, Range<usize>)> {
    let cs: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| cs.get(k).map(|c| c.1);
    let mut out = Vec::new();
    let mut k = 0;
    while k < cs.len() {
        let (pos, c) = cs[k];
        let prev = k.checked_sub(1).and_then(at);
        let Some((style, closers)) = family(c, at(k + 1)) else {
            k += 1;
            continue;
        };
        let open_len = if style == Style::DoubleComma { 2 } else { 1 };
        let after = at(k + open_len);
        let single = matches!(style, Style::CurlySingle | Style::StraightSingle);
        let ok_open = !prev.is_some_and(char::is_alphanumeric)
            && after.is_some_and(|a| !a.is_whitespace())
            // "'s avonds", "'t", "'n": apostrophe words, not quotes.
            && !(single && apostrophe_word(&cs, k + 1));
        if !ok_open {
            k += open_len;
            continue;
        }
        let mut m = k + open_len;
        let mut found = None;
        while m < cs.len() {
            let (_, d) = cs[m];
            if d == '\n' && at(m + 1) == Some('\n') {
                break;
            }
            if closers.contains(&d) {
                let before = at(m - 1);
                let next = at(m + 1);
                let boundary = !next.is_some_and(char::is_alphanumeric);
                let glued = !before.is_some_and(char::is_whitespace);
                // A straight quote that could open a nested quote is not a closer.
                if boundary && glued && m > k + open_len {
                    found = Some(m);
                    break;
                }
            }
            m += 1;
        }
        match found {
            Some(m) => {
                let inner = cs[k + open_len].0..cs[m].0;
                let end = cs[m].0 + cs[m].1.len_utf8();
                let words = tokenize(&text[inner.clone()]);
                if !words.is_empty() {
                    out.push((style, trim(text, inner), pos..end));
                }
                k = m + 1;
            }
            None => k += open_len,
        }
    }
    out
}

fn apostrophe_word(cs: &[(usize, char)], k: usize) -> bool {
    let word: String = cs[k..]
        .iter()
        .map(|c| c.1)
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let w = word.to_lowercase();
    matches!(
        w.as_str(),
        "s" | "t" | "n" | "k" | "m" | "r" | "em" | "tis" | "twas"
    ) || (w.len() == 2 && w.chars().all(|c| c.is_ascii_digit()))
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let tail = s.len() - s.trim_end().len();
    r.start + lead..r.end - tail
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
                found.extend(colon_quotes(doc, &sentences, &found, ctx));
                found.sort_by_key(|f| f.2.start);
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
                    let previous = quotes[first..].last();
                    let speaker =
                        attribute(doc, (s, s_end), &outer, style, previous, u, ctx, aliases);
                    let sentence_end = s.range.end.max(outer.end).min(unit.text.len());
                    let sentence_start = s.range.start.min(outer.start);
                    quotes.push(Quote {
                        article: doc.id(),
                        doc: d,
                        party: party_of.get(d).copied().unwrap_or(0),
                        paragraph: unit.paragraph,
                        range: inner,
                        fragment: words.len() < 4,
                        text,
                        sentence: unit.text[sentence_start..sentence_end].to_string(),
                        style,
                        speaker,
                    });
                }
            }
        }
        let (clusters, cluster_of) = cluster(docs, &quotes);
        QuoteReport {
            quotes,
            clusters,
            cluster_of,
            full_names: Default::default(),
        }
    }

    /// The speakers quoted, with their quotation counts, most quoted first.
    pub fn speakers(&self) -> Vec<(String, String, usize)> {
        let mut out: Vec<(String, String, usize)> = Vec::new();
        for q in &self.quotes {
            if let Some(s) = &q.speaker {
                match out.iter_mut().find(|(k, _, _)| *k == s.key) {
                    Some(e) => e.2 += 1,
                    None => out.push((
                        s.key.clone(),
                        self.full_names
                            .get(&s.key)
                            .cloned()
                            .unwrap_or_else(|| s.name.clone()),
                        1,
                    )),
                }
            }
        }
        out.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));
        out
    }

    /// The display name of a speaker key (its longest written form).
    pub fn speaker_name(&self, key: &str) -> Option<String> {
        if let Some(n) = self.full_names.get(key) {
            return Some(n.clone());
        }
        self.speakers()
            .into_iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, n, _)| n)
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
                &q.article.to_string(),
                titles.get(q.doc).map_or("", String::as_str),
                party_labels.get(q.party).map_or("", String::as_str),
                &q.paragraph.map_or("title".into(), |p| p.to_string()),
                &q.text,
                &speaker,
                q.speaker.as_ref().map_or("", |s| s.how.describe()),
                q.style.marks(),
                if q.fragment { "yes" } else { "no" },
                &self.cluster_of[i].map_or(String::new(), |c| (c + 1).to_string()),
                &q.sentence,
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
                    "article": q.article.to_string(),
                    "title": titles.get(q.doc),
                    "source": party_labels.get(q.party),
                    "paragraph": q.paragraph,
                    "quote": q.text,
                    "speaker": q.speaker.as_ref().map(|s| self.speaker_name(&s.key).unwrap_or_else(|| s.name.clone())),
                    "attribution": q.speaker.as_ref().map(|s| s.how),
                    "style": q.style.marks(),
                    "fragment": q.fragment,
                    "cluster": self.cluster_of[i].map(|c| c + 1),
                    "sentence": q.sentence,
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
                        "article": self.quotes[r.quote].article.to_string(),
                        "source": party_labels.get(self.quotes[r.quote].party),
                        "quote": self.quotes[r.quote].text,
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

/// "Kemper: Belarus wil …": a name (with an optional title) opening a sentence, a colon, then
/// words that are not in quotation marks.
fn colon_quotes(
    doc: &Doc,
    sentences: &[&Sentence],
    marked: &[(Style, Range<usize>, Range<usize>)],
    ctx: &NameContext,
) -> Vec<(Style, Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    for s in sentences {
        let text = doc.units[s.unit].text;
        let sent = &text[s.range.clone()];
        let Some(colon) = sent.find(':') else {
            continue;
        };
        let head = &sent[..colon];
        if head.split_whitespace().count() > 5 || head.is_empty() {
            continue;
        }
        let colon_at = s.range.start + colon;
        let rest_start = colon_at + 1;
        let rest = &text[rest_start..s.range.end];
        let trimmed = rest.trim_start();
        if trimmed.is_empty() || trimmed.starts_with(['„', '“', '"', '‘', '\'', '«']) {
            continue;
        }
        if marked
            .iter()
            .any(|m| m.2.start < s.range.end && m.2.end > colon_at)
        {
            continue;
        }
        // The head must be a name, possibly after a title: "Hartog", "analist Schraibman".
        let head_words = s.words.iter().filter(|w| w.range.end <= colon_at).count();
        if colon_head(doc, s, head_words, ctx).is_none() || tokenize(trimmed).len() < 3 {
            continue;
        }
        let inner = trim(text, rest_start..s.range.end);
        out.push((Style::Colon, inner.clone(), s.range.start..inner.end));
    }
    out
}

/// The speaker named before a colon that ends at word `head_words`: "Kemper", "correspondent
/// Hartog", "De analist Schraibman". The colon itself is evidence of a name, so a capitalised
/// word counts here even where it only ever opens sentences.
fn colon_head(doc: &Doc, s: &Sentence, head_words: usize, ctx: &NameContext) -> Option<String> {
    if head_words == 0 || head_words > 5 {
        return None;
    }
    let text = doc.units[s.unit].text;
    let names = ctx.names(doc, s);
    if let Some(n) = names.iter().find(|n| n.words.end == head_words) {
        let titled = s.words[..n.words.start]
            .iter()
            .all(|w| is_person_title(&w.key) || matches!(w.key.as_str(), "de" | "het" | "the"));
        return titled.then(|| n.text.clone());
    }
    // Capitalised words back from the colon, after optional titles.
    let mut start = head_words;
    while start > 0
        && s.words[start - 1].capital
        && !super::names::is_name_adjective(&s.words[start - 1].key)
        && !is_person_title(&s.words[start - 1].key)
    {
        start -= 1;
    }
    if start == head_words || head_words - start > 3 {
        return None;
    }
    let titled = s.words[..start]
        .iter()
        .all(|w| is_person_title(&w.key) || matches!(w.key.as_str(), "de" | "het" | "the"));
    let single_common =
        head_words - start == 1 && crate::text::stopwords::is_stopword(&s.words[start].key);
    (titled && !single_common)
        .then(|| text[s.words[start].range.start..s.words[head_words - 1].range.end].to_string())
}

/// A name at or after word `i` of a sentence, past titles and determiners.
fn name_from(doc: &Doc, s: &Sentence, from: usize, ctx: &NameContext) -> Option<String> {
    let names = ctx.names(doc, s);
    let mut k = from;
    while k < s.words.len() && k < from + 6 {
        let w = &s.words[k];
        if let Some(n) = names.iter().find(|n| n.words.start == k) {
            // "Kremlin-woordvoerder": a compound title's head, not the speaker.
            // "Kremlin spokesman Dmitry Peskov" too: the organisation names the title.
            let compound_title = s
                .words
                .get(n.words.end)
                .is_some_and(|t| is_person_title(&t.key));
            if !compound_title {
                return Some(n.text.clone());
            }
            k = n.words.end;
            continue;
        }
        let skippable = is_person_title(&w.key)
            || matches!(w.key.as_str(), "de" | "het" | "the" | "een" | "a" | "an")
            || super::names::is_name_adjective(&w.key)
            || (w.joined && s.words.get(k + 1).is_some_and(|t| is_person_title(&t.key)));
        if !skippable {
            return None;
        }
        k += 1;
    }
    None
}

#[allow(clippy::too_many_arguments)]
fn attribute(
    doc: &Doc,
    (s, s_end): (&Sentence, &Sentence),
    outer: &Range<usize>,
    style: Style,
    previous: Option<&Quote>,
    unit: usize,
    ctx: &NameContext,
    aliases: &AliasTable,
) -> Option<Speaker> {
    let make = |name: String, how| {
        Some(Speaker {
            key: ctx.key(&name, aliases),
            name,
            how,
        })
    };
    let text = doc.units[s.unit].text;
    let before: Vec<usize> = (0..s.words.len())
        .filter(|&i| s.words[i].range.end <= outer.start)
        .collect();
    // Both uses check first that the previous quote is in the same paragraph.
    let previous_speaker = || previous.and_then(|p| p.speaker.clone());
    let resolve_pronoun = |how| -> Option<Speaker> {
        if let Some(p) = previous.and_then(|p| p.speaker.clone()) {
            return Some(Speaker { how, ..p });
        }
        last_person_before(doc, s, outer.start, ctx, aliases).and_then(|n| make(n, how))
    };

    // 1. After: ", aldus Peskov", ", zei hij", ", Smith said".
    if let Some(a) = s_end.words.iter().position(|w| w.range.start >= outer.end) {
        let s = s_end;
        let gap = text.get(outer.end..s.words[a].range.start).unwrap_or("");
        if gap
            .trim()
            .chars()
            .all(|c| matches!(c, ',' | '–' | '—' | '-' | ' '))
            && style != Style::Colon
        {
            let w = &s.words[a];
            if SPEECH.contains(&w.key.as_str()) || w.key == "volgens" {
                if let Some(n) = name_from(doc, s, a + 1, ctx) {
                    return make(n, Attribution::After);
                }
                let next = s.words.get(a + 1).map(|w| w.key.as_str());
                let next2 = s.words.get(a + 2).map(|w| w.key.as_str());
                if next.is_some_and(|n| INDEFINITE.contains(&n)) {
                    return None;
                }
                if next.is_some_and(|n| PRONOUNS.contains(&n))
                    || (matches!(next, Some("de" | "het" | "the"))
                        && next2.is_some_and(is_person_title))
                {
                    return resolve_pronoun(Attribution::Pronoun);
                }
            }
            // ", Smith said" / "Kremlin spokesman Dmitry Peskov said" / "Peskov zei".
            if let Some(n) = name_from(doc, s, a, ctx) {
                let last = n.split_whitespace().last().unwrap_or("");
                let end = (a..s.words.len())
                    .find(|&k| doc.word_text(s, &s.words[k]) == last)
                    .map_or(a, |k| k + 1);
                if s.words
                    .get(end)
                    .is_some_and(|v| SPEECH.contains(&v.key.as_str()))
                {
                    return make(n, Attribution::After);
                }
            }
        }
    }
    // 2. Before: "Hartog: …", "zegt Hartog: …", "volgens Hartog …".
    if style == Style::Colon {
        let colon = text[outer.start..]
            .find(':')
            .map_or(outer.start, |c| outer.start + c);
        let head = s.words.iter().filter(|w| w.range.end <= colon).count();
        if let Some(n) = colon_head(doc, s, head, ctx) {
            return make(n, Attribution::Before);
        }
    }
    // A quote can open before its sentence's first word is read (odd punctuation): no prefix.
    let prefix = text.get(s.range.start..outer.start).unwrap_or("");
    if prefix.trim_end().ends_with(':') && !before.is_empty() {
        if let Some(n) = colon_head(doc, s, before.len(), ctx) {
            return make(n, Attribution::Before);
        }
        // "zegt Hartog: …", "Peskov zei: …".
        if let Some(n) = before.iter().find_map(|&k| name_from(doc, s, k, ctx)) {
            if before
                .iter()
                .any(|&k| SPEECH.contains(&s.words[k].key.as_str()))
            {
                return make(n, Attribution::Before);
            }
        }
        if before.len() <= 3
            && before
                .iter()
                .any(|&k| PRONOUNS.contains(&s.words[k].key.as_str()))
        {
            return resolve_pronoun(Attribution::Pronoun);
        }
        // "Om vervolgens … te ontkrachten: „…”": the reporter's lead-in to more of the
        // same speaker's words.
        if previous.is_some_and(|p| p.paragraph == doc.units[unit].paragraph) {
            if let Some(sp) = previous_speaker() {
                return Some(Speaker {
                    how: Attribution::Continued,
                    ..sp
                });
            }
        }
    }
    if let Some(v) = before
        .iter()
        .rev()
        .find(|&&k| s.words[k].key == "volgens" || s.words[k].key == "according")
    {
        let from = if s.words[*v].key == "according" {
            v + 2
        } else {
            v + 1
        };
        if let Some(n) = name_from(doc, s, from, ctx) {
            return make(n, Attribution::Before);
        }
        if s.words
            .get(from)
            .is_some_and(|w| PRONOUNS.contains(&w.key.as_str()))
        {
            return resolve_pronoun(Attribution::Pronoun);
        }
    }
    // 4. Continues the quote before it in the same paragraph.
    let has_speech = s.words.iter().any(|w| {
        (w.range.end <= outer.start || w.range.start >= outer.end)
            && SPEECH.contains(&w.key.as_str())
    });
    let opens_sentence = before.is_empty();
    if let Some(p) = previous {
        let same_unit = p.paragraph == doc.units[unit].paragraph;
        if same_unit && !has_speech && opens_sentence {
            if let Some(sp) = previous_speaker() {
                return Some(Speaker {
                    how: Attribution::Continued,
                    ..sp
                });
            }
        }
    }
    // 5. A name in the sentence, which has a verb of saying.
    if has_speech {
        for k in 0..s.words.len() {
            if s.words[k].range.start >= outer.start && s.words[k].range.end <= outer.end {
                continue;
            }
            if let Some(n) = name_from(doc, s, k, ctx) {
                if !is_place_like(&n) {
                    return make(n, Attribution::Sentence);
                }
            }
        }
        if before
            .iter()
            .any(|&k| PRONOUNS.contains(&s.words[k].key.as_str()))
        {
            return resolve_pronoun(Attribution::Pronoun);
        }
    }
    if before
        .first()
        .is_some_and(|&k| PRONOUNS.contains(&s.words[k].key.as_str()))
    {
        return resolve_pronoun(Attribution::Pronoun);
    }
    None
}

fn is_place_like(name: &str) -> bool {
    let f = fold(name);
    matches!(
        f.as_str(),
        "rusland" | "russia" | "oekraine" | "ukraine" | "wit-rusland" | "belarus" | "europa"
    )
}

/// The last personal name written before byte `before` in this sentence or the two units
/// before it.
fn last_person_before(
    doc: &Doc,
    s: &Sentence,
    before: usize,
    ctx: &NameContext,
    aliases: &AliasTable,
) -> Option<String> {
    let mut best = None;
    for t in doc
        .sentences
        .iter()
        .filter(|t| t.unit + 2 >= s.unit && t.unit <= s.unit)
    {
        for n in ctx.names(doc, t) {
            let earlier = t.unit < s.unit || n.range.end <= before;
            let last = n.text.split_whitespace().last().unwrap_or("");
            let person = ctx.is_surname(&crate::search::alias::name_key(last))
                || ctx.is_surname(&ctx.key(&n.text, aliases));
            if earlier && person {
                best = Some(n.text);
            }
        }
    }
    best
}

fn stems_of(doc: &Doc, q: &Quote) -> FxHashSet<String> {
    doc.sentences
        .iter()
        .filter(|s| doc.units[s.unit].paragraph == q.paragraph)
        .flat_map(|s| &s.words)
        .filter(|w| w.content && w.range.start >= q.range.start && w.range.end <= q.range.end)
        .map(|w| w.stem.clone())
        .collect()
}

fn similarity(a: &FxHashSet<String>, b: &FxHashSet<String>) -> (f32, usize) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0);
    }
    let common = a.intersection(b).count();
    let dice = 2.0 * common as f32 / (a.len() + b.len()) as f32;
    let small = a.len().min(b.len());
    let containment = common as f32 / small as f32;
    let score = if small >= 3 {
        dice.max(0.9 * containment)
    } else {
        dice
    };
    (score, common)
}

fn cluster(docs: &[Doc], quotes: &[Quote]) -> (Vec<Cluster>, Vec<Option<usize>>) {
    let stems: Vec<FxHashSet<String>> = quotes.iter().map(|q| stems_of(&docs[q.doc], q)).collect();
    let n = quotes.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        let mut y = x;
        while p[y] != r {
            let next = p[y];
            p[y] = r;
            y = next;
        }
        r
    }
    let mut scores = vec![vec![0.0f32; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            if quotes[i].doc == quotes[j].doc {
                continue;
            }
            let (score, common) = similarity(&stems[i], &stems[j]);
            scores[i][j] = score;
            scores[j][i] = score;
            let same = match (&quotes[i].speaker, &quotes[j].speaker) {
                (Some(a), Some(b)) => Some(a.key == b.key),
                _ => None,
            };
            let small = stems[i].len().min(stems[j].len());
            let joined = match same {
                Some(true) => {
                    (common >= 2 && score >= 0.35) || (common >= 1 && small == common && small <= 2)
                }
                Some(false) => common >= 3 && score >= 0.75,
                None => common >= 2 && score >= 0.45,
            };
            if joined {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut root_of: Vec<usize> = Vec::with_capacity(n);
    for i in 0..n {
        root_of.push(find(&mut parent, i));
    }
    for i in 0..n {
        if let Some(g) = groups.iter_mut().find(|g| root_of[g[0]] == root_of[i]) {
            g.push(i);
        } else {
            groups.push(vec![i]);
        }
    }
    let mut clusters: Vec<Cluster> = groups
        .into_iter()
        .filter(|g| {
            let docs: FxHashSet<usize> = g.iter().map(|&q| quotes[q].doc).collect();
            docs.len() >= 2
        })
        .map(|g| {
            let reference = (0..g.len())
                .max_by(|&a, &b| {
                    let sa: f32 = g.iter().map(|&o| scores[g[a]][o]).sum();
                    let sb: f32 = g.iter().map(|&o| scores[g[b]][o]).sum();
                    sa.partial_cmp(&sb)
                        .unwrap_or(std::cmp::Ordering::Equal)
                        .then(quotes[g[b]].text.len().cmp(&quotes[g[a]].text.len()))
                })
                .unwrap_or(0);
            let reference_text = &quotes[g[reference]].text;
            let renderings = g
                .iter()
                .map(|&q| {
                    let (spans, omitted) = word_diff(reference_text, &quotes[q].text);
                    Rendering {
                        quote: q,
                        spans,
                        omitted,
                    }
                })
                .collect();
            let mut speakers: Vec<(String, usize)> = Vec::new();
            for &q in &g {
                if let Some(s) = &quotes[q].speaker {
                    match speakers.iter_mut().find(|(k, _)| *k == s.key) {
                        Some(e) => e.1 += 1,
                        None => speakers.push((s.key.clone(), 1)),
                    }
                }
            }
            let speaker = speakers.iter().max_by_key(|s| s.1).and_then(|(k, _)| {
                g.iter()
                    .filter_map(|&q| quotes[q].speaker.as_ref())
                    .filter(|s| &s.key == k)
                    .map(|s| s.name.clone())
                    .max_by_key(|n| n.len())
            });
            let parties: FxHashSet<usize> = g.iter().map(|&q| quotes[q].party).collect();
            Cluster {
                speaker,
                reference,
                renderings,
                parties: parties.len(),
            }
        })
        .collect();
    clusters.sort_by(|a, b| {
        b.parties
            .cmp(&a.parties)
            .then(b.renderings.len().cmp(&a.renderings.len()))
    });
    let mut cluster_of = vec![None; n];
    for (c, cl) in clusters.iter().enumerate() {
        for r in &cl.renderings {
            cluster_of[r.quote] = Some(c);
        }
    }
    (clusters, cluster_of)
}

/// Diffs `text` against `reference` word by word (folded words compared): `text` in spans with
/// the words the reference lacks marked, and the reference's words `text` leaves out.
///
/// ```
/// use newsprism_core::compare::quotes::word_diff;
/// let (spans, omitted) = word_diff("volstrekt domme en ongegronde verzinsels", "Totaal stomme, ongegronde verzinsels");
/// let marked: Vec<&str> = spans.iter().filter(|s| s.hit).map(|s| s.text.as_str()).collect();
/// assert_eq!(marked, ["Totaal stomme"]);
/// assert_eq!(omitted, ["volstrekt", "domme", "en"]);
/// ```
pub fn word_diff(reference: &str, text: &str) -> (Vec<Span>, Vec<String>) {
    use similar::{capture_diff_slices, Algorithm, DiffOp};
    let rt = tokenize(reference);
    let tt = tokenize(text);
    let rk: Vec<String> = rt.iter().map(|t| term_key(t.text)).collect();
    let tk: Vec<String> = tt.iter().map(|t| term_key(t.text)).collect();
    let mut differs = vec![false; tt.len()];
    let mut omitted = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &rk, &tk) {
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => omitted.extend(
                rt[old_index..old_index + old_len]
                    .iter()
                    .map(|t| t.text.to_string()),
            ),
            DiffOp::Insert {
                new_index, new_len, ..
            } => differs[new_index..new_index + new_len].fill(true),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                omitted.extend(
                    rt[old_index..old_index + old_len]
                        .iter()
                        .map(|t| t.text.to_string()),
                );
                differs[new_index..new_index + new_len].fill(true);
            }
        }
    }
    // Spans: runs of differing words (with the gaps between them) marked, the rest plain.
    let mut spans: Vec<Span> = Vec::new();
    let mut pos = 0;
    let mut i = 0;
    while i < tt.len() {
        if !differs[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < tt.len() && differs[j + 1] {
            j += 1;
        }
        if tt[i].start > pos {
            spans.push(Span {
                text: text[pos..tt[i].start].to_string(),
                hit: false,
            });
        }
        spans.push(Span {
            text: text[tt[i].start..tt[j].end].to_string(),
            hit: true,
        });
        pos = tt[j].end;
        i = j + 1;
    }
    if pos < text.len() {
        spans.push(Span {
            text: text[pos..].to_string(),
            hit: false,
        });
    }
    (spans, omitted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes_of(text: &str) -> Vec<(Style, String)> {
        marked(text)
            .into_iter()
            .map(|(s, r, _)| (s, text[r].to_string()))
            .collect()
    }

    #[test]
    fn every_quotation_style_is_found() {
        let cases = [
            (
                "Hij sprak van „volstrekt domme verzinsels.” Daarna niets.",
                Style::LowHigh,
                "volstrekt domme verzinsels.",
            ),
            (
                "Hij sprak van „domme verzinsels“ en ging.",
                Style::LowHigh,
                "domme verzinsels",
            ),
            (
                ",,Totaal stomme, ongegronde verzinsels”, aldus Peskov.",
                Style::DoubleComma,
                "Totaal stomme, ongegronde verzinsels",
            ),
            (
                "“Sinds twee dagen, geloof ik”, voegde hij toe.",
                Style::Curly,
                "Sinds twee dagen, geloof ik",
            ),
            (
                "Hij steunde ‘Loekasjenko’s voorstel’ volledig.",
                Style::CurlySingle,
                "Loekasjenko’s voorstel",
            ),
            (
                "Hij noemde het «een farce» gisteren.",
                Style::Guillemets,
                "een farce",
            ),
            (
                "\"Poetin wil Belarus gebruiken\", zegt Hartog.",
                Style::Straight,
                "Poetin wil Belarus gebruiken",
            ),
            (
                "Hij noemde het 'zijn vriend' en lachte.",
                Style::StraightSingle,
                "zijn vriend",
            ),
        ];
        for (text, style, want) in cases {
            assert_eq!(quotes_of(text), [(style, want.to_string())], "{text}");
        }
    }

    #[test]
    fn apostrophes_and_nested_quotes_do_not_break_extraction() {
        // Apostrophes inside and before words.
        assert!(quotes_of("Poetins plan voor 's avonds en scenario's bleef geheim.").is_empty());
        assert!(quotes_of("Dat was in de jaren '80 en 't bleef stil.").is_empty());
        // A nested quote stays inside the outer one.
        let got = quotes_of(
            "„Hij zei ‘nooit’ en bleef bij zijn ‘nee’, ook tegen Poetins zin”, aldus Peskov.",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].1,
            "Hij zei ‘nooit’ en bleef bij zijn ‘nee’, ook tegen Poetins zin"
        );
        let got = quotes_of("“He called it ‘a farce’ and left,” she said of Mr O'Brien's speech.");
        assert_eq!(got[0].1, "He called it ‘a farce’ and left,");
        // An unclosed mark is not a quote.
        assert!(quotes_of("Hij zei „nooit en ging weg.").is_empty());
    }

    fn report(texts: &[&str]) -> (Vec<crate::article::Article>, AliasTable) {
        let arts = texts
            .iter()
            .enumerate()
            .map(|(i, t)| super::super::test_article(&format!("{i}.txt"), t))
            .collect();
        (arts, AliasTable::default())
    }

    #[test]
    fn an_english_speaker_after_the_quote_past_an_organisation_title() {
        let (arts, t) = report(&[
            " date 2022-12 President Vladimir Putin visited Minsk. \"These are absolutely stupid fabrications,\" Kremlin spokesman Dmitry Peskov said of the reports. \"We will see,\" Mr Smith said.",
        ]);
        let docs: Vec<Doc> = arts.iter().map(|a| Doc::new(a, &t)).collect();
        let r = QuoteReport::build(&docs, &[0], &NameContext::new(&docs), &t);
        let who: Vec<Option<&str>> = r
            .quotes
            .iter()
            .map(|q| q.speaker.as_ref().map(|s| s.name.as_str()))
            .collect();
        assert_eq!(who, [Some("Dmitry Peskov"), Some("Smith")]);
    }

    #[test]
    fn speakers_are_found_before_after_and_by_pronoun() {
        let (arts, t) = report(&[
            " date 2022-12 De woordvoerder van het Kremlin sprak. „Totaal stomme, ongegronde verzinsels”, aldus Peskov. Kemper: „Belarus wil die onafhankelijkheid behouden.” Volgens Hartog is het „een compleet economisch isolement”. Rusland-correspondent Eva Hartog gaf een interview. \"Poetin wil Loekasjenko compleet domineren\", zegt correspondent Hartog. “Sinds twee dagen, geloof ik”, voegde hij eraan toe. \"Het is heel koud\", reageert iemand op Twitter. Kemper: Belarus wil geen Russische inmenging in eigen land.",
        ]);
        let docs: Vec<Doc> = arts.iter().map(|a| Doc::new(a, &t)).collect();
        let r = QuoteReport::build(&docs, &[0], &NameContext::new(&docs), &t);
        let got: Vec<(String, Option<String>)> = r
            .quotes
            .iter()
            .map(|q| (q.text.clone(), q.speaker.as_ref().map(|s| s.name.clone())))
            .collect();
        let want = [
            ("Totaal stomme, ongegronde verzinsels", Some("Peskov")),
            (
                "Belarus wil die onafhankelijkheid behouden.",
                Some("Kemper"),
            ),
            ("een compleet economisch isolement", Some("Hartog")),
            ("Poetin wil Loekasjenko compleet domineren", Some("Hartog")),
            ("Sinds twee dagen, geloof ik", Some("Hartog")),
            ("Het is heel koud", None),
            (
                "Belarus wil geen Russische inmenging in eigen land.",
                Some("Kemper"),
            ),
        ];
        let want: Vec<(String, Option<String>)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.map(String::from)))
            .collect();
        assert_eq!(got, want);
        assert_eq!(r.quotes[6].style, Style::Colon);
        assert_eq!(
            r.quotes[4].speaker.as_ref().map(|s| s.how),
            Some(Attribution::Pronoun)
        );
        // "Eva Hartog", "correspondent Hartog" and "Hartog" are one speaker.
        let keys: FxHashSet<&str> = r.quotes[2..5]
            .iter()
            .filter_map(|q| q.speaker.as_ref())
            .map(|s| s.key.as_str())
            .collect();
        assert_eq!(keys.len(), 1);
    }
}
