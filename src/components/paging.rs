//! Long lists drawn a screen first: what a screen holds comes in the first frame, the rest of
//! the page a screenful per frame after it, so that no frame does much more than the first.

use leptos::prelude::*;

/// How many rows of about `row_px` CSS pixels one screen holds: the window's height over the
/// row's (a tall window's when the height is not known), plus one row cut by the bottom edge.
pub fn screenful(row_px: f64) -> usize {
    rows_in(
        crate::browser::layout::viewport_height().unwrap_or(TALL_WINDOW),
        row_px,
    )
}

/// The height assumed when the window's is not known (a tall desktop window).
const TALL_WINDOW: f64 = 1400.0;

fn rows_in(height: f64, row_px: f64) -> usize {
    let rows = (height / row_px.max(1.0)).ceil();
    // At least a handful, at most a few hundred, whatever the window claims.
    (rows as usize).saturating_add(1).clamp(8, 400)
}

/// How many rows a list shows: `first` at once, then `first` more each frame up to `page`,
/// while the list is still open and nobody changed the count meanwhile ("Show all").
pub fn first_then_page(first: usize, page: usize) -> RwSignal<usize> {
    let shown = RwSignal::new(first);
    // The first frame draws the first rows; growing starts in the frame after it.
    request_animation_frame(move || grow(shown, first, first, page));
    shown
}

/// Adds `step` rows in the next frame (and again after it) while the count is still `at`.
fn grow(shown: RwSignal<usize>, at: usize, step: usize, page: usize) {
    request_animation_frame(move || {
        // The view may be gone by then (the reader moved on): then there is nothing to do.
        if at >= page || step == 0 || shown.try_get_untracked() != Some(at) {
            return;
        }
        let next = (at + step).min(page);
        if shown.try_set(next).is_none() {
            grow(shown, next, step, page);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::rows_in;

    #[test]
    fn a_screenful_is_what_the_window_holds_plus_the_row_it_cuts() {
        assert_eq!(rows_in(900.0, 31.8), 30);
        assert_eq!(rows_in(900.0, 75.0), 13);
        // Tiny or absurd sizes stay within bounds.
        assert_eq!(rows_in(100.0, 75.0), 8);
        assert_eq!(rows_in(1e9, 1.0), 400);
        assert_eq!(rows_in(900.0, 0.0), 400);
    }
}
