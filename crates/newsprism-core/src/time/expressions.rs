//! Finding temporal expressions in Dutch and English news text.
//!
//! [`extract`] scans one sentence and returns every date-like expression in it, each with its
//! byte range and a structured [`Kind`]: an absolute date ("vrijdag 25 februari", "19 December
//! 2022", "Dec 19"), a month or season ("in oktober", "deze winter"), a year or decade, a
//! weekday ("maandag"), a deictic day ("gisteren", "yesterday"), a calendar unit relative to
//! the text's date ("vorige week", "begin dit jaar"), a distance back ("twee weken geleden",
//! "bijna een jaar geleden") or an anchored span ("de komende drie jaar"). "sinds"/"since"
//! turns any of them into the start of an interval.
//!
//! It also reads the sentence's [`Tense`], which decides between past and future when a date
//! lacks its year. Nothing here knows the publication date: that is [`super::resolve`]'s job.
//!
//! Deliberately not extracted: bare durations ("28 jaar aan de macht", "in ruim drie jaar
//! tijd"), vague references ("de afgelopen maanden", "binnenkort", "nu") and the idiom
//! "vandaag de dag" (nowadays).

use std::ops::Range;

use serde::Serialize;

/// The tense of the sentence around an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tense {
    /// Past-tense or perfect verbs: a year-less date lies before the text's date.
    Past,
    /// No clear cue: the nearest fitting date, leaning to the past.
    Present,
    /// Future auxiliaries or "komende"/"next": a year-less date lies after the text's date.
    Future,
}

impl Tense {
    /// A lowercase name for exports.
    pub fn name(self) -> &'static str {
        match self {
            Tense::Past => "past",
            Tense::Present => "present",
            Tense::Future => "future",
        }
    }
}

/// Which occurrence a relative word picks: "afgelopen februari", "deze winter", "next Monday".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rel {
    /// No relative word: the tense decides.
    None,
    /// "vorige", "afgelopen", "last": strictly before the text's date.
    Last,
    /// "deze", "dit", "this": the one around the text's date.
    This,
    /// "volgende", "komende", "next": strictly after the text's date.
    Next,
}

/// A calendar unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A day.
    Day,
    /// An ISO week, Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
    /// Ten years.
    Decade,
}

/// A season of the northern hemisphere, by meteorological months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Season {
    /// March to May.
    Spring,
    /// June to August.
    Summer,
    /// September to November.
    Autumn,
    /// December to February; the winter of 2022 runs into 2023.
    Winter,
}

/// Which part of a period is meant: "begin dit jaar", "eind 2021", "mid-2020".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// The first third.
    Start,
    /// The middle third.
    Mid,
    /// The last third.
    End,
    /// From the start of the period up to the text's date ("earlier this year").
    Earlier,
    /// From the text's date to the end of the period ("later this year").
    Later,
}

/// What an expression says, before it is placed in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Kind {
    /// A day of a month, with or without the year and weekday ("vrijdag 25 februari").
    Date {
        /// The year, if the text gives it.
        year: Option<i32>,
        /// 1–12.
        month: u8,
        /// 1–31.
        day: u8,
        /// 0 = Monday, if the text names the weekday too.
        weekday: Option<u8>,
    },
    /// A month, with or without its year ("juli 1994", "in februari").
    Month {
        /// The year, if given.
        year: Option<i32>,
        /// 1–12.
        month: u8,
        /// "afgelopen februari", "next March".
        rel: Rel,
    },
    /// A year ("2019").
    Year {
        /// The year.
        year: i32,
    },
    /// A decade ("de jaren negentig", "the 1990s").
    Decade {
        /// Its first year (1990).
        start: i32,
    },
    /// A season ("deze winter", "zomer van 2020").
    Season {
        /// Which season.
        season: Season,
        /// The year, if given (the winter of 2022 starts in December 2022).
        year: Option<i32>,
        /// "deze", "afgelopen", "next".
        rel: Rel,
    },
    /// A weekday ("maandag", "last Monday").
    Weekday {
        /// 0 = Monday.
        weekday: u8,
        /// "vorige maandag", "next Monday".
        rel: Rel,
    },
    /// A day counted from the text's date ("gisteren" = -1, "morgen" = +1).
    DayOffset {
        /// Days after the text's date.
        offset: i32,
    },
    /// A calendar unit counted from the one holding the text's date ("vorige week" = week, -1).
    Unit {
        /// Week, month or year.
        unit: Unit,
        /// Units after the current one.
        offset: i32,
    },
    /// A distance back from the text's date ("twee weken geleden").
    Ago {
        /// How many units.
        n: i32,
        /// Which unit.
        unit: Unit,
    },
    /// A stretch of units that ends or starts at the text's date ("de komende drie jaar").
    Span {
        /// How many units.
        n: i32,
        /// Which unit.
        unit: Unit,
        /// Whether it runs forward from the text's date.
        future: bool,
    },
}

