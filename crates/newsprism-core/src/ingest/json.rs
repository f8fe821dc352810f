//! JSON and JSON Lines exports: records of `{title, text|body, date, source, url}`.
//!
//! A file may be an array of records, an object holding one (`{"articles": […]}`), a single
//! record, or one record per line (JSON Lines). Field names vary between scrapers and exports,
//! so the usual spellings are accepted (`body`, `content`, `published_at`, `site_name`…). A
//! record that has no text is reported by its position; the others still load.

use serde_json::{Map, Value};

use super::txt::{self, parse_date_value, RawText};
use crate::article::Provenance;
use crate::text::language::Language;

/// One record read, or why it could not be.
pub type RecordResult = Result<RawText, String>;

/// The records of a JSON or JSON Lines file, numbered from 1, or why the file is not JSON.
pub fn parse(text: &str, lines: bool) -> Result<Vec<(usize, RecordResult)>, String> {
    if lines {
        return parse_lines(text);
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        // A `.json` file that is really JSON Lines.
        Err(e) => match parse_lines(text) {
            Ok(records) if records.len() > 1 => return Ok(records),
            _ => return Err(describe(&e)),
        },
    };
    Ok(records_of(value)?
        .into_iter()
        .enumerate()
        .map(|(i, v)| (i + 1, record(&v)))
        .collect())
}

fn parse_lines(text: &str) -> Result<Vec<(usize, RecordResult)>, String> {
    let mut out = Vec::new();
    let mut bad = 0usize;
    let mut first_error = None;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v) => out.push((i + 1, record(&v))),
            Err(e) => {
                bad += 1;
                first_error.get_or_insert_with(|| format!("line {}: {}", i + 1, describe(&e)));
                out.push((
                    i + 1,
                    Err(format!("line {} is not JSON ({})", i + 1, describe(&e))),
                ));
            }
        }
    }
    if out.len() == bad {
        return Err(first_error.unwrap_or_else(|| "there are no records".into()));
    }
    Ok(out)
}

fn describe(e: &serde_json::Error) -> String {
    let what = match e.classify() {
        serde_json::error::Category::Eof => "it ends too early",
        serde_json::error::Category::Syntax => "a syntax error",
        _ => "an unexpected value",
    };
    format!("{what} at line {}, column {}", e.line(), e.column())
}

fn records_of(value: Value) -> Result<Vec<Value>, String> {
    match value {
        Value::Array(items) => Ok(items),
        Value::Object(map) => {
            for key in [
                "articles",
                "items",
                "data",
                "results",
                "documents",
                "records",
            ] {
                if let Some(Value::Array(items)) = map.get(key) {
                    return Ok(items.clone());
                }
            }
            Ok(vec![Value::Object(map)])
        }
        _ => Err("it holds no articles: expected an array or object of records".into()),
    }
}

fn field<'a>(map: &'a Map<String, Value>, names: &[&str]) -> Option<&'a Value> {
    names.iter().find_map(|n| {
        map.iter()
            .find(|(k, v)| k.eq_ignore_ascii_case(n) && !v.is_null())
            .map(|(_, v)| v)
    })
}

