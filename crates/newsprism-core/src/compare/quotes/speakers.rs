//! Speakers: who says a quotation, in the order of trust the module above lists (after it,
//! before a colon, "volgens"/"according to", a continued quotation, a name in a sentence with
//! a verb of saying, a pronoun).

use std::ops::Range;

use super::colon::colon_head;
use super::lexicon::{INDEFINITE, PRONOUNS, SPEECH};
use super::people::{is_place_like, last_person_before, last_person_between};
use super::{Attribution, Quote, Speaker, Style};
use crate::compare::names::{is_name_adjective, is_person_title, NameContext};
use crate::compare::words::{Doc, Sentence};
use crate::search::alias::AliasTable;

/// A name at or after word `i` of a sentence, past titles and determiners.
pub(super) fn name_from(doc: &Doc, s: &Sentence, from: usize, ctx: &NameContext) -> Option<String> {
    let names = ctx.names(doc, s);
    let mut k = from;
    let mut limit = from + 6;
    while k < s.words.len() && k < limit {
        let w = &s.words[k];
        if let Some(n) = names.iter().find(|n| n.words.start == k) {
            // "Kremlin-woordvoerder": a compound title's head, not the speaker.
            // "Kremlin spokesman Dmitry Peskov" too: the organisation names the title.
            // But "Michael Kemper, hoogleraar …": a title after a comma describes the name.
            let text = doc.units[s.unit].text;
            let comma_after = s.words.get(n.words.end).is_some_and(|t| {
                let end = s.words[n.words.end - 1].range.end;
                text.get(end..t.range.start)
                    .is_some_and(|gap| gap.contains(','))
            });
            // "Lib Dem home affairs spokesman Mark Oaten", "Tory ex-minister Douglas Hogg".
            let chain = (n.words.end..(n.words.end + 4).min(s.words.len())).find(|&j| {
                is_person_title(&s.words[j].key) && names.iter().any(|m| m.words.start == j + 1)
            });
            let compound_title = !comma_after
                && (chain.is_some()
                    || s.words
                        .get(n.words.end)
                        .is_some_and(|t| is_person_title(&t.key)));
            if !compound_title {
                return Some(n.text.clone());
            }
            k = chain.unwrap_or(n.words.end);
            limit = limit.max(k + 3);
            continue;
        }
        let skippable = is_person_title(&w.key)
            || matches!(w.key.as_str(), "de" | "het" | "the" | "een" | "a" | "an")
            || is_name_adjective(&w.key)
            || (w.joined && s.words.get(k + 1).is_some_and(|t| is_person_title(&t.key)));
        if !skippable {
            return None;
        }
        k += 1;
    }
    None
}

/// One quotation being attributed, with what stands around it.
pub(super) struct Site<'d, 'a> {
    /// The article.
    pub doc: &'d Doc<'a>,
    /// The sentence the quotation opens in.
    pub s: &'d Sentence,
    /// The sentence it closes in (the same, unless it runs over several).
    pub s_end: &'d Sentence,
    /// Its byte range in the unit, marks included.
    pub outer: Range<usize>,
    /// How it is marked.
    pub style: Style,
    /// The quotation before it in the same article.
    pub previous: Option<&'d Quote>,
    /// Its unit in the document.
    pub unit: usize,
    /// What the compared texts say about names.
    pub ctx: &'d NameContext,
    /// The user's alias table.
    pub aliases: &'d AliasTable,
    /// Fewer than four words: a phrase never continues a quotation, and a phrase named as a
    /// term ("wat … wordt genoemd", "zogenoemde") is nobody's statement.
    pub fragment: bool,
}

/// A rule's verdict: `Some(speaker)` decides (`Some(None)` is an anonymous speaker, such as
/// "reageert iemand": no name is guessed), `None` leaves the quotation to the next rule.
pub(super) type Verdict = Option<Option<Speaker>>;

