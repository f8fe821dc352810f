//! The reader: one article, its furniture set apart from its text.

use leptos::prelude::*;
use newsprism_core::corpus::LibrarySort;
use newsprism_core::search::engine::Matches;
use newsprism_core::search::snippet::{highlight, mark_range, Span};
use newsprism_core::time::timeline::Inferred;
use newsprism_core::{Article, ArticleId, ParagraphKind, TitleKind};

use crate::browser::hash::scroll_into_view_later;
use crate::components::article_tools::ArticleTools;
use crate::components::date_label::DateLabel;
use crate::components::highlighted::Highlighted;
use crate::route::{Focus, Route, SearchState};
use crate::state::use_app_state;
use crate::views::not_found::NotFoundView;

/// The reader view for one article.
#[component]
pub fn ReaderView(
    /// The article to show.
    id: ArticleId,
    /// What to highlight and where to scroll.
    focus: Focus,
) -> impl IntoView {
    let state = use_app_state();
    // Re-rendered when the corpus changes (an edit, a removal).
    move || {
        let found = state.corpus().with(|c| {
            let library = c.library(LibrarySort::default());
            let pos = library.iter().position(|a| a.id == id)?;
            let prev = pos
                .checked_sub(1)
                .and_then(|i| library.get(i))
                .map(|a| (a.id, a.title.clone()));
            let next = library.get(pos + 1).map(|a| (a.id, a.title.clone()));
            Some((library[pos].clone(), prev, next))
        });
        match found {
            Some((article, prev, next)) => {
                let focus = focus.clone();
                let matches = focus
                    .q
                    .as_ref()
                    .map(|q| state.corpus().with(|c| c.matches(q, focus.aliases)));
                view! { <Reader article prev next focus matches /> }.into_any()
            }
            None => view! { <NotFoundView what=format!("No loaded article has the id {id}.") /> }
                .into_any(),
        }
    }
}

#[component]
fn Reader(
    article: Article,
    prev: Option<(ArticleId, String)>,
    next: Option<(ArticleId, String)>,
    focus: Focus,
    matches: Option<Matches>,
) -> impl IntoView {
    let inferred = use_app_state().inferred_date(article.id);
    // Each paragraph as spans, highlighted once; the count and the rendering both use them.
    let mut highlighted = highlighted_paragraphs(&article, matches.as_ref(), &focus);
    let hit_count: usize = highlighted
        .iter()
        .map(|spans| spans.iter().filter(|s| s.hit).count())
        .sum();
    let target = match (focus.paragraph, focus.offset) {
        (Some(_), Some(_)) => Some("current-hit".to_string()),
        (Some(p), None) => Some(format!("p-{p}")),
        _ => None,
    };
    if let Some(target) = target {
        scroll_into_view_later(target);
    }
    let paragraphs = article
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let id = format!("p-{i}");
            let current = if focus.paragraph == Some(i) {
                focus.offset
            } else {
                None
            };
            let spans = std::mem::take(&mut highlighted[i]);
            let text = view! { <Highlighted spans current=current.unwrap_or(usize::MAX) /> };
            paragraph_view(p.kind, id, text)
        })
        .collect_view();
    let nav_link = |target: Option<(ArticleId, String)>, rel: &'static str, label: &'static str| {
        target.map(|(id, title)| {
            view! {
                <a class=format!("pager {rel}") rel=rel href=Route::article(id).to_hash()>
                    <span class="pager-label">{label}</span>
                    <span class="pager-title">{title}</span>
                </a>
            }
        })
    };
    view! {
        <article class="reader" lang=article.language.code() data-testid="reader">
            <p class="crumbs">
                <a href="#/">"← Library"</a>
            </p>
            {focus.q.clone().map(|q| highlighting_note(q, focus.aliases, article.id, hit_count))}
            <ReaderHead article=article.clone() inferred />
            <div class="text">{paragraphs}</div>
            <nav class="pagers" aria-label="Other articles">
                {nav_link(prev, "prev", "Newer")}
                {nav_link(next, "next", "Older")}
            </nav>
        </article>
    }
}

/// "Highlighting “Poetin”: 4 matches", with the way back to the results and a way to clear it.
fn highlighting_note(q: String, aliases: bool, id: ArticleId, hit_count: usize) -> impl IntoView {
    let back = Route::Search(SearchState {
        q: q.clone(),
        aliases,
        ..SearchState::default()
    })
    .to_hash();
    let clear = Route::article(id).to_hash();
    view! {
        <p class="highlighting" data-testid="reader-highlighting">
            {format!("Highlighting “{q}”: {hit_count} matches. ")}
            <a href=back>"Back to the results"</a>
            " · "
            <a href=clear>"Clear"</a>
        </p>
    }
}

