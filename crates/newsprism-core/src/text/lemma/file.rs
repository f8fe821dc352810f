//! `data/lexicon.txt`: the lemma lexicon as the app loads it, already keyed (folded as the index
//! keys words), sorted and deduplicated, so loading is one pass with no sorting and no hashing
//! beyond the separable verbs. `make lexicon` writes it: `scripts/make-lexicon.py` takes
//! simplemma's word lists out of its wheel, and `examples/pack_lexicon.rs` keys and packs them
//! through [`Lemmas::from_tsv`] and [`Lemmas::to_packed`].
//!
//! # Format
//!
//! UTF-8 text. Lines starting with `#` are comments. `@nl` and `@en` start a language's section,
//! whose next line is `=<number of lemmas>`. Then come the lemmas, sorted, one a line, and then
//! the word forms, sorted, one a line. Both are front-coded: a line starts with how many bytes it
//! shares with the line before (a decimal number), followed by the rest of the word. A lemma line
//! may end in `\t<n>[,<n>…]`: the lemma is a separable verb (or a compound) whose first part is
//! its first `n` bytes ("opbellen\t2"). A form line ends in `\t<k><suffix>`: its lemma is the form
//! with its last `k` bytes replaced by `suffix` (and must be one of the section's lemmas). Every
//! count falls on a character boundary.

use std::hash::BuildHasher;

use rustc_hash::{FxBuildHasher, FxHashMap};

use super::{Lemmas, Table};
use crate::text::language::Language;

/// A line's leading decimal number and the rest.
fn split_number(s: &str) -> Option<(usize, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    Some((s[..digits].parse().ok()?, &s[digits..]))
}

/// Front-coded words: each is the previous one's first `n` bytes and a new rest.
#[derive(Default)]
struct Fronted {
    previous: String,
}

impl Fronted {
    /// The next word from `<n><rest>`, or `None` if the line is not one.
    fn next(&mut self, coded: &str) -> Option<&str> {
        let (shared, rest) = split_number(coded)?;
        if shared > self.previous.len() || !self.previous.is_char_boundary(shared) {
            return None;
        }
        self.previous.truncate(shared);
        self.previous.push_str(rest);
        Some(&self.previous)
    }

    /// `<n><rest>` for `word` after the previous one.
    fn code(&mut self, word: &str, out: &mut String) {
        let shared = self
            .previous
            .char_indices()
            .zip(word.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, c), _)| i + c.len_utf8());
        out.push_str(&shared.to_string());
        out.push_str(&word[shared..]);
        self.previous.clear();
        self.previous.push_str(word);
    }
}

/// One section being read, a line at a time (after its `@` line).
#[derive(Default)]
struct SectionReader {
    table: Table,
    /// Lemmas still to come; `None` until the `=<count>` line.
    lemmas_left: Option<usize>,
    words: Fronted,
    // Lemma → index by the lemma's hash (checked against the text on use): a hash lookup per
    // form instead of a binary search, which was two thirds of the loading time.
    by_hash: FxHashMap<u64, u32>,
    forms: Fronted,
    lemma: String,
}

fn bad(n: usize, what: &str) -> String {
    format!("line {} is not {what}", n + 1)
}

impl SectionReader {
    /// Reads line `n` of the file.
    fn line(&mut self, n: usize, line: &str) -> Result<(), String> {
        match self.lemmas_left {
            None => {
                let count: usize = line
                    .strip_prefix('=')
                    .and_then(|c| c.parse().ok())
                    .ok_or_else(|| bad(n, "`=<number of lemmas>`"))?;
                self.by_hash.reserve(count.min(1 << 20));
                self.lemmas_left = Some(count);
                Ok(())
            }
            Some(0) => self.form(n, line),
            Some(left) => {
                self.lemmas_left = Some(left - 1);
                self.lemma(n, line)
            }
        }
    }