impl Site<'_, '_> {
    /// The speaker, by the rules in the module's order of trust.
    pub(super) fn attribute(&self) -> Option<Speaker> {
        let before = self.words_before();
        if self.fragment && self.named_as_term(&before) {
            return None;
        }
        self.after()
            .or_else(|| self.colon_before(&before))
            .or_else(|| self.according_to(&before))
            .or_else(|| self.continued(&before))
            .or_else(|| self.in_sentence(&before))
            .or_else(|| self.headline_name())
            .unwrap_or_else(|| self.opening_pronoun(&before))
    }

    /// A headline's "Brown 'proud of economy record'", "Blair 'sorry' over …": the name right
    /// before the marks says it.
    fn headline_name(&self) -> Verdict {
        if self.doc.units[self.unit].paragraph.is_some() {
            return None;
        }
        let text = self.text();
        let n = self
            .ctx
            .names(self.doc, self.s)
            .into_iter()
            .rev()
            .find(|n| n.range.end <= self.outer.start)?;
        let gap = text.get(n.range.end..self.outer.start)?;
        (gap.trim().is_empty() && !is_place_like(&n.text))
            .then(|| self.make(n.text, Attribution::Before))
    }

    pub(super) fn make(&self, name: String, how: Attribution) -> Option<Speaker> {
        Some(Speaker {
            key: self.ctx.key(&name, self.aliases),
            name,
            how,
        })
    }

    fn text(&self) -> &str {
        self.doc.units[self.s.unit].text
    }

    /// The sentence's words before the quotation opens.
    fn words_before(&self) -> Vec<usize> {
        (0..self.s.words.len())
            .filter(|&i| self.s.words[i].range.end <= self.outer.start)
            .collect()
    }

    fn key_at(&self, k: usize) -> &str {
        self.s.words[k].key.as_str()
    }

    /// "de zogenoemde ‘…’", "the so-called ‘…’", "wat een ‘…’ wordt genoemd", "what is
    /// called ‘…’": the marks name a term.
    fn named_as_term(&self, before: &[usize]) -> bool {
        let s = self.s;
        let near_before = before.iter().rev().take(3).any(|&k| {
            matches!(
                self.key_at(k),
                "zogenoemde" | "zogenaamde" | "so-called" | "dubbed"
            )
        });
        let after: Vec<&str> = s
            .words
            .iter()
            .filter(|w| w.range.start >= self.outer.end)
            .take(3)
            .map(|w| w.key.as_str())
            .collect();
        // Passive naming only: "wat … een ‘…’ wordt genoemd", not "Poetin heeft het ‘…’
        // genoemd" (Poetin's word).
        let passive = after
            .iter()
            .any(|w| matches!(*w, "wordt" | "werd" | "worden" | "werden"));
        let naming_after = passive
            && after
                .iter()
                .any(|w| matches!(*w, "genoemd" | "noemen" | "heet" | "heten"));
        // "what is called ‘…’", "dat heet ‘…’"; not "Smith called the plan ‘…’".
        let called_before = before.len() >= 2 && {
            let last = self.key_at(before[before.len() - 1]);
            let prev = self.key_at(before[before.len() - 2]);
            matches!(last, "heet" | "heten")
                || (matches!(last, "called" | "termed" | "dubbed")
                    && matches!(
                        prev,
                        "is" | "was" | "are" | "were" | "be" | "been" | "being"
                    ))
        };
        near_before || naming_after || called_before
    }

    /// The quotation before continues into this one: it shares its speaker.
    fn continuing(&self) -> Option<Speaker> {
        if self.fragment {
            return None;
        }
        let p = self.previous?;
        let here = self.doc.units[self.unit].paragraph;
        // A quotation over several paragraphs: the next one opens with a mark.
        let opens_paragraph = self
            .text()
            .get(..self.outer.start)
            .is_some_and(|t| t.trim().is_empty());
        let next = p.at.paragraph.zip(here).is_some_and(|(a, b)| a + 1 == b);
        if p.at.paragraph != here && !(opens_paragraph && next) {
            return None;
        }
        p.speaker.clone().map(|sp| Speaker {
            how: Attribution::Continued,
            ..sp
        })
    }

