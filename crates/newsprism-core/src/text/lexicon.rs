//! The one home of the vocabulary that several analyses share: cardinal number words and the
//! hedges that make a figure or a distance approximate, in Dutch and English. Words are
//! looked up folded (lowercase, without diacritics), as [`crate::text::fold`] makes them.

/// The value of a folded Dutch or English cardinal number word, compounds included
/// ("zevenhonderd", "eenentwintig", "tweeentwintigduizend", "twenty", "thousand"). "een"
/// and "één" are 1 here; whether the word is a number or an article is the caller's call.
///
/// ```
/// use newsprism_core::text::lexicon::cardinal;
/// assert_eq!(cardinal("zevenhonderd"), Some(700));
/// assert_eq!(cardinal("eenentwintig"), Some(21));
/// assert_eq!(cardinal("seventeen"), Some(17));
/// assert_eq!(cardinal("kat"), None);
/// ```
pub fn cardinal(folded: &str) -> Option<u64> {
    if folded.is_empty() {
        return None;
    }
    dutch(folded).or_else(|| english(folded))
}

/// Hedges that make what follows approximate, in both the number ledger ("ruim 9.000
/// soldaten") and time expressions ("bijna drie jaar"). Each analysis adds the few that only
/// it reads that way (Dutch "over" is "in" before a time, "naar schatting" is a phrase).
pub const HEDGES: &[&str] = &[
    "ruim", "bijna", "ongeveer", "circa", "ca", "zo'n", "almost", "nearly", "about", "around",
    "roughly", "some",
];

fn simple(w: &str) -> Option<u64> {
    Some(match w {
        "een" | "één" => 1,
        "twee" => 2,
        "drie" => 3,
        "vier" => 4,
        "vijf" => 5,
        "zes" => 6,
        "zeven" => 7,
        "acht" => 8,
        "negen" => 9,
        "tien" => 10,
        "elf" => 11,
        "twaalf" => 12,
        "dertien" => 13,
        "veertien" => 14,
        "vijftien" => 15,
        "zestien" => 16,
        "zeventien" => 17,
        "achttien" => 18,
        "negentien" => 19,
        "twintig" => 20,
        "dertig" => 30,
        "veertig" => 40,
        "vijftig" => 50,
        "zestig" => 60,
        "zeventig" => 70,
        "tachtig" => 80,
        "negentig" => 90,
        _ => return None,
    })
}

fn dutch(w: &str) -> Option<u64> {
    // fold() keeps "ë" out: "tweeëntwintig" arrives as "tweeentwintig".
    if w.is_empty() {
        return Some(0);
    }
    for (word, scale) in [("duizend", 1000u64), ("honderd", 100)] {
        if let Some(at) = w.find(word) {
            let (left, right) = (&w[..at], &w[at + word.len()..]);
            let l = if left.is_empty() { 1 } else { dutch(left)? };
            let r = if right.is_empty() { 0 } else { dutch(right)? };
            if l >= scale || r >= scale {
                return None;
            }
            return Some(l * scale + r);
        }
    }
    if let Some(n) = simple(w) {
        return Some(n);
    }
    for tens in [
        "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig",
    ] {
        if let Some(unit) = w.strip_suffix(tens) {
            let u = simple(unit.strip_suffix("en")?)?;
            if u < 10 {
                return Some(u + simple(tens)?);
            }
        }
    }
    None
}

fn english(w: &str) -> Option<u64> {
    Some(match w {
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "thousand" => 1000,
        _ => return None,
    })
}
