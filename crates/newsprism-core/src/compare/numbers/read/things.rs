//! The readings of what a number counts that the general one in `read.rs` would miss: ages
//! ("150-jarig", "Bell, 30,"), metres, multiples ("10 times faster"), a noun before the noun
//! counted ("28 spyware programs"), list items ("CD&V: 32"), and scores that are no quantity.

use super::super::fmt_num;
use super::super::lexicon::{thing_key, ADJECTIVES};
use super::super::parse::Number;
use super::{Counted, Reader};
use crate::text::language::Language;

impl Reader<'_, '_> {
    /// Whether the number at `i` is one side of a score or of odds: joined by a dash or a slash
    /// to another number that is not higher ("30-20", "18-17", "3-0", "50/50").
    pub(super) fn score_at(&self, i: usize, n: &Number) -> bool {
        let ws = self.words();
        let value = |k: usize| {
            let raw = self.word_text(k);
            raw.starts_with(|c: char| c.is_ascii_digit())
                .then(|| super::super::parse::parse_digits(raw, self.doc.article.language))
                .flatten()
        };
        let gap = |a: usize, b: usize| {
            self.text[ws[a].range.end..ws[b].range.start]
                .trim()
                .to_string()
        };
        let before = i
            .checked_sub(1)
            .filter(|&p| matches!(gap(p, i).as_str(), "-" | "–" | "/"));
        let after = Some(i + n.used)
            .filter(|&a| a < ws.len() && matches!(gap(a - 1, a).as_str(), "-" | "–" | "/"));
        let pair = |a: usize, b: usize| match (value(a), value(b)) {
            (Some(x), Some(y)) => y <= x || gap(a, b) == "/",
            _ => false,
        };
        before.is_some_and(|p| pair(p, i)) || after.is_some_and(|a| pair(i, a))
    }

    /// What word `j` says is counted where the general reading would not: an age ("150-jarig",
    /// "25-year-old": years), metres ("156 m"), a multiple ("10 times faster"), and a noun
    /// before another for more than one ("28 spyware programs": programs).
    pub(super) fn special_thing(&self, j: usize, many: bool) -> Option<Counted> {
        let ws = self.words();
        let x = &ws[j];
        let made = |text: &str, key: &str, next: usize| Counted {
            text: text.to_string(),
            key: key.to_string(),
            owner: None,
            next,
        };
        match x.key.as_str() {
            "jarig" | "jarige" => return Some(made("jaar", "jaar", j + 1)),
            "year" | "years" if x.joined && ws.get(j + 1).is_some_and(|o| o.key == "old") => {
                return Some(made("year", "year", j + 2));
            }
            "m" if !x.capital => return Some(made("m", "meter", j + 1)),
            "times" | "keer" | "maal" => {
                let comparative = ws.get(j + 1).is_some_and(|c| {
                    let k = c.key.as_str();
                    (k.ends_with("er") && k.len() > 4)
                        || matches!(
                            k,
                            "more" | "less" | "as" | "meer" | "minder" | "zo" | "zoveel" | "that"
                        )
                });
                return comparative.then(|| made(self.word_text(j), "times", j + 1));
            }
            _ => {}
        }
        let y = ws.get(j + 1)?;
        let plural = |w: &str| w.ends_with('s') && !w.ends_with("ss");
        // "six WorldCom executives": a name before the noun is what the things belong to.
        let compound = many
            && x.content
            && !plural(&x.key)
            && y.content
            && !y.capital
            && plural(&y.key)
            && self.text[x.range.end..y.range.start].trim().is_empty()
            && !ADJECTIVES.contains(&y.key.as_str());
        compound.then(|| {
            let key = thing_key(&y.key)
                .map(str::to_string)
                .unwrap_or_else(|| y.stem.clone());
            made(self.word_text(j + 1), &key, j + 2)
        })
    }

    /// A number that ends a list item after a colon ("CD&V: 32", "Aantal inwoners: 1.139.815
    /// (op 1 juli 2005)"): it counts the heading's last lower-case word, or is the label's.
    pub(super) fn listed(&self, start: usize, end: usize) -> Option<Counted> {
        let ws = self.words();
        let head = self
            .text
            .get(self.s.range.start..ws[start].range.start)?
            .trim_end();
        let after = self
            .text
            .get(ws[end - 1].range.end..self.s.range.end)?
            .trim();
        let closes = after.is_empty() || after.starts_with('(') && after.ends_with(')');
        if !head.ends_with(':') || !closes || start == 0 {
            return None;
        }
        let label = self.text[ws[0].range.start..ws[start - 1].range.end].to_string();
        let noun = &ws[start - 1];
        let (text, key) = if !noun.capital && noun.content {
            let key = thing_key(&noun.key)
                .map(str::to_string)
                .unwrap_or_else(|| noun.stem.clone());
            (self.word_text(start - 1).to_string(), key)
        } else {
            (label.clone(), crate::text::fold::fold(&label))
        };
        Some(Counted {
            text,
            key,
            owner: None,
            next: end,
        })
    }

