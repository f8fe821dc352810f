//! A forgiving element tree built from html5gum's tokens.
//!
//! Pages are rarely well formed, so the tree follows the parts of the WHATWG tree-building rules
//! that decide where text ends up: a new block closes an open `<p>`, a new `<li>`, `<dd>`, `<dt>`,
//! `<tr>`, `<td>` or `<option>` closes the previous one, an end tag for an inline element never
//! closes the block it was opened outside of, and a stray `</div>`, `</body>` or `</html>` is
//! ignored where nothing of that name is open. Only the attributes that extraction reads are kept;
//! script text is kept only for JSON-LD.

use std::convert::Infallible;

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Emitter, ForwardingEmitter, Span, Tokenizer};

/// Index of a node in [`Dom::nodes`].
pub(super) type NodeId = usize;

/// One element or run of text.
#[derive(Debug, Default)]
pub(super) struct Node {
    /// Lowercase element name; empty for text.
    pub name: String,
    /// The text of a text node.
    pub text: String,
    /// The kept attributes, names lowercase.
    pub attrs: Vec<(String, String)>,
    /// Class, id and `itemprop` as hints (see [`super::hints::hint_text`]).
    pub hints: String,
    /// What the hints say.
    flags: super::hints::HintFlags,
    /// Whether the element starts and ends a block of text.
    pub block: bool,
    /// Whether the element's whole content is never article text, by its tag.
    pub skipped_tag: bool,
    /// Characters and commas of a text node's text (white space runs count once).
    pub chars: usize,
    pub commas: usize,
    pub parent: NodeId,
    pub children: Vec<NodeId>,
}

impl Node {
    /// An attribute's value, trimmed; `None` when absent or empty.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// What the element's class, id and `itemprop` say.
    pub fn flags(&self) -> super::hints::HintFlags {
        self.flags
    }

    pub fn is_text(&self) -> bool {
        self.name.is_empty()
    }
}

/// The page as a tree; node 0 is the document.
#[derive(Debug)]
pub(super) struct Dom {
    pub nodes: Vec<Node>,
    /// The `<body>`, or the document when there is none.
    pub body: NodeId,
}

/// Attributes extraction and metadata reading look at.
const KEPT_ATTRS: &[&str] = &[
    "class",
    "id",
    "role",
    "itemprop",
    "itemtype",
    "property",
    "name",
    "content",
    "rel",
    "href",
    "datetime",
    "type",
    "lang",
    "hidden",
    "style",
    "http-equiv",
    "charset",
    "aria-hidden",
];

/// Elements that never have content.
pub(super) fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
    )
}

/// Elements whose start closes an open `<p>`.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "ul"
            | "li"
            | "dd"
            | "dt"
    )
}

/// Elements an inline end tag may not close across (the spec's "special" category, in part).
fn is_special(name: &str) -> bool {
    closes_p(name)
        || matches!(
            name,
            "body" | "html" | "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "caption"
        )
}

/// Elements that bound the search for an open element of a given name.
fn is_scope_boundary(name: &str) -> bool {
    matches!(
        name,
        "table" | "td" | "th" | "caption" | "template" | "html" | "object" | "marquee"
    )
}

/// Elements whose content is raw text the tokenizer hands over whole.
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "textarea" | "title" | "xmp" | "noembed" | "noframes"
    )
}

struct Builder {
    dom: Dom,
    /// Open elements, innermost last; never empty (the document).
    stack: Vec<NodeId>,
}

impl Builder {
    fn name(&self, id: NodeId) -> &str {
        &self.dom.nodes[id].name
    }

    fn top(&self) -> NodeId {
        self.stack.last().copied().unwrap_or(0)
    }

    fn push_node(&mut self, node: Node) -> NodeId {
        let id = self.dom.nodes.len();
        let parent = node.parent;
        self.dom.nodes.push(node);
        self.dom.nodes[parent].children.push(id);
        id
    }

    /// Where in the stack an open element of this name is, searching no further than a scope
    /// boundary (unless the name is itself one) or `stop`.
    fn open_position(&self, name: &str, stop: impl Fn(&str) -> bool) -> Option<usize> {
        for (pos, &id) in self
            .stack
            .iter()
            .enumerate()
            .rev()
            .take_while(|(p, _)| *p > 0)
        {
            let here = self.name(id);
            if here == name {
                return Some(pos);
            }
            if stop(here) || (is_scope_boundary(here) && !is_scope_boundary(name)) {
                return None;
            }
        }
        None
    }

    fn close_to(&mut self, pos: usize) {
        self.stack.truncate(pos.max(1));
    }

