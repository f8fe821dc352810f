//! What has no single place in time but is a time expression all the same (TimeML's DURATION,
//! SET and the PAST/PRESENT/FUTURE_REF values): durations ("28 jaar", "ruim drie jaar", "al
//! jaren", "the 21-year-old"), repetitions ("elke maandag", "wekelijks", "per month") and vague
//! references ("nu", "binnenkort", "sinds kort", "recently"); and the part of the day that a
//! date may carry ("maandagavond", "Wednesday morning", "gisteravond").

use super::lexicon::unit_of;
use super::tokens::{count_at, Scanner, Tok, TokKind};
use super::{expr, DayPart, Expression, Kind, Reference, Unit};

/// A unit of a duration, hours and minutes included.
fn duration_unit(word: &str) -> Option<Unit> {
    unit_of(word).or(match word {
        "uur" | "uren" | "hour" | "hours" => Some(Unit::Hour),
        "minuut" | "minuten" | "minute" | "minutes" => Some(Unit::Minute),
        _ => None,
    })
}

/// For each token, whether a unit of time ("jaar", "hours", "jarenlang") is at it or within
/// the four tokens after it.
pub(super) fn unit_near(toks: &[Tok]) -> Vec<bool> {
    let mut near = vec![false; toks.len()];
    for (j, t) in toks.iter().enumerate() {
        if t.kind == TokKind::Word
            && (duration_unit(&t.lower).is_some()
                || t.lower.ends_with("lang")
                || matches!(t.lower.as_str(), "jarig" | "jarige"))
        {
            for slot in near.iter_mut().take(j + 1).skip(j.saturating_sub(4)) {
                *slot = true;
            }
        }
    }
    near
}

/// A plural unit with no count: "jaren", "months".
fn plural_unit(word: &str) -> Option<Unit> {
    Some(match word {
        "dagen" | "days" => Unit::Day,
        "weken" | "weeks" => Unit::Week,
        "maanden" | "months" => Unit::Month,
        "jaren" | "years" => Unit::Year,
        "decennia" | "decades" => Unit::Decade,
        "uren" | "hours" => Unit::Hour,
        _ => return None,
    })
}

/// A singular unit: "jaar", "month", "dag".
fn singular_unit(word: &str) -> Option<Unit> {
    Some(match word {
        "dag" | "day" => Unit::Day,
        "week" => Unit::Week,
        "maand" | "month" => Unit::Month,
        "jaar" | "year" => Unit::Year,
        "uur" | "hour" => Unit::Hour,
        _ => return None,
    })
}

/// A part of the day as a word or the end of one ("avond", "maandagavond", "evening").
pub(super) fn day_part_of(word: &str) -> Option<DayPart> {
    const ENDINGS: &[(&str, DayPart)] = &[
        ("ochtend", DayPart::Morning),
        ("morgen", DayPart::Morning),
        ("morning", DayPart::Morning),
        ("middag", DayPart::Afternoon),
        ("afternoon", DayPart::Afternoon),
        ("avond", DayPart::Evening),
        ("evening", DayPart::Evening),
        ("nacht", DayPart::Night),
        ("night", DayPart::Night),
    ];
    if word == "tonight" {
        return Some(DayPart::Night);
    }
    ENDINGS
        .iter()
        .find(|(end, _)| word.ends_with(end))
        .map(|&(_, part)| part)
}

/// The part of the day of a day matched at tokens `i..end`: written on its last word
/// ("maandagavond", "gisteravond", "vannacht", "tonight") or the word after it ("Wednesday
/// morning", "yesterday afternoon"). Returns the new end.
pub(super) fn with_day_part(s: &Scanner, i: usize, end: usize, e: &mut Expression) -> usize {
    let last = end.checked_sub(1).and_then(|k| s.word(k)).unwrap_or("");
    // "morgen" alone is tomorrow, not a morning.
    if end > i && last != "morgen" {
        if let Some(part) = day_part_of(last) {
            e.day_part = Some(part);
            return end;
        }
    }
    if let Some(part) = s
        .word(end)
        .filter(|w| matches!(*w, "morning" | "afternoon" | "evening" | "night"))
        .and_then(day_part_of)
    {
        e.day_part = Some(part);
        return end + 1;
    }
    end
}

