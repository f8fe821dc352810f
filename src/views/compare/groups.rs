//! The similarity heatmap and the story groups, with their threshold and time window.

use leptos::prelude::*;
use newsprism_core::compare::similarity::{ANY_TIME, WINDOW_CHOICES};
use newsprism_core::compare::{Comparison, ExportPart};
use newsprism_core::time::calendar::iso_day;
use newsprism_core::ArticleId;

use super::{route_with, short, ExportButtons};
use crate::browser::hash::go;
use crate::components::count::grouped;
use crate::components::lazy_details::LazyDetails;
use crate::components::more::{ShowMore, PAGE_ROWS};
use crate::route::{CompareState, CompareTab, Route};

/// How many shades the heatmap has (CSS classes `heat-0` … `heat-5`, colours in the theme).
const HEAT_LEVELS: usize = 6;

/// The most articles the heatmap draws: beyond this its labels no longer fit its rows.
const HEAT_MAX: usize = 24;

/// The heatmap's geometry, in SVG units; a row is never lower than its 11 px label needs.
const CELL_MAX: f64 = 34.0;
const CELL_MIN: f64 = 16.0;
/// Characters of a row's title, so that with its number it fits `LABEL_W` even in wide letters.
const LABEL_CHARS: usize = 34;
/// Room for the legend under the cells.
const LEGEND_H: f64 = 44.0;
/// The width the cells share once there are too many for full-size cells.
const CELLS_WIDTH: f64 = 420.0;
const LABEL_W: f64 = 260.0;
const TOP: f64 = 26.0;

/// From this shade on, numbers are written in the strong ink (light on the light theme's dark
/// blues, dark on the dark theme's light ones); the theme's colours are chosen so that both
/// inks reach 4.5:1 on the shades they are written on.
const STRONG_FROM: usize = 4;

/// The shade of a score relative to the most similar pair: 0 (faint) to `HEAT_LEVELS - 1`.
fn heat_level(score: f32, max: f32) -> usize {
    let x = if max > 0.0 {
        (score / max).clamp(0.0, 1.0)
    } else {
        0.0
    };
    ((x * (HEAT_LEVELS - 1) as f32).round() as usize).min(HEAT_LEVELS - 1)
}

#[component]
pub(super) fn GroupsTab(
    state: CompareState,
    comparison: Memo<Comparison>,
    titles: Memo<Vec<String>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="compare-groups">
            <h2>"Similarity"</h2>
            <p class="muted">
                "How much two articles say in the same words: their shared content words, each weighted by how rare it is among the articles compared (so “Minsk” in two reports counts more than “zei” in all; TF-IDF cosine, alias spellings counted as one name), combined with the three-word phrases they share. Darker is more similar, relative to the most similar pair; hover a cell for the numbers."
            </p>
            <div class="heatmap-wrap">
                <Heatmap comparison titles />
            </div>
            <p>
                <ExportButtons comparison titles message part=ExportPart::Similarity label="Similarity" />
            </p>
            <h2>"Story groups"</h2>
            <GroupControls state=state.clone() />
            <p class="muted">
                "Two articles are one story when they are this similar, were published within the window (an undated article counts at the date it is inferred to be from), and each is among the other's three closest. A date known only to the month counts as its whole month; one known only to the year is within no window shorter than a year, and an article with no date at all meets only other undated ones. Every pair in a story is within the window, so links never chain a story across it."
            </p>
            <StoryGroups state comparison titles />
        </div>
    }
}

