//! Markdown articles: front matter with the text-file keys, then CommonMark.
//!
//! The markup is parsed by pulldown-cmark and only the words are kept: emphasis and links
//! become their text, images their alt text is dropped, raw HTML is dropped. A leading `# Heading`
//! is the headline; `##` and deeper headings are subheadings.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::txt::{self, RawText};
use crate::article::ParagraphKind;

/// Reads a Markdown file into a [`RawText`].
pub fn parse(text: &str) -> RawText {
    // The header (front matter or a key block) is shared with plain text.
    let mut raw = RawText::default();
    let body = txt::strip_header(text, &mut raw);

    let mut current = String::new();
    let mut heading: Option<HeadingLevel> = None;
    let mut image_depth = 0usize;
    let mut blocks: Vec<(String, Option<HeadingLevel>)> = Vec::new();
    for event in Parser::new(body) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                push(&mut blocks, &mut current, None);
                heading = Some(level);
            }
            Event::End(TagEnd::Heading(_)) => {
                push(&mut blocks, &mut current, heading.take());
            }
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::BlockQuote(_),
            ) => push(&mut blocks, &mut current, None),
            Event::Text(t) | Event::Code(t) if image_depth == 0 => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::End(TagEnd::TableCell) => current.push(' '),
            _ => {}
        }
    }
    push(&mut blocks, &mut current, None);

    let mut blocks = blocks.into_iter().peekable();
    if raw.headline.is_none() {
        if let Some((text, Some(HeadingLevel::H1))) = blocks.peek() {
            raw.headline = Some(text.clone());
            blocks.next();
        }
    }
    for (text, level) in blocks {
        raw.hints.push(level.map(|_| ParagraphKind::Subheading));
        raw.paragraphs.push(text);
    }
    raw
}

fn push(
    blocks: &mut Vec<(String, Option<HeadingLevel>)>,
    current: &mut String,
    level: Option<HeadingLevel>,
) {
    let text = current.split_whitespace().collect::<Vec<_>>().join(" ");
    current.clear();
    if text.chars().any(char::is_alphanumeric) {
        blocks.push((text, level));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Provenance;

    #[test]
    fn front_matter_headline_and_markup_are_read() {
        let raw = parse(
            "---\nsource: NOS\ndate: 2022-12-19\n---\n# Poetin in Minsk\n\nDe **Russische** president [Poetin](https://nos.nl) is in\nMinsk. ![foto](x.jpg)\n\n## Onder druk\n\n> „Domme verzinsels”, aldus Peskov.\n\n- eerste punt\n- tweede punt\n\n<div>raw html</div>\n",
        );
        assert_eq!(raw.headline.as_deref(), Some("Poetin in Minsk"));
        assert_eq!(raw.source.as_deref(), Some("NOS"));
        assert_eq!(raw.date.clone().unwrap().1, Provenance::FrontMatter);
        assert_eq!(
            raw.paragraphs,
            [
                "De Russische president Poetin is in Minsk.",
                "Onder druk",
                "„Domme verzinsels”, aldus Peskov.",
                "eerste punt",
                "tweede punt",
            ]
        );
        assert_eq!(raw.hints[1], Some(ParagraphKind::Subheading));
        assert_eq!(raw.hints[0], None);
    }

    #[test]
    fn a_title_key_wins_over_the_first_heading() {
        let raw = parse("---\ntitle: Kop\n---\n# Andere kop\n\nTekst.");
        assert_eq!(raw.headline.as_deref(), Some("Kop"));
        assert_eq!(raw.paragraphs, ["Andere kop", "Tekst."]);
    }
}
