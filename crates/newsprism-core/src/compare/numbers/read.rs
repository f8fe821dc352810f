//! Reading one sentence's quantities: the numbers in every form the module above lists, the
//! ranges and hedges around them, what they count and whose they are.

use std::ops::Range;

use super::lexicon::{is_hedge, owner_of, thing_key, ADJECTIVES, NOT_COUNTED, UNITS};
use super::{Owner, Quantity};
use crate::compare::names::is_name_adjective;
use crate::compare::words::{Doc, Sentence, Word};
use crate::compare::Passage;
use crate::search::alias::AliasTable;
use crate::text::language::Language;
use crate::time::expressions::is_month_name;

use super::parse::{collective, number_at, number_word, Number};

mod things;
use things::{adjective_by_form, signed, value_text};

/// What the words before a number say: approximate, open-ended either way, and where the
/// phrase starts.
struct Hedges {
    approx: bool,
    open_high: bool,
    open_low: bool,
    first_word: usize,
}

/// What a quantity counts, and how far that reading went.
#[derive(Clone)]
struct Counted {
    /// As written ("troepen", "%", "£").
    text: String,
    /// Its group key.
    key: String,
    owner: Option<Owner>,
    /// The word after the counted noun.
    next: usize,
}

/// How a number is written, for reading what it counts: a percentage, after a currency sign,
/// vague ("duizenden"), more than one, alone in brackets.
#[derive(Clone, Copy)]
struct How {
    percent: bool,
    currency: Option<char>,
    vague: bool,
    many: bool,
    parenthesised: bool,
}

/// One sentence being read, with the spans the timeline reads (not quantities).
struct Reader<'d, 'a> {
    doc: &'d Doc<'a>,
    s: &'d Sentence,
    text: &'d str,
    aliases: &'d AliasTable,
    temporal: Vec<Range<usize>>,
    /// What the sentence's last quantity counted, for a list that leaves it out ("24 fouls
    /// …, seven on Heinze, five on Ronaldo").
    last: std::cell::RefCell<Option<Counted>>,
}

