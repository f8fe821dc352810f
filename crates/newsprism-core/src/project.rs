//! The project file and the stored state: everything a user added or changed, as JSON.
//!
//! A project holds the added articles as they were read (edits are kept apart, so an edit can be
//! undone), the metadata edits by article id, the hidden seeds and the alias table. The same
//! pieces are what the app stores in IndexedDB between visits. The file carries a format name
//! and a version; a file from a newer, unknown version is refused rather than half-read.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::article::{Article, ArticleId, PartialDate};

/// The `format` field of every project file.
pub const FORMAT: &str = "newsprism-project";

/// The newest project format version this build reads and the one it writes.
pub const VERSION: u32 = 1;

/// A user's changes to one article's metadata. `None` leaves the value as read from the file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleEdit {
    /// A new title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A new source; an empty string makes the source unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A new date, or none at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateEdit>,
}

/// A publication date set by the user. Stored as it is typed: `2022`, `2022-12`, `2022-12-19`,
/// or an empty string for "undated", so stored state and project files keep their shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateEdit {
    /// The article has no publication date.
    Undated,
    /// This date, at the precision given.
    Date(PartialDate),
}

impl DateEdit {
    /// A date as typed: empty is undated; otherwise `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    ///
    /// ```
    /// use newsprism_core::project::DateEdit;
    /// assert_eq!(DateEdit::parse(" "), Ok(DateEdit::Undated));
    /// assert!(matches!(DateEdit::parse("2022-12"), Ok(DateEdit::Date(_))));
    /// assert!(DateEdit::parse("19-12-2022").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<DateEdit, EditError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(DateEdit::Undated);
        }
        PartialDate::parse_iso(text)
            .map(DateEdit::Date)
            .ok_or_else(|| EditError::BadDate(text.to_string()))
    }

    /// The date as stored: ISO at its precision, or empty for undated.
    pub fn iso(self) -> String {
        match self {
            DateEdit::Undated => String::new(),
            DateEdit::Date(d) => d.iso(),
        }
    }
}

impl Serialize for DateEdit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for DateEdit {
    /// A stored date that is not a date reads as undated, as it always has.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<DateEdit, D::Error> {
        let text = String::deserialize(d)?;
        Ok(DateEdit::parse(&text).unwrap_or(DateEdit::Undated))
    }
}

/// Why an edit was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// There is no such article.
    NoSuchArticle,
    /// The title is empty or too long.
    BadTitle,
    /// The date is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or not a real date.
    BadDate(String),
    /// The source name is too long.
    BadSource,
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::NoSuchArticle => write!(f, "That article is no longer loaded."),
            EditError::BadTitle => write!(f, "A title needs 1 to 300 characters."),
            EditError::BadDate(d) => write!(
                f,
                "“{d}” is not a date Newsprism understands: write 2022, 2022-12 or 2022-12-19."
            ),
            EditError::BadSource => write!(f, "A source name can have at most 200 characters."),
        }
    }
}

impl ArticleEdit {
    /// Whether the edit changes nothing.
    pub fn is_empty(&self) -> bool {
        self.title.is_none() && self.source.is_none() && self.date.is_none()
    }

    /// This edit with `later`'s fields laid over it.
    pub fn then(&self, later: &ArticleEdit) -> ArticleEdit {
        ArticleEdit {
            title: later.title.clone().or_else(|| self.title.clone()),
            source: later.source.clone().or_else(|| self.source.clone()),
            date: later.date.or(self.date),
        }
    }
}

/// Everything but the added articles: edits, hidden seeds, the alias table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectState {
    /// Metadata edits, by article (seeds included).
    #[serde(default)]
    pub edits: BTreeMap<ArticleId, ArticleEdit>,
    /// Bundled articles the user hid.
    #[serde(default)]
    pub hidden_seeds: Vec<ArticleId>,
    /// The alias table's groups; `None` keeps the built-in table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aliases: Option<Vec<Vec<String>>>,
    /// The named events' table; `None` keeps the built-in table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<crate::time::named::NamedEvent>>,
}

/// A whole project: the state and the added articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format version it was written in.
    pub version: u32,
    /// Edits, hidden seeds and aliases.
    pub state: ProjectState,
    /// The added articles, as read from their files.
    pub articles: Vec<Article>,
}

impl Project {
    /// A project of this state and these articles, in the current version.
    pub fn new(state: ProjectState, articles: Vec<Article>) -> Self {
        Project {
            format: FORMAT.to_string(),
            version: VERSION,
            state,
            articles,
        }
    }