/// A field as one string: strings as they are, arrays of strings joined, `{name}` objects by name.
fn string_of(value: &Value, sep: &str) -> Option<String> {
    let s = match value {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items
            .iter()
            .filter_map(|v| string_of(v, sep))
            .collect::<Vec<_>>()
            .join(sep),
        Value::Object(map) => {
            field(map, &["name", "title", "text"]).and_then(|v| string_of(v, sep))?
        }
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// Fields that hold the text, in order of preference.
const TEXT_KEYS: &[&str] = &[
    "text",
    "body",
    "content",
    "article",
    "maintext",
    "fulltext",
    "article_text",
    "description",
];

/// Fields that hold the headline.
const TITLE_KEYS: &[&str] = &["title", "headline", "titel"];

/// Fields that hold the publication date.
const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publishedAt",
    "pubDate",
    "date_publish",
    "datePublished",
    "datum",
    "publication_date",
];

/// Fields that name the outlet.
const SOURCE_KEYS: &[&str] = &[
    "source",
    "outlet",
    "site_name",
    "site",
    "publisher",
    "source_name",
    "bron",
    "source_domain",
];

/// Fields that hold the article's address.
const URL_KEYS: &[&str] = &["url", "link", "canonical_url"];

/// Fields that name the author.
const AUTHOR_KEYS: &[&str] = &["author", "authors", "byline", "auteur"];

/// Fields that give the language.
const LANG_KEYS: &[&str] = &["lang", "language", "taal"];

fn record(value: &Value) -> RecordResult {
    let Value::Object(map) = value else {
        return Err("it is not an object with a text".into());
    };
    let text = field(map, TEXT_KEYS)
        .and_then(|v| string_of(v, "\n\n"))
        .ok_or("it has no text (expected a “text” or “body” field)")?;

    let mut raw = if super::html::looks_like_html(&text) {
        super::html::parse(&text)
    } else {
        RawText {
            paragraphs: txt::body_paragraphs(&text),
            ..RawText::default()
        }
    };
    if raw.paragraphs.is_empty() {
        return Err("its text is empty".into());
    }
    if let Some(title) = field(map, TITLE_KEYS).and_then(|v| string_of(v, " ")) {
        raw.headline = Some(title.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    if let Some(date) = field(map, DATE_KEYS)
        .and_then(|v| string_of(v, " "))
        .and_then(|d| parse_date_value(&d))
    {
        raw.date = Some((date, Provenance::Record));
    }
    raw.source = field(map, SOURCE_KEYS)
        .and_then(|v| string_of(v, ", "))
        .or(raw.source);
    raw.url = field(map, URL_KEYS)
        .and_then(|v| string_of(v, " "))
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .or(raw.url);
    raw.author = field(map, AUTHOR_KEYS)
        .and_then(|v| string_of(v, ", "))
        .or(raw.author);
    raw.language = field(map, LANG_KEYS)
        .and_then(|v| string_of(v, " "))
        .and_then(|l| Language::from_code(&l))
        .or(raw.language);
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_array_of_records_is_read_with_the_usual_field_names() {
        let records = parse(
            r#"[{"title": "Poetin in Minsk", "text": "Eerste alinea.\n\nTweede alinea.", "date": "2022-12-19", "source": "NOS", "url": "https://nos.nl/a"},
                {"headline": "Tweede", "body": ["Een.", "Twee."], "publishedAt": "2022-10-01T08:00:00Z", "source": {"name": "De Standaard"}, "authors": ["A", "B"]},
                {"title": "Leeg"}]"#,
            false,
        )
        .unwrap();
        assert_eq!(records.len(), 3);
        let a = records[0].1.as_ref().unwrap();
        assert_eq!(a.headline.as_deref(), Some("Poetin in Minsk"));
        assert_eq!(a.paragraphs, ["Eerste alinea.", "Tweede alinea."]);
        assert_eq!(a.date.clone().unwrap().0.iso(), "2022-12-19");
        assert_eq!(a.date.clone().unwrap().1, Provenance::Record);
        assert_eq!(a.source.as_deref(), Some("NOS"));
        assert_eq!(a.url.as_deref(), Some("https://nos.nl/a"));
        let b = records[1].1.as_ref().unwrap();
        assert_eq!(b.paragraphs, ["Een.", "Twee."]);
        assert_eq!(b.source.as_deref(), Some("De Standaard"));
        assert_eq!(b.author.as_deref(), Some("A, B"));
        assert_eq!(b.date.clone().unwrap().0.iso(), "2022-10-01");
        assert!(records[2].1.as_ref().unwrap_err().contains("no text"));
    }

    #[test]
    fn json_lines_report_bad_lines_and_keep_good_ones() {
        let records = parse(
            "{\"title\":\"A\",\"text\":\"Tekst een.\"}\n{broken\n\n{\"text\":\"Tekst twee.\"}\n",
            true,
        )
        .unwrap();
        assert_eq!(records.len(), 3);
        assert_eq!(records[0].0, 1);
        assert!(records[1].1.as_ref().unwrap_err().contains("line 2"));
        assert_eq!(records[2].0, 4);
        assert!(records[2].1.is_ok());
    }

    #[test]
    fn broken_json_says_where() {
        let err = parse("[{\"title\": \"A\", ", false).unwrap_err();
        assert!(err.contains("line 1"), "{err}");
        assert!(parse("42", false).is_err());
    }

    #[test]
    fn html_bodies_are_extracted_as_text() {
        let records = parse(r#"{"title": "T", "content": "<p>Een <b>vet</b> woord.</p><script>alert(1)</script><p>Twee.</p>"}"#, false).unwrap();
        assert_eq!(
            records[0].1.as_ref().unwrap().paragraphs,
            ["Een vet woord.", "Twee."]
        );
    }
}