    /// "hij", "zij", "he": the speaker of the quotation before, or the last person named.
    fn pronoun(&self) -> Option<Speaker> {
        self.resolve(true, self.outer.start)
    }

    /// [`Site::pronoun`]; a description opening a sentence since the last person named is
    /// followed to its referent when `descriptions`.
    /// Names after byte `upto` of the quotation's sentence (the pronoun's place) are not
    /// candidates.
    pub(super) fn resolve(&self, descriptions: bool, upto: usize) -> Option<Speaker> {
        let how = Attribution::Pronoun;
        // A person named since the quotation before takes over from its speaker ("… Robbie
        // Keane, skipper for the night, echoed … "…," he said").
        let since = self.previous.and_then(|p| {
            let unit = self
                .doc
                .units
                .iter()
                .position(|u| u.paragraph == p.at.paragraph)?;
            Some((unit, p.at.range.end))
        });
        let named = since.and_then(|from| {
            last_person_between(self.doc, self.s, from, upto, self.ctx, self.aliases)
        });
        if let Some(n) = named.filter(|n| n.evidence) {
            // "Newcastle boss Graeme Souness is said to … But the 25-year-old Dubliner
            // underlined … He added: …": a description opening a later sentence is the subject.
            if descriptions && self.description_since(n.at) {
                return self.referent(None);
            }
            return self.make(n.name, how);
        }
        if let Some(p) = self.previous.and_then(|p| p.speaker.clone()) {
            return Some(Speaker { how, ..p });
        }
        // The article's first quotation: "he" is most likely the person it is about.
        if self.previous.is_none() {
            let at = (self.s.unit, upto);
            if let Some(t) = super::people::topic_person(self.doc, self.ctx, self.aliases, at) {
                return self.make(t, how);
            }
        }
        last_person_before(self.doc, self.s, upto, self.ctx, self.aliases)
            .and_then(|n| self.make(n, how))
    }

    /// Rule 1, after: ", aldus Peskov", ", zei hij", ", Smith said".
    fn after(&self) -> Verdict {
        let (doc, s, ctx) = (self.doc, self.s_end, self.ctx);
        let a = s
            .words
            .iter()
            .position(|w| w.range.start >= self.outer.end)?;
        let gap = self
            .text()
            .get(self.outer.end..s.words[a].range.start)
            .unwrap_or("");
        let only_punctuation = gap
            .trim()
            .chars()
            .all(|c| matches!(c, ',' | '–' | '—' | '-' | ' '));
        if !only_punctuation || self.style == Style::Colon {
            return None;
        }
        let w = &s.words[a];
        let said_at = |k: usize| {
            s.words
                .get(k)
                .is_some_and(|v| SPEECH.contains(&v.key.as_str()))
        };
        // "he said", "she added": English order.
        if PRONOUNS.contains(&w.key.as_str()) && said_at(a + 1) {
            return Some(self.pronoun());
        }
        // "the Dutchman said" (the person it stands for), "an IAAF spokesman said" (the
        // organisation), "the magazine reported" (the thing).
        if let Some(v) = (a + 2..(a + 5).min(s.words.len())).find(|&v| said_at(v)) {
            if let Some(verdict) = self.subject(s, a, v, Attribution::After) {
                return Some(verdict);
            }
        }
        if SPEECH.contains(&w.key.as_str()) || w.key == "volgens" {
            if let Some(n) = name_from(doc, s, a + 1, ctx) {
                return Some(self.make(n, Attribution::After));
            }
            let next = s.words.get(a + 1).map(|w| w.key.as_str());
            let next2 = s.words.get(a + 2).map(|w| w.key.as_str());
            if next.is_some_and(|n| INDEFINITE.contains(&n)) {
                return Some(None);
            }
            if next.is_some_and(|n| PRONOUNS.contains(&n)) {
                return Some(self.pronoun());
            }
            // "aldus de dictator": the person the description stands for.
            if matches!(next, Some("de" | "het" | "the")) && next2.is_some_and(is_person_title) {
                return Some(self.referent(next2));
            }
        }
        // ", Smith said" / "Kremlin spokesman Dmitry Peskov said" / "Peskov zei".
        let n = name_from(doc, s, a, ctx)?;
        let last = n.split_whitespace().last().unwrap_or("");
        let end = (a..s.words.len())
            .find(|&k| doc.word_text(s, &s.words[k]) == last)
            .map_or(a, |k| k + 1);
        // "Eric Abensur, Wanadoo's chief executive told …": the verb after an apposition.
        let apposition = s.words.get(end).is_some_and(|next| {
            let gap = self
                .text()
                .get(s.words[end - 1].range.end..next.range.start)
                .unwrap_or("");
            gap.contains(',') && (end + 1..(end + 6).min(s.words.len())).any(said_at)
        });
        (said_at(end) || apposition).then(|| self.make(n, Attribution::After))
    }

