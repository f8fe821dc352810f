//! The speaker's now. Inside a quotation, "today", "Wednesday" and "last week" count from the
//! day the words were said, not from the article's date. When the article dates the saying
//! ("told a news conference in Cairo on Sunday", "zei maandag"), the relative expressions in the
//! quotations after it are placed against that day, with the saying as the evidence.
//!
//! The saying's date holds for the rest of its paragraph, and for the paragraphs after it that
//! open with a quotation mark (a quotation running over several paragraphs). A sentence that
//! dates another saying takes over.

use std::ops::Range;

use super::Event;
use crate::article::Article;
use crate::text::quotes::marked;
use crate::time::calendar::human_day;
use crate::time::resolve::{needs_reference, resolve, Granularity};

/// Past-tense verbs of saying that date a quotation when a day is named beside them.
const SAID: &[&str] = &[
    "said",
    "told",
    "added",
    "stated",
    "declared",
    "announced",
    "insisted",
    "warned",
    "explained",
    "replied",
    "zei",
    "zeiden",
    "vertelde",
    "vertelden",
    "verklaarde",
    "benadrukte",
    "waarschuwde",
    "antwoordde",
    "meldde",
    "stelde",
];

/// Words that open what was said ("said that …", "zei dat …"): a day after them is the
/// content's, not the saying's.
const THAT: &[&str] = &[
    "that", "dat", "whether", "if", "would", "will", "zou", "zal",
];

/// Whether the expression dates a saying in its sentence: a verb of saying outside the
/// quotations, with the expression just after it ("said yesterday", "told reporters on Monday",
/// "zei Poetin maandag"), or after "on"/"op" at most seven words after it, with no "that"/"dat"
/// between ("told a news conference in Cairo on Sunday"), or at most three words before it ("On
/// Sunday, Mido said", "Maandag zei Poetin"). "The BRC said retailers had endured their worst
/// Christmas" does not date the saying.
fn dates_a_saying(e: &Event, quoted: &[Range<usize>]) -> bool {
    let start = e.sentence.start;
    // (offset in the sentence, folded word)
    let words: Vec<(usize, String)> = crate::time::named::words(&e.sentence_text)
        .into_iter()
        .map(|(w, r)| (r.start, w))
        .collect();
    let at = words.iter().position(|(o, _)| start + o >= e.range.start);
    let Some(at) = at else { return false };
    let end = words
        .iter()
        .position(|(o, _)| start + o >= e.range.end)
        .unwrap_or(words.len());
    let on = at > 0 && matches!(words[at - 1].1.as_str(), "on" | "op");
    words.iter().enumerate().any(|(i, (o, w))| {
        if !SAID.contains(&w.as_str()) || quoted.iter().any(|q| q.contains(&(start + o))) {
            return false;
        }
        if i < at {
            let gap = at - i - 1;
            let clear = !words[i + 1..at]
                .iter()
                .any(|(_, w)| THAT.contains(&w.as_str()));
            clear && (gap <= 2 || (on && gap <= 7))
        } else {
            i >= end && i - end < 3
        }
    })
}

/// Places the relative expressions inside quotations against the day their words were said,
/// where the article dates the saying. `events` are the article's, in text order.
pub(super) fn speakers_now(article: &Article, events: &mut [Event]) {
    let mut said: Option<(crate::time::calendar::Day, String)> = None;
    let mut quoted_after = false;
    let mut k = 0;
    for (p, para) in article.paragraphs.iter().enumerate() {
        let continues = para
            .text
            .trim_start()
            .starts_with(['"', '“', '„', '‘', '\'', '«']);
        // A quotation over several paragraphs goes on in one that opens with a mark, if the
        // dated saying was followed by a quotation.
        if !(continues && quoted_after) {
            said = None;
            quoted_after = false;
        }
        while k < events.len() && events[k].paragraph < p {
            k += 1;
        }
        // Most paragraphs name no time: their quotations are read only when one does.
        if events.get(k).is_none_or(|e| e.paragraph != p) {
            continue;
        }
        let quoted: Vec<Range<usize>> = marked(&para.text)
            .into_iter()
            .map(|(_, inner, _)| inner)
            .collect();
        while k < events.len() && events[k].paragraph == p {
            let e = &mut events[k];
            k += 1;
            let inside = quoted.iter().any(|q| q.contains(&e.range.start));
            if !inside {
                if let Some(day) = dated_saying(e, &quoted) {
                    said = Some((day, e.text.clone()));
                    let after = e.range.end;
                    quoted_after = quoted.iter().any(|q| q.start > after);
                }
                continue;
            }
            let Some((day, words)) = &said else {
                continue;
            };
            if !needs_reference(&e.expression) || e.resolution.is_none() {
                continue;
            }
            if let Some(mut r) = resolve(&e.expression, Some(*day..=*day)) {
                r.settled_by = Some(format!(
                    "said “{words}” ({}): the speaker’s own time",
                    human_day(*day)
                ));
                e.resolution = Some(r);
            }
        }
    }
}

/// The day of a saying that `e` dates: `e` is a certain day in the past, in a sentence with a
/// verb of saying outside the quotations.
fn dated_saying(e: &Event, quoted: &[Range<usize>]) -> Option<crate::time::calendar::Day> {
    let r = e.resolution.as_ref()?;
    let day = r.is_certain() && r.granularity == Granularity::Day && r.start == r.end;
    (day && dates_a_saying(e, quoted)).then_some(r.start)
}

#[cfg(test)]
mod tests {
    use crate::ingest::parse_article;
    use crate::time::timeline::analyse;

    /// Each expression's words and value.
    fn values(text: &str) -> Vec<(String, String)> {
        let a = parse_article("a.txt", text.as_bytes()).unwrap().article;
        analyse(&a)
            .events
            .iter()
            .filter_map(|e| Some((e.text.clone(), e.resolution.as_ref()?.value.clone())))
            .collect()
    }

    fn value_of<'a>(vs: &'a [(String, String)], words: &str) -> Vec<&'a str> {
        vs.iter()
            .filter(|(t, _)| t == words)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    #[test]
    fn today_in_a_quotation_is_the_day_it_was_said() {
        // Wednesday 16 February 2005; the news conference was on Sunday the 13th.
        let vs = values(
            " date 2005-02-16 Mido told a news conference in Cairo on Sunday that he is sorry. \
             Mido said: \"There isn't much I have to say today.\" He added: \"I saw them play \
             (Egypt won 4-0 on Wednesday).\"\n\n\"Today I apologise,\" he went on.\n\n\
             The FA meets today.",
        );
        assert_eq!(value_of(&vs, "Sunday"), ["2005-02-13"]);
        assert_eq!(value_of(&vs, "today"), ["2005-02-13", "2005-02-16"]);
        assert_eq!(value_of(&vs, "Wednesday"), ["2005-02-09"]);
        assert_eq!(
            value_of(&vs, "Today"),
            ["2005-02-13"],
            "the quotation goes on"
        );
    }

    #[test]
    fn a_day_the_words_speak_of_does_not_date_them() {
        let vs = values(
            " date 2022-12-21 Poetin zei dat de aanval maandag begon. \"Vandaag praten we,\" zei hij.",
        );
        assert_eq!(value_of(&vs, "Vandaag"), ["2022-12-21"]);
        let vs = values(
            " date 2022-12-21 Maandag zei Poetin in Minsk: \"Vandaag praten we over vrede.\"",
        );
        assert_eq!(value_of(&vs, "Vandaag"), ["2022-12-19"]);
    }
}