    /// Closes what a start tag implies: an open `<p>`, the previous list item, row or cell.
    fn implied_closes(&mut self, name: &str) {
        if closes_p(name) {
            if let Some(pos) = self.open_position("p", |_| false) {
                self.close_to(pos);
            }
        }
        let siblings: &[&str] = match name {
            "li" => &["li"],
            "dd" | "dt" => &["dd", "dt"],
            "tr" => &["tr", "td", "th"],
            "td" | "th" => &["td", "th"],
            "option" => &["option"],
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => &["h1", "h2", "h3", "h4", "h5", "h6"],
            _ => &[],
        };
        if let Some(&top) = self.stack.last() {
            let open = self.name(top).to_string();
            if siblings.contains(&open.as_str()) {
                self.stack.pop();
            } else if name == "li" || name == "tr" || name == "td" || name == "th" {
                // An item or cell whose previous one is still open under inline elements.
                let stop = |n: &str| matches!(n, "ul" | "ol" | "table" | "tbody" | "tr");
                for sibling in siblings {
                    if let Some(pos) = self.open_position(sibling, stop) {
                        self.close_to(pos);
                        break;
                    }
                }
            }
        }
    }

    /// A start tag whose attributes have been read.
    fn start(&mut self, mut node: Node, self_closing: bool) {
        if matches!(node.name.as_str(), "html" | "body" | "head") {
            // A second one only adds attributes, as in a browser.
            if let Some(id) = self.dom.first(&node.name) {
                let target = &mut self.dom.nodes[id];
                for (k, v) in node.attrs {
                    if target.attr(&k).is_none() {
                        target.attrs.push((k, v));
                    }
                }
                return;
            }
        }
        self.implied_closes(&node.name);
        node.parent = self.top();
        let void = self_closing && !is_raw_text(&node.name) || is_void(&node.name);
        let id = self.push_node(node);
        if !void {
            self.stack.push(id);
        }
    }

    fn end(&mut self, name: &str) {
        if matches!(name, "body" | "html") {
            return;
        }
        if name == "br" {
            self.text(" ");
            return;
        }
        if is_special(name) || matches!(name, "head" | "title" | "script" | "style") {
            if let Some(pos) = self.open_position(name, |_| false) {
                self.close_to(pos);
            }
            return;
        }
        // An inline end tag closes its element only if no block was opened inside it.
        for pos in (1..self.stack.len()).rev() {
            let here = self.name(self.stack[pos]);
            if here == name {
                self.close_to(pos);
                return;
            }
            if is_special(here) {
                return;
            }
        }
    }

    fn text(&mut self, text: &str) {
        let parent = self.top();
        let pname = self.name(parent);
        if matches!(pname, "script" | "style")
            && !self.dom.nodes[parent]
                .attr("type")
                .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
        {
            return;
        }
        if let Some(&last) = self.dom.nodes[parent].children.last() {
            if self.dom.nodes[last].is_text() {
                self.dom.nodes[last].text.push_str(text);
                return;
            }
        }
        self.push_node(Node {
            text: text.to_string(),
            parent,
            ..Node::default()
        });
    }
}

/// Builds the tree from the tokenizer's events as they come, borrowing its buffers. The
/// tokenizer lowercases tag and attribute names.
struct Sink<'b> {
    b: &'b mut Builder,
    /// The start tag being read.
    pending: Option<Node>,
    /// Whether the attribute being read is one that is kept (and not a repeat).
    keep: bool,
}

impl Sink<'_> {
    fn event(&mut self, event: CallbackEvent<'_>) {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                self.pending = Some(Node {
                    name: utf8(name).into_owned(),
                    ..Node::default()
                });
            }
            CallbackEvent::AttributeName { name } => {
                self.keep = false;
                let Some(node) = self.pending.as_mut() else {
                    return;
                };
                let key = utf8(name);
                if KEPT_ATTRS.contains(&&*key) && !node.attrs.iter().any(|(k, _)| *k == key) {
                    node.attrs.push((key.into_owned(), String::new()));
                    self.keep = true;
                }
            }
            CallbackEvent::AttributeValue { value } => {
                if let Some((_, v)) = self
                    .pending
                    .as_mut()
                    .filter(|_| self.keep)
                    .and_then(|n| n.attrs.last_mut())
                {
                    v.push_str(&utf8(value));
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                self.keep = false;
                if let Some(node) = self.pending.take() {
                    self.b.start(node, self_closing);
                }
            }
            CallbackEvent::EndTag { name } => {
                self.pending = None;
                self.b.end(&utf8(name));
            }
            CallbackEvent::String { value } => self.b.text(&utf8(value)),
            CallbackEvent::Comment { .. }
            | CallbackEvent::Doctype { .. }
            | CallbackEvent::Error(_) => {}
        }
    }
}

