//! Named events: dates the texts give by naming what happened ("sinds de oorlog in Oekraïne",
//! "een jaar na het begin van de invasie", "since 9/11", "na de val van de Muur"). A table,
//! like the spellings table, gives each event its date; a mention after "sinds", "na",
//! "since", "after", "tijdens", "during" (or "N jaar na", "a year after") is placed by it, with
//! the event named as the evidence.
//!
//! The built-in table covers the events the seeds and the news of the last decades lean on.
//! An event's phrases are matched on their content words, in order, within a few words of the
//! cue; a phrase of one word ("de invasie") counts only in an article that names one of the
//! event's context words ("Oekraïne").

use serde::{Deserialize, Serialize};

use super::calendar::{add_months, civil, day_of, Day};
use crate::article::days_in_month as days_in;
use crate::text::fold::fold;
use crate::text::stopwords::is_stopword;

mod table;

pub use table::EventError;

/// One named event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedEvent {
    /// What it is called in the table ("the invasion of Ukraine").
    pub label: String,
    /// Its day, `YYYY-MM-DD`.
    pub date: String,
    /// The phrases that name it ("de invasie van Oekraïne", "the war in Ukraine").
    pub phrases: Vec<String>,
    /// Words one of which an article must name for a one-word phrase to count.
    #[serde(default)]
    pub context: Vec<String>,
}

/// The table of named events.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventTable {
    /// The events.
    pub events: Vec<NamedEvent>,
}

/// A table made ready for matching: each event's day, its phrases' content words, and its
/// folded context words.
struct Compiled {
    events: Vec<(Day, Vec<Vec<String>>, Vec<String>)>,
}

impl Compiled {
    fn new(table: &EventTable) -> Compiled {
        Compiled {
            events: table
                .events
                .iter()
                .map(|e| {
                    let day = parse_day(&e.date).unwrap_or(Day::MIN);
                    let phrases = e
                        .phrases
                        .iter()
                        .map(|p| keywords(p))
                        .filter(|k| !k.is_empty())
                        .collect();
                    (day, phrases, e.context.iter().map(|c| fold(c)).collect())
                })
                .collect(),
        }
    }
}

/// A table of named events made ready for matching, cheap to clone and share: the built-in
/// one ([`NamedEvents::built_in`]) or the user's ([`NamedEvents::new`]). Two are the same when
/// their tables are.
#[derive(Clone)]
pub struct NamedEvents(std::sync::Arc<(EventTable, Compiled)>);

impl NamedEvents {
    /// This table, made ready.
    pub fn new(table: EventTable) -> Self {
        let compiled = Compiled::new(&table);
        NamedEvents(std::sync::Arc::new((table, compiled)))
    }

    /// The built-in table, made ready once.
    pub fn built_in() -> &'static NamedEvents {
        static BUILT: std::sync::OnceLock<NamedEvents> = std::sync::OnceLock::new();
        BUILT.get_or_init(|| NamedEvents::new(EventTable::default()))
    }

    /// The table.
    pub fn table(&self) -> &EventTable {
        &self.0 .0
    }

    /// Whether this is the built-in table.
    pub fn is_built_in(&self) -> bool {
        self.same(NamedEvents::built_in())
    }

    /// Whether the two tables are the same (at once when they are one).
    pub fn same(&self, other: &NamedEvents) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0) || self.0 .0 == other.0 .0
    }

    /// The named events mentioned in `sentence` (see [`EventTable::mentions`]).
    pub fn mentions(&self, sentence: &str, article_words: &[String]) -> Vec<Mention> {
        self.0
             .0
            .mentions_compiled(&self.0 .1, sentence, article_words)
    }

    /// The context words of the table's events, folded.
    pub fn context(&self) -> impl Iterator<Item = &str> {
        self.0
             .1
            .events
            .iter()
            .flat_map(|e| e.2.iter().map(String::as_str))
    }
}

impl Default for NamedEvents {
    fn default() -> Self {
        NamedEvents::built_in().clone()
    }
}

impl PartialEq for NamedEvents {
    fn eq(&self, other: &Self) -> bool {
        self.same(other)
    }
}

impl std::fmt::Debug for NamedEvents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("NamedEvents").field(self.table()).finish()
    }
}

/// A named event found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte range of the words, the cue ("sinds") left out.
    pub range: std::ops::Range<usize>,
    /// The day meant: the event's, or counted from it ("een jaar na").
    pub day: Day,
    /// "sinds", "na", "since", "after": the start of an interval running to the text's date.
    pub since: bool,
    /// "een jaar na": the length added, and it in words.
    pub offset: Option<(i32, &'static str)>,
    /// The event's label and date, as evidence.
    pub evidence: String,
}

/// The words of a text: (folded, byte range). Shared with the timeline's reading of sayings.
pub(crate) fn words(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let part = c.is_alphanumeric() || c == '-' || c == '/';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((fold(&text[s..i]), s..i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn keywords(phrase: &str) -> Vec<String> {
    words(phrase)
        .into_iter()
        .map(|(w, _)| w)
        .filter(|w| !is_stopword(w) && !matches!(w.as_str(), "de" | "het" | "the"))
        .collect()
}

fn unit_months(word: &str) -> Option<(i32, &'static str)> {
    Some(match word {
        "jaar" | "year" | "years" => (12, "year"),
        "maand" | "maanden" | "month" | "months" => (1, "month"),
        _ => return None,
    })
}

/// Whether a sentence has a word that can open a named event's mention: a cheap test before
/// the sentence is read word by word.
pub fn has_cue(sentence: &str) -> bool {
    sentence.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "sinds"
                | "Sinds"
                | "since"
                | "Since"
                | "na"
                | "Na"
                | "after"
                | "After"
                | "tijdens"
                | "Tijdens"
                | "during"
                | "During"
                | "sedert"
                | "Sedert"
        )
    })
}

