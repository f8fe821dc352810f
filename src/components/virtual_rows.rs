//! Long lists drawn only where they can be seen: of a list of any length, the rows the window
//! shows (and a screenful either side) are in the page, and spacers above and below stand for
//! the rest, so 100,000 articles cost what a screenful does. The page itself scrolls; the rows
//! drawn follow its scroll position and the window's size.

use leptos::prelude::*;

use crate::browser::layout::{on_resize, on_scroll, top_and_row, viewport_height};

/// The height assumed when the window's is not known (a tall desktop window).
const TALL_WINDOW: f64 = 1400.0;

/// The rows `[first, last)` of a list of `n` rows, each `row_px` tall, that a window `height`
/// tall shows when the list's top edge is `top` below the window's top (negative once scrolled
/// past), with `extra` rows more on either side.
pub fn window_of(n: usize, row_px: f64, top: f64, height: f64, extra: usize) -> (usize, usize) {
    let row_px = if row_px.is_finite() && row_px >= 1.0 {
        row_px
    } else {
        1.0
    };
    let rows = |px: f64| -> usize {
        if px.is_finite() && px > 0.0 {
            (px / row_px) as usize
        } else {
            0
        }
    };
    // Rows scrolled past the top, and rows from the list's top to the window's bottom.
    let above = rows(-top);
    let to_bottom = rows(height - top).saturating_add(1);
    let first = above.saturating_sub(extra).min(n);
    let last = to_bottom.saturating_add(extra).min(n).max(first);
    (first, last)
}

/// The rows of a list to draw, following the window: which ones (`range`, a half-open range of
/// positions) and how tall a row is (`row_px`, measured on the rows drawn; the spacers use it).
#[derive(Clone, Copy)]
pub struct VirtualRows {
    /// The positions drawn.
    pub range: RwSignal<(usize, usize)>,
    /// The height of one row, in CSS pixels.
    pub row_px: RwSignal<f64>,
}

impl VirtualRows {
    /// Follows the list in the element `body_id` (its rows match `row_selector`; they are all
    /// the same height, which is measured on the first drawn) of `len` rows, estimated
    /// `estimate_px` tall until measured.
    pub fn follow(
        body_id: &'static str,
        row_selector: &'static str,
        len: Signal<usize>,
        estimate_px: f64,
    ) -> Self {
        let height = viewport_height().unwrap_or(TALL_WINDOW);
        let screen = (height / estimate_px.max(1.0)).ceil() as usize + 1;
        let rows = VirtualRows {
            range: RwSignal::new((0, len.get_untracked().min(screen * 2))),
            row_px: RwSignal::new(estimate_px),
        };
        // A frame asked for may come after the view is gone: then there is nothing to update.
        let update = move || {
            if let Some(n) = len.try_get_untracked() {
                rows.update(body_id, row_selector, n);
            }
        };
        on_scroll(update);
        on_resize(update);
        // After each change of length (a filter, an import) and once drawn: in the next frame,
        // when the rows are laid out and can be measured.
        Effect::new(move |_| {
            len.track();
            request_animation_frame(update);
        });
        rows
    }

    /// Measures where the list is and sets the rows to draw, if they changed.
    fn update(self, body_id: &str, row_selector: &str, n: usize) {
        let Some((top, row)) = top_and_row(body_id, row_selector) else {
            return;
        };
        // The view may be gone by the time a frame comes: then there is nothing to do.
        let Some(mut row_px) = self.row_px.try_get_untracked() else {
            return;
        };
        if let Some(h) = row.filter(|h| (h - row_px).abs() > 0.5) {
            row_px = h;
            self.row_px.set(h);
        }
        let height = viewport_height().unwrap_or(TALL_WINDOW);
        let extra = (height / row_px.max(1.0)).ceil() as usize;
        let next = window_of(n, row_px, top, height, extra);
        if self.range.get_untracked() != next {
            self.range.set(next);
        }
    }

    /// The heights of the spacers above and below the rows drawn, for a list of `n`.
    pub fn spacers(self, n: usize) -> (f64, f64) {
        let (first, last) = self.range.get();
        let row_px = self.row_px.get();
        let (first, last) = (first.min(n), last.min(n));
        (first as f64 * row_px, (n - last.max(first)) as f64 * row_px)
    }
}

#[cfg(test)]
mod tests {
    use super::window_of;

    #[test]
    fn the_window_holds_what_is_seen_and_a_margin_either_side() {
        // At the top of the page, the list starting 200 px down in a 900 px window of 50 px
        // rows: rows 0..15 are seen (the 15th cut by the bottom edge), 10 more below.
        assert_eq!(window_of(1000, 50.0, 200.0, 900.0, 10), (0, 25));
        // Scrolled 5,000 px into the list: rows 100..118 seen.
        assert_eq!(window_of(1000, 50.0, -5000.0, 900.0, 10), (90, 129));
        // At the end, and past it.
        assert_eq!(window_of(1000, 50.0, -49_500.0, 900.0, 10), (980, 1000));
        assert_eq!(window_of(1000, 50.0, -90_000.0, 900.0, 10), (1000, 1000));
        // A list below the window's bottom shows nothing but the margin (and the first row).
        assert_eq!(window_of(1000, 50.0, 2000.0, 900.0, 10), (0, 11));
        // Short lists, and nonsense sizes, stay within the list.
        assert_eq!(window_of(5, 50.0, 0.0, 900.0, 10), (0, 5));
        assert_eq!(window_of(0, 50.0, 0.0, 900.0, 10), (0, 0));
        assert_eq!(window_of(100, 0.0, f64::NAN, f64::INFINITY, 3), (0, 4));
    }
}
