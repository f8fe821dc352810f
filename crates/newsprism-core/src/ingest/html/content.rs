//! Which part of a page is the article.
//!
//! Our own mix of the methods readability, jusText and trafilatura publish. Elements that are
//! never article text (scripts, navigation, forms' controls, hidden elements) are dropped by tag,
//! role and attribute; furniture (comments, share and subscription blocks, related links, menus,
//! breadcrumbs, sidebars, bylines, captions' credits) by its class and id. Every stretch of
//! running text then scores its container and, less, the container's ancestors, by length and
//! commas; a container's score is cut by its link density and its form fields. The best
//! container, with the siblings that score near it and the lead (intro, standfirst) set apart
//! before it, is the article; inside it, link lists and blocks that are mostly links or marked as
//! furniture are dropped. If the strict pass leaves too little, a lenient one that
//! ignores class and id is tried, and kept when it finds more than twice as much.

use super::hints::{tag_weight, BlockTag};
use super::measure::{class_weight, is_caption_class, Measures, Shape};
use super::tree::{Dom, NodeId};

/// A block of text as the page shows it, white space collapsed.
#[derive(Debug, Clone)]
pub(super) struct Block {
    pub tag: BlockTag,
    pub text: String,
}

/// Containers' scores; `None` where no text scored them.
fn score(dom: &Dom, m: &Measures) -> Vec<Option<f64>> {
    let mut scores: Vec<Option<f64>> = vec![None; dom.nodes.len()];
    for id in 0..dom.nodes.len() {
        let n = &dom.nodes[id];
        if m.dropped[id] || n.is_text() {
            continue;
        }
        // A unit of running text: a paragraph-like element whole, or the inline text directly
        // inside a block container (div text).
        let (chars, commas, first) = if matches!(n.name.as_str(), "p" | "pre" | "td") {
            (m.chars[id], m.commas[id], n.parent)
        } else if matches!(
            n.name.as_str(),
            "div" | "section" | "article" | "main" | "form" | "center" | "body" | "blockquote"
        ) {
            let inline = n.children.iter().filter(|&&c| !dom.nodes[c].block);
            let (mut chars, mut commas) = (0, 0);
            for &c in inline {
                chars += m.chars[c];
                commas += m.commas[c];
            }
            (chars, commas, id)
        } else {
            continue;
        };
        if chars < 25 {
            continue;
        }
        // Text among form fields (a login or sign-up form's messages) counts for less.
        let fields = m.controls[dom.nodes[first].parent] / 3;
        let unit = (1.0 + commas as f64 + (chars as f64 / 100.0).min(3.0)) / (1 + fields) as f64;
        let mut at = first;
        for level in 0..5 {
            if is_top(dom, at) {
                break;
            }
            let share = match level {
                0 => 1.0,
                1 => 0.5,
                l => 1.0 / (l as f64 * 3.0),
            };
            let s = scores[at]
                .get_or_insert_with(|| tag_weight(&dom.nodes[at].name) + class_weight(dom, at));
            *s += unit * share;
            at = dom.nodes[at].parent;
        }
    }
    for (id, s) in scores.iter_mut().enumerate() {
        if let Some(s) = s {
            // A container full of form fields is a form (a login, a sign-up), not an article.
            *s *= (1.0 - m.link_density(id)) / (1.0 + (m.controls[id] / 3) as f64);
        }
    }
    scores
}

fn ancestors(dom: &Dom, id: NodeId) -> Vec<NodeId> {
    let mut out = Vec::new();
    let mut at = id;
    while at != 0 {
        at = dom.nodes[at].parent;
        out.push(at);
    }
    out
}

fn is_top(dom: &Dom, id: NodeId) -> bool {
    matches!(dom.nodes[id].name.as_str(), "body" | "html" | "#document")
}

