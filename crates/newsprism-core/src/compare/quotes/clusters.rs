//! Clusters: two quotations are renderings of one statement when their content-word stems
//! overlap (Dice, or containment of the shorter), more easily when the speaker is the same and
//! hardly at all when the speakers differ. Each cluster's renderings are diffed word by word
//! against the rendering closest to all the others.

use rustc_hash::FxHashSet;

use super::{Attribution, Cluster, Quote, Rendering, Speaker};
use crate::compare::words::Doc;
use crate::search::snippet::Span;
use crate::text::tokenize::{term_key, tokenize};

/// The content-word stems of a quotation.
pub(super) fn stems_of(doc: &Doc, q: &Quote) -> FxHashSet<String> {
    doc.sentences
        .iter()
        .filter(|s| doc.units[s.unit].paragraph == q.at.paragraph)
        .flat_map(|s| &s.words)
        .filter(|w| w.content && w.range.start >= q.at.range.start && w.range.end <= q.at.range.end)
        .map(|w| w.stem.clone())
        .collect()
}

fn similarity(a: &FxHashSet<String>, b: &FxHashSet<String>) -> (f32, usize) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0);
    }
    let common = a.intersection(b).count();
    let dice = 2.0 * common as f32 / (a.len() + b.len()) as f32;
    let small = a.len().min(b.len());
    let containment = common as f32 / small as f32;
    // Containment counts from three shared words: two of a three-word phrase ("take each race
    // as it comes") are found in many unrelated statements.
    let score = if small >= 3 && common >= 3 {
        dice.max(0.9 * containment)
    } else {
        dice
    };
    (score, common)
}

/// Clusters the quotations: one statement rendered by several sources. Returns the clusters,
/// most widely shared first, and each quotation's cluster. Every pair is compared when
/// `every_pair`, else the pairs an index of their words proposes.
pub(super) fn cluster(
    docs: &[Doc],
    quotes: &[Quote],
    every_pair: bool,
) -> (Vec<Cluster>, Vec<Option<usize>>) {
    let stems: Vec<FxHashSet<String>> = quotes
        .iter()
        .map(|q| stems_of(&docs[q.at.doc], q))
        .collect();
    let groups = group(quotes, &stems, every_pair);
    let mut clusters: Vec<Cluster> = groups
        .into_iter()
        .filter(|g| {
            let docs: FxHashSet<usize> = g.iter().map(|&q| quotes[q].at.doc).collect();
            docs.len() >= 2
        })
        .map(|g| make_cluster(quotes, &stems, g))
        .collect();
    crate::sorting::sort_by(&mut clusters, |a, b| {
        b.parties
            .cmp(&a.parties)
            .then(b.renderings.len().cmp(&a.renderings.len()))
    });
    let mut cluster_of = vec![None; quotes.len()];
    for (c, cl) in clusters.iter().enumerate() {
        for r in &cl.renderings {
            cluster_of[r.quote] = Some(c);
        }
    }
    (clusters, cluster_of)
}

/// Whether two quotations from different articles render one statement: more easily for the
/// same speaker, hardly at all for different ones.
fn joined(a: &Quote, b: &Quote, score: f32, common: usize, small: usize) -> bool {
    let same = match (&a.speaker, &b.speaker) {
        (Some(a), Some(b)) => Some(a.key == b.key),
        _ => None,
    };
    match same {
        Some(true) => {
            (common >= 2 && score >= 0.35) || (common >= 1 && small == common && small <= 2)
        }
        Some(false) => common >= 3 && score >= 0.75,
        None => common >= 2 && score >= 0.45,
    }
}

/// Up to this many quotations, every pair is compared; past it, only the pairs an index of
/// their words proposes (see [`crate::compare::candidates`]).
pub const EVERY_PAIR_UP_TO: usize = 2_000;

/// How many candidates a quotation keeps at most when not every pair is compared.
const KEEP: usize = 40;

/// The pairs of quotations to compare: every pair, or those an index of their stems proposes.
fn candidate_pairs(stems: &[FxHashSet<String>], every_pair: bool) -> Vec<(u32, u32)> {
    let n = stems.len();
    if every_pair {
        return (0..n as u32)
            .flat_map(|i| (i + 1..n as u32).map(move |j| (i, j)))
            .collect();
    }
    let mut ids: rustc_hash::FxHashMap<&str, u32> = rustc_hash::FxHashMap::default();
    let terms: Vec<Vec<u32>> = stems
        .iter()
        .map(|s| {
            let mut t: Vec<u32> = s
                .iter()
                .map(|w| {
                    let next = ids.len() as u32;
                    *ids.entry(w.as_str()).or_insert(next)
                })
                .collect();
            t.sort_unstable();
            t
        })
        .collect();
    crate::compare::candidates::sharing(&terms, KEEP)
}

