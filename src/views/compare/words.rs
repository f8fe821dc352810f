//! Distinctive words: what each source and each article uses more than the rest of the corpus,
//! by log-likelihood.

use leptos::prelude::*;

use crate::components::more::{ShowMore, PAGE_ROWS};
use newsprism_core::compare::keyness::Keyword;
use newsprism_core::compare::Comparison;
use newsprism_core::compare::Keyness;
use newsprism_core::Corpus;

use super::short;
use crate::state::use_app_state;

#[component]
pub(super) fn WordsTab(comparison: Memo<Comparison>, titles: Memo<Vec<String>>) -> impl IntoView {
    let app = use_app_state();
    // Whether the compared articles are the whole corpus (then "the rest" is already the
    // rest of the corpus); otherwise the corpus's words are counted once, a slice at a time.
    let whole = Memo::new(move |_| {
        let n = comparison.with(|c| c.articles.len());
        app.corpus().with(|c| c.len() == n)
    });
    Effect::new(move |_| {
        // Re-run whenever the corpus changes, so its counts follow it.
        app.corpus().track();
        if !whole.get() {
            app.count_words();
        }
    });
    // The keyness and whether it is measured against the whole corpus yet.
    let keyness = Memo::new(move |_| {
        if whole.get() {
            return (comparison.with(|c| c.keyness.clone()), true);
        }
        let ready = app.counting().get().is_none()
            && app.corpus().with(|c| app.words().with(|w| w.covers(c)));
        if ready {
            let k = app
                .words()
                .with(|w| comparison.with(|c| c.keyness_against(&w.background)));
            (k, true)
        } else {
            (comparison.with(|c| c.keyness.clone()), false)
        }
    });
    let basis = move || {
        let (k, against_corpus) = keyness.get();
        let others = k.reference.saturating_sub(1);
        if whole.get() {
            format!("Measured against the other {others} articles: the compared articles are the whole corpus.")
        } else if against_corpus {
            format!("Measured against the rest of the corpus: all {} loaded articles, each measured one against the others.", k.reference)
        } else {
            let total = app.corpus().with(Corpus::len);
            let done = app.counting().get().unwrap_or(0);
            format!("Measured against the other compared articles for now; counting the words of all {total} loaded articles ({done} done) to measure against the whole corpus…")
        }
    };
    view! {
        <div class="compare-words">
            <h2>"Distinctive words"</h2>
            <p class="muted">
                "Words each source (when it has several articles here) and each article uses more than the rest of the corpus. G² (log-likelihood) says how unlikely the difference is by chance: 3.84 or more means less than one chance in twenty (p < 0.05), and the higher, the surer. Function words and numbers are left out."
            </p>
            <p class="muted" role="status" data-testid="keyness-basis">
                {basis}
            </p>
            <KeywordLists keyness comparison titles />
        </div>
    }
}

/// The distinctive words per source (with several articles) and per article.
#[component]
fn KeywordLists(
    keyness: Memo<(Keyness, bool)>,
    comparison: Memo<Comparison>,
    titles: Memo<Vec<String>>,
) -> impl IntoView {
    let shown = RwSignal::new(PAGE_ROWS);
    let total = Signal::derive(move || keyness.with(|(k, _)| k.per_article.len()));
    let lists = move || {
        keyness.with(|(k, _)| {
            comparison.with(|c| {
                let names = titles.get();
                let parties = c
                    .parties
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.articles.len() > 1)
                    .map(|(i, p)| {
                        view! {
                            <section>
                                <h3>{p.label.clone()}</h3>
                                {keyword_list(&k.per_party[i])}
                            </section>
                        }
                    })
                    .collect_view();
                let articles = k
                    .per_article
                    .iter()
                    .take(shown.get())
                    .enumerate()
                    .map(|(i, k)| {
                        view! {
                            <section data-testid="keyness-article">
                                <h3>{short(names.get(i).map_or("", String::as_str))}</h3>
                                {keyword_list(k)}
                            </section>
                        }
                    })
                    .collect_view();
                view! {
                    <h3 class="sr-only">"Per source"</h3>
                    <div class="only-grid">{parties}</div>
                    <div class="only-grid">{articles}</div>
                }
            })
        })
    };
    view! {
        {lists}
        <ShowMore shown total testid="keywords-more" />
    }
}

fn keyword_list(words: &[Keyword]) -> AnyView {
    if words.is_empty() {
        return view! { <p class="muted">"Nothing stands out."</p> }.into_any();
    }
    let items = words
        .iter()
        .map(|k| {
            view! {
                <li data-testid="keyword">
                    {k.word.clone()}
                    <span class="muted">
                        {format!(" {}× here, {}× elsewhere, G² {:.1}", k.here, k.elsewhere, k.g2)}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="keywords">{items}</ol> }.into_any()
}
