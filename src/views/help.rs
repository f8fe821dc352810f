//! `#/help`: what Newsprism is for, where to start, and what each view and measure means.

use leptos::prelude::*;

use crate::route::Route;

/// The help page.
#[component]
pub fn HelpView() -> impl IntoView {
    view! {
        <section class="help" aria-labelledby="help-heading" data-testid="help">
            <h1 id="help-heading">"How Newsprism works"</h1>
            <p class="lead">
                "Newsprism reads several outlets' coverage of one story and shows where they agree, where they differ, and what only one of them says. It runs entirely in this browser: your files are read here, stored here, and never sent anywhere. After the first visit it works offline."
            </p>

            <h2>"Where to start"</h2>
            <ol>
                <li>
                    "The " <a href="#/">"library"</a>
                    " opens with five bundled Dutch reports (October–December 2022) on Putin, Lukashenko and Belarus, so every view has something to show."
                </li>
                <li>
                    "Add your own articles: drop files or whole folders anywhere on the page, use “Add articles…” in the library, or paste a text. Plain text, Markdown, saved web pages (.html, .mhtml), RSS and Atom feeds, JSON and JSON Lines are read; each file gets a line in a report saying what was found, or why it could not be read."
                </li>
                <li>
                    "Give each article its outlet where the file does not (“Edit details” in the reader, or rename a source for all its articles in the library): comparisons are made per outlet."
                </li>
                <li>
                    "Narrow the library with its filters: words in the title, source or file name, a source, a language, and a range of publication dates (2022, 2022-12 or 2022-12-19 at either end). Articles dated too roughly to tell whether they fall in the range (a month across its edge, a year, no date) are counted, and listed only if you ask. Tick the box at the top of the list to select every article listed, then set their source in one go."
                </li>
                <li>
                    <a href=Route::search("").to_hash()>"Search"</a>
                    ", then open the "
                    <a href="#/timeline">"timeline"</a>
                    " and "
                    <a href="#/compare">"compare"</a>
                    " the coverage."
                </li>
            </ol>

            <h2>"Search"</h2>
            <p>
                "Words are found in all their forms (“zei” finds “zeggen”), names in all their spellings (“Poetin” finds “Putin”; the "
                <a href="#/aliases">"spellings table"</a>
                " can be edited). Use quotes for a phrase, OR, a minus sign to exclude, * for a prefix, ~ for similar spellings, = for one exact form, and source:, lang: or date: to filter. The concordance shows every occurrence in its context."
            </p>

            <h2>"Timeline"</h2>
            <p>
                "Each article is placed at its publication date, drawn as wide as it is known: a day, a month, a year. Dates the texts mention are events; relative ones (“maandag”, “vorige week”) are counted from the article's own date. An undated article is placed at the latest date its text names, marked “inferred”: it was written then or later. When the text speaks of a later date as still to come (“the summit will be held in June 2006”), the article was written before that date ended, and the window is closed: “between Mar 2005 and Jun 2006”. Plans, forecasts and deadlines (“by 2030”) are not counted as evidence that a date has passed."
            </p>
            <p>
                "The chart opens on the publication dates; dates mentioned outside them are counted at the chart's edges, and a click on a count goes to the nearest. The wheel zooms around the pointer, a drag scrolls, two fingers pinch; “publications” and “all mentions” fit either. Marks that overlap are stacked; a numbered pill stands for marks too close to tell apart, and a click zooms in on them. Point at a mark to read its sentences beside the chart. With many articles, eight get a lane and the rest are a density strip; “Give it a lane” and ✕ change who has one."
            </p>
            <p>
                "Durations (“28 jaar”, “ruim drie jaar”), vague references (“nu”, “binnenkort”) and repetitions (“elke maandag”) have no place on the axis: they are listed under the chart with what they say. A date given by naming an event (“sinds de oorlog in Oekraïne”) is placed by a "
                <a href="#/events">"table of named events"</a>
                " (built in, editable, saved with a project), which the mention names as its evidence. Dates in captions and teasers are marked as such and never count as evidence of when an article was written. “TimeML” exports the articles with every time expression marked as TIMEX3, to compare with tools such as HeidelTime."
            </p>

            <CompareHelp />

            <h2>"Archives"</h2>
            <p>
                "An archive too large for a browser tab can be published as a static index with the command line ("
                <code>"newsprism index FILES --out DIR"</code> ") and put beside the app on any web host. Open it with "
                <code>"#/?index=DIR"</code>
                ": the app reads only the index's summary, then for each search only the files that search needs, and for each article only its own. It is searched with the same query language and ranking as your own articles, and what was read once stays available offline. Nothing is added to your library."
            </p>

            <h2>"Keyboard"</h2>
            <p>
                <kbd>"/"</kbd>
                " jumps to the search box from anywhere."
            </p>
        </section>
    }
}

/// What the comparison's tabs and measures mean.
#[component]
fn CompareHelp() -> impl IntoView {
    view! {
        <h2>"Compare"</h2>
        <dl class="glossary">
            <dt>"Voice"</dt>
            <dd>
                "Who is compared: an outlet, with all its articles; an article whose outlet is unknown is a voice of its own."
            </dd>
            <dt>"Story groups"</dt>
            <dd>
                "Articles on the same subject at the same time: similar enough, published within the chosen window of each other (a date known only to the month counts as its month; one known only to the year is within no shorter window; undated articles meet only undated ones), and each among the other's three most similar."
            </dd>
            <dt>"Side by side"</dt>
            <dd>
                "Two articles with their matching sentences aligned, so what one says and the other leaves out is visible."
            </dd>
            <dt>"Similarity"</dt>
            <dd>
                "TF-IDF cosine over content words (words weighed up when one article uses them often and few articles use them at all), combined with the share of three-word phrases two texts have in common."
            </dd>
            <dt>"Words: distinctive vocabulary (G²)"</dt>
            <dd>
                "Words a voice uses more than the others, by Dunning's log-likelihood G²: above 3.84 the difference is significant at p < 0.05, above 6.63 at p < 0.01."
            </dd>
            <dt>"Quotes"</dt>
            <dd>
                "The same quotation as each outlet renders it, with the words that differ marked, and who is said to have said it. A short phrase in quotation marks that nobody is said to have said (“de ‘dreiging’”) is marked as a term or scare quote, not a statement."
            </dd>
            <dt>"Numbers"</dt>
            <dd>"A ledger of the quantities each voice gives for the same thing, so differing figures stand out."</dd>
            <dt>"Names"</dt>
            <dd>"Who and what each voice mentions, and what only one of them does."</dd>
        </dl>
    }
}