/// The groups of joined quotations, in order of their first quotation. Pairs from different
/// articles are joined strongest first, and two groups become one only when every quotation of
/// one shares a word with every quotation of the other, with no two speakers known to differ
/// ([`akin`]): a short fragment ("significant improvements", "best interest") contained in many
/// unrelated statements cannot chain them into one.
fn group(quotes: &[Quote], stems: &[FxHashSet<String>], every_pair: bool) -> Vec<Vec<usize>> {
    let n = quotes.len();
    let link = |i: usize, j: usize| -> Option<f32> {
        if quotes[i].at.doc == quotes[j].at.doc {
            return None;
        }
        let (score, common) = similarity(&stems[i], &stems[j]);
        let small = stems[i].len().min(stems[j].len());
        joined(&quotes[i], &quotes[j], score, common, small).then_some(score)
    };
    let mut links: Vec<(f32, usize, usize)> = candidate_pairs(stems, every_pair)
        .into_iter()
        .filter_map(|(i, j)| {
            let (i, j) = (i as usize, j as usize);
            link(i, j).map(|s| (s, i, j))
        })
        .collect();
    // The standard sort: over the whole library there are millions of links, and
    // `crate::sorting`'s positions and indirect comparisons made this a quarter slower.
    links.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    // Each quotation's group, and each group's members (empty once merged away).
    let mut group_of: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    for (_, i, j) in links {
        let (a, b) = (group_of[i], group_of[j]);
        if a == b {
            continue;
        }
        let fits = members[a].iter().all(|&x| {
            members[b]
                .iter()
                .all(|&y| (x == i && y == j) || akin(&quotes[x], &quotes[y], &stems[x], &stems[y]))
        });
        if fits {
            let (keep, gone) = if members[a].len() >= members[b].len() {
                (a, b)
            } else {
                (b, a)
            };
            let moved = std::mem::take(&mut members[gone]);
            for &q in &moved {
                group_of[q] = keep;
            }
            members[keep].extend(moved);
        }
    }
    let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    for g in &mut groups {
        g.sort_unstable();
    }
    crate::sorting::sort_by_key(&mut groups, |g| g[0]);
    groups
}

/// Whether two quotations may be renderings of one statement in a group joined through others:
/// their speakers are not known to differ, and their words overlap at least [`AKIN`] (Dice).
fn akin(a: &Quote, b: &Quote, sa: &FxHashSet<String>, sb: &FxHashSet<String>) -> bool {
    let differ = match (&a.speaker, &b.speaker) {
        (Some(a), Some(b)) => a.key != b.key,
        _ => false,
    };
    let common = sa.iter().filter(|w| sb.contains(*w)).count();
    !differ && 2.0 * common as f32 >= AKIN * (sa.len() + sb.len()) as f32
}

/// The least word overlap (Dice) between two quotations of a group that were joined through
/// others: "Totaal stomme, ongegronde verzinsels" and "domme en ongegronde fantasieën" (0.29).
const AKIN: f32 = 0.25;

/// A cluster of these quotations: the rendering closest to all the others is the reference
/// the rest are diffed against; the speaker is the one most of them name.
fn make_cluster(quotes: &[Quote], stems: &[FxHashSet<String>], g: Vec<usize>) -> Cluster {
    // Each rendering's summed similarity to the others (0 against itself, as before).
    let closeness: Vec<f32> = g
        .iter()
        .map(|&q| {
            g.iter()
                .filter(|&&o| o != q)
                .map(|&o| similarity(&stems[q], &stems[o]).0)
                .sum()
        })
        .collect();
    let reference = (0..g.len())
        .max_by(|&a, &b| {
            let (sa, sb) = (closeness[a], closeness[b]);
            sa.partial_cmp(&sb)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(quotes[g[b]].at.text.len().cmp(&quotes[g[a]].at.text.len()))
        })
        .unwrap_or(0);
    let reference_text = &quotes[g[reference]].at.text;
    let renderings = g
        .iter()
        .map(|&q| {
            let (spans, omitted) = word_diff(reference_text, &quotes[q].at.text);
            Rendering {
                quote: q,
                spans,
                omitted,
            }
        })
        .collect();
    let mut speakers: Vec<(String, usize)> = Vec::new();
    for &q in &g {
        if let Some(s) = &quotes[q].speaker {
            match speakers.iter_mut().find(|(k, _)| *k == s.key) {
                Some(e) => e.1 += 1,
                None => speakers.push((s.key.clone(), 1)),
            }
        }
    }
    let speaker = speakers.iter().max_by_key(|s| s.1).and_then(|(k, _)| {
        g.iter()
            .filter_map(|&q| quotes[q].speaker.as_ref())
            .filter(|s| &s.key == k)
            .map(|s| s.name.clone())
            .max_by_key(|n| n.len())
    });
    let parties: FxHashSet<usize> = g.iter().map(|&q| quotes[q].at.party).collect();
    Cluster {
        speaker,
        reference,
        renderings,
        parties: parties.len(),
    }
}

