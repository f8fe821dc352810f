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
//! Besides dates it reads what TimeML also counts as time expressions but that has no single
//! place in time: durations ("28 jaar", "ruim drie jaar", "al jaren"), vague references ("nu",
//! "binnenkort", "sinds kort") and repetitions ("elke maandag", "per month") — see
//! [`Kind::placeable`] — as well as quarters, holidays and the part of the day or the clock
//! time a date carries ("maandagavond", "1800 GMT on Monday", "om 10.30 uur").
//!
//! Files: `lexicon.rs` (the words of dates), `tokens.rs` (tokens, look-ups, counts and their
//! bounds), `scan.rs` (the patterns tried at each token), `patterns.rs` (the date patterns),
//! `named.rs` (quarters, holidays, "July last year"), `vague.rs` (durations, repetitions,
//! vague references, parts of the day), `clock.rs` (clock times), `tense.rs` (the tense of a
//! sentence).
//!
//! Left alone: "nu" as a conjunction ("nu de oorlog…"), "eerder … dan" (rather than), a clock
//! time in words ("om drie uur"), and expressions anchored on a named event ("sinds de
//! oorlog"), which `super::named` reads.

mod clock;
mod lexicon;
mod named;
mod patterns;
mod scan;
mod tense;

pub use tense::looks_past;
#[cfg(test)]
mod tests;
mod tokens;
mod vague;

use std::ops::Range;

use serde::Serialize;

use scan::match_at;
use tense::tense_of;
use tokens::{tokenize, Scanner};

pub use lexicon::{is_month_name, is_month_or_weekday};

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
    /// An hour (durations only: "nog geen drie uur").
    Hour,
    /// A minute (durations only).
    Minute,
}

/// A part of the day: "maandagavond", "Wednesday morning", "gisteravond", "tonight".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayPart {
    /// Morning (TIMEX3 `TMO`).
    Morning,
    /// Afternoon (`TAF`).
    Afternoon,
    /// Evening (`TEV`).
    Evening,
    /// Night (`TNI`).
    Night,
}

impl DayPart {
    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "TMO",
            DayPart::Afternoon => "TAF",
            DayPart::Evening => "TEV",
            DayPart::Night => "TNI",
        }
    }
}

/// A TIMEX3 modifier from the words before a count: "ruim drie jaar" is more than three,
/// "nog geen drie uur" less than three, "binnen 24 uur" at most 24.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Mod {
    /// "ruim", "meer dan", "more than", "over".
    MoreThan,
    /// "nog geen", "minder dan", "bijna", "less than", "almost", "nearly", "under".
    LessThan,
    /// "ongeveer", "zo'n", "circa", "about", "around", "some", "roughly".
    Approx,
    /// "binnen", "within", "hooguit", "at most", "up to".
    EqualOrLess,
    /// "minstens", "ten minste", "at least".
    EqualOrMore,
}

impl Mod {
    /// The TIMEX3 name.
    pub fn name(self) -> &'static str {
        match self {
            Mod::MoreThan => "MORE_THAN",
            Mod::LessThan => "LESS_THAN",
            Mod::Approx => "APPROX",
            Mod::EqualOrLess => "EQUAL_OR_LESS",
            Mod::EqualOrMore => "EQUAL_OR_MORE",
        }
    }
}

