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
    let t = token.to_ascii_lowercase();
    // Responsive and state variants: `md:text-2xl`, `hover:underline`.
    t.contains(':') || UTILITY_PREFIXES.iter().any(|p| t.starts_with(p))
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

/// The flags of a hint text (see [`hint_text`]).
pub(super) fn flags(h: &str) -> HintFlags {
    if h.is_empty() {
        return HintFlags::default();
    }
    let body = h.contains("articlebody") || h.contains("article-body");
    let furniture_text = h.replace("commentary", "");
    let mut weight = 0.0;
    if NEGATIVE.iter().any(|f| h.contains(f)) {
        weight -= 25.0;
    }
    if POSITIVE.iter().any(|f| h.contains(f)) {
        weight += 25.0;
    }
    HintFlags {
        furniture: !body && FURNITURE.iter().any(|f| furniture_text.contains(f)),
        weight,
        caption: CAPTION_HINTS.iter().any(|f| h.contains(f)),
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