/// A vague reference at `i`: "nu", "momenteel", "vandaag de dag", "binnenkort", "sinds kort",
/// "onlangs", "eerder", "now", "currently", "recently", "soon", "in the future".
pub(super) fn reference(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let w = s.word(i)?;
    let next = s.word(i + 1).unwrap_or("");
    let prev = i.checked_sub(1).and_then(|p| s.word(p)).unwrap_or("");
    let (reference, len) = match (w, next) {
        ("vandaag", "de") if s.word(i + 2) == Some("dag") => (Reference::Present, 3),
        ("op", "dit") if s.word(i + 2) == Some("moment") => (Reference::Present, 3),
        ("at", "present") | ("right", "now") => (Reference::Present, 2),
        ("in", "de") if s.word(i + 2) == Some("toekomst") => (Reference::Future, 3),
        ("in", "the") if s.word(i + 2) == Some("future") => (Reference::Future, 3),
        // British "in future".
        ("in", "future") => (Reference::Future, 2),
        // "in the past", not "in the past four years".
        ("in", "the")
            if s.word(i + 2) == Some("past")
                && s.toks.get(i + 3).is_none_or(|t| t.kind == TokKind::Punct) =>
        {
            (Reference::Past, 3)
        }
        ("sinds" | "sedert", "kort") | ("kort", "geleden") => (Reference::Past, 2),
        ("nu", _) => {
            // "nu de oorlog…", "nu hij…" is "now that": a conjunction. "tot nu toe" is "so far".
            let conjunction = matches!(
                next,
                "de" | "het"
                    | "een"
                    | "dat"
                    | "die"
                    | "dit"
                    | "deze"
                    | "hij"
                    | "zij"
                    | "ze"
                    | "we"
                    | "wij"
                    | "je"
                    | "jij"
                    | "ik"
                    | "men"
                    | "u"
                    | "toe"
            );
            if conjunction || prev == "tot" {
                return None;
            }
            (Reference::Present, 1)
        }
        ("now", _) => (Reference::Present, 1),
        ("momenteel" | "tegenwoordig" | "thans" | "inmiddels" | "currently" | "nowadays", _) => {
            (Reference::Present, 1)
        }
        ("binnenkort" | "spoedig" | "weldra" | "soon", _) => (Reference::Future, 1),
        ("onlangs" | "recentelijk" | "recently" | "lately" | "previously", _)
        | ("formerly" | "vroeger", _) => (Reference::Past, 1),
        // "recent toegenomen": the adverb before a participle, not "een recente peiling".
        ("recent", _) if next.contains("ge") && next.ends_with(['d', 't', 'n']) => {
            (Reference::Past, 1)
        }
        // "Eerder had hij…", "Shalaby earlier said": not "eerder dan", "earlier this year",
        // "eerder dit jaar", "two days earlier".
        ("eerder" | "earlier", _) => {
            let followed = matches!(
                next,
                "dan" | "than" | "dit" | "this" | "deze" | "that" | "die" | "in" | "op" | "on"
            );
            let counted = i
                .checked_sub(1)
                .and_then(|p| s.word(p))
                .is_some_and(|p| duration_unit(p).is_some() || p == "veel" || p == "much");
            // "eerder X dan Y" is "rather X than Y".
            let rather = (i + 1..i + 9).any(|k| matches!(s.word(k), Some("dan" | "than")));
            if followed || counted || rather {
                return None;
            }
            (Reference::Past, 1)
        }
        _ => return None,
    };
    Some((i + len, expr(Kind::Vague { reference })))
}

/// A Dutch repetition with its count in the word: "vijfjaarlijks", "tweewekelijkse".
fn counted_repetition(w: &str) -> Option<(u32, Unit)> {
    let w = w.strip_suffix('e').unwrap_or(w);
    let (head, unit) = [
        ("jaarlijks", Unit::Year),
        ("maandelijks", Unit::Month),
        ("wekelijks", Unit::Week),
        ("daags", Unit::Day),
    ]
    .into_iter()
    .find_map(|(end, unit)| Some((w.strip_suffix(end)?, unit)))?;
    let n = crate::text::lexicon::cardinal(head)?;
    (2..=100).contains(&n).then_some((n as u32, unit))
}

/// A repetition at `i`: "elke maandag", "iedere week", "every year", "each month", "per dag",
/// "wekelijks", "daily", "everyday", "twice a week".
pub(super) fn set(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let w = s.word(i)?;
    let single = match w {
        // "het dagelijks bestuur" is the executive, not a repetition.
        "dagelijks" if s.word(i + 1) == Some("bestuur") => None,
        "dagelijks" | "daily" | "everyday" => Some(Unit::Day),
        "wekelijks" | "weekly" => Some(Unit::Week),
        "maandelijks" | "monthly" => Some(Unit::Month),
        "jaarlijks" | "jaarlijkse" | "yearly" | "annually" | "annual" => Some(Unit::Year),
        _ => None,
    };
    if let Some(unit) = single {
        return Some((
            i + 1,
            expr(Kind::Set {
                unit,
                every: 1,
                weekday: None,
            }),
        ));
    }
    // "vijfjaarlijks", "tweewekelijkse", "driemaandelijks": every five years, two weeks, ….
    if let Some((every, unit)) = counted_repetition(w) {
        return Some((
            i + 1,
            expr(Kind::Set {
                unit,
                every,
                weekday: None,
            }),
        ));
    }
    let every = matches!(
        w,
        "elke" | "elk" | "iedere" | "ieder" | "every" | "each" | "per"
    );
    // "twice a week", "$5bn a year": "a"/"an" after a count or an amount.
    let after_amount = matches!(w, "a" | "an")
        && i.checked_sub(1).is_some_and(|p| {
            let t = &s.toks[p];
            t.kind == TokKind::Num
                || t.lower.chars().any(|c| c.is_ascii_digit())
                || matches!(t.lower.as_str(), "once" | "twice" | "times")
        });
    if !every && !after_amount {
        return None;
    }
    let next = s.word(i + 1)?;
    if let Some(unit) = singular_unit(next) {
        return Some((
            i + 2,
            expr(Kind::Set {
                unit,
                every: 1,
                weekday: None,
            }),
        ));
    }
    let weekday = s.weekday(i + 1).filter(|_| every && w != "per")?;
    Some((
        i + 2,
        expr(Kind::Set {
            unit: Unit::Week,
            every: 1,
            weekday: Some(weekday),
        }),
    ))
}