/// The story groups' similarity threshold and time window, kept in the URL.
#[component]
fn GroupControls(state: CompareState) -> impl IntoView {
    let threshold = state.threshold;
    let window = state.window;
    let st = state.clone();
    let on_threshold = move |ev: leptos::ev::Event| {
        if let Ok(t) = event_target_value(&ev).parse::<u32>() {
            go(&route_with(&st, |s| s.threshold = t));
        }
    };
    let st = state.clone();
    let on_window = move |ev: leptos::ev::Event| {
        if let Ok(w) = event_target_value(&ev).parse::<i32>() {
            go(&route_with(&st, |s| s.window = w));
        }
    };
    let windows = WINDOW_CHOICES
        .into_iter()
        .map(|d| {
            let label = if d == ANY_TIME {
                "any time".to_string()
            } else {
                format!("{d} days")
            };
            view! {
                <option value=d.to_string() selected=d == window>
                    {label}
                </option>
            }
        })
        .collect_view();
    view! {
        <p class="controls">
            <label>
                "Similarity at least "
                <input
                    type="range"
                    min="1"
                    max="40"
                    step="1"
                    prop:value=threshold.to_string()
                    on:change=on_threshold
                    data-testid="threshold"
                    aria-label="Similarity threshold in percent"
                /> <output>{format!(" {threshold}%")}</output>
            </label>
            " "
            <label>
                " published within " <select on:change=on_window data-testid="window" aria-label="Time window">
                    {windows}
                </select>
            </label>
        </p>
    }
}

/// Every pair's similarity as a shaded square, with its numbers on hover: rows named by number
/// and title, columns by number, a legend of the shades with their percentages. With more
/// articles than fit readably, those with the closest matches (the export has every pair).
#[component]
fn Heatmap(comparison: Memo<Comparison>, titles: Memo<Vec<String>>) -> impl IntoView {
    move || {
        comparison.with(|c| {
            let n = c.articles.len();
            let shown = c.similarity.most_connected(HEAT_MAX);
            let m = shown.len();
            let names = titles.get();
            let name = |i: usize| short(names.get(i).map_or("", String::as_str));
            let cell = if m <= 12 {
                CELL_MAX
            } else {
                (CELLS_WIDTH / m as f64).max(CELL_MIN)
            };
            let size = LABEL_W + cell * m as f64 + 10.0;
            let height = TOP + cell * m as f64 + LEGEND_H;
            let max = shown
                .iter()
                .flat_map(|&i| shown.iter().filter(move |&&j| j != i).map(move |&j| (i, j)))
                .map(|(i, j)| c.similarity.score(i, j))
                .fold(0.0f32, f32::max);
            let mut cells = String::new();
            for k in 0..m * m {
                let (r, col) = (k / m, k % m);
                let (i, j) = (shown[r], shown[col]);
                let s = c.similarity.pair(i, j);
                let tip = format!(
                    "{} × {}: {:.0}% similar (cosine {:.0}%, shared phrases {:.0}%)",
                    name(i),
                    name(j),
                    s.combined * 100.0,
                    s.cosine * 100.0,
                    s.overlap * 100.0
                );
                let score = s.combined;
                heat_cell(&mut cells, (r, col), score, max, cell, m <= 12, &tip);
            }
            let labels = axis_labels(cell, shown.iter().map(|&i| name(i)).collect());
            let legend = legend(TOP + cell * m as f64 + 14.0, max);
            let note = (m < n).then(|| {
                format!(
                    "The {m} of the {n} compared articles with the closest matches; the export holds every pair."
                )
            });
            view! {
                <p class="muted" data-testid="heatmap-note">
                    {note}
                </p>
                <svg
                    id="similarity-heatmap"
                    role="img"
                    aria-label="Similarity between every pair of articles"
                    width=size
                    height=height
                    viewBox=format!("0 0 {size} {height}")
                    xmlns="http://www.w3.org/2000/svg"
                >
                    {labels}
                    <g class="heat-cells" inner_html=cells></g>
                    {legend}
                </svg>
            }
        })
    }
}