/// The tokenizer's bytes as text. They come from a `&str`, so they are UTF-8 in practice;
/// checking that is quicker than the lossy reading, which is kept for anything else.
fn utf8(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// The tokenizer's emitter with parse errors switched off: nothing here reads them, and checking
/// every byte for them took a tenth of the time a page takes.
struct Quiet<E>(E);

impl<E: Emitter> ForwardingEmitter for Quiet<E> {
    type Token = E::Token;

    fn inner(&mut self) -> &mut impl Emitter<Token = Self::Token> {
        &mut self.0
    }

    fn should_emit_errors(&mut self) -> bool {
        false
    }
}

impl Dom {
    /// Builds the tree of a page.
    pub fn parse(text: &str) -> Dom {
        let mut b = Builder {
            dom: Dom {
                nodes: vec![Node {
                    name: "#document".into(),
                    ..Node::default()
                }],
                body: 0,
            },
            stack: vec![0],
        };
        {
            let mut sink = Sink {
                b: &mut b,
                pending: None,
                keep: false,
            };
            let mut emitter = CallbackEmitter::new(
                |event: CallbackEvent<'_>, _: Span<()>| -> Option<Infallible> {
                    sink.event(event);
                    None
                },
            );
            // Script, style and title content is read as raw text, as a browser would.
            emitter.naively_switch_states(true);
            // The sink builds the tree as the tokenizer runs; no tokens come out of it.
            Tokenizer::new_with_emitter(text, Quiet(emitter)).for_each(drop);
        }
        // Pages repeat their class names, so each distinct hint text is read once.
        let mut seen: rustc_hash::FxHashMap<String, super::hints::HintFlags> =
            rustc_hash::FxHashMap::default();
        for node in &mut b.dom.nodes {
            if !node.attrs.is_empty() {
                node.hints = super::hints::hint_text(&node.attrs);
                node.flags = match seen.get(&node.hints) {
                    Some(&f) => f,
                    None => {
                        let f = super::hints::flags(&node.hints);
                        seen.insert(node.hints.clone(), f);
                        f
                    }
                };
            }
            if node.is_text() {
                (node.chars, node.commas) = text_chars(&node.text);
            } else {
                node.block = super::hints::is_block(&node.name);
                node.skipped_tag = super::hints::SKIPPED.contains(&node.name.as_str());
            }
        }
        b.dom.body = b.dom.first("body").unwrap_or(0);
        b.dom
    }

    /// The nodes under `id` in document order, `id` first.
    pub fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut todo = vec![id];
        while let Some(n) = todo.pop() {
            out.push(n);
            todo.extend(self.nodes[n].children.iter().rev());
        }
        out
    }

    /// The first element of that name in document order.
    pub fn first(&self, name: &str) -> Option<NodeId> {
        (0..self.nodes.len()).find(|&i| self.nodes[i].name == name)
    }

    /// All text under a node, as written (not squashed).
    pub fn text_of(&self, id: NodeId) -> String {
        let mut out = String::new();
        for n in self.descendants(id) {
            out.push_str(&self.nodes[n].text);
        }
        out
    }
}

/// Characters (white space runs count once) and commas of a text.
pub(super) fn text_chars(text: &str) -> (usize, usize) {
    let mut chars = 0;
    let mut commas = 0;
    let mut space = true;
    for c in text.chars() {
        if c.is_whitespace() || c == '\u{a0}' {
            if !space {
                chars += 1;
            }
            space = true;
        } else {
            chars += 1;
            space = false;
            if matches!(c, ',' | '،' | '，' | '、') {
                commas += 1;
            }
        }
    }
    (chars, commas)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(dom: &Dom, id: NodeId) -> String {
        let n = &dom.nodes[id];
        if n.is_text() {
            return n.text.trim().to_string();
        }
        let inner: Vec<String> = n.children.iter().map(|&c| shape(dom, c)).collect();
        format!("{}[{}]", n.name, inner.join(","))
    }

    #[test]
    fn paragraphs_and_items_close_each_other() {
        let dom = Dom::parse("<div><p>een<p>twee<ul><li>a<li>b</ul></div>");
        assert_eq!(
            shape(&dom, 0),
            "#document[div[p[een],p[twee],ul[li[a],li[b]]]]"
        );
    }

    #[test]
    fn an_inline_end_tag_does_not_close_a_block() {
        let dom = Dom::parse("<article><span><div>tekst</span> meer</div> slot</article>");
        assert_eq!(
            shape(&dom, 0),
            "#document[article[span[div[tekst meer],slot]]]"
        );
    }

    #[test]
    fn stray_end_tags_are_ignored() {
        let dom = Dom::parse("<body><article><p>a</p></div></body></html><p>b</p></article>");
        assert_eq!(shape(&dom, 0), "#document[body[article[p[a],p[b]]]]");
    }

    #[test]
    fn script_text_is_dropped_but_json_ld_kept() {
        let dom = Dom::parse(
            "<script>var a = '<p>x</p>'</script><script type=application/ld+json>{\"a\":1}</script>",
        );
        assert_eq!(dom.text_of(0), "{\"a\":1}");
    }
}
