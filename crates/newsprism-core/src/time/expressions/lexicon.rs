//! The words of dates: months and their abbreviations, weekdays and day parts, decades,
//! calendar units, relative words ("vorige", "komende", "last"), parts of a period and
//! seasons. Number words and hedges come from [`crate::text::lexicon`].

use super::{Part, Rel, Season, Unit};
use crate::text::lexicon::HEDGES;

pub(super) const MONTHS: &[(&str, u8)] = &[
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
pub(super) const MONTH_ABBR: &[(&str, u8)] = &[
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

pub(super) const WEEKDAYS: &[(&str, u8)] = &[
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
pub(super) const DAY_PARTS: &[&str] = &["avond", "ochtend", "middag", "nacht", "morgen"];

pub(super) const DECADE_WORDS: &[(&str, i32)] = &[
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

pub(super) fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    // Lengths and first bytes rule out nearly every word before any comparison.
    let first = word.as_bytes().first()?;
    table
        .iter()
        .find(|(w, _)| w.len() == word.len() && w.as_bytes()[0] == *first && *w == word)
        .map(|&(_, v)| v)
}

pub(super) fn unit_of(word: &str) -> Option<Unit> {
    Some(match word {
        "dag" | "dagen" | "day" | "days" => Unit::Day,
        "week" | "weken" | "weeks" => Unit::Week,
        "maand" | "maanden" | "month" | "months" => Unit::Month,
        "jaar" | "jaren" | "year" | "years" => Unit::Year,
        "decennium" | "decennia" | "decade" | "decades" => Unit::Decade,
        _ => return None,
    })
}

pub(super) fn rel_of(word: &str) -> Option<Rel> {
    Some(match word {
        "vorige" | "vorig" | "afgelopen" | "verleden" | "voorbije" | "last" | "past" => Rel::Last,
        "deze" | "dit" | "this" => Rel::This,
        "volgende" | "volgend" | "komende" | "aanstaande" | "next" | "coming" => Rel::Next,
        _ => return None,
    })
}

pub(super) fn part_of(word: &str) -> Option<Part> {
    Some(match word {
        "begin" | "early" | "vroeg" => Part::Start,
        "medio" | "midden" | "halverwege" | "mid" | "half" => Part::Mid,
        "eind" | "einde" | "eindje" | "late" | "laat" => Part::End,
        _ => return None,
    })
}

pub(super) fn season_of(word: &str) -> Option<Season> {
    Some(match word {
        "lente" | "voorjaar" | "spring" => Season::Spring,
        "zomer" | "summer" => Season::Summer,
        "herfst" | "najaar" | "autumn" | "fall" => Season::Autumn,
        "winter" => Season::Winter,
        _ => return None,
    })
}

/// A hedge before a count: the shared ones ("bijna", "ruim", "about") and "over".
pub(super) fn is_approx(word: &str) -> bool {
    HEDGES.contains(&word) || word == "over"
}
