//! Short, distinct labels for the voices of a comparison: the outlet when it is known, else a
//! few words of the title with the date. Every view names an article without a source the same
//! way, and no two such labels are the same.

/// What a voice label is made from.
#[derive(Clone, Copy, Debug)]
pub struct Voice<'a> {
    /// The outlet, when known.
    pub source: Option<&'a str>,
    /// The article's title.
    pub title: &'a str,
    /// Its publication date, written for people ("19 Dec 2022"), when known.
    pub date: Option<&'a str>,
}

/// Words of a title a label starts with, and the most characters they may take.
const FIRST_WORDS: usize = 4;
const MAX_CHARS: usize = 30;

/// The labels of a set of voices, in order. An outlet is its name. An article without one is
/// the first words of its title (about 30 characters) and its date: "Het bliksembezoek van
/// Poetin… · Dec 2022". Labels that would be the same take more words of their titles, and a
/// number when the titles are the same too.
pub fn labels(voices: &[Voice<'_>]) -> Vec<String> {
    let mut words: Vec<usize> = vec![FIRST_WORDS; voices.len()];
    let mut out: Vec<String> = voices
        .iter()
        .zip(&words)
        .map(|(v, &n)| label(v, n, MAX_CHARS))
        .collect();
    // Lengthen the titles of clashing labels until they differ or are whole. Clashes are
    // counted in a table: thousands of copies of one title would take pairwise comparing
    // seconds.
    for _ in 0..24 {
        let mut seen: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
        for l in &out {
            *seen.entry(l.as_str()).or_default() += 1;
        }
        let longer: Vec<usize> = (0..voices.len())
            .filter(|&i| {
                voices[i].source.is_none()
                    && voices[i].title.split_whitespace().count() > words[i]
                    && seen.get(out[i].as_str()).is_some_and(|&n| n > 1)
            })
            .collect();
        if longer.is_empty() {
            break;
        }
        for i in longer {
            words[i] += 2;
            out[i] = label(&voices[i], words[i], usize::MAX);
        }
    }
    // Still the same (the same title and date): number them.
    let base = out.clone();
    let mut total: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for l in &base {
        *total.entry(l.as_str()).or_default() += 1;
    }
    let mut so_far: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for (i, label) in out.iter_mut().enumerate() {
        let key = base[i].as_str();
        let nth = so_far.entry(key).or_default();
        *nth += 1;
        if voices[i].source.is_none() && total[key] > 1 {
            *label = format!("{} ({})", base[i], nth);
        }
    }
    out
}

/// One label: the outlet, or `words` words of the title (cut to `max` characters) and the date.
fn label(v: &Voice<'_>, words: usize, max: usize) -> String {
    if let Some(s) = v.source.map(str::trim).filter(|s| !s.is_empty()) {
        return s.to_string();
    }
    let all: Vec<&str> = v.title.split_whitespace().collect();
    let mut title = String::new();
    for w in all.iter().take(words) {
        if !title.is_empty() && title.chars().count() + 1 + w.chars().count() > max {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(w);
    }
    let cut = title.split_whitespace().count() < all.len();
    let title = title
        .trim_end_matches([',', ':', ';', '.', '-', '–'])
        .to_string();
    let title = if cut { format!("{title}…") } else { title };
    match v.date {
        Some(d) => format!("{title} · {d}"),
        None => title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voice<'a>(source: Option<&'a str>, title: &'a str, date: Option<&'a str>) -> Voice<'a> {
        Voice {
            source,
            title,
            date,
        }
    }

    #[test]
    fn an_outlet_is_its_name_and_an_article_a_few_words_and_its_date() {
        let l = labels(&[
            voice(Some("NOS"), "Poetin in Minsk", Some("19 Dec 2022")),
            voice(
                None,
                "Het bliksembezoek van Poetin aan Minsk: wat wil hij van Loekasjenko?",
                Some("Dec 2022"),
            ),
            voice(None, "Kort", None),
        ]);
        assert_eq!(l[0], "NOS");
        assert_eq!(l[1], "Het bliksembezoek van Poetin… · Dec 2022");
        assert_eq!(l[2], "Kort");
    }

    #[test]
    fn labels_that_would_clash_take_more_words_or_a_number() {
        let l = labels(&[
            voice(
                None,
                "Poetin bezoekt Minsk opnieuw, voor het eerst in drie jaar",
                Some("Dec 2022"),
            ),
            voice(
                None,
                "Poetin bezoekt Minsk opnieuw en spreekt met Loekasjenko",
                Some("Dec 2022"),
            ),
            voice(None, "Poetin bezoekt Minsk", Some("Dec 2022")),
            voice(None, "Poetin bezoekt Minsk", Some("Dec 2022")),
        ]);
        assert_eq!(l[0], "Poetin bezoekt Minsk opnieuw, voor het… · Dec 2022");
        assert_eq!(l[1], "Poetin bezoekt Minsk opnieuw en spreekt… · Dec 2022");
        assert_eq!(l[2], "Poetin bezoekt Minsk · Dec 2022 (1)");
        assert_eq!(l[3], "Poetin bezoekt Minsk · Dec 2022 (2)");
        let distinct: std::collections::BTreeSet<&String> = l.iter().collect();
        assert_eq!(distinct.len(), l.len());
        // Two outlets of the same name are one voice and keep it.
        assert_eq!(
            labels(&[voice(Some("NOS"), "a", None), voice(Some("NOS"), "b", None)]),
            ["NOS", "NOS"]
        );
    }
}
