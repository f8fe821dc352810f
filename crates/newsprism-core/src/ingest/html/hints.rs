//! What a page's markup says about an element: tags that are never article text, ARIA roles
//! and `hidden` of page furniture, and the class and id fragments that mark furniture or a
//! likely article container.

/// Elements whose whole content is never article text.
pub(super) const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "button", "select", "textarea",
    "input", "option", "label", "svg", "math", "iframe", "object", "embed", "canvas", "audio",
    "video", "dialog", "menu", "head", "title", "footer",
];

/// ARIA roles of page furniture.
pub(super) const SKIPPED_ROLES: &[&str] = &[
    "navigation",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "search",
    "dialog",
    "alertdialog",
    "banner",
    "toolbar",
    "tablist",
];

/// Class and id fragments of furniture that is never the article, whatever else they say.
const FURNITURE: &[&str] = &[
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "breadcrumb",
    "cookie",
    "consent",
    "sidebar",
    "footer",
    "navbar",
    "navigation",
    "menu",
    "advert",
    "promo",
    "outbrain",
    "taboola",
    "disqus",
    "subscribe",
    "subscription",
    "byline",
    "author",
    "credit",
    "recommend",
    "read-more",
    "readmore",
    "more-stories",
    "most-popular",
    "mostpopular",
    "trending",
    "tagcloud",
    "skip-link",
    "toolbar",
    "banner",
    "masthead",
    "pagination",
    "pager",
    "signup",
    "sign-up",
    "paywall",
    "meta",
    "timestamp",
    "inline-ad",
    "ad-slot",
    "adslot",
    "-ad-",
    "sponsor",
    "modal",
    "popup",
    "overlay",
    "login",
    "reactions",
    "donate",
];

/// Fragments that say a container may hold the article.
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "post",
    "text",
    "blog",
    "story",
    "column",
    "prose",
    "rich-text",
    "richtext",
];

/// Fragments that count against a container (readability's list, in part).
const NEGATIVE: &[&str] = &[
    "-ad-",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "foot",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "tool",
    "widget",
    "teaser",
];

/// Elements that start and end a block of text.
pub(super) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "blockquote"
            | "figcaption"
            | "figure"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "dd"
            | "dt"
            | "dl"
            | "body"
            | "address"
            | "hr"
            | "form"
            | "fieldset"
            | "center"
            | "details"
            | "summary"
            | "hgroup"
            | "caption"
            | "#document"
    )
}

/// What a block was, from its element.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum BlockTag {
    Paragraph,
    Heading1,
    Subheading,
    Caption,
    Quote,
    ListItem,
    #[default]
    Other,
}

impl BlockTag {
    pub(super) fn of(name: &str) -> BlockTag {
        match name {
            "p" => BlockTag::Paragraph,
            "h1" => BlockTag::Heading1,
            "h2" | "h3" | "h4" | "h5" | "h6" => BlockTag::Subheading,
            "figcaption" => BlockTag::Caption,
            "blockquote" => BlockTag::Quote,
            "li" | "dd" | "dt" => BlockTag::ListItem,
            _ => BlockTag::Other,
        }
    }
}

/// The hint text of an element's attributes: its class, id and `itemprop`, lowercase, without
/// utility classes; computed once when the tree is built.
pub(super) fn hint_text(attrs: &[(String, String)]) -> String {
    let mut h = String::new();
    for key in ["class", "id", "itemprop"] {
        if let Some((_, v)) = attrs.iter().find(|(k, _)| k == key) {
            for token in v.split_whitespace().filter(|t| !is_utility_class(t)) {
                h.push_str(token);
                h.push(' ');
            }
        }
    }
    h.to_ascii_lowercase()
}

/// Prefixes of utility classes (Tailwind, Bootstrap) that say how an element looks, not what
/// it is: `text-center` is not text, `justify-content-end` not content, `overflow-hidden` not
/// hidden.
const UTILITY_PREFIXES: &[&str] = &[
    "text-",
    "font-",
    "bg-",
    "border-",
    "justify-",
    "items-",
    "content-",
    "place-",
    "align-",
    "self-",
    "overflow-",
    "leading-",
    "tracking-",
    "shadow",
    "rounded",
    "flex",
    "grid-",
    "gap-",
    "col-",
    "row-",
    "order-",
    "float-",
    "d-",
    "w-",
    "h-",
    "min-",
    "max-",
    "p-",
    "px-",
    "py-",
    "pt-",
    "pb-",
    "pl-",
    "pr-",
    "m-",
    "mx-",
    "my-",
    "mt-",
    "mb-",
    "ml-",
    "mr-",
    "z-",
    "opacity-",
    "visually-hidden",
    "sr-only",
];