    /// A count whose noun is left out: a vague amount on its own ("questions from thousands
    /// e-mailed", "duizenden gingen de straat op", when `vague`), or an item of a list after a counted one ("24 fouls …, seven
    /// on Heinze, five on Ronaldo"), which counts the same thing.
    pub(super) fn left_out(&self, start: usize, end: usize, vague: bool) -> Option<Counted> {
        let ws = self.words();
        let text = self.word_text(start).to_string();
        // A plural amount ("thousands", "duizenden"), not "several"/"enkele".
        let plural_amount = !matches!(
            self.words()[start].key.as_str(),
            "several" | "enkele" | "verscheidene" | "meerdere"
        );
        if vague && end == start + 1 && plural_amount {
            return Some(Counted {
                key: format!("({})", crate::text::fold::fold(&text)),
                text,
                owner: None,
                next: end,
            });
        }
        let listed = self.text[..ws[start].range.start].trim_end().ends_with(',')
            && ws.get(end).is_some_and(|p| {
                matches!(
                    p.key.as_str(),
                    "on" | "by"
                        | "for"
                        | "against"
                        | "from"
                        | "in"
                        | "op"
                        | "door"
                        | "voor"
                        | "tegen"
                        | "van"
                )
            });
        let last = self.last.borrow().clone()?;
        listed.then_some(Counted { next: end, ..last })
    }

    /// A share written in words with nothing counted after it ("by a fifth", "more than a
    /// quarter of the market"), when `share`.
    pub(super) fn share(&self, end: usize, share: bool) -> Option<Counted> {
        share.then(|| Counted {
            text: "share".into(),
            key: "share".into(),
            owner: None,
            next: end,
        })
    }

    /// A thing written as a hyphenated compound at word `j`: "two arch-rivals" counts
    /// arch-rivals; "six pre-election pledges" counts the pledges it describes.
    pub(super) fn compound(&self, j: usize) -> Option<Counted> {
        let ws = self.words();
        let mut m = j;
        while ws[m].joined && m + 1 < ws.len() {
            m += 1;
        }
        if m == j {
            return None;
        }
        let gap = |a: usize, b: usize| &self.text[ws[a].range.end..ws[b].range.start];
        if (j..m).any(|k| gap(k, k + 1) != "-") {
            return None;
        }
        let after = ws.get(m + 1).filter(|n| {
            n.content
                && !n.capital
                && gap(m, m + 1) == " "
                && n.key.chars().all(char::is_alphabetic)
        });
        Some(match after {
            Some(n) => Counted {
                text: self.doc.word_text(self.s, n).to_string(),
                key: thing_key(&n.key)
                    .map(str::to_string)
                    .unwrap_or_else(|| n.stem.clone()),
                owner: None,
                next: m + 2,
            },
            None => {
                let text = self.text[ws[j].range.start..ws[m].range.end].to_string();
                Counted {
                    key: crate::text::fold::fold(&text),
                    text,
                    owner: None,
                    next: m + 1,
                }
            }
        })
    }

    /// "Bell, 30, had …", "Mr Mubanga, 32, from Wembley": a number set off by commas right
    /// after a name is the person's age.
    pub(super) fn age_after_name(&self, start: usize, end: usize) -> Option<Counted> {
        let ws = self.words();
        let before = self.text[..ws[start].range.start].trim_end();
        let after = self.text[ws[end - 1].range.end..].trim_start();
        let named = start > 0 && ws[start - 1].capital && before.ends_with(',');
        let digits = self.word_text(start).chars().all(|c| c.is_ascii_digit());
        (named && digits && after.starts_with(',') && end == start + 1).then(|| {
            let years = if self.doc.article.language == Language::Dutch {
                "jaar"
            } else {
                "years"
            };
            Counted {
                text: years.to_string(),
                key: "jaar".to_string(),
                owner: None,
                next: end,
            }
        })
    }
}

/// What a number with a sign counts: a percentage, or money in a currency.
pub(super) fn signed(currency: Option<char>, next: usize) -> Counted {
    let (text, key) = match currency {
        Some(c) => (
            c.to_string(),
            thing_key(&c.to_string()).unwrap_or("money").to_string(),
        ),
        None => ("%".to_string(), "procent".to_string()),
    };
    Counted {
        text,
        key,
        owner: None,
        next,
    }
}

/// The figure as a reader would say it: "10000–15000", "~9000", ">3", "≤5".
pub(super) fn value_text(low: f64, high: f64, vague: bool, approx: bool, open_low: bool) -> String {
    if high.is_infinite() {
        format!(">{}", fmt_num(low))
    } else if vague {
        format!("{}–{}", fmt_num(low), fmt_num(high))
    } else if approx {
        format!("~{}", fmt_num((low / 0.9 + high / 1.1) / 2.0))
    } else if low == 0.0 && open_low {
        format!("≤{}", fmt_num(high))
    } else if (high - low).abs() > f64::EPSILON {
        format!("{}–{}", fmt_num(low), fmt_num(high))
    } else {
        fmt_num(low)
    }
}

/// Whether a lower-case word before a noun reads as an adjective by its form: a Dutch inflected
/// adjective ("representatieve", "bestuurlijke"), or an English one by its ending ("separate",
/// "additional", "massive", a participle: "freed", "missed") or among the commonest ("full",
/// "big").
pub(super) fn adjective_by_form(w: &str) -> bool {
    const COMMON: &[&str] = &[
        "full", "big", "small", "large", "long", "short", "high", "low", "few", "young", "old",
        "whole", "main", "key", "top", "major", "minor", "total", "separate", "single", "double",
    ];
    let n = w.chars().count();
    COMMON.contains(&w)
        || n > 6
            && [
                "lijke", "ieve", "ische", "ische", "aire", "ale", "ele", "ige", "ste", "ende",
            ]
            .iter()
            .any(|e| w.ends_with(e))
        || n > 5
            && [
                "ful", "ive", "ous", "ate", "able", "ible", "ical", "less", "ish", "ed", "ing",
            ]
            .iter()
            .any(|e| w.ends_with(e))
}
