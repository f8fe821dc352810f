//! The timeline chart's geometry: sizes in SVG units and the visible span of days, mapped to
//! x positions, zoomed and panned. Pure arithmetic, tested natively.

use newsprism_core::time::calendar::Day;

/// The chart's width in SVG units; it scales to the page.
pub const W: f64 = 1000.0;
/// Where the plot starts, after the lane labels.
pub const X0: f64 = 180.0;
/// The plot's right edge.
pub const PLOT_RIGHT: f64 = W - 10.0;
pub const AXIS_H: f64 = 26.0;
pub const PUB_H: f64 = 30.0;
pub const SHARED_H: f64 = 26.0;
pub const LANE_H: f64 = 30.0;
/// Where the lanes start.
pub const LANES_TOP: f64 = AXIS_H + PUB_H + SHARED_H;
/// The narrowest and widest spans a zoom reaches, in days: about three days to three
/// centuries.
const MIN_HALF: f64 = 1.5;
const MAX_HALF: f64 = 55_000.0;

/// The visible days, as floating-point day numbers so zooming is smooth.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Domain {
    pub start: f64,
    pub end: f64,
}

impl Domain {
    /// The days `extent` covers with a margin (4%, at least a fortnight), or a year when there
    /// is nothing to show.
    pub fn fit(extent: Option<(Day, Day)>) -> Domain {
        match extent {
            Some((s, e)) => {
                let pad = (f64::from(e - s) * 0.04).max(15.0);
                Domain {
                    start: f64::from(s) - pad,
                    end: f64::from(e) + 1.0 + pad,
                }
            }
            None => Domain {
                start: 0.0,
                end: 365.0,
            },
        }
    }

    /// The x position of a day.
    pub fn x(&self, day: f64) -> f64 {
        X0 + (day - self.start) / (self.end - self.start) * (PLOT_RIGHT - X0)
    }

    /// The x position of a day, kept inside the plot.
    pub fn clamped_x(&self, day: f64) -> f64 {
        self.x(day).clamp(X0, PLOT_RIGHT)
    }

    /// Zoomed around the middle: `factor` below 1 zooms in.
    pub fn zoom(self, factor: f64) -> Domain {
        let mid = (self.start + self.end) / 2.0;
        let half = ((self.end - self.start) * factor / 2.0).clamp(MIN_HALF, MAX_HALF);
        Domain {
            start: mid - half,
            end: mid + half,
        }
    }

    /// Moved by a fraction of its width: negative is earlier.
    pub fn pan(self, fraction: f64) -> Domain {
        let d = (self.end - self.start) * fraction;
        Domain {
            start: self.start + d,
            end: self.end + d,
        }
    }

    /// `days` wide around the same middle.
    pub fn around(self, days: f64) -> Domain {
        let mid = (self.start + self.end) / 2.0;
        Domain {
            start: mid - days / 2.0,
            end: mid + days / 2.0,
        }
    }

    /// Whether any of the days `start..=end` is in view.
    pub fn visible(&self, start: Day, end: Day) -> bool {
        f64::from(end) + 1.0 >= self.start && f64::from(start) <= self.end
    }
}

/// A lane label cut to fit beside the plot.
pub fn lane_label(label: &str) -> String {
    if label.chars().count() > 26 {
        label.chars().take(25).collect::<String>() + "…"
    } else {
        label.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_pads_the_extent_and_maps_it_inside_the_plot() {
        let d = Domain::fit(Some((1000, 1090)));
        assert_eq!(d.start, 985.0);
        assert_eq!(d.end, 1106.0);
        assert!(d.x(1000.0) > X0 && d.x(1091.0) < PLOT_RIGHT);
        assert_eq!(d.x(d.start), X0);
        assert_eq!(d.x(d.end), PLOT_RIGHT);
        assert_eq!(
            Domain::fit(None),
            Domain {
                start: 0.0,
                end: 365.0
            }
        );
    }

    #[test]
    fn zoom_keeps_the_middle_and_stays_within_its_limits() {
        let d = Domain {
            start: 0.0,
            end: 100.0,
        };
        assert_eq!(
            d.zoom(0.5),
            Domain {
                start: 25.0,
                end: 75.0
            }
        );
        assert_eq!(
            d.zoom(0.001),
            Domain {
                start: 48.5,
                end: 51.5
            }
        );
        let wide = d.zoom(1e9);
        assert_eq!(wide.end - wide.start, 2.0 * MAX_HALF);
    }

    #[test]
    fn pan_around_and_visibility() {
        let d = Domain {
            start: 0.0,
            end: 100.0,
        };
        assert_eq!(
            d.pan(-0.25),
            Domain {
                start: -25.0,
                end: 75.0
            }
        );
        assert_eq!(
            d.around(10.0),
            Domain {
                start: 45.0,
                end: 55.0
            }
        );
        assert!(d.visible(-5, -1) && d.visible(100, 120) && !d.visible(101, 120));
        assert_eq!(d.clamped_x(-50.0), X0);
        assert_eq!(d.clamped_x(500.0), PLOT_RIGHT);
    }

    #[test]
    fn long_lane_labels_are_cut_with_an_ellipsis() {
        assert_eq!(lane_label("NOS"), "NOS");
        let cut = lane_label("Loekasjenko in spagaat tussen Rusland en het Westen");
        assert_eq!(cut.chars().count(), 26);
        assert!(cut.ends_with('…'));
    }
}
