//! Dutch separable verbs split over a clause: in "Hij belde zijn moeder op" the verb is
//! "opbellen", written as "belde … op". The particle stands last in the clause; the lexicon says
//! which particle and verb make a separable verb ("op_bellen"), so only pairs it knows are joined.
//! "… om op te bellen" joins too (particle, "te", verb), except after "om", which is far more
//! often "om te" than a particle.

use super::Lemmas;
use crate::text::language::Language;
use crate::text::tokenize::{term_key, Token};

/// Whether the text between two tokens ends a clause.
fn ends_clause(between: &str) -> bool {
    between.contains(|c: char| {
        matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '('
                | ')'
                | '['
                | ']'
                | '"'
                | '“'
                | '”'
                | '„'
                | '«'
                | '»'
                | '—'
                | '–'
                | '\n'
        )
    })
}

impl Lemmas {
    /// The separable verbs split over this text's clauses: for each, the index of the verb's
    /// token in `tokens` and the joined dictionary form ("opbellen").
    ///
    /// ```
    /// use newsprism_core::text::lemma::Lemmas;
    /// use newsprism_core::text::tokenize::tokenize;
    /// let lemmas = Lemmas::from_tsv("belde\tbellen\nopgebeld\top_bellen\n", "").unwrap();
    /// let text = "Hij belde zijn moeder op, en toen ging hij weg.";
    /// let found = lemmas.split_verbs(text, &tokenize(text));
    /// assert_eq!(found, [(1, "opbellen".to_string())]);
    /// ```
    pub fn split_verbs(&self, text: &str, tokens: &[Token<'_>]) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        if self.dutch.parted.is_empty() {
            return out;
        }
        let mut keys = Vec::new();
        let mut start = 0;
        for i in 0..tokens.len() {
            let last =
                i + 1 == tokens.len() || ends_clause(&text[tokens[i].end..tokens[i + 1].start]);
            if !last {
                continue;
            }
            let clause = &tokens[start..=i];
            start = i + 1;
            let particle = term_key(clause[clause.len() - 1].text);
            if clause.len() < 3 || !self.dutch.firsts.contains(particle.as_str()) {
                continue;
            }
            for (j, verb) in clause[..clause.len() - 1].iter().enumerate() {
                self.readings(Language::Dutch, &term_key(verb.text), &mut keys);
                if let Some(k) = keys
                    .iter()
                    .find(|k| self.separable(Language::Dutch, &particle, k))
                {
                    out.push((i + 1 - clause.len() + j, format!("{particle}{k}")));
                }
            }
        }
        // "op te bellen"
        for (i, w) in tokens.windows(3).enumerate() {
            let particle = term_key(w[0].text);
            if particle == "om"
                || !w[1].text.eq_ignore_ascii_case("te")
                || !self.dutch.firsts.contains(particle.as_str())
            {
                continue;
            }
            self.readings(Language::Dutch, &term_key(w[2].text), &mut keys);
            if let Some(k) = keys
                .iter()
                .find(|k| self.separable(Language::Dutch, &particle, k))
            {
                out.push((i + 2, format!("{particle}{k}")));
            }
        }
        crate::sorting::sort(&mut out);
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize::tokenize;

    fn lexicon() -> Lemmas {
        Lemmas::from_tsv("belde\tbellen\nopgebeld\top_bellen\ngaat\tgaan\nomgegaan\tom_gaan\nkwam\tkomen\nvoorgekomen\tvoor_komen\n", "").unwrap()
    }

    fn found(text: &str) -> Vec<(usize, String)> {
        lexicon().split_verbs(text, &tokenize(text))
    }

    #[test]
    fn a_particle_at_the_end_of_the_clause_joins_its_verb() {
        assert_eq!(
            found("Hij belde gisteren zijn moeder op."),
            [(1, "opbellen".into())]
        );
        assert_eq!(found("Zoiets kwam vaak voor"), [(1, "voorkomen".into())]);
        assert_eq!(
            found("Hij probeerde haar op te bellen."),
            [(5, "opbellen".into())]
        );
    }

    #[test]
    fn nothing_joins_across_clauses_or_with_om_te() {
        assert!(found("Hij belde, en zij keek op.").is_empty());
        assert!(found("Hij belde op zaterdag.").is_empty());
        assert!(found("Hij ging weg om te gaan slapen.").is_empty());
        assert!(Lemmas::default()
            .split_verbs("Hij belde op.", &tokenize("Hij belde op."))
            .is_empty());
    }
}