    /// The project as JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a project file; says in plain words why one cannot be opened.
    ///
    /// ```
    /// use newsprism_core::project::{Project, ProjectState};
    /// let json = Project::new(ProjectState::default(), vec![]).to_json();
    /// assert!(Project::from_json(&json).is_ok());
    /// let newer = json.replace("\"version\":1", "\"version\":7");
    /// assert!(Project::from_json(&newer).unwrap_err().contains("newer"));
    /// ```
    pub fn from_json(text: &str) -> Result<Project, String> {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            format!(
                "it is not valid JSON (line {}, column {})",
                e.line(),
                e.column()
            )
        })?;
        if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err("it is not a Newsprism project file".into());
        }
        let version = value.get("version").and_then(Value::as_u64).unwrap_or(0);
        if version == 0 {
            return Err("it has no format version".into());
        }
        if version > u64::from(VERSION) {
            return Err(format!(
                "it was written by a newer Newsprism (format version {version}; this one reads up to version {VERSION})"
            ));
        }
        serde_json::from_value(value).map_err(|e| format!("it is damaged ({e})"))
    }
}

/// One stored article as JSON.
pub fn article_to_json(article: &Article) -> String {
    serde_json::to_string(article).unwrap_or_default()
}

/// Reads one stored article.
pub fn article_from_json(text: &str) -> Result<Article, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// The stored state as JSON.
pub fn state_to_json(state: &ProjectState) -> String {
    serde_json::to_string(state).unwrap_or_default()
}

/// Reads the stored state.
pub fn state_from_json(text: &str) -> Result<ProjectState, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::parse_article;

    #[test]
    fn a_project_round_trips_through_json() {
        let a = parse_article(
            "a.txt",
            " date 2022-12 Poetin bezocht Minsk. Het was koud.".as_bytes(),
        )
        .unwrap()
        .article;
        let mut state = ProjectState::default();
        state.edits.insert(
            a.id,
            ArticleEdit {
                source: Some("NOS".into()),
                ..ArticleEdit::default()
            },
        );
        state.hidden_seeds.push(ArticleId(42));
        state.aliases = Some(vec![vec!["Poetin".into(), "Putin".into()]]);
        let p = Project::new(state, vec![a]);
        let back = Project::from_json(&p.to_json()).unwrap();
        assert_eq!(back, p);
    }

    #[test]
    fn files_that_are_not_projects_are_refused_with_a_reason() {
        for (text, why) in [
            ("{", "not valid JSON"),
            ("{\"format\": \"other\"}", "not a Newsprism project"),
            ("{\"format\": \"newsprism-project\"}", "no format version"),
            (
                "{\"format\": \"newsprism-project\", \"version\": 2, \"articles\": []}",
                "newer",
            ),
            (
                "{\"format\": \"newsprism-project\", \"version\": 1, \"articles\": 3}",
                "damaged",
            ),
        ] {
            let err = Project::from_json(text).unwrap_err();
            assert!(err.contains(why), "{text}: {err}");
        }
    }

    #[test]
    fn later_edits_override_earlier_ones_field_by_field() {
        let a = ArticleEdit {
            title: Some("A".into()),
            source: Some("X".into()),
            date: None,
        };
        let b = ArticleEdit {
            title: Some("B".into()),
            ..ArticleEdit::default()
        };
        assert_eq!(
            a.then(&b),
            ArticleEdit {
                title: Some("B".into()),
                source: Some("X".into()),
                date: None
            }
        );
    }

    #[test]
    fn an_edited_date_keeps_the_stored_shape() {
        let edit = ArticleEdit {
            date: Some(DateEdit::parse("2022-12").expect("a month")),
            ..ArticleEdit::default()
        };
        let json = serde_json::to_string(&edit).expect("serialises");
        assert_eq!(json, r#"{"date":"2022-12"}"#);
        let undated: ArticleEdit = serde_json::from_str(r#"{"date":""}"#).expect("reads");
        assert_eq!(undated.date, Some(DateEdit::Undated));
        let back: ArticleEdit = serde_json::from_str(&json).expect("reads");
        assert_eq!(back, edit);
        // What older files may hold that is not a date reads as undated, as it always did.
        let odd: ArticleEdit = serde_json::from_str(r#"{"date":"ooit"}"#).expect("reads");
        assert_eq!(odd.date, Some(DateEdit::Undated));
    }
}
