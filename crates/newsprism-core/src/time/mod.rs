//! Time: the dates a text mentions, placed against its publication date, and the timeline.
//!
//! - [`calendar`]: days as numbers, weekdays, ISO weeks.
//! - [`expressions`]: finding "maandag", "vorige week", "25 februari", "two years ago"… and
//!   the sentence's tense. Knows nothing of publication dates.
//! - [`resolve`]: placing an expression against a publication date of any precision, with
//!   uncertainty kept as a set of candidates.
//! - [`timeline`]: per-article events, inferred dates for undated articles, groups of the same
//!   date across articles, axis ticks, query trends and exports.

pub mod calendar;
pub mod expressions;
pub mod named;
pub mod resolve;
pub mod timeline;
pub mod timex;