    /// Rule 2, before a colon: "Hartog: …", "zegt Hartog: …", "hij zei: …", or the reporter's
    /// lead-in to more of the same speaker's words.
    fn colon_before(&self, before: &[usize]) -> Verdict {
        let (doc, s, ctx) = (self.doc, self.s, self.ctx);
        let text = self.text();
        if self.style == Style::Colon {
            let colon = text[self.outer.start..]
                .find(':')
                .map_or(self.outer.start, |c| self.outer.start + c);
            let head = s.words.iter().filter(|w| w.range.end <= colon).count();
            if let Some(n) = colon_head(doc, s, head, ctx) {
                return Some(self.make(n, Attribution::Before));
            }
        }
        // A quote can open before its sentence's first word is read (odd punctuation): no prefix.
        let prefix = text.get(s.range.start..self.outer.start).unwrap_or("");
        if !prefix.trim_end().ends_with(':') || before.is_empty() {
            return None;
        }
        if let Some(n) = colon_head(doc, s, before.len(), ctx) {
            return Some(self.make(n, Attribution::Before));
        }
        // "… he added: …": the person named before; "… and the defender said: …", "an IAAF
        // spokesman said: …": what the description stands for.
        if let [.., k2, k3] = before {
            if SPEECH.contains(&self.key_at(*k3)) {
                if PRONOUNS.contains(&self.key_at(*k2)) {
                    return Some(self.pronoun());
                }
                if let Some(v) = self.subject_before(s, *k3, Attribution::Before) {
                    return Some(v);
                }
            }
        }
        // "zegt Hartog: …", "Peskov zei: …", "an IAAF spokesman said: …" (the name nearest
        // the verb, not a place earlier in the sentence).
        if let Some(&v) = before.iter().find(|&&k| SPEECH.contains(&self.key_at(k))) {
            // The verb's subject: "Home Secretary Charles Clarke told BBC One's Breakfast with
            // Frost: …".
            let names = ctx.names(doc, s);
            if let Some(n) = names
                .iter()
                .find(|n| n.words.end == v && !is_place_like(&n.text))
            {
                return Some(self.make(n.text.clone(), Attribution::Before));
            }
            let mut names = before.iter().filter_map(|&k| name_from(doc, s, k, ctx));
            if let Some(n) = names.rfind(|n| !is_place_like(n)) {
                return Some(self.make(n, Attribution::Before));
            }
        }
        if before.len() <= 3 && before.iter().any(|&k| PRONOUNS.contains(&self.key_at(k))) {
            return Some(self.pronoun());
        }
        // "Om vervolgens … te ontkrachten: „…”": the reporter's lead-in to more of the
        // same speaker's words.
        self.continuing().map(Some)
    }

