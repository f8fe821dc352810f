//! The built-in table of named events, and the checks and edits of a user's table.

use super::{keywords, parse_day, EventTable, NamedEvent};

/// The built-in events: label, day, phrases, context words.
type BuiltIn = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

const BUILT_IN: &[BuiltIn] = &[
    (
        "the Russian invasion of Ukraine",
        "2022-02-24",
        &[
            "de invasie van Oekraïne",
            "de invasie in Oekraïne",
            "de oorlog in Oekraïne",
            "de grootschalige invasie",
            "de Russische invasie",
            "de invasie",
            "de oorlog",
            "the invasion of Ukraine",
            "the war in Ukraine",
            "the full-scale invasion",
            "the Russian invasion",
            "the invasion",
            "the war",
        ],
        &["oekraine", "ukraine", "kiev", "kyiv"],
    ),
    (
        "the Belarusian presidential election of 2020",
        "2020-08-09",
        &[
            "de verkiezingen van 2020",
            "de presidentsverkiezingen van 2020",
            "the 2020 election",
            "the 2020 presidential election",
        ],
        &["belarus", "wit-rusland", "loekasjenko", "lukashenko"],
    ),
    (
        "the annexation of Crimea",
        "2014-03-18",
        &["de annexatie van de Krim", "the annexation of Crimea"],
        &[],
    ),
    (
        "the attacks of 11 September 2001",
        "2001-09-11",
        &[
            "9/11",
            "de aanslagen van 11 september",
            "the 9/11 attacks",
            "the September 11 attacks",
        ],
        &[],
    ),
    (
        "the fall of the Berlin Wall",
        "1989-11-09",
        &[
            "de val van de Muur",
            "de val van de Berlijnse Muur",
            "the fall of the Berlin Wall",
            "the fall of the Wall",
        ],
        &[],
    ),
    (
        "the dissolution of the Soviet Union",
        "1991-12-26",
        &[
            "de val van de Sovjet-Unie",
            "het uiteenvallen van de Sovjet-Unie",
            "the collapse of the Soviet Union",
            "the fall of the Soviet Union",
        ],
        &[],
    ),
    (
        "the downing of MH17",
        "2014-07-17",
        &["de ramp met de MH17", "de MH17-ramp", "the downing of MH17"],
        &[],
    ),
    (
        "the Brexit referendum",
        "2016-06-23",
        &[
            "het Brexit-referendum",
            "the Brexit referendum",
            "the EU referendum",
        ],
        &[],
    ),
    (
        "the declaration of the COVID-19 pandemic",
        "2020-03-11",
        &[
            "de coronapandemie",
            "de coronacrisis",
            "the pandemic",
            "the Covid pandemic",
        ],
        &[],
    ),
];

impl Default for EventTable {
    fn default() -> Self {
        let owned = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect();
        EventTable {
            events: BUILT_IN
                .iter()
                .map(|(label, date, phrases, context)| NamedEvent {
                    label: label.to_string(),
                    date: date.to_string(),
                    phrases: owned(phrases),
                    context: owned(context),
                })
                .collect(),
        }
    }
}

/// Why a named event cannot go into the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventError {
    /// It has no name.
    NoLabel,
    /// Its date is not a day of the calendar written `YYYY-MM-DD`.
    BadDate(String),
    /// No phrase has a word to match (only "de", "the" and the like).
    NoPhrase,
}

impl std::fmt::Display for EventError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EventError::NoLabel => write!(f, "the event needs a name"),
            EventError::BadDate(d) => write!(
                f,
                "“{d}” is not a date written as year-month-day, such as 2022-02-24"
            ),
            EventError::NoPhrase => write!(
                f,
                "give at least one phrase that names the event, such as “de invasie van Oekraïne”"
            ),
        }
    }
}

impl std::error::Error for EventError {}

impl NamedEvent {
    /// An event from what a user typed: its name, its day (`YYYY-MM-DD`), the phrases that
    /// name it and the context words, each list separated by commas or new lines. Says what is
    /// wrong in plain words.
    ///
    /// ```
    /// use newsprism_core::time::named::NamedEvent;
    /// let e = NamedEvent::parse("the coup", "2021-02-01", "de staatsgreep, the coup", "Myanmar").unwrap();
    /// assert_eq!(e.phrases, ["de staatsgreep", "the coup"]);
    /// assert!(NamedEvent::parse("the coup", "2021-02-30", "the coup", "").is_err());
    /// ```
    pub fn parse(
        label: &str,
        date: &str,
        phrases: &str,
        context: &str,
    ) -> Result<NamedEvent, EventError> {
        let list = |text: &str| -> Vec<String> {
            text.split([',', '\n'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect()
        };
        let event = NamedEvent {
            label: label.trim().to_string(),
            date: date.trim().to_string(),
            phrases: list(phrases),
            context: list(context),
        };
        event.check()?;
        Ok(event)
    }

    /// Whether the event can be matched and placed.
    pub fn check(&self) -> Result<(), EventError> {
        if self.label.trim().is_empty() {
            return Err(EventError::NoLabel);
        }
        if parse_day(&self.date).is_none() {
            return Err(EventError::BadDate(self.date.clone()));
        }
        if self.phrases.iter().all(|p| keywords(p).is_empty()) {
            return Err(EventError::NoPhrase);
        }
        Ok(())
    }
}

impl EventTable {
    /// No events.
    pub fn empty() -> Self {
        EventTable { events: Vec::new() }
    }

    /// Adds an event, in place of one of the same name (checked first).
    pub fn add(&mut self, event: NamedEvent) -> Result<(), EventError> {
        event.check()?;
        match self.events.iter_mut().find(|e| e.label == event.label) {
            Some(e) => *e = event,
            None => self.events.push(event),
        }
        Ok(())
    }

    /// Removes the event of this name; whether there was one.
    pub fn remove(&mut self, label: &str) -> bool {
        let before = self.events.len();
        self.events.retain(|e| e.label != label);
        self.events.len() != before
    }

    /// The table with the events that cannot be matched left out (from a stored state or a
    /// project file written by hand), and how many were.
    pub fn checked(mut self) -> (EventTable, usize) {
        let before = self.events.len();
        self.events.retain(|e| e.check().is_ok());
        let dropped = before - self.events.len();
        (self, dropped)
    }
}