/// One temporal expression found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Expression {
    /// Byte range of the matched words in the text given to [`extract`].
    pub range: Range<usize>,
    /// What it says.
    pub kind: Kind,
    /// "begin", "eind", "mid", "earlier this…".
    pub part: Option<Part>,
    /// "sinds", "since", "vanaf": the expression starts an interval that runs to the text's date.
    pub since: bool,
    /// "bijna", "ruim", "about": the distance is approximate.
    pub approx: bool,
    /// The sentence's tense.
    pub tense: Tense,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TokKind {
    Word,
    Num,
    Punct,
}

#[derive(Clone, Debug)]
struct Tok {
    kind: TokKind,
    lower: String,
    range: Range<usize>,
    /// Whether the word starts with a capital letter.
    capital: bool,
    /// Whether white space separates it from the previous token.
    space_before: bool,
}

fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut last_end = 0usize;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let space_before = start != last_end || toks.is_empty();
        let mut end = start + c.len_utf8();
        let kind = if c.is_alphanumeric() {
            let mut numeric = c.is_ascii_digit();
            while let Some(&(i, n)) = chars.peek() {
                if n.is_alphanumeric() {
                    numeric &= n.is_ascii_digit();
                    end = i + n.len_utf8();
                    chars.next();
                } else if numeric && (n == '.' || n == ',') {
                    // "10.000" and "4,5" are one number; a full stop after a number is not.
                    let rest = &text[i + 1..];
                    if rest.starts_with(|d: char| d.is_ascii_digit()) {
                        chars.next();
                        end = i + 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            if numeric {
                TokKind::Num
            } else {
                TokKind::Word
            }
        } else {
            TokKind::Punct
        };
        let raw = &text[start..end];
        toks.push(Tok {
            kind,
            lower: raw.to_lowercase(),
            range: start..end,
            capital: c.is_uppercase(),
            space_before,
        });
        last_end = end;
    }
    toks
}

const MONTHS: &[(&str, u8)] = &[
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("april", 4),
    ("mei", 5),
    ("juni", 6),
    ("juli", 7),
    ("augustus", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("december", 12),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("october", 10),
];

/// Abbreviations, accepted only next to a day number ("Dec 19", "3 okt.").
const MONTH_ABBR: &[(&str, u8)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mrt", 3),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS: &[(&str, u8)] = &[
    ("maandag", 0),
    ("dinsdag", 1),
    ("woensdag", 2),
    ("donderdag", 3),
    ("vrijdag", 4),
    ("zaterdag", 5),
    ("zondag", 6),
    ("monday", 0),
    ("tuesday", 1),
    ("wednesday", 2),
    ("thursday", 3),
    ("friday", 4),
    ("saturday", 5),
    ("sunday", 6),
];

/// Parts of a day that Dutch writes onto the weekday: "maandagavond".
const DAY_PARTS: &[&str] = &["avond", "ochtend", "middag", "nacht", "morgen"];

const NUMBER_WORDS: &[(&str, i32)] = &[
    ("een", 1),
    ("één", 1),
    ("twee", 2),
    ("drie", 3),
    ("vier", 4),
    ("vijf", 5),
    ("zes", 6),
    ("zeven", 7),
    ("acht", 8),
    ("negen", 9),
    ("tien", 10),
    ("elf", 11),
    ("twaalf", 12),
    ("dertien", 13),
    ("veertien", 14),
    ("vijftien", 15),
    ("zestien", 16),
    ("zeventien", 17),
    ("achttien", 18),
    ("negentien", 19),
    ("veertig", 40),
    ("vijftig", 50),
    ("honderd", 100),
    ("twintig", 20),
    ("dertig", 30),
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("forty", 40),
    ("fifty", 50),
    ("hundred", 100),
    ("twenty", 20),
    ("thirty", 30),
];

const DECADE_WORDS: &[(&str, i32)] = &[
    ("twintig", 20),
    ("dertig", 30),
    ("veertig", 40),
    ("vijftig", 50),
    ("zestig", 60),
    ("zeventig", 70),
    ("tachtig", 80),
    ("negentig", 90),
    ("twenties", 20),
    ("thirties", 30),
    ("forties", 40),
    ("fifties", 50),
    ("sixties", 60),
    ("seventies", 70),
    ("eighties", 80),
    ("nineties", 90),
];

/// Whether a lower-case word names a month, written out or abbreviated ("maart", "okt", "july").
///
/// ```
/// use newsprism_core::time::expressions::{is_month_name, is_month_or_weekday};
/// assert!(is_month_name("okt") && is_month_name("maart") && !is_month_name("maandag"));
/// assert!(is_month_or_weekday("maandag") && is_month_or_weekday("july") && !is_month_or_weekday("okt"));
/// ```
pub fn is_month_name(word: &str) -> bool {
    lookup(MONTHS, word).is_some() || lookup(MONTH_ABBR, word).is_some()
}

/// Whether a lower-case word is a month written out or a day of the week.
pub fn is_month_or_weekday(word: &str) -> bool {
    lookup(MONTHS, word).is_some() || lookup(WEEKDAYS, word).is_some()
}

fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}

fn unit_of(word: &str) -> Option<Unit> {
    Some(match word {
        "dag" | "dagen" | "day" | "days" => Unit::Day,
        "week" | "weken" | "weeks" => Unit::Week,
        "maand" | "maanden" | "month" | "months" => Unit::Month,
        "jaar" | "jaren" | "year" | "years" => Unit::Year,
        "decennium" | "decennia" | "decade" | "decades" => Unit::Decade,
        _ => return None,
    })
}

fn rel_of(word: &str) -> Option<Rel> {
    Some(match word {
        "vorige" | "vorig" | "afgelopen" | "verleden" | "voorbije" | "last" | "past" => Rel::Last,
        "deze" | "dit" | "this" => Rel::This,
        "volgende" | "volgend" | "komende" | "aanstaande" | "next" | "coming" => Rel::Next,
        _ => return None,
    })
}

fn part_of(word: &str) -> Option<Part> {
    Some(match word {
        "begin" | "early" | "vroeg" => Part::Start,
        "medio" | "midden" | "halverwege" | "mid" | "half" => Part::Mid,
        "eind" | "einde" | "eindje" | "late" | "laat" => Part::End,
        _ => return None,
    })
}

fn season_of(word: &str) -> Option<Season> {
    Some(match word {
        "lente" | "voorjaar" | "spring" => Season::Spring,
        "zomer" | "summer" => Season::Summer,
        "herfst" | "najaar" | "autumn" | "fall" => Season::Autumn,
        "winter" => Season::Winter,
        _ => return None,
    })
}

fn is_approx(word: &str) -> bool {
    matches!(
        word,
        "bijna"
            | "ruim"
            | "ongeveer"
            | "circa"
            | "ca"
            | "zo'n"
            | "almost"
            | "nearly"
            | "about"
            | "around"
            | "roughly"
            | "some"
            | "over"
    )
}

/// A day number, with an ordinal suffix allowed ("19th", "1e", "25ste").
fn day_number(tok: &Tok) -> Option<u8> {
    let digits: String = tok.lower.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &tok.lower[digits.len()..];
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "e" | "ste" | "de") {
        return None;
    }
    let d: u8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A four-digit year, not part of a larger number ("10.000", "S-400", "2020-2022" is fine).
fn year_number(tok: &Tok) -> Option<i32> {
    if tok.kind != TokKind::Num || tok.lower.len() != 4 {
        return None;
    }
    let y: i32 = tok.lower.parse().ok()?;
    (1000..=2099).contains(&y).then_some(y)
}

fn count_number(tok: &Tok) -> Option<i32> {
    if tok.kind == TokKind::Num && tok.lower.len() <= 3 {
        return tok.lower.parse().ok().filter(|n| *n > 0);
    }
    lookup(NUMBER_WORDS, &tok.lower)
}

struct Scanner<'a> {
    toks: &'a [Tok],
}