    fn lemma(&mut self, n: usize, line: &str) -> Result<(), String> {
        let table = &mut self.table;
        let (word, parts) = line.split_once('\t').unwrap_or((line, ""));
        let lemma = self
            .words
            .next(word)
            .ok_or_else(|| bad(n, "a front-coded lemma"))?;
        let id = table.lemmas.len() as u32;
        if id > 0 && table.lemma_at(id - 1) >= lemma {
            return Err(bad(n, "a lemma in sorted order"));
        }
        self.by_hash.insert(FxBuildHasher.hash_one(lemma), id);
        table.lemmas.push(table.text.len() as u32);
        table.text.push_str(lemma);
        for part in parts.split(',').filter(|p| !p.is_empty()) {
            let first = part
                .parse::<u8>()
                .ok()
                .filter(|&f| usize::from(f) < lemma.len());
            let first = first.filter(|&f| lemma.is_char_boundary(usize::from(f)));
            let first = first.ok_or_else(|| bad(n, "a lemma with its first part's length"))?;
            table.parted.insert((id, first));
            table.firsts.insert(lemma[..usize::from(first)].into());
        }
        Ok(())
    }

    fn form(&mut self, n: usize, line: &str) -> Result<(), String> {
        let table = &mut self.table;
        let (word, edit) = line
            .split_once('\t')
            .ok_or_else(|| bad(n, "a form and its lemma"))?;
        let form = self
            .forms
            .next(word)
            .ok_or_else(|| bad(n, "a front-coded form"))?;
        let (cut, suffix) =
            split_number(edit).ok_or_else(|| bad(n, "a lemma as an edit of its form"))?;
        let keep = form
            .len()
            .checked_sub(cut)
            .filter(|&k| form.is_char_boundary(k));
        let keep = keep.ok_or_else(|| bad(n, "a lemma as an edit of its form"))?;
        let lemma = &mut self.lemma;
        lemma.clear();
        lemma.push_str(&form[..keep]);
        lemma.push_str(suffix);
        let id = self
            .by_hash
            .get(&FxBuildHasher.hash_one(lemma.as_str()))
            .copied()
            .filter(|&id| table.lemma_at(id) == lemma)
            .or_else(|| table.lemma_id(lemma))
            .ok_or_else(|| bad(n, "a form of a listed lemma"))?;
        if let Some(last) = table.forms.len().checked_sub(1) {
            if table.form_at(last) >= form {
                return Err(bad(n, "a form in sorted order"));
            }
        }
        table.forms.push((table.text.len() as u32, id));
        table.text.push_str(form);
        Ok(())
    }

    /// The table, once every line of the section was read.
    fn finish(self) -> Result<Table, String> {
        match self.lemmas_left {
            None => Err("a section without lines".into()),
            Some(0) => Ok(self.table),
            Some(_) => Err("fewer lemmas than the section says".into()),
        }
    }
}

/// Reads `lexicon.txt`'s text a number of lines at a time, so that a page can load the word
/// list in slices instead of one long task ([`Lemmas::parse`] reads it all at once).
pub struct LemmaReader<'a> {
    lines: std::iter::Enumerate<std::str::Lines<'a>>,
    lemmas: Lemmas,
    section: Option<(&'static str, Language, SectionReader)>,
}

impl<'a> LemmaReader<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> LemmaReader<'a> {
        LemmaReader {
            lines: text.lines().enumerate(),
            lemmas: Lemmas::default(),
            section: None,
        }
    }

    /// Reads up to `lines` more lines; the tables once the text has been read to its end. An
    /// error names the line and what it should have been.
    pub fn step(&mut self, lines: usize) -> Result<Option<Lemmas>, String> {
        for _ in 0..lines {
            let Some((n, line)) = self.lines.next() else {
                self.end_section()?;
                return Ok(Some(std::mem::take(&mut self.lemmas)));
            };
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('@') {
                self.end_section()?;
                let (name, language) = match line {
                    "@nl" => ("Dutch", Language::Dutch),
                    "@en" => ("English", Language::English),
                    _ => return Err(bad_section(n)),
                };
                self.section = Some((name, language, SectionReader::default()));
                continue;
            }
            let Some((name, _, section)) = &mut self.section else {
                return Err(bad_section(n));
            };
            section
                .line(n, line)
                .map_err(|e| format!("the {name} lexicon: {e}"))?;
        }
        Ok(None)
    }

    fn end_section(&mut self) -> Result<(), String> {
        if let Some((name, language, section)) = self.section.take() {
            let table = section
                .finish()
                .map_err(|e| format!("the {name} lexicon: {e}"))?;
            match language {
                Language::Dutch => self.lemmas.dutch = table,
                _ => self.lemmas.english = table,
            }
        }
        Ok(())
    }
}

