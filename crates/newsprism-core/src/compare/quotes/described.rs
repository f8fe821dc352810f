//! Speakers named by a description rather than a name: "the defender said:", "the Dutchman
//! said", "an IAAF spokesman said:", "the lawsuit said", and who such a description stands for
//! (the speaker just quoted, else the person the article is about).

use super::people::{is_person_noun, topic_person};
use super::speakers::{Site, Verdict};
use super::{Attribution, Speaker};
use crate::compare::names::{is_name_adjective, NameContext};
use crate::compare::words::{Doc, Sentence};

const DEFINITE: &[&str] = &["the", "de", "het", "our", "onze"];
/// Nouns for someone who speaks for a body.
const SPOKES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "source",
    "sources",
    "representative",
    "woordvoerder",
    "woordvoerster",
    "zegsman",
    "bron",
    "bronnen",
];
const ARTICLES: &[&str] = &["the", "de", "het", "our", "onze", "a", "an", "een"];
/// Words that may open a sentence before its subject.
const OPENERS: &[&str] = &["but", "and", "yet", "however", "maar", "en", "toch"];

impl Site<'_, '_> {
    /// The subject of a verb of saying at word `verb` of `s`, when it is a description that
    /// ends right before the verb, opening with an article at most four words back.
    pub(super) fn subject_before(&self, s: &Sentence, verb: usize, how: Attribution) -> Verdict {
        (verb.saturating_sub(4)..verb.saturating_sub(1))
            .rev()
            .find(|&k| ARTICLES.contains(&s.words[k].key.as_str()))
            .and_then(|from| self.subject(s, from, verb, how))
    }

    /// The words `from..verb` of `s` as the subject of a verb of saying at `verb`:
    /// - "an IAAF spokesman", "a Foreign Office official": the organisation speaks;
    /// - "the defender", "the 25-year-old Dubliner": the person it stands for ([`Site::referent`]);
    /// - "the lawsuit", "de krant": the thing itself, as written.
    pub(super) fn subject(
        &self,
        s: &Sentence,
        from: usize,
        verb: usize,
        how: Attribution,
    ) -> Verdict {
        if verb < from + 2 || verb > from + 4 || verb > s.words.len() {
            return None;
        }
        let text = self.doc.units[s.unit].text;
        let det = s.words[from].key.as_str();
        let noun = &s.words[verb - 1];
        let between = &s.words[from + 1..verb - 1];
        let described = (from + 1..verb).any(|k| person_word(s, k));
        let affiliation: Vec<_> = between
            .iter()
            .filter(|w| w.capital && !is_name_adjective(&w.key))
            .collect();
        // "an IAAF spokesman", "a Kremlin official": someone speaking for the body; "the Tory
        // leader" is a person described.
        let for_a_body = SPOKES.contains(&noun.key.as_str()) || !DEFINITE.contains(&det);
        if is_person_noun(&noun.key)
            && for_a_body
            && !affiliation.is_empty()
            && affiliation.len() == between.len()
        {
            let org =
                &text[affiliation[0].range.start..affiliation[affiliation.len() - 1].range.end];
            return Some(self.make(org.to_string(), how));
        }
        if described {
            return DEFINITE
                .contains(&det)
                .then(|| self.referent(Some(&noun.key)));
        }
        let written = &text[noun.range.clone()];
        let thing = DEFINITE.contains(&det)
            && verb == from + 2
            && written.chars().next().is_some_and(char::is_lowercase);
        thing.then(|| self.make(format!("{} {written}", det), how))
    }

    /// Who a description of a person (its `noun`, when it has one) stands for: a person named
    /// with that noun since the quotation just before ("Jones, the defender, …"), else that
    /// quotation's speaker (when it is in this paragraph or the one before), else the one
    /// person the article names with that noun as a title ("Home Secretary Charles Clarke"),
    /// else the person the article is about, when named before here, else the last person
    /// named.
    pub(super) fn referent(&self, noun: Option<&str>) -> Option<Speaker> {
        let here = self.doc.units[self.unit].paragraph;
        let recent = self.previous.filter(|p| {
            p.speaker.is_some() && p.at.paragraph.zip(here).is_some_and(|(a, b)| a + 1 >= b)
        });
        if let Some(p) = recent {
            if let Some(n) = noun.and_then(|noun| self.named_as(noun, p)) {
                return self.make(n, Attribution::Pronoun);
            }
            return p.speaker.clone().map(|sp| Speaker {
                how: Attribution::Pronoun,
                ..sp
            });
        }
        // "The home secretary said …" and, elsewhere, "Home Secretary Charles Clarke".
        if let Some(n) = noun.and_then(|noun| titled_anywhere(self.doc, self.ctx, noun)) {
            return self.make(n, Attribution::Pronoun);
        }
        if let Some(t) = topic_person(
            self.doc,
            self.ctx,
            self.aliases,
            (self.s.unit, self.outer.start),
        ) {
            return self.make(t, Attribution::Pronoun);
        }
        self.resolve(false, self.outer.start)
    }

