//! The query language, parsed into an AST.
//!
//! | syntax | meaning |
//! | --- | --- |
//! | `poetin minsk` | both words (AND is implicit; `AND` may be written) |
//! | `poetin OR putin`, `poetin \| putin` | either; OR binds tighter than the implicit AND, as in web search: `a b OR c` is `a (b OR c)` |
//! | `-kiev`, `NOT kiev` | without |
//! | `"domme en ongegronde"` | the exact phrase (never alias-expanded) |
//! | `winnen` | the word in all its forms: "won", "gewonnen", "wint" (its dictionary form, from the lemma lexicon), and, ranked lower, Dutch compounds ending in it ("aanval" finds "tegenaanval") |
//! | `=mannen` | that word form only: not "man", not "mannetje" |
//! | `sanctie*` | any word starting so |
//! | `Loekasjenka~`, `Loekasjenka~2` | words within edit distance 1 (or 2) |
//! | `( … )` | grouping |
//! | `source:nrc`, `source:"De Morgen"` | only that outlet |
//! | `source:unknown` | only articles whose files name no outlet |
//! | `lang:nl` | only that language |
//! | `date:2022-12`, `date:2022-10..2022-12` | published in that month or range |
//! | `date:undated` | articles without a publication date |
//!
//! A malformed query is never an error: the parser repairs what it can (closes a quote or a
//! parenthesis, drops a dangling operator), says what it did in `warnings`, and searches the rest.

use crate::article::PartialDate;
use crate::text::language::Language;

/// One searched word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermQuery {
    /// The word as typed (without `*` or `~`).
    pub word: String,
    /// `word*`: match any word with this prefix.
    pub prefix: bool,
    /// `word~N`: match words within this edit distance.
    pub fuzzy: Option<u8>,
    /// `=word`: this word form only (no other inflections, compounds or aliases).
    pub exact: bool,
}

/// A node of the query tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// A word.
    Term(TermQuery),
    /// Words in this order, next to each other.
    Phrase(Vec<String>),
    /// All of these.
    And(Vec<Node>),
    /// Any of these.
    Or(Vec<Node>),
    /// Not this.
    Not(Box<Node>),
}

/// A filter value quoted if it needs to be.
pub fn quote_filter(field: &str, value: &str) -> String {
    if value.contains(char::is_whitespace) {
        format!("{field}:\"{value}\"")
    } else {
        format!("{field}:{value}")
    }
}

/// An outlet a search is restricted to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceFilter {
    /// The outlet of this name, compared folded (case and accents aside).
    Named(String),
    /// Articles whose files name no outlet: `source:unknown`.
    Unknown,
}

impl SourceFilter {
    /// The filter a `source:` value asks for: "unknown" (or the label "unknown source") is the
    /// unknown source, anything else an outlet's name.
    pub fn from_value(value: &str) -> SourceFilter {
        let folded = crate::text::fold::fold(value.trim());
        if folded == "unknown" || folded == crate::article::UNKNOWN_SOURCE {
            SourceFilter::Unknown
        } else {
            SourceFilter::Named(value.trim().to_string())
        }
    }

    /// The filter as typed in a query: `source:unknown`, `source:nrc`, `source:"De Morgen"`.
    pub fn query_text(&self) -> String {
        match self {
            SourceFilter::Unknown => "source:unknown".to_string(),
            SourceFilter::Named(name) => quote_filter("source", name),
        }
    }

    /// Whether an article of this source (`None`: unknown) passes.
    pub fn admits(&self, source: Option<&str>) -> bool {
        match (self, source) {
            (SourceFilter::Unknown, None) => true,
            (SourceFilter::Named(name), Some(s)) => {
                crate::text::fold::fold(name) == crate::text::fold::fold(s)
            }
            _ => false,
        }
    }
}

/// Restrictions on which articles are searched.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Outlets (any of them).
    pub sources: Vec<SourceFilter>,
    /// Languages (any of them).
    pub languages: Vec<Language>,
    /// Publication date range, inclusive, at the precision given.
    pub date: Option<(PartialDate, PartialDate)>,
    /// Only articles without a publication date (`date:undated`).
    pub undated: bool,
}

impl Filters {
    /// Whether there is no restriction.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty() && self.languages.is_empty() && self.date.is_none() && !self.undated
    }
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    /// The tree, or `None` when the query has no search terms (only filters, or nothing).
    pub root: Option<Node>,
    /// Filters from `source:`, `lang:` and `date:`.
    pub filters: Filters,
    /// What was repaired or ignored, in plain words.
    pub warnings: Vec<String>,
}