/// The heatmap's row labels (number and title, cut to fit) and column numbers.
fn axis_labels(cell: f64, names: Vec<String>) -> impl IntoView {
    let m = names.len();
    let rows = names
        .iter()
        .enumerate()
        .map(|(r, name)| {
            view! {
                <text x=LABEL_W - 6.0 y=TOP + cell * r as f64 + cell / 2.0 + 4.0 text-anchor="end" class="heat-label">
                    {format!("{} · {}", r + 1, cut(name, LABEL_CHARS))}
                </text>
            }
        })
        .collect_view();
    let columns = (0..m)
        .map(|col| {
            view! {
                <text
                    x=LABEL_W + cell * col as f64 + cell / 2.0
                    y=TOP - 6.0
                    text-anchor="middle"
                    class="heat-label heat-column"
                >
                    {(col + 1).to_string()}
                </text>
            }
        })
        .collect_view();
    view! {
        {columns}
        {rows}
    }
}

/// The shades with the similarity each stands for (relative to the most similar pair, `max`).
fn legend(y: f64, max: f32) -> impl IntoView {
    let swatch = 18.0;
    let swatches = (0..HEAT_LEVELS)
        .map(|l| {
            let x = LABEL_W + swatch * l as f64;
            view! { <rect x=x y=y width=swatch - 1.0 height=swatch - 1.0 class=format!("heat-{l}") /> }
        })
        .collect_view();
    let end = LABEL_W + swatch * HEAT_LEVELS as f64;
    view! {
        <g class="heat-legend" data-testid="heat-legend">
            <text x=LABEL_W - 6.0 y=y + 13.0 text-anchor="end" class="heat-label">
                "similar: 0%"
            </text>
            {swatches}
            <text x=end + 6.0 y=y + 13.0 class="heat-label">
                {format!("{:.0}% (the closest pair)", max * 100.0)}
            </text>
        </g>
    }
}

/// At most `max` characters of `s`, with "…" where it was cut.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

/// One pair's square, shaded by its score relative to `max`, with the percentage written in
/// it when the squares are big enough, as SVG markup: the heatmap's hundreds of squares are
/// handed to the browser as one string, which it parses far faster than they are built one
/// element and attribute at a time.
fn heat_cell(
    out: &mut String,
    (i, j): (usize, usize),
    score: f32,
    max: f32,
    cell: f64,
    numbers: bool,
    tip: &str,
) {
    use std::fmt::Write;
    let level = heat_level(score, max);
    let (x, y) = (LABEL_W + cell * j as f64, TOP + cell * i as f64);
    let _ = write!(out, "<g class=\"heat-cell\" data-i=\"{i}\" data-j=\"{j}\">");
    let _ = write!(
        out,
        "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{w}\" class=\"",
        w = cell - 1.0
    );
    if i == j {
        out.push_str("heat-self");
    } else {
        let _ = write!(out, "heat-{level}");
    }
    out.push_str("\"><title>");
    escape_into(out, tip);
    out.push_str("</title></rect>");
    if numbers && i != j {
        let ink = if level >= STRONG_FROM {
            "heat-ink-strong"
        } else {
            "heat-ink"
        };
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"{ink}\">{:.0}%</text>",
            x + cell / 2.0,
            y + cell / 2.0 + 4.0,
            score * 100.0
        );
    }
    out.push_str("</g>");
}

/// Appends `text` to markup with the characters that markup gives a meaning to escaped.
fn escape_into(out: &mut String, text: &str) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// " · outlet · date", or " · date" for an article without a source (its voice label is its
/// own title, already shown).
fn source_and_date(c: &Comparison, i: usize, when: &str) -> String {
    let party = &c.parties[c.party_of[i]];
    if party.is_outlet() {
        format!(" · {} · {when}", party.label)
    } else {
        format!(" · {when}")
    }
}