fn bad_section(n: usize) -> String {
    format!(
        "line {} should start a language's section (@nl or @en)",
        n + 1
    )
}

impl Table {
    /// Writes the table as a section's lines (after its `@` line).
    fn write(&self, out: &mut String) {
        out.push_str(&format!("={}\n", self.lemmas.len()));
        let mut parted: Vec<(u32, u8)> = self.parted.iter().copied().collect();
        parted.sort_unstable();
        let mut words = Fronted::default();
        for id in 0..self.lemmas.len() as u32 {
            words.code(self.lemma_at(id), out);
            let from = parted.partition_point(|&(l, _)| l < id);
            let firsts: Vec<String> = parted[from..]
                .iter()
                .take_while(|&&(l, _)| l == id)
                .map(|(_, f)| f.to_string())
                .collect();
            if !firsts.is_empty() {
                out.push('\t');
                out.push_str(&firsts.join(","));
            }
            out.push('\n');
        }
        let mut words = Fronted::default();
        for (i, &(_, id)) in self.forms.iter().enumerate() {
            let form = self.form_at(i);
            let lemma = self.lemma_at(id);
            let same = form
                .char_indices()
                .zip(lemma.chars())
                .take_while(|((_, x), y)| x == y)
                .last()
                .map_or(0, |((i, c), _)| i + c.len_utf8());
            words.code(form, out);
            out.push('\t');
            out.push_str(&(form.len() - same).to_string());
            out.push_str(&lemma[same..]);
            out.push('\n');
        }
    }
}

impl Lemmas {
    /// The tables from `lexicon.txt`'s text (see the module docs for its format). An error
    /// names the line and what it should have been.
    ///
    /// ```
    /// use newsprism_core::text::lemma::Lemmas;
    /// use newsprism_core::Language;
    /// let text = "# test\n@nl\n=1\n0winnen\n0gewonnen\t8winnen\n0won\t2innen\n@en\n=1\n0go\n0went\t4go\n";
    /// let lemmas = Lemmas::parse(text).unwrap();
    /// assert_eq!(lemmas.lemma(Language::Dutch, "gewonnen"), Some("winnen"));
    /// assert_eq!(lemmas.lemma(Language::Dutch, "won"), Some("winnen"));
    /// assert_eq!(lemmas.lemma(Language::English, "went"), Some("go"));
    /// assert_eq!(lemmas.lemma(Language::Dutch, "winnen"), None); // its own lemma
    /// ```
    pub fn parse(text: &str) -> Result<Lemmas, String> {
        let mut reader = LemmaReader::new(text);
        loop {
            if let Some(lemmas) = reader.step(usize::MAX)? {
                return Ok(lemmas);
            }
        }
    }

    /// The tables as `lexicon.txt`'s text, which [`Lemmas::parse`] reads back.
    pub fn to_packed(&self, comment: &str) -> String {
        let mut out = String::new();
        for line in comment.lines() {
            out.push_str(&format!("# {line}\n"));
        }
        for (code, table) in [("nl", &self.dutch), ("en", &self.english)] {
            out.push_str(&format!("@{code}\n"));
            table.write(&mut out);
        }
        out
    }
}

/// The separable-verb parts of a table, for the tests.
#[cfg(test)]
pub(super) fn parted(l: &Lemmas) -> rustc_hash::FxHashSet<(String, u8)> {
    l.dutch
        .parted
        .iter()
        .map(|&(id, f)| (l.dutch.lemma_at(id).to_string(), f))
        .collect()
}