impl EventTable {
    /// The named events mentioned in `sentence` of an article whose folded words are
    /// `article_words` (for the context of one-word phrases).
    pub fn mentions(&self, sentence: &str, article_words: &[String]) -> Vec<Mention> {
        self.mentions_compiled(&Compiled::new(self), sentence, article_words)
    }

    fn mentions_compiled(
        &self,
        compiled: &Compiled,
        sentence: &str,
        article_words: &[String],
    ) -> Vec<Mention> {
        let ws = words(sentence);
        let mut out: Vec<Mention> = Vec::new();
        for (i, (w, _)) in ws.iter().enumerate() {
            let since = matches!(w.as_str(), "sinds" | "since" | "na" | "after" | "sedert");
            let during = matches!(w.as_str(), "tijdens" | "during");
            if !since && !during {
                continue;
            }
            // "een jaar na", "two months after".
            let offset = (i >= 2 && matches!(w.as_str(), "na" | "after"))
                .then(|| {
                    let (months, unit) = unit_months(&ws[i - 1].0)?;
                    let n = match ws[i - 2].0.as_str() {
                        "een" | "a" | "one" | "een-" => 1,
                        other => crate::text::lexicon::cardinal(other)
                            .and_then(|n| i32::try_from(n).ok())
                            .or_else(|| other.parse().ok())?,
                    };
                    Some((i - 2, months * n, unit, n))
                })
                .flatten();
            let mut j = i + 1;
            // "na het begin van", "since the start of".
            if matches!(ws.get(j).map(|x| x.0.as_str()), Some("het" | "the"))
                && matches!(
                    ws.get(j + 1).map(|x| x.0.as_str()),
                    Some("begin" | "start" | "outbreak" | "uitbreken")
                )
            {
                j += 2;
                if matches!(ws.get(j).map(|x| x.0.as_str()), Some("van" | "of")) {
                    j += 1;
                }
            }
            let Some((k, end)) = match_at(compiled, &ws, j, article_words) else {
                continue;
            };
            let e = &self.events[k];
            let day = compiled.events[k].0;
            if day == Day::MIN {
                continue;
            }
            let (start_word, day, offset, since) = match offset {
                Some((k, months, unit, n)) => {
                    let (y, m, d) = civil(day);
                    let (y2, m2) = add_months(y, m, months);
                    let shifted = day_of(y2, m2, d.min(days_in(y2, m2)));
                    (k, shifted, Some((n, unit)), false)
                }
                None => (i + 1, day, None, since),
            };
            out.push(Mention {
                range: ws[start_word].1.start..ws[end - 1].1.end,
                day,
                since,
                offset,
                evidence: format!("{}, {}", e.label, e.date),
            });
        }
        out
    }
}

/// The event (its index) whose phrase matches from word `j`: its content words in order, each
/// within three words of the last; the longest phrase wins. Returns it and the word after.
fn match_at(
    compiled: &Compiled,
    ws: &[(String, std::ops::Range<usize>)],
    j: usize,
    article_words: &[String],
) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    for (k, (_, phrases, context)) in compiled.events.iter().enumerate() {
        for keys in phrases {
            if keys.len() == 1
                && !context.is_empty()
                && !context.iter().any(|c| article_words.contains(c))
            {
                continue;
            }
            let mut at = j;
            let mut ok = true;
            for key in keys {
                match (at..(at + 3).min(ws.len())).find(|&x| &ws[x].0 == key) {
                    Some(x) => at = x + 1,
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok && best.is_none_or(|b| keys.len() > b.2) {
                best = Some((k, at, keys.len()));
            }
        }
    }
    best.map(|(k, end, _)| (k, end))
}

fn parse_day(iso: &str) -> Option<Day> {
    let mut parts = iso.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let d: u8 = parts.next()?.parse().ok()?;
    ((1..=12).contains(&m) && d >= 1 && d <= days_in(y, m)).then(|| day_of(y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::calendar::iso_day;

    fn found(sentence: &str, context: &[&str]) -> Vec<(String, String, bool)> {
        let ctx: Vec<String> = context.iter().map(|c| fold(c)).collect();
        EventTable::default()
            .mentions(sentence, &ctx)
            .into_iter()
            .map(|m| (sentence[m.range].to_string(), iso_day(m.day), m.since))
            .collect()
    }

    #[test]
    fn events_named_after_a_cue_are_placed_by_the_table() {
        assert_eq!(
            found("Kazachstan neemt sinds de oorlog in Oekraïne afstand.", &[]),
            [(
                "de oorlog in Oekraïne".to_string(),
                "2022-02-24".to_string(),
                true
            )]
        );
        assert_eq!(
            found(
                "Komt hij met een offensief - een jaar na het begin van de invasie?",
                &["Oekraïne"]
            ),
            [(
                "een jaar na het begin van de invasie".to_string(),
                "2023-02-24".to_string(),
                false
            )]
        );
        // One word is not enough without the event's context.
        assert!(found("een jaar na het begin van de invasie", &["Irak"]).is_empty());
        assert_eq!(
            found("Security has tightened since 9/11.", &[]),
            [("9/11".to_string(), "2001-09-11".to_string(), true)]
        );
        assert!(found("De oorlog is ver weg.", &["Oekraïne"]).is_empty());
    }
}