    /// The last person named since the quotation `p` with `noun` beside the name ("Jones, the
    /// defender", "defender Jones").
    fn named_as(&self, noun: &str, p: &super::Quote) -> Option<String> {
        let from = self
            .doc
            .units
            .iter()
            .position(|u| u.paragraph == p.at.paragraph)?;
        let mut found = None;
        for t in self
            .doc
            .sentences
            .iter()
            .filter(|t| t.unit >= from && t.unit <= self.s.unit)
        {
            for n in self.ctx.names(self.doc, t) {
                let since = t.unit > from || n.range.start >= p.at.range.end;
                let before = t.unit < self.s.unit || n.range.end <= self.outer.start;
                let lo = n.words.start.saturating_sub(2);
                let hi = (n.words.end + 4).min(t.words.len());
                if since && before && (lo..hi).any(|k| t.words[k].key == noun) {
                    found = Some(n.text);
                }
            }
        }
        found
    }

    /// Whether a sentence after `at` (a unit and a byte) and before the quotation opens with a
    /// description of a person as its subject ("But the 25-year-old Dubliner underlined …").
    pub(super) fn description_since(&self, at: (usize, usize)) -> bool {
        self.doc.sentences.iter().any(|t| {
            let after = t.unit > at.0 || (t.unit == at.0 && t.range.start > at.1);
            let before =
                t.unit < self.s.unit || (t.unit == self.s.unit && t.range.end <= self.outer.start);
            after && before && opens_with_description(t)
        })
    }
}

/// The one person the article names with `noun` as a title ("Home Secretary Charles Clarke",
/// "Charles Clarke, the home secretary"); none when it names several.
fn titled_anywhere(doc: &Doc, ctx: &NameContext, noun: &str) -> Option<String> {
    let mut found: Option<String> = None;
    for t in doc.sentences.iter() {
        for n in ctx.names(doc, t) {
            let before = n
                .words
                .start
                .checked_sub(1)
                .map(|k| t.words[k].key.as_str());
            let text = doc.units[t.unit].text;
            let comma = t.words.get(n.words.end).is_some_and(|w| {
                text.get(n.range.end..w.range.start)
                    .is_some_and(|g| g.contains(','))
            });
            let after = comma
                && (n.words.end..(n.words.end + 3).min(t.words.len()))
                    .any(|k| t.words[k].key == noun);
            // "Home Secretary Charles Clarke" read as one name.
            let within =
                (n.words.start..n.words.end.saturating_sub(1)).any(|k| t.words[k].key == noun);
            if before != Some(noun) && !after && !within {
                continue;
            }
            let other = found
                .as_ref()
                .is_some_and(|f| !f.contains(&n.text) && !n.text.contains(f.as_str()));
            if other {
                return None;
            }
            if found.as_ref().is_none_or(|f| n.text.len() > f.len()) {
                found = Some(n.text);
            }
        }
    }
    found
}

/// "The defender …", "But the 25-year-old Dubliner …": a sentence whose subject is a
/// definite description of a person.
fn opens_with_description(t: &Sentence) -> bool {
    let mut k = 0;
    if t.words
        .first()
        .is_some_and(|w| OPENERS.contains(&w.key.as_str()))
    {
        k = 1;
    }
    t.words
        .get(k)
        .is_some_and(|w| DEFINITE.contains(&w.key.as_str()))
        && (k + 1..(k + 6).min(t.words.len())).any(|j| person_word(t, j))
}

/// Whether word `k` of `s` describes a person: a noun for one, or an age ("25-year-old",
/// read as three joined words).
fn person_word(s: &Sentence, k: usize) -> bool {
    let w = &s.words[k];
    is_person_noun(&w.key)
        || (matches!(w.key.as_str(), "old" | "oude" | "jarige")
            && k > 0
            && s.words[k - 1].joined
            && matches!(s.words[k - 1].key.as_str(), "year" | "years" | "jaar"))
        || (w.key.ends_with("jarige") && k > 0 && s.words[k - 1].joined)
}