/// Diffs `text` against `reference` word by word (folded words compared): `text` in spans with
/// the words the reference lacks marked, and the reference's words `text` leaves out.
///
/// ```
/// use newsprism_core::compare::quotes::word_diff;
/// let (spans, omitted) = word_diff("volstrekt domme en ongegronde verzinsels", "Totaal stomme, ongegronde verzinsels");
/// let marked: Vec<&str> = spans.iter().filter(|s| s.hit).map(|s| s.text.as_str()).collect();
/// assert_eq!(marked, ["Totaal stomme"]);
/// assert_eq!(omitted, ["volstrekt", "domme", "en"]);
/// ```
pub fn word_diff(reference: &str, text: &str) -> (Vec<Span>, Vec<String>) {
    use similar::{capture_diff_slices, Algorithm, DiffOp};
    let rt = tokenize(reference);
    let tt = tokenize(text);
    let rk: Vec<String> = rt.iter().map(|t| term_key(t.text)).collect();
    let tk: Vec<String> = tt.iter().map(|t| term_key(t.text)).collect();
    let mut differs = vec![false; tt.len()];
    let mut omitted = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &rk, &tk) {
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => omitted.extend(
                rt[old_index..old_index + old_len]
                    .iter()
                    .map(|t| t.text.to_string()),
            ),
            DiffOp::Insert {
                new_index, new_len, ..
            } => differs[new_index..new_index + new_len].fill(true),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                omitted.extend(
                    rt[old_index..old_index + old_len]
                        .iter()
                        .map(|t| t.text.to_string()),
                );
                differs[new_index..new_index + new_len].fill(true);
            }
        }
    }
    // Spans: runs of differing words (with the gaps between them) marked, the rest plain.
    let mut spans: Vec<Span> = Vec::new();
    let mut pos = 0;
    let mut i = 0;
    while i < tt.len() {
        if !differs[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < tt.len() && differs[j + 1] {
            j += 1;
        }
        if tt[i].start > pos {
            spans.push(Span {
                text: text[pos..tt[i].start].to_string(),
                hit: false,
            });
        }
        spans.push(Span {
            text: text[tt[i].start..tt[j].end].to_string(),
            hit: true,
        });
        pos = tt[j].end;
        i = j + 1;
    }
    if pos < text.len() {
        spans.push(Span {
            text: text[pos..].to_string(),
            hit: false,
        });
    }
    (spans, omitted)
}

/// Quotations with no speaker that repeat words quoted elsewhere in the article with one (a
/// headline, a lead, a subheading or a pull quote: "Giftige mensen", "Ziet eigen land opgeslokt
/// worden") take that speaker. Two content words at least, all of them in the other quotation;
/// in the headline one is enough ("Jol joy at 'professional' Cup win").
pub(super) fn repeated(doc: &Doc, quotes: &mut [Quote]) {
    let sets: Vec<_> = quotes.iter().map(|q| stems_of(doc, q)).collect();
    for i in 0..quotes.len() {
        let least = if quotes[i].at.paragraph.is_none() {
            1
        } else {
            2
        };
        if quotes[i].speaker.is_some() || sets[i].len() < least {
            continue;
        }
        let source = (0..quotes.len()).find(|&j| {
            j != i
                && quotes[j].speaker.is_some()
                && sets[j].len() > sets[i].len()
                && sets[i].iter().all(|w| sets[j].contains(w))
        });
        if let Some(j) = source {
            let speaker = quotes[j].speaker.clone().map(|sp| Speaker {
                how: Attribution::Repeated,
                ..sp
            });
            quotes[i].speaker = speaker;
            quotes[i].scare = false;
        }
    }
}