    /// Rule 3: "volgens Hartog …", "according to Smith …", "volgens hem …".
    fn according_to(&self, before: &[usize]) -> Verdict {
        let cue = |k: &usize| self.key_at(*k) == "volgens" || self.key_at(*k) == "according";
        // Before the quotation, or after it in the same sentence ("zijn ‘vijanden’ er volgens
        // de president op uit").
        let v = match before.iter().rev().find(|k| cue(k)) {
            Some(&v) => v,
            None => (0..self.s.words.len())
                .filter(|&k| self.s.words[k].range.start >= self.outer.end)
                .find(cue)?,
        };
        let from = if self.key_at(v) == "according" {
            v + 2
        } else {
            v + 1
        };
        if let Some(n) = name_from(self.doc, self.s, from, self.ctx) {
            return Some(self.make(n, Attribution::Before));
        }
        // "Volgens de commandant van de strijdkrachten, Sergej Najev, …": the name in apposition.
        if let Some(n) = self.apposition(from) {
            return Some(self.make(n, Attribution::Before));
        }
        let w = self.s.words.get(from).map(|w| w.key.as_str());
        let w2 = self.s.words.get(from + 1).map(|w| w.key.as_str());
        // "volgens hem": the speaker before, or the last person; "volgens de president": the
        // person the description stands for.
        if matches!(w, Some("de" | "het" | "the")) && w2.is_some_and(is_person_title) {
            return Some(self.referent(w2));
        }
        w.is_some_and(|w| PRONOUNS.contains(&w))
            .then(|| self.pronoun())
    }

    /// A name set off by commas within a few words of word `from`: "de commandant van de
    /// strijdkrachten, Sergej Najev,".
    fn apposition(&self, from: usize) -> Option<String> {
        let s = self.s;
        let text = self.text();
        let names = self.ctx.names(self.doc, s);
        names
            .iter()
            .filter(|n| n.words.start > from && n.words.start <= from + 8)
            .filter(|n| s.words[n.words.start].range.end <= self.outer.start)
            .find(|n| {
                let prev = &s.words[n.words.start - 1];
                let gap = text.get(prev.range.end..s.words[n.words.start].range.start);
                gap.is_some_and(|g| g.contains(','))
            })
            .map(|n| n.text.clone())
    }

    /// Where the sentence starts for this phrase: after the quotation before it in the same
    /// sentence and the words that attributed that one ("“…”, voegde hij eraan toe voordat hij
    /// de ‘dreiging’ besprak": the verb is the quotation's, not the phrase's).
    fn own_start(&self) -> usize {
        let text = self.text();
        let Some(p) = self.previous else {
            return self.s.range.start;
        };
        let same_sentence = p.at.paragraph == self.doc.units[self.unit].paragraph
            && p.at.range.start >= self.s.range.start
            && p.at.range.end <= self.outer.start
            && text.get(p.at.range.clone()) == Some(p.at.text.as_str());
        // The quotation before is attributed right after it: ", voegde hij eraan toe".
        let attributed_after = p.speaker.is_some()
            && self
                .s
                .words
                .iter()
                .find(|w| w.range.start >= p.at.range.end)
                .is_some_and(|w| SPEECH.contains(&w.key.as_str()) || w.key == "volgens");
        if !(self.fragment && same_sentence && attributed_after) {
            return self.s.range.start;
        }
        // The attribution: up to four words after the quotation.
        self.s
            .words
            .iter()
            .filter(|w| w.range.start >= p.at.range.end)
            .nth(4)
            .map_or(self.outer.start, |w| w.range.start.min(self.outer.start))
    }

    /// Whether the sentence has a verb of saying outside the quotation.
    fn has_speech(&self) -> bool {
        let start = self.own_start();
        self.s.words.iter().any(|w| {
            w.range.start >= start
                && (w.range.end <= self.outer.start || w.range.start >= self.outer.end)
                && SPEECH.contains(&w.key.as_str())
        })
    }

    /// Rule 4: a quotation opening its sentence with no verb of saying continues the one before
    /// it in the same paragraph.
    fn continued(&self, before: &[usize]) -> Verdict {
        if !before.is_empty() || self.has_speech() {
            return None;
        }
        self.continuing().map(Some)
    }