/// A duration at `i`: "28 jaar", "ruim drie jaar", "nog geen drie uur", "the 21-year-old",
/// "an 18-month loan", "al jaren", "jarenlang", "for months", "de afgelopen maanden", "in
/// recent years".
pub(super) fn duration(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let w = s.word(i)?;
    // The cheap test first: a unit of time here or within the next four words.
    if !s.unit_near.get(i).copied().unwrap_or(false) {
        return None;
    }
    let next = s.word(i + 1).unwrap_or("");
    if let Some(found) = unnumbered(s, i, w, next) {
        return Some(found);
    }
    // Counted: a number and a unit, or "21-year-old", "18-month", "one-year".
    let glued_one =
        matches!(w, "one" | "één" | "een") && s.punct(i + 1, "-") && !s.toks[i + 1].space_before;
    let (n, modifier, j) = count_at(s, i).or(glued_one.then_some((1, None, i + 1)))?;
    let mut end = j;
    if s.punct(end, "-") && !s.toks[end].space_before {
        end += 1;
    }
    // "29-jarige", "150-jarig": an age or a length in years.
    let jarig = end > j && matches!(s.word(end), Some("jarig" | "jarige"));
    let unit = if jarig {
        Unit::Year
    } else {
        s.word(end).and_then(duration_unit)?
    };
    end += 1;
    // "om drie uur", "at six hours" are clock times, not durations.
    let prev = i.checked_sub(1).and_then(|p| s.word(p));
    if unit == Unit::Hour && matches!(prev, Some("om" | "tegen" | "rond" | "at")) {
        return None;
    }
    // "op een dag" is "one day", a story's opening.
    if unit == Unit::Day && prev == Some("op") && n == 1 {
        return None;
    }
    if s.punct(end, "-") && s.word(end + 1) == Some("old") {
        end += 2;
    }
    let mut e = expr(Kind::Duration { n: Some(n), unit });
    e.modifier = modifier;
    e.approx = modifier.is_some();
    Some((end, e))
}

/// A duration with no count: "jarenlang", "al jaren", "for months", "de laatste jaren", "the
/// past few years", "in recent years".
fn unnumbered(s: &Scanner, i: usize, w: &str, next: &str) -> Option<(usize, Expression)> {
    let unnumbered = |unit: Unit, end: usize| Some((end, expr(Kind::Duration { n: None, unit })));
    if let Some(unit) = match w {
        "jarenlang" => Some(Unit::Year),
        "maandenlang" => Some(Unit::Month),
        "wekenlang" => Some(Unit::Week),
        "dagenlang" => Some(Unit::Day),
        "urenlang" => Some(Unit::Hour),
        "decennialang" => Some(Unit::Decade),
        _ => None,
    } {
        return unnumbered(unit, i + 1);
    }
    if matches!(w, "al" | "for") {
        if let Some(unit) = plural_unit(next) {
            // "al jaren", "for years"; not "for years to come"'s… that is a duration too.
            return unnumbered(unit, i + 2);
        }
    }
    // "de laatste jaren", "de afgelopen maanden", "the past few years", "in recent years".
    let mut j = i;
    if matches!(w, "de" | "the" | "in") {
        j += 1;
        if w == "in" && s.word(j) == Some("the") {
            j += 1;
        }
    }
    if matches!(
        s.word(j),
        Some(
            "laatste"
                | "afgelopen"
                | "voorbije"
                | "komende"
                | "past"
                | "last"
                | "recent"
                | "coming"
                | "next"
        )
    ) {
        let mut k = j + 1;
        if matches!(s.word(k), Some("few" | "several" | "paar" | "enkele")) {
            k += 1;
        }
        if let Some(unit) = s.word(k).and_then(plural_unit) {
            return unnumbered(unit, k + 1);
        }
    }
    None
}