fn is_utility_class(token: &str) -> bool {
    let t = token.as_bytes();
    // Responsive and state variants: `md:text-2xl`, `hover:underline`.
    t.contains(&b':')
        || UTILITY_PREFIXES
            .iter()
            .any(|p| t.len() >= p.len() && t[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
}

/// What an element's hints say, worked out once when the tree is built.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct HintFlags {
    /// Marked as furniture (comments, sharing, related links…).
    pub furniture: bool,
    /// The weight its class and id give a container: -25, 0 or +25.
    pub weight: f64,
    /// Marked as a caption or a picture credit.
    pub caption: bool,
}

/// Every fragment a hint text is matched against.
#[cfg(test)]
pub(super) fn fragments() -> impl Iterator<Item = &'static str> {
    [FURNITURE, NEGATIVE, POSITIVE, CAPTION_HINTS]
        .into_iter()
        .flatten()
        .copied()
}

/// Which list a fragment comes from.
const FURNITURE_BIT: u8 = 1;
const NEGATIVE_BIT: u8 = 2;
const POSITIVE_BIT: u8 = 4;
const CAPTION_BIT: u8 = 8;
const BODY_BIT: u8 = 16;

/// Every fragment with the lists it is in, by first byte, so that a hint text is read in one
/// pass instead of once for each of some two hundred fragments.
fn fragment_table() -> &'static [Vec<(&'static str, u8)>] {
    static TABLE: std::sync::OnceLock<Vec<Vec<(&'static str, u8)>>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = vec![Vec::new(); 256];
        let lists: [(&[&'static str], u8); 5] = [
            (FURNITURE, FURNITURE_BIT),
            (NEGATIVE, NEGATIVE_BIT),
            (POSITIVE, POSITIVE_BIT),
            (CAPTION_HINTS, CAPTION_BIT),
            (&["articlebody", "article-body"], BODY_BIT),
        ];
        for (list, bit) in lists {
            for &f in list {
                let slot: &mut Vec<(&'static str, u8)> = &mut table[usize::from(f.as_bytes()[0])];
                match slot.iter_mut().find(|(g, _)| *g == f) {
                    Some((_, bits)) => *bits |= bit,
                    None => slot.push((f, bit)),
                }
            }
        }
        table
    })
}

/// The flags of a hint text (see [`hint_text`]).
pub(super) fn flags(h: &str) -> HintFlags {
    let table = fragment_table();
    let bytes = h.as_bytes();
    let mut found = 0u8;
    // "Commentary" is an article genre, not comments: furniture found inside it does not count.
    let mut commentary_end = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'c' && bytes[i..].starts_with(b"commentary") {
            commentary_end = i + "commentary".len();
        }
        for &(f, bits) in &table[usize::from(b)] {
            if !bytes[i..].starts_with(f.as_bytes()) {
                continue;
            }
            let inside_commentary = i + f.len() <= commentary_end;
            found |= if inside_commentary {
                bits & !FURNITURE_BIT
            } else {
                bits
            };
        }
    }
    let mut weight = 0.0;
    if found & NEGATIVE_BIT != 0 {
        weight -= 25.0;
    }
    if found & POSITIVE_BIT != 0 {
        weight += 25.0;
    }
    HintFlags {
        furniture: found & BODY_BIT == 0 && found & FURNITURE_BIT != 0,
        weight,
        caption: found & CAPTION_BIT != 0,
    }
}

/// Class and id fragments of captions and picture credits.
const CAPTION_HINTS: &[&str] = &[
    "caption",
    "credit",
    "copyright",
    "bildunterschrift",
    "legende",
    "legend",
    "photo-source",
];

pub(super) fn tag_weight(name: &str) -> f64 {
    match name {
        "div" | "article" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}