/// Adds a filter (`date:2022-12`, `source:"De Morgen"`) to a query, or removes it if the query
/// already has it. Returns the new query and whether the filter is now on.
///
/// ```
/// use newsprism_core::search::query::toggle_filter;
/// assert_eq!(toggle_filter("Peskov", "date:2022-12"), ("Peskov date:2022-12".to_string(), true));
/// assert_eq!(toggle_filter("Peskov date:2022-12", "date:2022-12"), ("Peskov".to_string(), false));
/// ```
pub fn toggle_filter(query: &str, filter: &str) -> (String, bool) {
    if has_filter(query, filter) {
        let rest = query.replacen(filter, " ", 1);
        (rest.split_whitespace().collect::<Vec<_>>().join(" "), false)
    } else {
        (
            format!("{} {filter}", query.trim()).trim().to_string(),
            true,
        )
    }
}

/// Whether a query holds this filter, as written by [`toggle_filter`].
pub fn has_filter(query: &str, filter: &str) -> bool {
    query.split_whitespace().any(|w| w == filter)
        || (filter.contains(' ') && query.contains(filter))
}

#[derive(Clone, Debug, PartialEq)]
enum Lex {
    Word(String),
    Quoted(String),
    Open,
    Close,
    Or,
    And,
    Not,
    Field(String, String),
}

const FIELDS: &[&str] = &["source", "bron", "lang", "taal", "date", "datum"];

fn lex(input: &str, warnings: &mut Vec<String>) -> Vec<Lex> {
    let chars: Vec<char> = input.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let is_quote = |c: char| matches!(c, '"' | '“' | '”' | '„');
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '(' {
            out.push(Lex::Open);
            i += 1;
        } else if c == ')' {
            out.push(Lex::Close);
            i += 1;
        } else if c == '|' {
            out.push(Lex::Or);
            i += 1;
        } else if is_quote(c) {
            let (text, next, closed) = read_quoted(&chars, i + 1);
            if !closed {
                warnings.push(
                    "A quotation mark was not closed; the phrase runs to the end of the query."
                        .into(),
                );
            }
            out.push(Lex::Quoted(text));
            i = next;
        } else if c == '-' && chars.get(i + 1).is_some_and(|n| !n.is_whitespace()) {
            out.push(Lex::Not);
            i += 1;
        } else {
            let start = i;
            while i < chars.len()
                && !chars[i].is_whitespace()
                && !matches!(chars[i], '(' | ')' | '|')
                && !is_quote(chars[i])
            {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if let Some((field, value)) = word.split_once(':') {
                let field = field.to_lowercase();
                if FIELDS.contains(&field.as_str()) {
                    if value.is_empty() && chars.get(i).copied().is_some_and(is_quote) {
                        let (text, next, _) = read_quoted(&chars, i + 1);
                        out.push(Lex::Field(field, text));
                        i = next;
                    } else {
                        out.push(Lex::Field(field, value.to_string()));
                    }
                    continue;
                }
            }
            match word.as_str() {
                "OR" => out.push(Lex::Or),
                "AND" | "&&" => out.push(Lex::And),
                "NOT" => out.push(Lex::Not),
                _ => out.push(Lex::Word(word)),
            }
        }
    }
    out
}

fn read_quoted(chars: &[char], from: usize) -> (String, usize, bool) {
    let mut j = from;
    while j < chars.len() && !matches!(chars[j], '"' | '“' | '”' | '„') {
        j += 1;
    }
    let text: String = chars[from..j].iter().collect();
    let closed = j < chars.len();
    (text, (j + 1).min(chars.len()), closed)
}

struct Parser {
    lexes: Vec<Lex>,
    pos: usize,
    filters: Filters,
    warnings: Vec<String>,
}

/// Parses a query. Never fails: see the module docs.
///
/// ```
/// use newsprism_core::search::query::{parse, Node};
/// let q = parse("\"giftige mensen\" -Kiev");
/// assert!(matches!(q.root, Some(Node::And(ref parts)) if parts.len() == 2));
/// assert!(q.warnings.is_empty());
/// ```
pub fn parse(input: &str) -> ParsedQuery {
    let mut warnings = Vec::new();
    let lexes = lex(input, &mut warnings);
    let mut p = Parser {
        lexes,
        pos: 0,
        filters: Filters::default(),
        warnings,
    };
    let mut parts = Vec::new();
    while p.pos < p.lexes.len() {
        if p.lexes[p.pos] == Lex::Close {
            p.warnings
                .push("A closing parenthesis had no opening one; it was ignored.".into());
            p.pos += 1;
            continue;
        }
        parts.extend(p.and_group());
    }
    ParsedQuery {
        root: simplify_and(parts),
        filters: p.filters,
        warnings: p.warnings,
    }
}

fn simplify_and(mut parts: Vec<Node>) -> Option<Node> {
    match parts.len() {
        0 => None,
        1 => parts.pop(),
        _ => Some(Node::And(parts)),
    }
}

impl Parser {
    fn peek(&self) -> Option<&Lex> {
        self.lexes.get(self.pos)
    }

