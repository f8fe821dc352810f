//! What each element of a page holds once furniture is dropped: its text, the part of it in
//! links, its commas, paragraphs, list items and form fields; and which elements are dropped, by
//! tag, role, hidden state or (in the strict pass) by class and id.

use super::hints::SKIPPED_ROLES;
use super::tree::{Dom, NodeId};

/// A node's class, id and `itemprop`, lowercase, for hints.
pub(super) fn hints(dom: &Dom, id: NodeId) -> &str {
    &dom.nodes[id].hints
}

fn is_hidden(dom: &Dom, id: NodeId) -> bool {
    let n = &dom.nodes[id];
    n.attrs.iter().any(|(k, _)| k == "hidden")
        || n.attr("style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// Whether the element is dropped whole, by tag, role, hidden state or (when `strict`) by
/// class and id.
pub(super) fn dropped_here(
    dom: &Dom,
    id: NodeId,
    strict: bool,
    most_of_page: bool,
    holds_article: bool,
) -> bool {
    let n = &dom.nodes[id];
    if n.is_text() {
        return false;
    }
    // A mis-nested page can put everything inside its banner or a "sidebar" wrapper, and some
    // pages put their article in an `<aside>` or `<header>` or a layout div classed "sidebar".
    let wrapper = most_of_page || holds_article;
    let wraps = wrapper && matches!(n.name.as_str(), "aside" | "header" | "footer");
    if (n.skipped_tag && !wraps) || is_hidden(dom, id) {
        return true;
    }
    if wrapper {
        return false;
    }
    if n.attr("role")
        .is_some_and(|r| SKIPPED_ROLES.contains(&r.to_ascii_lowercase().as_str()))
    {
        return true;
    }
    if !strict || matches!(n.name.as_str(), "body" | "html" | "#document") {
        return false;
    }
    n.flags().furniture
}

/// The weight a container's class and id give it.
pub(super) fn class_weight(dom: &Dom, id: NodeId) -> f64 {
    dom.nodes[id].flags().weight
}

/// Whether an element's class or id marks a caption or a picture credit.
pub(super) fn is_caption_class(dom: &Dom, id: NodeId) -> bool {
    dom.nodes[id].flags().caption
}

/// Which elements hold an article: a `<main>` or `<article>` that is not itself marked as
/// furniture (a comment, a modal), or an element marked as the article's body, or an ancestor of
/// one.
fn holds_article(dom: &Dom) -> Vec<bool> {
    let len = dom.nodes.len();
    let mut holds = vec![false; len];
    for id in (1..len).rev() {
        let n = &dom.nodes[id];
        let own = match n.name.as_str() {
            "main" | "article" => !dropped_here(dom, id, true, false, false),
            "" => false,
            _ => {
                let h = hints(dom, id);
                h.contains("articlebody") || h.contains("article-body")
            }
        };
        holds[id] |= own;
        if holds[id] {
            holds[n.parent] = true;
        }
    }
    holds
}

/// Per-node measures over what is not dropped.
pub(super) struct Measures {
    pub dropped: Vec<bool>,
    /// Characters of text (white space runs count once).
    pub chars: Vec<usize>,
    /// Characters of text inside links.
    pub link_chars: Vec<usize>,
    pub commas: Vec<usize>,
    /// Form controls (not hidden inputs), dropped or not: a block full of them is a form.
    pub controls: Vec<usize>,
    /// Paragraphs and list items that are not dropped.
    pub paragraphs: Vec<usize>,
    pub items: Vec<usize>,
}

/// What does not depend on the pass: which elements hold most of the page's text or an
/// article, and the form fields under each. Worked out once and shared by both passes.
pub(super) struct Shape {
    most_of_page: Vec<bool>,
    holds: Vec<bool>,
    controls: Vec<usize>,
}

impl Shape {
    pub fn new(dom: &Dom) -> Shape {
        let len = dom.nodes.len();
        let mut controls = vec![0usize; len];
        // All text, before anything is dropped, to tell a wrapper of the whole page.
        let mut raw = vec![0usize; len];
        for id in (1..len).rev() {
            let n = &dom.nodes[id];
            if n.is_text() {
                raw[id] = n.chars;
            }
            let hidden_input = n.name == "input"
                && n.attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("hidden"));
            if matches!(n.name.as_str(), "input" | "select" | "textarea") && !hidden_input {
                controls[id] += 1;
            }
            controls[n.parent] += controls[id];
            if !matches!(
                n.name.as_str(),
                "head" | "script" | "style" | "noscript" | "template"
            ) {
                raw[n.parent] += raw[id];
            }
        }
        let page = raw[dom.body];
        Shape {
            most_of_page: raw.iter().map(|&chars| chars * 10 > page * 6).collect(),
            holds: holds_article(dom),
            controls,
        }
    }
}

impl Measures {
    pub fn new(dom: &Dom, shape: &Shape, strict: bool) -> Measures {
        let len = dom.nodes.len();
        let mut m = Measures {
            dropped: vec![false; len],
            chars: vec![0; len],
            link_chars: vec![0; len],
            commas: vec![0; len],
            controls: shape.controls.clone(),
            paragraphs: vec![0; len],
            items: vec![0; len],
        };
        // Parents come before their children in the arena.
        for id in 0..len {
            let parent_dropped = id > 0 && m.dropped[dom.nodes[id].parent];
            m.dropped[id] = parent_dropped
                || dropped_here(dom, id, strict, shape.most_of_page[id], shape.holds[id]);
        }
        for id in (0..len).rev() {
            let n = &dom.nodes[id];
            if m.dropped[id] {
                continue;
            }
            if n.is_text() {
                (m.chars[id], m.commas[id]) = (n.chars, n.commas);
            }
            match n.name.as_str() {
                "a" => m.link_chars[id] = m.chars[id],
                "p" => m.paragraphs[id] += 1,
                "li" => m.items[id] += 1,
                _ => {}
            }
            if id > 0 {
                let p = n.parent;
                m.chars[p] += m.chars[id];
                m.link_chars[p] += m.link_chars[id];
                m.commas[p] += m.commas[id];
                m.paragraphs[p] += m.paragraphs[id];
                m.items[p] += m.items[id];
            }
        }
        m
    }

    pub fn link_density(&self, id: NodeId) -> f64 {
        if self.chars[id] == 0 {
            0.0
        } else {
            self.link_chars[id] as f64 / self.chars[id] as f64
        }
    }
}