/// The best-scoring container, moved up to a shared ancestor where near-equal candidates sit
/// under one, and past wrappers that hold nothing else.
fn top_candidate(dom: &Dom, scores: &[Option<f64>]) -> Option<(NodeId, NodeId)> {
    let mut ranked: Vec<(NodeId, f64)> = scores
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (i, s)))
        .collect();
    crate::sorting::sort_by(&mut ranked, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let &(mut top, best) = ranked.first()?;
    let original = top;
    let near: Vec<Vec<NodeId>> = ranked[1..ranked.len().min(5)]
        .iter()
        .filter(|(_, s)| best > 0.0 && s / best >= 0.75)
        .map(|(i, _)| ancestors(dom, *i))
        .collect();
    if near.len() >= 3 {
        for a in ancestors(dom, top) {
            if is_top(dom, a) {
                break;
            }
            if near.iter().filter(|list| list.contains(&a)).count() >= 3 {
                top = a;
                break;
            }
        }
    }
    // A parent that scores higher than its best child is the article.
    let mut last = scores[top].unwrap_or(0.0);
    let threshold = last / 3.0;
    let mut parent = dom.nodes[top].parent;
    while !is_top(dom, parent) {
        if let Some(ps) = scores[parent] {
            if ps < threshold {
                break;
            }
            if ps > last {
                top = parent;
                break;
            }
            last = ps;
        }
        parent = dom.nodes[parent].parent;
    }
    loop {
        let parent = dom.nodes[top].parent;
        let elements = dom.nodes[parent]
            .children
            .iter()
            .filter(|&&c| !dom.nodes[c].is_text())
            .count();
        if is_top(dom, parent) || elements != 1 {
            break;
        }
        top = parent;
    }
    Some((top, original))
}

/// Class and id fragments of an article's lead (intro, standfirst), which pages often set apart
/// from the body, before it.
const LEAD_HINTS: &[&str] = &[
    "lead",
    "intro",
    "teaser",
    "standfirst",
    "summary",
    "abstract",
    "kicker",
    "dek",
    "subtitle",
    "subline",
    "description",
    "excerpt",
    "deck",
    "header-text",
    "summary",
];

/// The article's lead, when it sits before the chosen body in the same `<article>` (or the
/// body's grandparent): elements marked as a lead, not mostly links, not too long.
fn leads(dom: &Dom, m: &Measures, roots: &[NodeId]) -> Vec<NodeId> {
    let Some(&first) = roots.first() else {
        return Vec::new();
    };
    let up = ancestors(dom, first);
    let scope = up
        .iter()
        .take(6)
        .find(|&&a| matches!(dom.nodes[a].name.as_str(), "article" | "main"))
        .or(up.get(1))
        .copied();
    let Some(scope) = scope.filter(|&s| !is_top(dom, s)) else {
        return Vec::new();
    };
    let mut out: Vec<NodeId> = Vec::new();
    for id in dom.descendants(scope) {
        if id >= first {
            break;
        }
        let n = &dom.nodes[id];
        if n.is_text() || m.dropped[id] || out.iter().any(|&o| ancestors(dom, id).contains(&o)) {
            continue;
        }
        let h = super::measure::hints(dom, id);
        // A paragraph in the article's header is its standfirst too.
        let in_header = n.name == "p"
            && ancestors(dom, id)
                .iter()
                .take_while(|&&a| a != scope)
                .any(|&a| dom.nodes[a].name == "header");
        let lead = in_header || LEAD_HINTS.iter().any(|l| h.contains(l));
        if lead && (25..1000).contains(&m.chars[id]) && m.link_density(id) < 0.3 {
            out.push(id);
        }
    }
    out
}