impl Scanner<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        self.toks
            .get(i)
            .filter(|t| t.kind != TokKind::Punct)
            .map(|t| t.lower.as_str())
    }

    fn punct(&self, i: usize, p: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Punct && t.lower == p)
    }

    /// A month name at `i`: full names anywhere (English "May"/"March" only capitalised),
    /// abbreviations only when `abbr` is allowed (next to a day number).
    fn month(&self, i: usize, abbr: bool) -> Option<(u8, usize)> {
        let tok = self.toks.get(i)?;
        if tok.kind != TokKind::Word {
            return None;
        }
        if let Some(m) = lookup(MONTHS, &tok.lower) {
            if matches!(tok.lower.as_str(), "may" | "march") && !tok.capital {
                return None;
            }
            return Some((m, i + 1));
        }
        if abbr {
            if let Some(m) = lookup(MONTH_ABBR, &tok.lower) {
                // "Dec." keeps its full stop.
                let next = if self.punct(i + 1, ".") && !self.toks[i + 1].space_before {
                    i + 2
                } else {
                    i + 1
                };
                return Some((m, next));
            }
        }
        None
    }

    /// A weekday at `i`, with Dutch day parts written on ("maandagavond").
    fn weekday(&self, i: usize) -> Option<u8> {
        let w = self.word(i)?;
        if let Some(d) = lookup(WEEKDAYS, w) {
            return Some(d);
        }
        WEEKDAYS.iter().take(7).find_map(|(name, d)| {
            let rest = w.strip_prefix(name)?;
            DAY_PARTS.contains(&rest).then_some(*d)
        })
    }

    /// An optional ", " then a year after a date.
    fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.punct(i, ",") { i + 1 } else { i };
        let y = year_number(self.toks.get(j)?)?;
        Some((y, j + 1))
    }
}

