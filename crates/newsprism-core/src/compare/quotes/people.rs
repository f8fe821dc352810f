//! Who a pronoun or a description ("hij", "he", "the Dutchman", "de dictator") stands for: the
//! last person named before the quotation, preferring one with evidence of being a person who
//! speaks.

use std::collections::HashMap;

use super::lexicon::{PERSON_NOUNS, SPEECH};
use crate::compare::names::{is_person_title, NameContext};
use crate::compare::words::{Doc, Sentence};
use crate::search::alias::AliasTable;
use crate::text::fold::fold;

pub(super) fn is_place_like(name: &str) -> bool {
    let f = fold(name);
    matches!(
        f.as_str(),
        "rusland" | "russia" | "oekraine" | "ukraine" | "wit-rusland" | "belarus" | "europa"
    )
}

/// The last personal name written before byte `before` in this sentence or the two units
/// before it.
pub(super) fn last_person_before(
    doc: &Doc,
    s: &Sentence,
    before: usize,
    ctx: &NameContext,
    aliases: &AliasTable,
) -> Option<String> {
    last_person_between(doc, s, (s.unit.saturating_sub(2), 0), before, ctx, aliases).map(|p| p.name)
}

/// A person named, and whether there is evidence that they speak.
pub(super) struct Named {
    pub name: String,
    pub evidence: bool,
    /// The unit and the byte where the name starts.
    pub at: (usize, usize),
}

/// Whether a name is a person's: its last word (or its key) is known as a surname.
pub(super) fn is_person(ctx: &NameContext, aliases: &AliasTable, name: &str) -> bool {
    let last = name.split_whitespace().last().unwrap_or("");
    // "North East Says No": a campaign, not a person.
    let folded = fold(last);
    if crate::text::stopwords::is_stopword(&folded)
        || matches!(folded.as_str(), "no" | "yes" | "nee" | "ja")
    {
        return false;
    }
    ctx.is_surname(&crate::search::alias::name_key(last)) || ctx.is_surname(&ctx.key(name, aliases))
}

/// The last person named from `from` (a unit and a byte in it) up to byte `before` of `s`'s
/// unit, and whether there is evidence that it is a person who speaks: a title ("manager
/// Martin Jol"), an apposition ("Robbie Keane, skipper …") or a verb of saying after it. One
/// with evidence wins over later ones without.
pub(super) fn last_person_between(
    doc: &Doc,
    s: &Sentence,
    from: (usize, usize),
    before: usize,
    ctx: &NameContext,
    aliases: &AliasTable,
) -> Option<Named> {
    let mut best: Option<Named> = None;
    for t in doc
        .sentences
        .iter()
        .filter(|t| t.unit >= from.0 && t.unit + 2 >= s.unit && t.unit <= s.unit)
    {
        for n in ctx.names(doc, t) {
            let earlier = t.unit < s.unit || n.range.end <= before;
            let later = t.unit > from.0 || n.range.start >= from.1;
            let person = is_person(ctx, aliases, &n.text);
            // "the Magpies", "the Pharaohs": a team or a people; "manager of TI's Voip
            // business": a firm. Not persons.
            let the = n.words.start > 0
                && matches!(
                    t.words[n.words.start - 1].key.as_str(),
                    "the" | "de" | "het" | "of" | "van"
                );
            if !(earlier && later && person) || the && n.hint.is_none() {
                continue;
            }
            // Named with a title ("manager Martin Jol"), or saying something ("Bill Simmelink,
            // general manager of …, said").
            let titled = n.hint == Some(crate::compare::names::EntityKind::Person);
            let speaks = t.words[n.words.end.min(t.words.len())..]
                .iter()
                .take(8)
                .any(|w| SPEECH.contains(&w.key.as_str()));
            let text = doc.units[t.unit].text;
            // "Mr Blair's insistence": a possessive names whose thing it is, not who acts.
            let possessive = text
                .get(n.range.end..)
                .is_some_and(|r| r.starts_with("'s") || r.starts_with("’s"));
            // In the quotation's own sentence, before it, a name that says nothing is what the
            // quotation is about ("Mr Blair has "the same passion …", he said").
            let own = t.unit == s.unit && t.range == s.range && n.range.end <= before;
            if possessive || own && !speaks {
                continue;
            }
            // "Robbie Keane, skipper for the night", "Bill Simmelink, general manager of …",
            // "Ian Fogg, broadband and personal technology analyst at …": a person noun in the
            // apposition, up to its comma.
            let after = &t.words[n.words.end.min(t.words.len())..];
            let appositive = after.first().is_some_and(|w| {
                text.get(n.range.end..w.range.start)
                    .is_some_and(|g| g.contains(','))
            }) && after
                .iter()
                .take(8)
                .take_while(|w| {
                    // Up to the apposition's closing comma.
                    !text
                        .get(after[0].range.start..w.range.start)
                        .is_some_and(|g| g.contains(','))
                })
                .any(|w| is_person_noun(&w.key));
            let evidence = titled || speaks || appositive;
            if evidence || !best.as_ref().is_some_and(|b| b.evidence) {
                best = Some(Named {
                    at: (t.unit, n.range.start),
                    name: n.text,
                    evidence,
                });
            }
        }
    }
    best
}

/// Whether a folded word describes a person: a title ("minister"), a noun for a person
/// ("defender", "zanger"), a word in "-man"/"-woman" ("Dutchman", "spokeswoman") or an age
/// ("25-year-old").
pub(super) fn is_person_noun(folded: &str) -> bool {
    is_person_title(folded)
        || PERSON_NOUNS.contains(&folded)
        || (folded.ends_with("man") && folded.len() > 5)
        || folded.ends_with("woman")
        || folded.ends_with("year-old")
}

/// The person an article is about: the person named most often, a name in the headline
/// counting three times and one in the first paragraph twice; only when named before
/// `before` (a unit and a byte).
pub(super) fn topic_person(
    doc: &Doc,
    ctx: &NameContext,
    aliases: &AliasTable,
    before: (usize, usize),
) -> Option<String> {
    let first_paragraph = doc.units.iter().filter_map(|u| u.paragraph).min();
    // Per person: weight, the longest written form before `before`, and whether anything
    // shows it is a person who speaks (a title, a verb of saying after it, the headline).
    let mut seen: HashMap<String, (usize, Option<String>, bool)> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for t in doc.sentences.iter() {
        let unit = &doc.units[t.unit];
        let weight = match unit.paragraph {
            None => 3,
            p if p == first_paragraph => 2,
            _ => 1,
        };
        for n in ctx.names(doc, t) {
            if !is_person(ctx, aliases, &n.text) {
                continue;
            }
            let key = ctx.key(&n.text, aliases);
            let earlier = t.unit < before.0 || (t.unit == before.0 && n.range.end <= before.1);
            let e = seen.entry(key.clone()).or_insert_with(|| {
                order.push(key);
                (0, None, false)
            });
            e.0 += weight;
            e.2 |= weight == 3
                || n.hint == Some(crate::compare::names::EntityKind::Person)
                || t.words[n.words.end.min(t.words.len())..]
                    .iter()
                    .take(8)
                    .any(|w| SPEECH.contains(&w.key.as_str()));
            if earlier && e.1.as_ref().is_none_or(|w| n.text.len() > w.len()) {
                e.1 = Some(n.text);
            }
        }
    }
    // The heaviest with evidence; on a tie, the first named (`min_by_key` keeps the first).
    let top = order
        .iter()
        .filter(|k| seen[*k].2)
        .min_by_key(|k| std::cmp::Reverse(seen[*k].0))?;
    seen.get(top)?.1.clone()
}