/// Where a vague reference lies: "onlangs" (past), "nu" (present), "binnenkort" (future).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reference {
    /// "recently", "onlangs", "sinds kort", "eerder", "previously".
    Past,
    /// "now", "nu", "momenteel", "vandaag de dag", "currently".
    Present,
    /// "soon", "binnenkort", "in de toekomst".
    Future,
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
    /// A month in a year counted from the text's ("July last year", "maart vorig jaar").
    MonthOf {
        /// 1–12.
        month: u8,
        /// Years after the text's year (-1 for "last year").
        year_offset: i32,
    },
    /// A quarter of a year ("het derde kwartaal", "Q3 2004", "last quarter").
    Quarter {
        /// 1–4; `None` for "last quarter", "dit kwartaal" (counted by `rel` from the text's).
        quarter: Option<u8>,
        /// The year, if given.
        year: Option<i32>,
        /// "vorig", "dit", "volgend kwartaal"; "of last year" for a numbered one.
        rel: Rel,
    },
    /// The year an earlier expression of the article names: "datzelfde jaar", "that year",
    /// "the same year" (the timeline gives it that year).
    ThatYear,
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
    /// A century ("de 19e eeuw", "the twenty-first century").
    Century {
        /// Its first year as TIMEX3 counts it (1800 for the 19th: value "18").
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
    /// A weekday of a week counted from the text's ("vorige week maandag", "maandag volgende
    /// week", "Monday of last week").
    WeekdayOfWeek {
        /// 0 = Monday.
        weekday: u8,
        /// Weeks after the text's (-1 for "vorige week").
        week: i32,
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
    /// A length of time with no place in it: "28 jaar", "ruim drie jaar", "al jaren",
    /// "the 21-year-old". It is listed and exported, not drawn.
    Duration {
        /// How many units; `None` when the text does not say ("al jaren": `PXY`).
        n: Option<i32>,
        /// Which unit.
        unit: Unit,
    },
    /// A vague reference: "nu", "binnenkort", "recently" (TIMEX3 `PRESENT_REF` and so on).
    Vague {
        /// Past, present or future.
        reference: Reference,
    },
    /// A repetition: "elke maandag", "wekelijks", "every year", "per month" (TIMEX3 `SET`).
    Set {
        /// The period.
        unit: Unit,
        /// Periods between repetitions: 5 for "vijfjaarlijks" (every five years), else 1.
        every: u32,
        /// The weekday, for "elke maandag".
        weekday: Option<u8>,
    },
}

impl Kind {
    /// Whether the expression can have a place in time (a date, or a stretch anchored at the
    /// text's date), as against a bare duration, a vague reference or a repetition.
    pub fn placeable(&self) -> bool {
        !matches!(
            self,
            Kind::Duration { .. } | Kind::Vague { .. } | Kind::Set { .. }
        )
    }
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
    /// What the words before a count say about it ("ruim", "nog geen", "within").
    pub modifier: Option<Mod>,
    /// "maandagavond", "Wednesday morning", "tonight".
    pub day_part: Option<DayPart>,
    /// A clock time on the day, hour (24 for midnight) and minute: "1800 GMT on Monday",
    /// "om 10.30 uur".
    pub clock: Option<(u8, u8)>,
    /// The sentence's tense.
    pub tense: Tense,
}

impl Expression {
    /// A full date, as a named event gives one.
    pub fn date(year: i32, month: u8, day: u8) -> Expression {
        expr(Kind::Date {
            year: Some(year),
            month,
            day,
            weekday: None,
        })
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
/// // TimeML leaves "sinds" out of the words; it makes the year the start of an interval.
/// assert_eq!(&text[found[1].range.clone()], "2019");
/// assert_eq!(found[1].kind, Kind::Year { year: 2019 });
/// assert!(found[1].since);
/// ```
pub fn extract(text: &str) -> Vec<Expression> {
    let toks = tokenize(text);
    let s = Scanner {
        toks: &toks,
        unit_near: vague::unit_near(&toks),
    };
    // Most sentences name no time: their tense is worked out only when one does.
    let mut tense = None;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match match_at(&s, i) {
            Some((end, mut e)) => {
                e.tense = if e.since {
                    Tense::Past
                } else if tense::after_would(&toks, i) {
                    Tense::Future
                } else if let Some(t) = tense::clause_tense(&toks, i, end) {
                    t
                } else {
                    *tense.get_or_insert_with(|| tense_of(&toks))
                };
                // TimeML leaves "sinds"/"since" out of the expression: it is a signal.
                // "within"/"binnen" before a duration is a signal too; "ruim", "about" are
                // part of it.
                let signal = (e.since && is_since(&toks[i].lower))
                    || (matches!(toks[i].lower.as_str(), "within" | "binnen")
                        && matches!(e.kind, Kind::Duration { .. } | Kind::Unit { .. }));
                let first = if signal && end > i + 1 { i + 1 } else { i };
                e.range = toks[first].range.start..toks[end - 1].range.end;
                out.push(e);
                i = end;
            }
            None => i += 1,
        }
    }
    year_from_the_range_end(text, &mut out);
    out
}

/// "24 maart - 2 april 1992", "March to May 2004": the first end of a range takes the year of
/// the second (the year before, if its month comes later).
fn year_from_the_range_end(text: &str, out: &mut [Expression]) {
    for k in 1..out.len() {
        let between = text
            .get(out[k - 1].range.end..out[k].range.start)
            .unwrap_or("")
            .trim();
        if !matches!(
            between,
            "-" | "–"
                | "—"
                | "tot"
                | "to"
                | "until"
                | "t/m"
                | "tot en met"
                | "through"
                | "en"
                | "and"
        ) {
            continue;
        }
        let (year, month) = match out[k].kind {
            Kind::Date {
                year: Some(y),
                month,
                ..
            }
            | Kind::Month {
                year: Some(y),
                month,
                ..
            } => (y, month),
            _ => continue,
        };
        match &mut out[k - 1].kind {
            Kind::Date {
                year: first @ None,
                month: m,
                ..
            }
            | Kind::Month {
                year: first @ None,
                month: m,
                rel: Rel::None,
            } => *first = Some(if *m <= month { year } else { year - 1 }),
            _ => {}
        }
    }
}

/// The words that make an expression the start of an interval.
pub(super) fn is_since(word: &str) -> bool {
    matches!(word, "sinds" | "sedert" | "since" | "vanaf")
}

pub(super) fn expr(kind: Kind) -> Expression {
    Expression {
        range: 0..0,
        kind,
        part: None,
        since: false,
        approx: false,
        modifier: None,
        day_part: None,
        clock: None,
        tense: Tense::Present,
    }
}