    /// Rule 5: a name in a sentence with a verb of saying ("Peskov deed de speculaties af als
    /// „…”"), or a pronoun before the quotation in it.
    fn in_sentence(&self, before: &[usize]) -> Verdict {
        if !self.has_speech() {
            return None;
        }
        let s = self.s;
        // "he added that … were „…”": the pronoun is the subject of the saying, not the names
        // in what is said ("four places above the Magpies").
        let start = self.own_start();
        let says = |k: usize| {
            s.words
                .get(k)
                .is_some_and(|w| SPEECH.contains(&w.key.as_str()))
        };
        // "he said", "he also said", "hij heeft gezegd".
        let says_next = |k: usize| {
            says(k + 1)
                || says(k + 2)
                    && s.words.get(k + 1).is_some_and(|w| {
                        matches!(
                            w.key.as_str(),
                            "also" | "then" | "later" | "has" | "had" | "ook" | "nog" | "heeft"
                        )
                    })
        };
        if let Some(&k) = before.iter().find(|&&k| {
            s.words[k].range.start >= start && PRONOUNS.contains(&self.key_at(k)) && says_next(k)
        }) {
            return Some(self.resolve(true, s.words[k].range.start));
        }
        // "Mr Blair has "the same passion …" as when …, he said": the pronoun after it.
        if s.words.iter().enumerate().any(|(k, w)| {
            w.range.start >= self.outer.end && PRONOUNS.contains(&w.key.as_str()) && says_next(k)
        }) {
            return Some(self.pronoun());
        }
        // "The lawsuit said Willis has endured „…”": the verb's subject, not the names in
        // what is said.
        let verb = before
            .iter()
            .copied()
            .find(|&k| s.words[k].range.start >= start && says(k));
        if let Some(v) = verb.and_then(|k| self.subject_before(s, k, Attribution::Sentence)) {
            return Some(v);
        }
        if let Some(v) = verb.and_then(|v| self.name_before_verb(v)) {
            return Some(v);
        }
        // The first name, unless it is what a title belongs to ("The chairman of the Bar
        // Council, Guy Mansfield QC warned …") and another name follows.
        let mut belongs: Option<String> = None;
        for k in 0..s.words.len() {
            if s.words[k].range.start >= self.outer.start && s.words[k].range.end <= self.outer.end
            {
                continue;
            }
            if let Some(n) = name_from(self.doc, s, k, self.ctx) {
                if is_place_like(&n) {
                    continue;
                }
                let det = k > 0 && matches!(self.key_at(k - 1), "the" | "de" | "het");
                let at = if det { k - 1 } else { k };
                if at > 0 && matches!(self.key_at(at - 1), "of" | "van" | "for" | "voor") {
                    belongs.get_or_insert(n);
                    continue;
                }
                return Some(self.make(n, Attribution::Sentence));
            }
        }
        if let Some(n) = belongs {
            return Some(self.make(n, Attribution::Sentence));
        }
        before
            .iter()
            .filter(|&&k| s.words[k].range.start >= start)
            .any(|&k| PRONOUNS.contains(&self.key_at(k)))
            .then(|| self.pronoun())
    }

    /// "…, BBC correspondent James Hardy said Mr Brown would draw "…"": the name right before
    /// the verb of saying at word `verb`.
    fn name_before_verb(&self, verb: usize) -> Verdict {
        let n = self
            .ctx
            .names(self.doc, self.s)
            .into_iter()
            .find(|n| n.words.end == verb && !is_place_like(&n.text))?;
        Some(self.make(n.text, Attribution::Sentence))
    }

    /// Last: a sentence that opens with a pronoun ("Hij noemde het ‘…’").
    fn opening_pronoun(&self, before: &[usize]) -> Option<Speaker> {
        before
            .first()
            .is_some_and(|&k| PRONOUNS.contains(&self.key_at(k)))
            .then(|| self.pronoun())
            .flatten()
    }
}