/// The story groups at the chosen threshold and window, and the articles in none.
#[component]
fn StoryGroups(
    state: CompareState,
    comparison: Memo<Comparison>,
    titles: Memo<Vec<String>>,
) -> impl IntoView {
    let shown = RwSignal::new(PAGE_ROWS);
    let several = RwSignal::new(0usize);
    move || {
        comparison.with(|c| {
            let names = titles.get();
            let groups = c.story_groups(state.threshold as f32 / 100.0, state.window);
            several.set(groups.iter().filter(|g| g.len() > 1).count());
            let multi_view = groups
                .iter()
                .filter(|g| g.len() > 1)
                .take(shown.get())
                .enumerate()
                .map(|(gi, g)| story_group(&state, c, &names, gi, g))
                .collect_view();
            // Drawn only when opened: at a whole corpus's scale, most articles are in no group.
            let alone: Vec<String> = groups
                .iter()
                .filter(|g| g.len() == 1)
                .map(|g| names.get(g[0]).cloned().unwrap_or_default())
                .collect();
            let summary = format!("Articles in no group ({})", grouped(alone.len()));
            let alone_view = move || {
                let items = alone.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view();
                view! { <ul data-testid="ungrouped">{items}</ul> }
            };
            view! {
                <ol class="story-groups">{multi_view}</ol>
                <ShowMore shown total=several testid="groups-more" />
                <LazyDetails class="ungrouped" testid="ungrouped-details" summary content=alone_view />
            }
        })
    }
}

/// One story group: its articles with source and date, and links to read or compare them.
fn story_group(
    state: &CompareState,
    c: &Comparison,
    names: &[String],
    gi: usize,
    g: &[usize],
) -> impl IntoView {
    let ids: Vec<ArticleId> = g.iter().map(|&i| c.articles[i]).collect();
    let read = route_with(state, |s| {
        s.tab = CompareTab::Read;
        s.ids = ids.iter().take(4).copied().collect();
    })
    .to_hash();
    let only = route_with(state, |s| {
        s.picked = ids.clone();
        s.within.clear();
        s.ids.clear();
    })
    .to_hash();
    let items = g
        .iter()
        .map(|&i| {
            let when = c.when[i].map_or("date unknown".to_string(), |(a, b)| {
                if a == b {
                    iso_day(a)
                } else {
                    format!("{} – {}", iso_day(a), iso_day(b))
                }
            });
            // Why it is here: its closest match in the story.
            let why = c.similarity.closest(i, g).map(|(j, score)| {
                format!(
                    " · {:.0}% similar to “{}”",
                    score * 100.0,
                    short(names.get(j).map_or("", String::as_str))
                )
            });
            view! {
                <li>
                    <a href=Route::article(c.articles[i]).to_hash()>{names.get(i).cloned().unwrap_or_default()}</a>
                    <span class="muted">{source_and_date(c, i, &when)}</span>
                    <span class="muted why" data-testid="group-why">
                        {why}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="story-group" data-testid="story-group">
            <h3>{format!("Story {} · {} articles", gi + 1, g.len())}</h3>
            <ul>{items}</ul>
            <a class="button" href=read>
                "Read side by side"
            </a>
            " "
            <a class="button" href=only data-testid="compare-group">
                "Compare only this story"
            </a>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_square_is_markup_with_its_pair_shade_and_escaped_tip() {
        let mut out = String::new();
        heat_cell(&mut out, (1, 2), 0.5, 0.5, 20.0, true, "A & B <\"x\"> 'y'");
        assert!(out.starts_with("<g class=\"heat-cell\" data-i=\"1\" data-j=\"2\">"));
        assert!(out.contains("class=\"heat-5\""), "{out}");
        assert!(out.contains("<title>A &amp; B &lt;&quot;x&quot;&gt; &#39;y&#39;</title>"));
        assert!(
            out.contains("class=\"heat-ink-strong\">50%</text>"),
            "{out}"
        );
        assert!(out.ends_with("</g>"));
        // Its own square: no shade, no number.
        let mut own = String::new();
        heat_cell(&mut own, (3, 3), 1.0, 0.5, 20.0, true, "t");
        assert!(own.contains("class=\"heat-self\"") && !own.contains("<text"));
    }
}