/// The quantities of one sentence of article `d`, of party `party`.
pub(super) fn read_sentence(
    doc: &Doc,
    s: &Sentence,
    d: usize,
    party: usize,
    aliases: &AliasTable,
) -> Vec<Quantity> {
    let text = doc.units[s.unit].text;
    let sent = &text[s.range.clone()];
    // Dates, distances in time and repetitions ("$5bn a year") are the timeline's; a bare
    // length of time ("28 jaar", "ruim drie jaar") is a quantity.
    let temporal = crate::time::expressions::extract(sent)
        .into_iter()
        .filter(|e| {
            !matches!(e.kind, crate::time::expressions::Kind::Duration { .. })
                || anchored(&sent[..e.range.start])
        })
        .map(|e| s.range.start + e.range.start..s.range.start + e.range.end)
        .collect();
    let r = Reader {
        doc,
        s,
        text,
        aliases,
        temporal,
        last: Default::default(),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.words.len() {
        let Some(n) = number_at(doc, s, i) else {
            i += 1;
            continue;
        };
        if r.not_a_quantity(i, &n) {
            i += n.used;
            continue;
        }
        match r.quantity(i, n, d, party) {
            Ok((q, next)) => {
                out.push(q);
                i = next;
            }
            Err(next) => i = next,
        }
    }
    out
}

impl Reader<'_, '_> {
    fn words(&self) -> &[Word] {
        &self.s.words
    }

    fn word_text(&self, k: usize) -> &str {
        self.doc.word_text(self.s, &self.s.words[k])
    }

    /// A number at word `i` that is not a quantity: part of a time expression, a name or a
    /// compound ("S-400", "80-jarige"), a year, a day of a month, a clock time.
    fn not_a_quantity(&self, i: usize, n: &Number) -> bool {
        let ws = self.words();
        let w = &ws[i];
        let raw = self.word_text(i);
        let in_time = self
            .temporal
            .iter()
            .any(|r| r.start <= w.range.start && w.range.end <= r.end);
        let prev = i.checked_sub(1).map(|k| &ws[k]);
        // Joined to another number ("10-15", "twenty-five") it is a range or one number.
        let numeric = |x: &Word| {
            x.key.starts_with(|c: char| c.is_ascii_digit())
                || number_word(self.doc.word_text(self.s, x)).is_some()
        };
        // "25-year-old", "one-year", "80-jarige": an age or a length, a quantity.
        let age = ws.get(i + n.used).is_some_and(|x| {
            matches!(
                x.key.as_str(),
                "year" | "years" | "month" | "week" | "day" | "hour" | "jarig" | "jarige" | "jaar"
            )
        });
        // "30-man squad", "10-point lead": the number counts the word joined to it.
        // "three-game ban" too, a number word joined to the noun it counts.
        let modifier = ws
            .get(i + n.used)
            .is_some_and(|x| !x.capital && x.key.chars().all(char::is_alphabetic) && !numeric(x))
            && (raw.starts_with(|c: char| c.is_ascii_digit())
                || (n.used == 1
                    && w.joined
                    && !w.capital
                    && ws.get(i + 2).is_some_and(|x| !x.capital)));
        let in_name = prev.is_some_and(|p| p.joined && !numeric(p))
            || (ws[i + n.used - 1].joined
                && !ws.get(i + n.used).is_some_and(numeric)
                && !age
                && !modifier);
        // "30-20", "18-17 defeat", "50/50": a score or odds, not a range (which rises).
        let score = self.score_at(i, n);
        // "Six Nations", "Two Smoking Barrels": a number word with a capital inside a sentence.
        let named = i > 0 && w.capital && !raw.starts_with(|c: char| c.is_ascii_digit());
        let is_year = raw.len() == 4
            && raw.bytes().all(|b| b.is_ascii_digit())
            && (1800.0..=2100.0).contains(&n.low);
        let is_date = ws.get(i + n.used).is_some_and(|n| is_month_name(&n.key))
            || prev.is_some_and(|p| is_month_name(&p.key));
        // "number 19", "nummer 3": a rank.
        let rank = prev.is_some_and(|p| matches!(p.key.as_str(), "number" | "nummer" | "nr"));
        // "een enkele verdedigingsruimte" is a single one; "enkele tienduizenden" a hedge.
        let single = matches!(
            w.key.as_str(),
            "enkele" | "verscheidene" | "meerdere" | "several"
        ) && (prev
            .is_some_and(|p| matches!(p.key.as_str(), "een" | "de" | "het" | "a" | "the"))
            || ws
                .get(i + 1)
                .is_some_and(|x| numeric(x) || super::parse::vague(&x.key).is_some()));
        let is_clock = raw.contains(['.', ':'])
            && raw.rsplit(['.', ':']).next().is_some_and(|m| m.len() == 2)
            && ws
                .get(i + n.used)
                .is_some_and(|n| n.key == "uur" || n.key == "u");
        // "more than a quarter of the market" is a share, not three months.
        let share = n.low > 0.0 && n.high < 1.0 && !raw.starts_with(|c: char| c.is_ascii_digit());
        (in_time && !share)
            || in_name
            || is_year
            || is_date
            || is_clock
            || rank
            || single
            || score
            || named
    }

    /// The quantity whose number starts at word `start`, and the word to read on from; or,
    /// when it counts nothing, only the word to read on from.
    fn quantity(
        &self,
        start: usize,
        n: Number,
        d: usize,
        party: usize,
    ) -> Result<(Quantity, usize), usize> {
        let (ws, text) = (self.words(), self.text);
        let between = start
            .checked_sub(1)
            .is_some_and(|p| matches!(ws[p].key.as_str(), "tussen" | "between" | "van" | "from"));
        let spelled = self.word_text(start).starts_with(char::is_alphabetic);
        // "a fifth", "one in five": a share (before hedges open it: "more than a quarter").
        let share = spelled && n.low > 0.0 && n.high < 1.0;
        let (mut low, mut high, end) = self.range(start, n, between);
        // "%" right after the digits; a currency sign before them.
        let percent = text[ws[end - 1].range.end..].trim_start().starts_with('%');
        let currency = text[..ws[start].range.start]
            .trim_end()
            .chars()
            .last()
            .filter(|c| matches!(c, '£' | '$' | '€'));
        let h = self.hedges(start, n.vague, between);
        if h.open_high {
            high = f64::INFINITY;
        }
        if h.open_low {
            low = 0.0;
        }
        if h.approx && !n.vague {
            low *= 0.9;
            high *= 1.1;
        }
        let parenthesised = text[..ws[start].range.start].trim_end().ends_with('(');
        let how = How {
            percent,
            currency,
            vague: n.vague,
            many: high > 1.0,
            parenthesised,
        };
        let Some(counted) = self
            .counted(end, how)
            .or_else(|| self.collective_or_elided(start, end))
            .or_else(|| self.listed(start, end))
            .or_else(|| self.age_after_name(start, end))
            .or_else(|| self.left_out(start, end, spelled && n.vague))
            .or_else(|| self.share(end, share))
        else {
            return Err(end);
        };
        *self.last.borrow_mut() = Some(counted.clone());
        let of = self.measured(&counted.key, counted.next);
        let owner = counted
            .owner
            .or_else(|| self.owner_before(h.first_word, &counted.key));
        let (phrase_start, phrase_end) = self.phrase(start, end, h.first_word, how, counted.next);
        let unit = &self.doc.units[self.s.unit];
        let quantity = Quantity {
            at: Passage {
                article: self.doc.id(),
                doc: d,
                party,
                paragraph: unit.paragraph,
                range: phrase_start..phrase_end,
                text: text[phrase_start..phrase_end].to_string(),
                sentence: text[self.s.range.clone()].to_string(),
            },
            low,
            high,
            value: value_text(low, high, n.vague, h.approx, h.open_low),
            approx: h.approx,
            vague: n.vague,
            thing: counted.text,
            thing_key: counted.key,
            of,
            owner,
        };
        Ok((quantity, counted.next.max(end)))
    }

    /// The byte range of the quantity's phrase: from its first word (a hedge, or the number),
    /// its currency sign or its opening bracket, to its "%" or the last word read.
    fn phrase(
        &self,
        start: usize,
        end: usize,
        first_word: usize,
        how: How,
        next: usize,
    ) -> (usize, usize) {
        let (ws, text) = (self.words(), self.text);
        let phrase_end = if how.percent {
            let p = ws[end - 1].range.end;
            p + text[p..].find('%').map_or(0, |x| x + 1)
        } else {
            ws[next.saturating_sub(1).max(end - 1)].range.end
        };
        let phrase_start = ws[first_word].range.start;
        let phrase_start = match how.currency {
            // The sign right before the number ("about $180bn"), not an earlier one.
            // "HK$327m", "US$42m": the letters the sign is written with.
            Some(c) => text[..ws[start].range.start]
                .rfind(c)
                .map(|at| {
                    let letters = text[..at]
                        .chars()
                        .rev()
                        .take_while(char::is_ascii_uppercase)
                        .count();
                    let lead = text[..at - letters].chars().next_back();
                    if (1..=3).contains(&letters) && !lead.is_some_and(char::is_alphanumeric) {
                        at - letters
                    } else {
                        at
                    }
                })
                .map_or(phrase_start, |at| at.min(phrase_start)),
            // "(zeven) bestellingen", brackets balanced.
            None if how.parenthesised
                && first_word == start
                && text[phrase_start..phrase_end].contains(')') =>
            {
                text[..phrase_start].rfind('(').unwrap_or(phrase_start)
            }
            None => phrase_start,
        };
        (phrase_start, phrase_end)
    }

    /// A range after the first number ("10.000 tot 15.000", "10-15", "tussen 10 en 15"):
    /// the low and high values and the word after the last number.
    fn range(&self, start: usize, n: Number, between: bool) -> (f64, f64, usize) {
        let ws = self.words();
        let end = start + n.used;
        let joiner = ws.get(end).map(|x| x.key.as_str());
        let gap = ws
            .get(end)
            .map(|x| &self.text[ws[end - 1].range.end..x.range.start])
            .unwrap_or("");
        let dash = gap.trim() == "-" || gap.trim() == "–";
        let joins = matches!(joiner, Some("tot" | "à" | "a" | "to"))
            || (between && matches!(joiner, Some("en" | "and")));
        let second = if joins {
            number_at(self.doc, self.s, end + 1).map(|m| (m, end + 1))
        } else if dash {
            number_at(self.doc, self.s, end).map(|m| (m, end))
        } else {
            None
        };
        match second {
            Some((m, at)) if !(m.vague || n.vague) && m.high >= n.low => {
                (n.low, m.high, at + m.used)
            }
            _ => (n.low, n.high, end),
        }
    }

    /// Up to three words before the number: hedges ("ruim", "enkele"), "meer dan", "minder
    /// dan", English "over", "tot wel", "up to", "tot".
    fn hedges(&self, start: usize, vague: bool, between: bool) -> Hedges {
        let ws = self.words();
        let mut h = Hedges {
            approx: vague,
            open_high: false,
            open_low: false,
            first_word: start,
        };
        let mut k = start;
        while k > 0 && start - k < 3 {
            let p = ws[k - 1].key.as_str();
            if is_hedge(p) || p == "enkele" || p == "several" {
                h.approx = true;
                h.first_word = k - 1;
            } else if matches!(p, "dan" | "than") && k >= 2 {
                match ws[k - 2].key.as_str() {
                    "meer" | "more" => h.open_high = true,
                    "minder" | "less" | "fewer" => h.open_low = true,
                    _ => break,
                }
                h.first_word = k - 2;
                k -= 1;
            } else if matches!(p, "over") && self.doc.article.language == Language::English {
                h.open_high = true;
                h.first_word = k - 1;
            } else if (p == "wel" && k >= 2 && ws[k - 2].key == "tot")
                || p == "to" && k >= 2 && ws[k - 2].key == "up"
            {
                h.open_low = true;
                h.first_word = k - 2;
                k -= 1;
            } else if p == "tot" && !between {
                h.open_low = true;
                h.first_word = k - 1;
            } else {
                break;
            }
            k -= 1;
        }
        h
    }

    /// What the number ending before word `end` counts: a percentage, a currency, or the first
    /// noun after it, past adjectives and owners ("Russische troepen", "eigen soldaten").
    fn counted(&self, end: usize, how: How) -> Option<Counted> {
        let How {
            percent,
            currency,
            vague,
            many,
            parenthesised,
        } = how;
        let ws = self.words();
        let mut j = end;
        let mut owner = None;
        if percent || currency.is_some() {
            return Some(signed(currency, end));
        }
        // "duizenden van" / "thousands of".
        if vague && ws.get(j).is_some_and(|x| x.key == "of" || x.key == "van") {
            j += 1;
        }
        while j < ws.len() && j < end + 4 {
            let x = &ws[j];
            let gap = &self.text[ws[j - 1].range.end..x.range.start];
            // "(zeven) bestellingen": the number alone in brackets.
            let bracketed = parenthesised && j == end && gap.trim() == ")";
            if gap.contains([',', ';', ':', '.', '(', ')', '„', '“', '”', '"']) && !bracketed
            {
                return None;
            }
            let folded = x.key.as_str();
            if let Some(c) = self.special_thing(j, many) {
                return Some(Counted { owner, ..c });
            }
            if let Some(o) = owner_of(self.word_text(j), self.aliases) {
                if is_name_adjective(folded) || folded == "eigen" || folded == "own" || x.capital {
                    owner.get_or_insert(o);
                    j += 1;
                    continue;
                }
            }
            // An adjective by its form before a noun: "representatieve vakbonden", "full
            // seasons", "separate spyware programs".
            let before_noun = ws.get(j + 1).is_some_and(|n| {
                n.content
                    && (!n.capital || is_name_adjective(&n.key))
                    && !self.text[x.range.end..n.range.start].contains([',', ';', ':', '.', '('])
            });
            if ADJECTIVES.contains(&folded)
                || (x.capital && is_name_adjective(folded))
                || (before_noun && !x.capital && adjective_by_form(folded))
            {
                j += 1;
                continue;
            }
            // "jaar", "weken" are function words to the comparison, but known things here.
            if (!x.content && thing_key(folded).is_none())
                || folded.starts_with(|c: char| c.is_ascii_digit())
                || NOT_COUNTED.contains(&folded)
            {
                return None;
            }
            // (Not "30-frame-a-second video": a number joined to it counts the first word.)
            if x.joined && !ws[j - 1].joined {
                if let Some(c) = self.compound(j) {
                    return Some(Counted { owner, ..c });
                }
            }
            let key = thing_key(folded)
                .map(str::to_string)
                .unwrap_or_else(|| x.stem.clone());
            return Some(Counted {
                text: self.word_text(j).to_string(),
                key,
                owner,
                next: j + 1,
            });
        }
        None
    }

    /// What a number with no noun after it counts: people, for "wij tweeën"; the plural noun
    /// before it, for a count left short after "zeker", "minstens", "at least" ("oefeningen – al
    /// zeker twee sinds februari").
    fn collective_or_elided(&self, start: usize, end: usize) -> Option<Counted> {
        let ws = self.words();
        if collective(self.word_text(start)).is_some() {
            return Some(Counted {
                text: "personen".into(),
                key: "personen".into(),
                owner: None,
                next: end,
            });
        }
        let hedged = start.checked_sub(1).is_some_and(|p| {
            matches!(
                ws[p].key.as_str(),
                "zeker" | "minstens" | "minimaal" | "slechts" | "least" | "only"
            )
        });
        let spelled = !self
            .word_text(start)
            .starts_with(|c: char| c.is_ascii_digit());
        if !hedged || !spelled {
            return None;
        }
        let noun = (start.saturating_sub(8)..start.saturating_sub(1))
            .rev()
            .find(|&k| ws[k].content && (ws[k].key.ends_with("en") || ws[k].key.ends_with('s')))?;
        Some(Counted {
            text: self.word_text(noun).to_string(),
            key: thing_key(&ws[noun].key)
                .map(str::to_string)
                .unwrap_or_else(|| ws[noun].stem.clone()),
            owner: None,
            next: end,
        })
    }

    /// A unit measures the next content word: "procent van de bevolking", "jaar aan de macht".
    fn measured(&self, key: &str, from: usize) -> Option<String> {
        if !(UNITS.contains(&key) || key == "money") {
            return None;
        }
        let ws = self.words();
        let mut m = from;
        while m < ws.len() && m < from + 4 {
            let gap = &self.text[ws[m - 1].range.end..ws[m].range.start];
            if gap.contains([',', ';', ':', '.', '(', ')']) {
                break;
            }
            if ws[m].content && !ws[m].key.starts_with(|c: char| c.is_ascii_digit()) {
                return Some(self.word_text(m).to_lowercase());
            }
            m += 1;
        }
        None
    }

    /// Whose, from a country just before the number ("Rusland 10.000 soldaten").
    fn owner_before(&self, first_word: usize, key: &str) -> Option<Owner> {
        if UNITS.contains(&key) {
            return None;
        }
        (first_word.saturating_sub(2)..first_word)
            .rev()
            .find_map(|k| {
                let o = owner_of(self.word_text(k), self.aliases)?;
                self.s.words[k].capital.then_some(o)
            })
    }
}

/// Whether a length of time whose sentence reads `before` up to it is a repetition or a span
/// that ends now, and so the timeline's rather than a quantity: "every three years", "over the
/// last ten years", "de afgelopen vijf jaar". A length with "within" or "in" ("within 30 days",
/// "voor het eerst in ruim drie jaar") stays a quantity, as the gold tables have it.
fn anchored(before: &str) -> bool {
    let words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(3)
        .map(|w| crate::text::fold::fold(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .collect();
    let last = words.first().map(String::as_str);
    matches!(last, Some("every" | "each" | "elke" | "iedere" | "per"))
        || words.iter().take(2).any(|w| {
            matches!(
                w.as_str(),
                "last"
                    | "past"
                    | "next"
                    | "coming"
                    | "afgelopen"
                    | "komende"
                    | "laatste"
                    | "voorbije"
            )
        })
}
