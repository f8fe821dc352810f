//! Stop words: the function words that say little about what a text is about.
//!
//! They lower a term's weight in ranking and make a word optional in an AND query; they are
//! never dropped from the index, so phrases like "de facto" and "the who" still match exactly.

/// Dutch and English function words, folded.
const STOPWORDS: &[&str] = &[
    // Dutch
    "aan", "al", "als", "bij", "dan", "dat", "de", "den", "der", "des", "deze", "die", "dit",
    "door", "een", "en", "er", "het", "hij", "hem", "hun", "ik", "in", "is", "je", "maar", "met",
    "na", "naar", "niet", "nog", "of", "om", "omdat", "ook", "op", "over", "te", "tot", "uit",
    "van", "voor", "was", "wat", "we", "wel", "werd", "wij", "wordt", "ze", "zij", "zich", "zijn",
    "zo", "zou", // English
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has",
    "have", "he", "her", "his", "it", "its", "of", "on", "or", "she", "that", "the", "their",
    "they", "this", "to", "was", "were", "which", "will", "with", "would",
];

/// Whether a folded word is a stop word in Dutch or English.
pub fn is_stopword(folded: &str) -> bool {
    STOPWORDS.contains(&folded)
}

#[cfg(test)]
mod tests {
    use super::is_stopword;

    #[test]
    fn function_words_are_stop_words_and_content_words_are_not() {
        for w in ["de", "het", "the", "of"] {
            assert!(is_stopword(w), "{w}");
        }
        for w in ["oorlog", "war", "poetin", "minsk"] {
            assert!(!is_stopword(w), "{w}");
        }
    }
}
