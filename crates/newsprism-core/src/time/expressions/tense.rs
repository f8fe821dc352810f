//! The tense of a sentence: auxiliaries, common strong past forms, Dutch weak pasts and
//! participles (separable verbs included: "aangekomen"), English -ed forms and future cues.

use super::tokens::{Tok, TokKind};
use super::Tense;

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

/// Present-tense verbs that, alone in a clause, make it present: "They have until 16 December".
const PRESENT_WORDS: &[&str] = &[
    "is", "are", "has", "have", "does", "do", "heeft", "hebben", "hebt", "wordt", "worden", "gaat",
    "gaan", "staat", "staan", "blijft", "blijven", "komt", "komen",
];

/// The tense of a sentence, from its verbs and cue words.
pub(super) fn tense_of(toks: &[Tok]) -> Tense {
    let (past, future, _) = cues(toks);
    if future > past {
        Tense::Future
    } else if past > 0 {
        Tense::Past
    } else {
        Tense::Present
    }
}

/// The tense of the clause of `toks[from..to]` (an expression): from the last comma, colon,
/// quotation mark or conjunction before it to the first after it. `None` when the clause has
/// no verb that tells (then the sentence's tense holds): "They have until midnight on 16
/// December and a spokesman said: …" is present, whatever the spokesman did.
pub(super) fn clause_tense(toks: &[Tok], from: usize, to: usize) -> Option<Tense> {
    let boundary = |t: &Tok| {
        matches!(
            t.lower.as_str(),
            "," | ";"
                | ":"
                | "\""
                | "“"
                | "”"
                | "„"
                | "("
                | ")"
                | "and"
                | "but"
                | "en"
                | "maar"
                | "terwijl"
                | "while"
                | "whereas"
                | "omdat"
                | "because"
        )
    };
    let start = toks[..from].iter().rposition(boundary).map_or(0, |k| k + 1);
    let end = toks[to..]
        .iter()
        .position(boundary)
        .map_or(toks.len(), |k| to + k);
    let clause = &toks[start..end];
    let (past, future, present) = cues(clause);
    if future > past {
        Some(Tense::Future)
    } else if past > 0 {
        Some(Tense::Past)
    } else if present > 0 {
        Some(Tense::Present)
    } else {
        None
    }
}

/// How many past, future and present cues the tokens hold.
fn cues(toks: &[Tok]) -> (usize, usize, usize) {
    let mut past = 0;
    let mut future = 0;
    let mut present = 0;
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokKind::Word {
            continue;
        }
        let w = t.lower.as_str();
        let next_is_to = toks.get(i + 1).is_some_and(|n| n.lower == "to");
        let next_is_for = toks.get(i + 1).is_some_and(|n| n.lower == "for");
        let after_be = i > 0 && matches!(toks[i - 1].lower.as_str(), "is" | "are" | "be");
        // "long-awaited", "well-known": an adjective, not a past.
        let compound = i > 0 && toks[i - 1].lower == "-" && !t.space_before;
        if FUTURE_WORDS.contains(&w) || (w == "going" && next_is_to) {
            future += 1;
        } else if after_be
            && (next_is_to || (next_is_for && matches!(w, "set" | "due")))
            && matches!(
                w,
                "likely" | "expected" | "due" | "set" | "scheduled" | "planned"
            )
        {
            // "are likely to", "is expected to": a stronger cue than any -ed form nearby.
            future += 2;
        } else if i > 0 && matches!(toks[i - 1].lower.as_str(), "be" | "worden" | "being") {
            // "will be considered", "zal worden ingevoerd": a passive, not a past.
        } else if compound {
        } else if PAST_WORDS.contains(&w) || looks_past(w) {
            past += 1;
        } else if PRESENT_WORDS.contains(&w) {
            present += 1;
        }
    }
    (past, future, present)
}

/// Whether the expression at token `i` follows a "would"/"zou" in its clause, within the ten
/// tokens before it ("said talks would resume on Monday", "zei dat hij zou komen in maart"):
/// the future of a past saying, placed after the text's date like any future. Not "would
/// have", "zou hebben" (a past that did not happen), nor a "would" of an earlier clause ("…
/// zouden plaatsvinden, maar … dat ze maandag begonnen").
pub(super) fn after_would(toks: &[Tok], i: usize) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let perfect = |k: usize| matches!(word(k), "have" | "hebben" | "'ve");
    for k in (i.saturating_sub(10)..i).rev() {
        match word(k) {
            "would" | "zou" | "zouden" => {
                let negated = matches!(word(k + 1), "not" | "niet");
                return !(perfect(k + 1) || negated && perfect(k + 2));
            }
            // Another clause begins between them.
            "," | ";" | ":" | "maar" | "but" | "dat" | "that" | "toen" | "when" | "terwijl"
            | "while" | "omdat" | "because" => return false,
            _ => {}
        }
    }
    false
}

/// Dutch weak past forms and participles, English -ed forms, by their endings (lower case).
pub fn looks_past(w: &str) -> bool {
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