/// The top candidate and the siblings that belong with it, in order.
fn with_siblings(dom: &Dom, m: &Measures, scores: &[Option<f64>], top: NodeId) -> Vec<NodeId> {
    let parent = dom.nodes[top].parent;
    if is_top(dom, top) {
        return vec![top];
    }
    let top_score = scores[top].unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = dom.nodes[top].attr("class");
    let mut out = Vec::new();
    for &s in &dom.nodes[parent].children {
        let n = &dom.nodes[s];
        if s == top {
            out.push(s);
            continue;
        }
        if n.is_text() || m.dropped[s] {
            continue;
        }
        let bonus = if top_class.is_some() && n.attr("class") == top_class {
            top_score * 0.2
        } else {
            0.0
        };
        let scored = scores[s].is_some_and(|sc| sc + bonus >= threshold);
        let paragraph = n.name == "p" && {
            let (len, density) = (m.chars[s], m.link_density(s));
            let text = dom.text_of(s);
            let t = text.trim_end();
            (len > 80 && density < 0.25)
                || (len > 0 && density == 0.0 && (t.ends_with('.') || t.contains(". ")))
        };
        if scored || paragraph {
            out.push(s);
        }
    }
    out
}

/// Whether a container inside the article is furniture after all: few commas and many links,
/// more list items or form fields than paragraphs, or a negative class.
fn clean_conditionally(dom: &Dom, m: &Measures, scores: &[Option<f64>], id: NodeId) -> bool {
    let n = &dom.nodes[id];
    if !matches!(
        n.name.as_str(),
        "div" | "section" | "ul" | "ol" | "table" | "form" | "fieldset" | "header" | "dl"
    ) {
        return false;
    }
    let weight = class_weight(dom, id);
    if weight + scores[id].unwrap_or(0.0) < 0.0 {
        return true;
    }
    if m.commas[id] >= 10 {
        return false;
    }
    let density = m.link_density(id);
    if matches!(n.name.as_str(), "ul" | "ol" | "dl" | "table") {
        return density > 0.5;
    }
    let (paragraphs, items) = (m.paragraphs[id], m.items[id]);
    // Form controls are dropped from the text but still say what the block is.
    let inputs = m.controls[id];
    (items > paragraphs * 3 + 3 && density > 0.2)
        || inputs > paragraphs / 3 + 1
        || (weight < 25.0 && density > 0.3)
        || (weight >= 25.0 && density > 0.5)
}

/// Collects the blocks of text under some roots, in document order.
struct Emitter<'a> {
    dom: &'a Dom,
    m: &'a Measures,
    scores: &'a [Option<f64>],
    /// The top candidate and its ancestors, never cleaned away.
    protected: Vec<NodeId>,
    /// The text of the roots being emitted.
    root_chars: usize,
    /// How many figures (or elements classed as captions or credits) are open.
    in_figure: usize,
    clean: bool,
    blocks: Vec<Block>,
    current: String,
    tag: BlockTag,
    link: usize,
    words_outside_time: bool,
}

impl Emitter<'_> {
    fn flush(&mut self) {
        let text = squash(&self.current);
        self.current.clear();
        let link = std::mem::take(&mut self.link);
        let words = std::mem::take(&mut self.words_outside_time);
        let chars = text.chars().count().max(1);
        // A block that is mostly links is a link list or a teaser, not article text.
        let linky = self.clean && link * 2 > chars && self.tag != BlockTag::Heading1;
        if words && !linky && text.chars().any(char::is_alphanumeric) {
            self.blocks.push(Block {
                tag: self.tag,
                text,
            });
        }
    }

    fn walk(&mut self, id: NodeId, in_link: bool, in_time: bool) {
        let dom = self.dom;
        let n = &dom.nodes[id];
        if self.m.dropped[id] {
            return;
        }
        if n.is_text() {
            if !in_time && n.text.chars().any(char::is_alphanumeric) {
                self.words_outside_time = true;
            }
            if in_link {
                self.link += n.chars;
            }
            self.current.push_str(&n.text);
            return;
        }
        // A container that holds most of the article is the article, whatever its class says.
        let most = self.m.chars[id] * 2 > self.root_chars;
        if self.clean
            && !most
            && !self.protected.contains(&id)
            && clean_conditionally(dom, self.m, self.scores, id)
        {
            return;
        }
        let block = n.block;
        // A figure or caption that holds much text is a wrapper, not a caption.
        let chars = self.m.chars[id];
        let figure =
            (n.name == "figure" && chars < 1000) || (chars < 400 && is_caption_class(dom, id));
        self.in_figure += usize::from(figure);
        if block {
            self.flush();
            self.tag = if self.in_figure > 0 {
                BlockTag::Caption
            } else {
                BlockTag::of(&n.name)
            };
        }
        if matches!(n.name.as_str(), "br" | "img") {
            self.current.push(' ');
        }
        let (link, time) = (in_link || n.name == "a", in_time || n.name == "time");
        for &c in &n.children {
            self.walk(c, link, time);
        }
        self.in_figure -= usize::from(figure);
        if block {
            self.flush();
            self.tag = if self.in_figure > 0 {
                BlockTag::Caption
            } else {
                BlockTag::Other
            };
        } else if matches!(n.name.as_str(), "td" | "th") {
            self.current.push(' ');
        }
    }
}