    /// Terms up to a closing parenthesis or the end.
    fn and_group(&mut self) -> Vec<Node> {
        let mut parts = Vec::new();
        while let Some(lex) = self.peek() {
            match lex {
                Lex::Close => break,
                Lex::And => {
                    self.pos += 1;
                    if parts.is_empty() || matches!(self.peek(), None | Some(Lex::Close)) {
                        self.warnings
                            .push("AND needs a term on each side; it was ignored.".into());
                    }
                }
                Lex::Or => {
                    self.pos += 1;
                    self.warnings
                        .push("OR needs a term on each side; it was ignored.".into());
                }
                _ => {
                    if let Some(node) = self.or_chain() {
                        parts.push(node);
                    }
                }
            }
        }
        parts
    }

    fn or_chain(&mut self) -> Option<Node> {
        let first = self.unary();
        let mut alternatives: Vec<Node> = first.into_iter().collect();
        while self.peek() == Some(&Lex::Or) {
            self.pos += 1;
            match self.peek() {
                None | Some(Lex::Close) | Some(Lex::Or) | Some(Lex::And) => {
                    self.warnings
                        .push("OR needs a term on each side; it was ignored.".into());
                    break;
                }
                _ => {
                    if let Some(node) = self.unary() {
                        alternatives.push(node);
                    }
                }
            }
        }
        match alternatives.len() {
            0 => None,
            1 => alternatives.pop(),
            _ => Some(Node::Or(alternatives)),
        }
    }

    fn unary(&mut self) -> Option<Node> {
        let lex = self.peek()?.clone();
        self.pos += 1;
        match lex {
            Lex::Not => match self.peek() {
                None | Some(Lex::Close) | Some(Lex::Or) | Some(Lex::And) => {
                    self.warnings
                        .push("NOT (or -) needs a term after it; it was ignored.".into());
                    None
                }
                _ => self.unary().map(|n| Node::Not(Box::new(n))),
            },
            Lex::Open => {
                let inner = self.and_group();
                if self.peek() == Some(&Lex::Close) {
                    self.pos += 1;
                } else {
                    self.warnings
                        .push("A parenthesis was not closed; it was closed at the end.".into());
                }
                simplify_and(inner)
            }
            Lex::Word(w) => term(&w, &mut self.warnings),
            Lex::Quoted(text) => {
                let words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
                match words.len() {
                    0 => None,
                    _ => Some(Node::Phrase(words)),
                }
            }
            Lex::Field(field, value) => {
                self.filter(&field, &value);
                None
            }
            Lex::Close | Lex::Or | Lex::And => None,
        }
    }

    fn filter(&mut self, field: &str, value: &str) {
        let value = value.trim();
        match field {
            "source" | "bron" if !value.is_empty() => {
                self.filters.sources.push(SourceFilter::from_value(value))
            }
            "lang" | "taal" => match Language::from_code(value) {
                Some(l) => self.filters.languages.push(l),
                None => self.warnings.push(format!("“{value}” is not a language Newsprism knows (try nl or en); the filter was ignored.")),
            },
            "date" | "datum" if matches!(value.to_lowercase().as_str(), "undated" | "none" | "ongedateerd") => {
                self.filters.undated = true;
            }
            "date" | "datum" => {
                let (from, to) = value.split_once("..").unwrap_or((value, value));
                match (PartialDate::parse_iso(from), PartialDate::parse_iso(to)) {
                    (Some(a), Some(b)) => self.filters.date = Some((a, b)),
                    _ => self.warnings.push(format!("“{value}” is not a date like 2022-12 or 2022-10..2022-12; the filter was ignored.")),
                }
            }
            _ => self.warnings.push(format!("{field}: needs a value; it was ignored.")),
        }
    }
}

fn term(raw: &str, warnings: &mut Vec<String>) -> Option<Node> {
    let exact = raw.starts_with('=');
    let mut word = raw.trim_start_matches('=');
    let mut fuzzy = None;
    let mut prefix = false;
    if let Some((w, n)) = word.rsplit_once('~') {
        fuzzy = Some(match n {
            "" => 1,
            _ => match n.parse::<u8>() {
                Ok(d) if (1..=2).contains(&d) => d,
                _ => {
                    warnings.push(format!("“~{n}” is not a fuzziness of 1 or 2; 1 was used."));
                    1
                }
            },
        });
        word = w;
    }
    if let Some(w) = word.strip_suffix('*') {
        prefix = true;
        word = w;
    }
    // Punctuation typed around a word ("Minsk," or "'zijn vriend'") is not part of it.
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() {
        warnings.push(format!(
            "“{raw}” has no letters or digits to search for; it was ignored."
        ));
        return None;
    }
    if exact && (prefix || fuzzy.is_some()) {
        warnings.push(format!(
            "“{raw}”: = (this form only) cannot be combined with * or ~; the = was ignored."
        ));
    }
    Some(Node::Term(TermQuery {
        word: word.to_string(),
        prefix,
        fuzzy,
        exact: exact && !prefix && fuzzy.is_none(),
    }))
}

#[cfg(test)]
mod tests;