/// A paragraph set as its kind: body text, a subheading, a pull quote, a caption, or site
/// furniture set apart.
fn paragraph_view(kind: ParagraphKind, id: String, text: impl IntoView + 'static) -> AnyView {
    match kind {
        ParagraphKind::Body => view! {
            <p id=id class="body">
                {text}
            </p>
        }
        .into_any(),
        ParagraphKind::Subheading => view! {
            <h2 id=id class="subheading">
                {text}
            </h2>
        }
        .into_any(),
        ParagraphKind::PullQuote => view! {
            <blockquote id=id class="pullquote" data-kind="pullquote">
                <span class="kind-label">"Pull quote"</span>
                <p>{text}</p>
            </blockquote>
        }
        .into_any(),
        ParagraphKind::Caption => view! {
            <figure id=id class="caption" data-kind="caption">
                <figcaption>
                    <span class="kind-label">"Caption"</span>
                    {text}
                </figcaption>
            </figure>
        }
        .into_any(),
        ParagraphKind::Boilerplate => view! {
            <aside id=id class="boilerplate" data-kind="boilerplate" aria-label="Site furniture">
                <span class="kind-label">"Site furniture"</span>
                <p>{text}</p>
            </aside>
        }
        .into_any(),
    }
}

/// The headline and what is known of the article: date (and an inferred one), source,
/// language, length, byline, file, address, and the tools to edit it.
#[component]
fn ReaderHead(article: Article, inferred: Option<Inferred>) -> impl IntoView {
    let derived = article.title_kind == TitleKind::Derived;
    view! {
        <header class="reader-head">
            <h1 class:derived=derived data-testid="reader-title">
                {article.title.clone()}
            </h1>
            {derived
                .then(|| {
                    view! { <p class="derived-note">"No headline in the file: this title is the opening sentence."</p> }
                })}
            <p class="meta">
                <DateLabel date=article.pub_date.clone() show_provenance=true />
                {inferred
                    .map(|i| {
                        view! {
                            <span
                                class="inferred"
                                data-testid="inferred-date"
                                title=format!(
                                    "Inferred from the text: {}{}. Set the date under “Edit details” to override it.",
                                    i.evidence,
                                    i.until.as_ref().map(|b| format!("; {}", b.evidence)).unwrap_or_default(),
                                )
                            >
                                {format!(" · inferred: {}", i.window())}
                            </span>
                        }
                    })}
                <span class="sep">" · "</span>
                <span
                    class="source"
                    class:unknown=article.source.is_none()
                    data-testid="reader-source"
                    title=article
                        .source_from_address
                        .then_some(
                            "The page names no outlet: this is the host of its address. Set the source under “Edit details”.",
                        )
                >
                    {article.source_label().to_string()}
                    {article
                        .source_from_address
                        .then(|| view! { <span class="muted">" (from the page's address)"</span> })}
                </span>
                <span class="sep">" · "</span>
                <abbr title=article.language.name()>{article.language.code()}</abbr>
                <span class="sep">" · "</span>
                <span>{format!("{} words", article.word_count)}</span>
            </p>
            {article.author.clone().map(|a| view! { <p class="byline">{format!("By {a}")}</p> })}
            <p class="file">{format!("{} · {}", article.file_name, article.encoding)}</p>
            {article
                .url
                .clone()
                .map(|u| {
                    view! {
                        <p class="url" title="The address the file gives; not opened by Newsprism">
                            {u}
                        </p>
                    }
                })}
            <ArticleTools article=article.clone() />
        </header>
    }
}

/// Each paragraph as spans: the query's matches marked, or else the linked passage.
fn highlighted_paragraphs(
    article: &Article,
    matches: Option<&Matches>,
    focus: &Focus,
) -> Vec<Vec<Span>> {
    article
        .paragraphs
        .iter()
        .enumerate()
        .map(
            |(i, p)| match (matches, focus.paragraph, focus.offset, focus.length) {
                (Some(m), _, _, _) => highlight(&p.text, m),
                (None, Some(fp), Some(o), Some(l)) if fp == i => {
                    mark_range(&p.text, o..o.saturating_add(l))
                }
                _ => vec![Span {
                    text: p.text.clone(),
                    hit: false,
                }],
            },
        )
        .collect()
}