/// Collapses runs of white space (including non-breaking spaces) into one space and removes
/// soft hyphens, which only say where a word may break.
pub(super) fn squash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() || c == '\u{a0}' {
            space = !out.is_empty();
        } else if c != '\u{ad}' {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

fn emit(
    dom: &Dom,
    m: &Measures,
    scores: &[Option<f64>],
    roots: &[NodeId],
    best: Option<NodeId>,
    clean: bool,
) -> Vec<Block> {
    let mut e = Emitter {
        dom,
        m,
        scores,
        protected: roots
            .iter()
            .chain(&best)
            .flat_map(|&r| std::iter::once(r).chain(ancestors(dom, r)))
            .collect(),
        root_chars: roots.iter().map(|&r| m.chars[r]).sum(),
        in_figure: 0,
        clean,
        blocks: Vec::new(),
        current: String::new(),
        tag: BlockTag::Other,
        link: 0,
        words_outside_time: false,
    };
    for &r in roots {
        e.walk(r, false, false);
        e.flush();
    }
    e.blocks
}

/// How much text a strict pass must find before the lenient one is not needed.
const ENOUGH_CHARS: usize = 500;

/// What extraction found: the article's blocks, every block of the page (for date lines and
/// headings), and which nodes are page furniture by tag, role or hidden state alone.
pub(super) struct Extracted {
    pub article: Vec<Block>,
    pub page: Vec<Block>,
    pub furniture: Vec<bool>,
}

/// The article's blocks from the best container, by a strict pass and, when that finds little,
/// a lenient one.
fn article_blocks(dom: &Dom, m: &Measures) -> Vec<Block> {
    let scores = score(dom, m);
    let body = dom.body;
    let (roots, best_node) = match top_candidate(dom, &scores) {
        Some((top, best)) => {
            let body = with_siblings(dom, m, &scores, top);
            let mut roots = leads(dom, m, &body);
            roots.extend(body);
            (roots, Some(best))
        }
        None => (vec![body], None),
    };
    emit(dom, m, &scores, &roots, best_node, true)
}

/// Finds the article in a page.
pub(super) fn extract(dom: &Dom) -> Extracted {
    let body = dom.body;
    let shape = Shape::new(dom);
    let lenient = Measures::new(dom, &shape, false);
    let page = emit(dom, &lenient, &[], &[body], None, false);
    let len = |b: &[Block]| b.iter().map(|b| b.text.len()).sum::<usize>();
    let mut article = article_blocks(dom, &Measures::new(dom, &shape, true));
    if len(&article) < ENOUGH_CHARS {
        // The lenient pass replaces a short strict one only when it finds much more: a short
        // article stays free of the furniture its class names marked.
        let second = article_blocks(dom, &lenient);
        if len(&second) > len(&article) * 2 {
            article = second;
        }
    }
    Extracted {
        article,
        page,
        furniture: lenient.dropped,
    }
}