/// Every temporal expression in `text` (one sentence), in order, not overlapping.
///
/// ```
/// use newsprism_core::time::expressions::{extract, Kind, Tense};
/// let text = "Maandag bracht Poetin een bezoek aan Minsk, voor het eerst sinds 2019.";
/// let found = extract(text);
/// assert_eq!(&text[found[0].range.clone()], "Maandag");
/// assert_eq!(found[0].tense, Tense::Past);
/// assert_eq!(&text[found[1].range.clone()], "sinds 2019");
/// assert_eq!(found[1].kind, Kind::Year { year: 2019 });
/// assert!(found[1].since);
/// ```
pub fn extract(text: &str) -> Vec<Expression> {
    let toks = tokenize(text);
    let tense = tense_of(&toks);
    let s = Scanner { toks: &toks };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match match_at(&s, i) {
            Some((end, mut e)) => {
                e.tense = if e.since { Tense::Past } else { tense };
                e.range = toks[i].range.start..toks[end - 1].range.end;
                out.push(e);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

fn expr(kind: Kind) -> Expression {
    Expression {
        range: 0..0,
        kind,
        part: None,
        since: false,
        approx: false,
        tense: Tense::Present,
    }
}

/// Tries every pattern at token `i`; returns the end token and the expression.
fn match_at(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let w = s.word(i)?;
    // "sinds"/"since"/"vanaf" + an expression, or + a distance ("sinds twee dagen").
    if matches!(w, "sinds" | "sedert" | "since" | "vanaf") {
        if let Some((end, mut e)) = match_core(s, i + 1) {
            e.since = true;
            return Some((end, e));
        }
        let (n, approx, j) = count_at(s, i + 1)?;
        let unit = unit_of(s.word(j)?)?;
        let mut e = expr(Kind::Ago { n, unit });
        e.since = true;
        e.approx = approx;
        return Some((j + 1, e));
    }
    match_core(s, i)
}

/// A count with an optional approximation before it: "bijna een", "more than two", "3".
fn count_at(s: &Scanner, i: usize) -> Option<(i32, bool, usize)> {
    let mut j = i;
    let mut approx = false;
    if s.word(j).is_some_and(is_approx) {
        approx = true;
        j += 1;
    } else if matches!(
        (s.word(j), s.word(j + 1)),
        (Some("meer"), Some("dan")) | (Some("more"), Some("than"))
    ) {
        approx = true;
        j += 2;
    }
    let n = count_number(s.toks.get(j)?)?;
    Some((n, approx, j + 1))
}

fn match_core(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let tok = s.toks.get(i)?;
    let w = s.word(i)?;

    // Numeric dates: 2022-12-19, 19-12-2022, 19/12/2022, 19.12.2022.
    if tok.kind == TokKind::Num {
        if let Some(found) = numeric_date(s, i) {
            return Some(found);
        }
    }

    // A part of a period: "begin dit jaar", "eind 2021", "mid-2020", "early next year",
    // "earlier this year", "later this month".
    let part = part_of(w).or(match w {
        "earlier" | "eerder" => Some(Part::Earlier),
        "later" => Some(Part::Later),
        _ => None,
    });
    if let Some(part) = part {
        let mut j = i + 1;
        if s.punct(j, "-") {
            j += 1;
        }
        if matches!(s.word(j), Some("van" | "in" | "of")) {
            j += 1;
        }
        if let Some((end, mut e)) = match_core(s, j) {
            let fits = match e.kind {
                Kind::Unit { unit, .. } => unit != Unit::Day,
                Kind::Year { .. } | Kind::Month { .. } | Kind::Decade { .. } => true,
                Kind::Season { .. } => true,
                _ => false,
            };
            // "earlier"/"later" only before "this …" ("earlier this year"), never "later 2020".
            let relative_only = matches!(part, Part::Earlier | Part::Later)
                && !matches!(e.kind, Kind::Unit { offset: 0, .. });
            if fits && !relative_only && e.part.is_none() {
                e.part = Some(part);
                return Some((end, e));
            }
        }
    }

    // Weekday, optionally with its date: "vrijdag 25 februari", "Monday, December 19".
    if let Some(weekday) = s.weekday(i) {
        let mut j = i + 1;
        if s.punct(j, ",") {
            j += 1;
        }
        if let Some((
            end,
            Kind::Date {
                year, month, day, ..
            },
        )) = day_month(s, j)
        {
            let kind = Kind::Date {
                year,
                month,
                day,
                weekday: Some(weekday),
            };
            return Some((end, expr(kind)));
        }
        // A possessive "Sunday's" stays a weekday.
        return Some((
            i + 1,
            expr(Kind::Weekday {
                weekday,
                rel: Rel::None,
            }),
        ));
    }

    if let Some((end, kind)) = day_month(s, i) {
        return Some((end, expr(kind)));
    }

    if let Some(found) = season_with_year(s, i) {
        return Some(found);
    }

    // Month with a year, or alone: "juli 1994", "in februari", "March 2005".
    if let Some((month, j)) = s.month(i, false) {
        if let Some((year, end)) = s.year_after(j) {
            let kind = Kind::Month {
                year: Some(year),
                month,
                rel: Rel::None,
            };
            return Some((end, expr(kind)));
        }
        let kind = Kind::Month {
            year: None,
            month,
            rel: Rel::None,
        };
        return Some((j, expr(kind)));
    }

    // A relative word: "vorige week", "afgelopen februari", "deze winter", "last Monday",
    // "de komende drie jaar", "the past three years".
    if let Some(rel) = rel_of(w) {
        if let Some(found) = relative(s, i, rel) {
            return Some(found);
        }
    }
    if matches!(w, "de" | "het" | "the") {
        if let Some(rel) = s.word(i + 1).and_then(rel_of) {
            // Only spans take the article: "de komende drie jaar", "the past five years".
            if let Some((end, e)) = relative(s, i + 1, rel) {
                if matches!(e.kind, Kind::Span { .. }) || w == "het" {
                    return Some((end, e));
                }
            }
        }
    }

    // Deictic days.
    if let Some((offset, len)) = deictic(s, i) {
        return Some((i + len, expr(Kind::DayOffset { offset })));
    }

    // Distances back: "twee weken geleden", "bijna een jaar geleden", "two years ago".
    if let Some((n, approx, j)) = count_at(s, i) {
        if let Some(unit) = s.word(j).and_then(unit_of) {
            if matches!(s.word(j + 1), Some("geleden" | "ago")) {
                let mut e = expr(Kind::Ago { n, unit });
                e.approx = approx;
                return Some((j + 2, e));
            }
        }
    }

    // Decades: "de jaren negentig", "jaren '90", "the 1990s", "the nineties".
    if let Some(found) = decade(s, i) {
        return Some(found);
    }

    // A year on its own.
    if let Some(year) = year_number(tok) {
        // Not a range's or a code's part: "S-1994", "1994-1995" is two years (fine), "€2019" no.
        let before = i.checked_sub(1).map(|b| &s.toks[b]);
        let glued = before.is_some_and(|b| {
            let code = matches!(b.lower.as_str(), "-" | "/")
                && !b.space_before
                && i >= 2
                && s.toks[i - 2].kind == TokKind::Word
                && part_of(&s.toks[i - 2].lower).is_none();
            (!tok.space_before && b.kind == TokKind::Word)
                || code
                || matches!(b.lower.as_str(), "€" | "$" | "£")
        });
        if !glued && (year >= 1800 || cue_before(s, i)) {
            return Some((i + 1, expr(Kind::Year { year })));
        }
    }
    None
}

fn cue_before(s: &Scanner, i: usize) -> bool {
    i > 0
        && matches!(
            s.word(i - 1),
            Some(
                "in" | "sinds"
                    | "since"
                    | "van"
                    | "of"
                    | "tot"
                    | "until"
                    | "jaar"
                    | "year"
                    | "anno"
            )
        )
}

/// A day and month with the year that may follow at token `i`.
fn dated(s: &Scanner, i: usize, month: u8, day: u8) -> (usize, Kind) {
    let (year, end) = match s.year_after(i) {
        Some((y, e)) => (Some(y), e),
        None => (None, i),
    };
    let kind = Kind::Date {
        year,
        month,
        day,
        weekday: None,
    };
    (end, kind)
}

/// "25 februari [2022]", "19th December 2022", "Dec 19[, 2022]", "December 19th".
fn day_month(s: &Scanner, i: usize) -> Option<(usize, Kind)> {
    let tok = s.toks.get(i)?;
    if let Some(day) = day_number(tok) {
        let mut j = i + 1;
        if s.punct(j, ".") && !s.toks.get(j)?.space_before {
            j += 1; // "25. Februar" style
        }
        if matches!(s.word(j), Some("of")) {
            j += 1;
        }
        if let Some((month, k)) = s.month(j, true) {
            return Some(dated(s, k, month, day));
        }
    }
    if let Some((month, j)) = s.month(i, true) {
        if let Some(day) = s.toks.get(j).and_then(day_number) {
            // "May 2" yes, "May 2020" is a month (handled by the caller), "March 10.000" no.
            return Some(dated(s, j + 1, month, day));
        }
    }
    None
}

fn numeric_date(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let first = &s.toks[i];
    // "19.12.2022" arrives as one token: split it here.
    if first.lower.contains('.') && !first.lower.contains(',') {
        let parts: Vec<&str> = first.lower.split('.').collect();
        if let [d, m, y] = parts.as_slice() {
            if y.len() == 4 && d.len() <= 2 && m.len() <= 2 {
                let kind = Kind::Date {
                    year: y.parse().ok(),
                    month: m.parse().ok().filter(|m| (1..=12).contains(m))?,
                    day: d.parse().ok().filter(|d| (1..=31).contains(d))?,
                    weekday: None,
                };
                return Some((i + 1, expr(kind)));
            }
        }
        return None;
    }
    // Three numbers joined by the same separator with no spaces: 2022-12-19, 19/12/2022.
    let sep = s.toks.get(i + 1)?;
    if sep.kind != TokKind::Punct || !matches!(sep.lower.as_str(), "-" | "/") || sep.space_before {
        return None;
    }
    let second = s.toks.get(i + 2)?;
    let sep2 = s.toks.get(i + 3)?;
    let third = s.toks.get(i + 4)?;
    if second.kind != TokKind::Num
        || second.space_before
        || sep2.lower != sep.lower
        || sep2.space_before
        || third.kind != TokKind::Num
        || third.space_before
    {
        return None;
    }
    let num = |t: &Tok| t.lower.parse::<i32>().ok();
    let (y, m, d) = if first.lower.len() == 4 {
        (num(first)?, num(second)?, num(third)?)
    } else if third.lower.len() == 4 {
        (num(third)?, num(second)?, num(first)?)
    } else {
        return None;
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1000..=2099).contains(&y) {
        return None;
    }
    let kind = Kind::Date {
        year: Some(y),
        month: m as u8,
        day: d as u8,
        weekday: None,
    };
    Some((i + 5, expr(kind)))
}

fn relative(s: &Scanner, i: usize, rel: Rel) -> Option<(usize, Expression)> {
    let next = s.word(i + 1)?;
    if let Some(unit) = unit_of(next) {
        // "vorige week", "dit jaar", "next month"; not "deze dagen".
        if matches!(next, "week" | "maand" | "jaar" | "month" | "year") {
            let offset = match rel {
                Rel::Last => -1,
                Rel::This => 0,
                Rel::Next => 1,
                Rel::None => 0,
            };
            // "the past year", "het afgelopen jaar" are the twelve months up to the date.
            if matches!(s.word(i), Some("past")) {
                let kind = Kind::Span {
                    n: 1,
                    unit,
                    future: false,
                };
                return Some((i + 2, expr(kind)));
            }
            return Some((i + 2, expr(Kind::Unit { unit, offset })));
        }
        return None;
    }
    // "de komende drie jaar", "the past five years", "afgelopen twee dagen".
    if rel != Rel::This {
        if let Some((n, approx, j)) = count_at(s, i + 1) {
            if let Some(unit) = s.word(j).and_then(unit_of) {
                let mut e = expr(Kind::Span {
                    n,
                    unit,
                    future: rel == Rel::Next,
                });
                e.approx = approx;
                return Some((j + 1, e));
            }
        }
    }
    if let Some(weekday) = s.weekday(i + 1) {
        return Some((i + 2, expr(Kind::Weekday { weekday, rel })));
    }
    if let Some((month, j)) = s.month(i + 1, false) {
        return Some((
            j,
            expr(Kind::Month {
                year: None,
                month,
                rel,
            }),
        ));
    }
    if let Some(season) = season_of(next) {
        return Some((
            i + 2,
            expr(Kind::Season {
                season,
                year: None,
                rel,
            }),
        ));
    }
    None
}

/// Deictic day words and their length in tokens.
fn deictic(s: &Scanner, i: usize) -> Option<(i32, usize)> {
    let w = s.word(i)?;
    let prev = i.checked_sub(1).and_then(|p| s.word(p));
    let next = s.word(i + 1);
    Some(match w {
        // "vandaag de dag" is "nowadays".
        "vandaag" if next == Some("de") && s.word(i + 2) == Some("dag") => return None,
        "vandaag" | "vanavond" | "vanochtend" | "vanmorgen" | "vanmiddag" | "vannacht"
        | "today" | "tonight" => (0, 1),
        "gisteren" | "gisteravond" | "gisterochtend" | "gistermiddag" | "gisternacht"
        | "yesterday" => (-1, 1),
        "eergisteren" => (-2, 1),
        "overmorgen" => (2, 1),
        "tomorrow" => (1, 1),
        // "morgen" is also "morning": "'s morgens", "de morgen", "deze morgen".
        "morgen" if !matches!(prev, Some("de" | "deze" | "die" | "s" | "goede" | "elke")) => (1, 1),
        "last" if next == Some("night") => (-1, 2),
        "this" if matches!(next, Some("morning" | "afternoon" | "evening")) => (0, 2),
        _ => return None,
    })
}

fn decade(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let w = s.word(i)?;
    let mut j = i;
    if matches!(w, "de" | "the") {
        j += 1;
    }
    match s.word(j)? {
        "jaren" => {
            let k = if s.punct(j + 1, "'") || s.punct(j + 1, "’") {
                j + 2
            } else {
                j + 1
            };
            let t = s.toks.get(k)?;
            let start = if let Some(d) = lookup(DECADE_WORDS, &t.lower) {
                1900 + d
            } else if t.kind == TokKind::Num && t.lower.len() == 2 {
                1900 + t.lower.parse::<i32>().ok().filter(|d| d % 10 == 0)?
            } else {
                year_number(t).filter(|y| y % 10 == 0)?
            };
            Some((k + 1, expr(Kind::Decade { start })))
        }
        word => {
            if let Some(d) = lookup(DECADE_WORDS, word).filter(|_| word.ends_with("ies")) {
                if j == i {
                    return None; // "the nineties" needs its article
                }
                return Some((j + 1, expr(Kind::Decade { start: 1900 + d })));
            }
            // "1990s" is one token.
            let t = s.toks.get(j)?;
            let digits = word.strip_suffix('s')?;
            if t.kind == TokKind::Word
                && digits.len() == 4
                && digits.bytes().all(|b| b.is_ascii_digit())
            {
                let start: i32 = digits.parse().ok()?;
                if start % 10 == 0 && (1000..=2090).contains(&start) {
                    return Some((j + 1, expr(Kind::Decade { start })));
                }
            }
            None
        }
    }
}

/// Season words with a year ("zomer van 2020", "summer 2020") are found here, since a season
/// without a relative word or a year is usually generic ("in de winter is het koud").
fn season_with_year(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let season = season_of(s.word(i)?)?;
    let mut j = i + 1;
    if matches!(s.word(j), Some("van" | "of")) {
        j += 1;
    }
    let year = year_number(s.toks.get(j)?)?;
    Some((
        j + 1,
        expr(Kind::Season {
            season,
            year: Some(year),
            rel: Rel::None,
        }),
    ))
}

const PAST_WORDS: &[&str] = &[
    // Dutch auxiliaries and strong past forms.
    "was",
    "waren",
    "werd",
    "werden",
    "had",
    "hadden",
    "zei",
    "zeiden",
    "bracht",
    "brachten",
    "begon",
    "begonnen",
    "kwam",
    "kwamen",
    "ging",
    "gingen",
    "deed",
    "deden",
    "sprak",
    "spraken",
    "liet",
    "lieten",
    "hield",
    "hielden",
    "gaf",
    "gaven",
    "nam",
    "namen",
    "vond",
    "vonden",
    "stond",
    "stonden",
    "lag",
    "lagen",
    "zat",
    "zaten",
    "bleef",
    "bleven",
    "bleek",
    "bleken",
    "viel",
    "vielen",
    "schreef",
    "schreven",
    "besloot",
    "besloten",
    "trok",
    "trokken",
    "sloeg",
    "koos",
    "verloor",
    "won",
    "wees",
    "riep",
    "liep",
    "zag",
    "zagen",
    "dacht",
    "kon",
    "konden",
    "moest",
    "moesten",
    "wilde",
    "wilden",
    "ontving",
    "verliet",
    "vertrok",
    "kreeg",
    "kregen",
    "vloog",
    "sneuvelde",
    "stierf",
    "geleden",
    // English.
    "were",
    "did",
    "said",
    "told",
    "went",
    "came",
    "took",
    "made",
    "gave",
    "began",
    "met",
    "left",
    "won",
    "lost",
    "saw",
    "held",
    "became",
    "fell",
    "rose",
    "ago",
    "spoke",
    "wrote",
    "thought",
    "brought",
    "bought",
    "sold",
    "paid",
    "found",
    "kept",
    "led",
    "felt",
    "struck",
    "grew",
    "knew",
    "chose",
    "drove",
    "flew",
    "sent",
    "spent",
    "stood",
    "got",
    "ran",
    "beat",
    "drew",
    "told",
    "meant",
    "broke",
    "threw",
    "taken",
    "given",
    "been",
    "gone",
    "seen",
];

const FUTURE_WORDS: &[&str] = &[
    "zal",
    "zullen",
    "zult",
    "aanstaande",
    "komende",
    "volgende",
    "straks",
    "will",
    "shall",
    "'ll",
    "upcoming",
    "next",
];

/// The tense of a sentence, from its verbs and cue words.
fn tense_of(toks: &[Tok]) -> Tense {
    let mut past = 0;
    let mut future = 0;
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokKind::Word {
            continue;
        }
        let w = t.lower.as_str();
        let next_is_to = toks.get(i + 1).is_some_and(|n| n.lower == "to");
        let after_be = i > 0 && matches!(toks[i - 1].lower.as_str(), "is" | "are" | "be");
        if FUTURE_WORDS.contains(&w) || (w == "going" && next_is_to) {
            future += 1;
        } else if after_be
            && next_is_to
            && matches!(
                w,
                "likely" | "expected" | "due" | "set" | "scheduled" | "planned"
            )
        {
            // "are likely to", "is expected to": a stronger cue than any -ed form nearby.
            future += 2;
        } else if PAST_WORDS.contains(&w) || looks_past(w) {
            past += 1;
        }
    }
    if future > past {
        Tense::Future
    } else if past > 0 {
        Tense::Past
    } else {
        Tense::Present
    }
}

/// Dutch weak past forms and participles, English -ed forms, by their endings.
fn looks_past(w: &str) -> bool {
    let n = w.chars().count();
    // Dutch participles: "gesproken", "gehackt", "aangekomen", "ontboden" are too varied;
    // the ge- prefix with a -d/-t/-en ending catches most.
    // Separable verbs put ge- after their prefix: "aangekomen", "opgeroepen", "afgewezen".
    let w_stem = [
        "aan", "op", "af", "uit", "in", "mee", "toe", "terug", "voor", "na", "door", "bij", "weg",
        "binnen", "over",
    ]
    .iter()
    .find_map(|p| {
        w.strip_prefix(p)
            .filter(|rest| rest.starts_with("ge") && rest.chars().count() >= 6)
    })
    .unwrap_or(w);
    if w_stem != w && (w.ends_with('d') || w.ends_with('t') || w.ends_with("en")) {
        return true;
    }
    if n >= 6 && w.starts_with("ge") && (w.ends_with('d') || w.ends_with('t') || w.ends_with("en"))
    {
        return !matches!(
            w,
            "gemeente"
                | "geweld"
                | "gebied"
                | "gesprekken"
                | "genoeg"
                | "gevecht"
                | "gevechten"
                | "gewicht"
                | "geleden"
                | "gebieden"
        );
    }
    // Dutch weak past: "meldde", "noemde", "verklaarde", "stelde", "ontmoetten".
    if n >= 6
        && (w.ends_with("dde") || w.ends_with("tte") || w.ends_with("dden") || w.ends_with("tten"))
    {
        return true;
    }
    if n >= 7
        && (w.ends_with("rde") || w.ends_with("lde") || w.ends_with("mde") || w.ends_with("nde"))
    {
        // Not present participles used as adjectives: "volgende", "komende", "lopende".
        return !w.ends_with("ende") && !w.ends_with("ande");
    }
    // English -ed (not "need", "united" as an adjective is rare in a date sentence).
    n >= 5 && w.ends_with("ed") && !matches!(w, "need" | "speed" | "indeed" | "seed" | "breed")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        extract(text).into_iter().map(|e| &text[e.range]).collect()
    }

    #[test]
    fn words_that_look_like_dates_but_are_not_are_left_alone() {
        let none: &[&str] = &[
            "Aanvallen worden vandaag de dag in Kiev voorbereid.",
            "Hij leverde S-400 luchtverdedigingssystemen en 10.000 soldaten.",
            "You may go now, said Jan Peters.",
            "Loekasjenko is nu 28 jaar aan de macht, zes jaar langer dan Poetin.",
            "Voor het eerst in ruim drie jaar tijd.",
            "Het gebeurde 's morgens vroeg.",
            "Er waren 1500 demonstranten en 2.000 agenten.",
        ];
        for text in none {
            assert_eq!(texts(text), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn every_form_in_the_issue_is_found() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Zij vielen op vrijdag 25 februari binnen.",
                &["vrijdag 25 februari"],
            ),
            (
                "sinds juli 1994 en in augustus 2020",
                &["sinds juli 1994", "augustus 2020"],
            ),
            ("Dat was in 2019.", &["2019"]),
            (
                "on 19 December 2022 and Dec 19",
                &["19 December 2022", "Dec 19"],
            ),
            (
                "in oktober, deze winter, maandag",
                &["oktober", "deze winter", "maandag"],
            ),
            (
                "vorige week en twee weken geleden",
                &["vorige week", "twee weken geleden"],
            ),
            (
                "bijna een jaar geleden, begin dit jaar",
                &["bijna een jaar geleden", "Begin dit jaar"],
            ),
            (
                "afgelopen februari, sinds februari",
                &["afgelopen februari", "sinds februari"],
            ),
            ("voor de komende drie jaar", &["de komende drie jaar"]),
            (
                "last week, two years ago, next March",
                &["last week", "two years ago", "next March"],
            ),
            (
                "the past five years and mid-2020",
                &["the past five years", "mid-2020"],
            ),
            ("Sunday's match, yesterday", &["Sunday", "yesterday"]),
            ("maandagavond en gisteren", &["maandagavond", "gisteren"]),
        ];
        for (text, want) in cases {
            let got = texts(text);
            let want: Vec<&str> = want.to_vec();
            let got_lower: Vec<String> = got.iter().map(|g| g.to_lowercase()).collect();
            let want_lower: Vec<String> = want.iter().map(|w| w.to_lowercase()).collect();
            assert_eq!(got_lower, want_lower, "{text}");
        }
    }

    #[test]
    fn the_sentence_tense_is_read_from_its_verbs() {
        let tense = |t: &str| extract(t)[0].tense;
        assert_eq!(tense("Maandag bracht Poetin een bezoek."), Tense::Past);
        assert_eq!(tense("Poetin is maandag aangekomen."), Tense::Past);
        assert_eq!(tense("Zondag meldde Minsk provocaties."), Tense::Past);
        assert_eq!(tense("Poetin zal maandag komen."), Tense::Future);
        assert_eq!(tense("Poetin komt maandag."), Tense::Present);
        assert_eq!(
            tense("Rates are likely to rise after the election in May."),
            Tense::Future
        );
        assert_eq!(tense("The firm announced on Monday."), Tense::Past);
    }
}
