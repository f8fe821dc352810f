//! The timeline chart's geometry: the visible span of days and the chart's width, mapped to x
//! positions, zoomed and panned around a day; and marks laid out so that none hides another.
//! Pure arithmetic, tested natively.

use newsprism_core::time::calendar::Day;

/// The chart's width when the page has not said how wide it is; it scales to the page.
pub const DEFAULT_WIDTH: f64 = 1000.0;
/// The narrowest chart drawn; a narrower page scrolls it.
const MIN_WIDTH: f64 = 320.0;
pub const AXIS_H: f64 = 26.0;
/// One row of marks in a track or lane, and the padding around a track's rows.
pub const ROW_H: f64 = 17.0;
pub const TRACK_PAD: f64 = 10.0;
/// The height of a mark in its row.
pub const MARK_H: f64 = 13.0;
/// At most this many rows in a lane (uncertain dates overlap in time, so a lane may need
/// several at any zoom) and in the publication track; what would need more is clustered.
pub const MAX_ROWS: usize = 6;
pub const MAX_PUB_ROWS: usize = 3;
/// The gap kept between marks in a row, in SVG units.
const GAP: f64 = 2.0;
/// The narrowest and widest spans a zoom reaches, in days: about three days to three
/// centuries.
const MIN_HALF: f64 = 1.5;
const MAX_HALF: f64 = 55_000.0;

/// The visible days, as floating-point day numbers so zooming is smooth, and the chart's width
/// in SVG units (the page's pixels when the page has said how wide the chart is).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Domain {
    pub start: f64,
    pub end: f64,
    pub width: f64,
}

impl Domain {
    /// The days `extent` covers with a margin (4%, at least a fortnight), or a year when there
    /// is nothing to show.
    pub fn fit(extent: Option<(Day, Day)>, width: f64) -> Domain {
        let width = width.max(MIN_WIDTH);
        match extent {
            Some((s, e)) => {
                let pad = (f64::from(e - s) * 0.04).max(15.0);
                Domain {
                    start: f64::from(s) - pad,
                    end: f64::from(e) + 1.0 + pad,
                    width,
                }
            }
            None => Domain {
                start: 0.0,
                end: 365.0,
                width,
            },
        }
    }

    /// The same days drawn `width` wide.
    pub fn with_width(self, width: f64) -> Domain {
        Domain {
            width: width.max(MIN_WIDTH),
            ..self
        }
    }

    /// Where the plot starts, after the lane labels: a quarter of the chart, 90 to 180 units.
    pub fn x0(&self) -> f64 {
        (self.width * 0.24).clamp(90.0, 180.0)
    }

    /// The plot's right edge.
    pub fn right(&self) -> f64 {
        self.width - 10.0
    }

    /// The x position of a day.
    pub fn x(&self, day: f64) -> f64 {
        self.x0() + (day - self.start) / (self.end - self.start) * (self.right() - self.x0())
    }

    /// The x position of a day, kept inside the plot.
    pub fn clamped_x(&self, day: f64) -> f64 {
        self.x(day).clamp(self.x0(), self.right())
    }

    /// The day at an x position.
    pub fn day_at(&self, x: f64) -> f64 {
        self.start + (x - self.x0()) / (self.right() - self.x0()) * (self.end - self.start)
    }

    /// Days per SVG unit.
    fn days_per_unit(&self) -> f64 {
        (self.end - self.start) / (self.right() - self.x0())
    }

    /// Zoomed around `day`, which stays where it is on the chart: `factor` below 1 zooms in.
    pub fn zoom_at(self, day: f64, factor: f64) -> Domain {
        let span = self.end - self.start;
        let new_span = (span * factor).clamp(2.0 * MIN_HALF, 2.0 * MAX_HALF);
        let at = if span > 0.0 {
            ((day - self.start) / span).clamp(0.0, 1.0)
        } else {
            0.5
        };
        Domain {
            start: day - at * new_span,
            end: day + (1.0 - at) * new_span,
            ..self
        }
    }

    /// Moved by a fraction of its width: negative is earlier.
    pub fn pan(self, fraction: f64) -> Domain {
        let d = (self.end - self.start) * fraction;
        Domain {
            start: self.start + d,
            end: self.end + d,
            ..self
        }
    }

    /// Moved by `units` of the chart's width (a drag of that many pixels the other way).
    pub fn pan_units(self, units: f64) -> Domain {
        let d = units * self.days_per_unit();
        Domain {
            start: self.start + d,
            end: self.end + d,
            ..self
        }
    }

    /// `days` wide around `day`.
    pub fn around_day(self, day: f64, days: f64) -> Domain {
        Domain {
            start: day - days / 2.0,
            end: day + days / 2.0,
            ..self
        }
    }

    /// The days `first..=last` in view: the same zoom centred on them, or zoomed out just
    /// enough to show them all.
    pub fn showing(self, (first, last): (Day, Day)) -> Domain {
        let (s, e) = (f64::from(first), f64::from(last) + 1.0);
        let span = self.end - self.start;
        if e - s <= span * 0.9 {
            self.around_day((s + e) / 2.0, span)
        } else {
            let pad = (e - s) * 0.05;
            Domain {
                start: s - pad,
                end: e + pad,
                ..self
            }
        }
    }

    /// Zoomed so that the days `first..=last` fill the plot (with a tenth to spare each side).
    pub fn fitted(self, (first, last): (Day, Day)) -> Domain {
        let (s, e) = (f64::from(first), f64::from(last) + 1.0);
        let pad = ((e - s) * 0.1).max(MIN_HALF);
        Domain {
            start: s - pad,
            end: e + pad,
            ..self
        }
    }

    /// At least `days` wide, around the same middle.
    pub fn at_least(self, days: f64) -> Domain {
        if self.end - self.start >= days {
            self
        } else {
            self.around_day((self.start + self.end) / 2.0, days)
        }
    }

    /// Whether any of the days `start..=end` is in view.
    pub fn visible(&self, start: Day, end: Day) -> bool {
        f64::from(end) + 1.0 >= self.start && f64::from(start) <= self.end
    }

    /// The whole days in view, for the axis and the edge counts.
    pub fn days(&self) -> (Day, Day) {
        (self.start.floor() as Day, self.end.ceil() as Day)
    }

    /// How many characters of a lane label fit before the plot.
    pub fn label_chars(&self) -> usize {
        ((self.x0() - 14.0) / 6.6).max(6.0) as usize
    }
}

/// A lane label cut to `max` characters. A voice label's date (" · 19 Dec 2022") is kept and
/// its words are cut instead, so that lanes of one title stay told apart by their dates.
pub fn lane_label(label: &str, max: usize) -> String {
    let cut = |s: &str, n: usize| -> String {
        if s.chars().count() > n {
            s.chars()
                .take(n.saturating_sub(1))
                .collect::<String>()
                .trim_end()
                .to_string()
                + "…"
        } else {
            s.to_string()
        }
    };
    if label.chars().count() <= max {
        return label.to_string();
    }
    match label.rsplit_once(" · ") {
        Some((head, date)) if date.chars().count() + 3 + 6 <= max => {
            let room = max - date.chars().count() - 3;
            format!("{} · {date}", cut(head.trim_end_matches('…'), room))
        }
        _ => cut(label, max),
    }
}

/// Where each mark of a track goes: a row, or a cluster drawn in its place.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// For each mark, in the order given: `Some(row)`, or `None` when it is in a cluster.
    pub rows: Vec<Option<usize>>,
    /// Clusters, all in the row after the others (`height - 1`).
    pub clusters: Vec<Cluster>,
    /// Rows used (at least one).
    pub height: usize,
}

/// Marks too many to stack where they overlap, drawn as one mark that zooms in on them.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub x1: f64,
    pub x2: f64,
    pub members: Vec<usize>,
}

/// Lays out marks given by their x extents so that none hides another. Each mark goes in the
/// first of `max_rows` rows where it fits (earliest first, the wider of two that start
/// together first); what fits in none goes in one more row, where marks that still overlap
/// become a cluster.
pub fn layout(extents: &[(f64, f64)], max_rows: usize) -> Layout {
    let max_rows = max_rows.max(1);
    let mut order: Vec<usize> = (0..extents.len()).collect();
    newsprism_core::sorting::sort_by(&mut order, |&a, &b| {
        let (ea, eb) = (extents[a], extents[b]);
        ea.0.total_cmp(&eb.0).then(eb.1.total_cmp(&ea.1))
    });
    let mut rows = vec![None; extents.len()];
    let mut ends: Vec<f64> = Vec::new();
    let mut overflow = Vec::new();
    for &m in &order {
        let (x1, x2) = extents[m];
        match ends.iter().position(|&end| end + GAP <= x1) {
            Some(r) => {
                ends[r] = x2;
                rows[m] = Some(r);
            }
            None if ends.len() < max_rows => {
                ends.push(x2);
                rows[m] = Some(ends.len() - 1);
            }
            None => overflow.push(m),
        }
    }
    // The overflow row: a mark alone keeps its place, overlapping ones are clustered.
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut singles: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < overflow.len() {
        let mut reach = extents[overflow[i]].1;
        let mut j = i + 1;
        while j < overflow.len() && extents[overflow[j]].0 < reach + GAP {
            reach = reach.max(extents[overflow[j]].1);
            j += 1;
        }
        if j - i == 1 {
            singles.push(overflow[i]);
        } else {
            clusters.push(Cluster {
                x1: extents[overflow[i]].0,
                x2: reach,
                members: overflow[i..j].to_vec(),
            });
        }
        i = j;
    }
    let extra = !overflow.is_empty();
    for m in singles {
        rows[m] = Some(max_rows);
    }
    Layout {
        rows,
        clusters,
        height: ends.len().max(1) + usize::from(extra),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn domain(start: f64, end: f64) -> Domain {
        Domain {
            start,
            end,
            width: DEFAULT_WIDTH,
        }
    }

    #[test]
    fn fitting_pads_the_extent_and_maps_it_inside_the_plot() {
        let d = Domain::fit(Some((1000, 1090)), DEFAULT_WIDTH);
        assert_eq!((d.start, d.end), (985.0, 1106.0));
        assert!(d.x(1000.0) > d.x0() && d.x(1091.0) < d.right());
        assert_eq!(d.x(d.start), d.x0());
        assert_eq!(d.x(d.end), d.right());
        assert_eq!(Domain::fit(None, DEFAULT_WIDTH), domain(0.0, 365.0));
        // A phone-wide chart keeps a narrower label column, never below the minimum width.
        let phone = Domain::fit(Some((1000, 1090)), 358.0);
        assert_eq!(phone.x0(), 90.0);
        assert_eq!(Domain::fit(None, 100.0).width, MIN_WIDTH);
    }

    #[test]
    fn zoom_keeps_its_day_in_place_and_stays_within_its_limits() {
        let d = domain(0.0, 100.0);
        assert_eq!(d.zoom_at(50.0, 0.5), domain(25.0, 75.0));
        assert_eq!(d.zoom_at(50.0, 0.001), domain(48.5, 51.5));
        let wide = d.zoom_at(50.0, 1e9);
        assert_eq!(wide.end - wide.start, 2.0 * MAX_HALF);
        // Around the pointer: day 20 stays at the same x.
        let z = d.zoom_at(20.0, 0.5);
        assert_eq!(z, domain(10.0, 60.0));
        assert!((z.x(20.0) - d.x(20.0)).abs() < 1e-9);
        assert!((d.day_at(d.x(37.5)) - 37.5).abs() < 1e-9);
    }

    #[test]
    fn pan_showing_and_visibility() {
        let d = domain(0.0, 100.0);
        assert_eq!(d.pan(-0.25), domain(-25.0, 75.0));
        assert_eq!(d.around_day(50.0, 10.0), domain(45.0, 55.0));
        // A drag of the plot's width moves by the whole span.
        let plot = d.right() - d.x0();
        assert!((d.pan_units(plot).start - 100.0).abs() < 1e-9);
        // A date far away comes into view at the same zoom; a long span is fitted.
        assert_eq!(d.showing((1000, 1009)), domain(955.0, 1055.0));
        let long = d.showing((0, 399));
        assert_eq!((long.start, long.end), (-20.0, 420.0));
        assert_eq!(d.fitted((10, 19)), domain(8.5, 21.5));
        assert_eq!(d.fitted((10, 10)).at_least(14.0), domain(3.5, 17.5));
        assert_eq!(d.at_least(14.0), d);
        assert!(d.visible(-5, -1) && d.visible(100, 120) && !d.visible(101, 120));
        assert_eq!(d.clamped_x(-50.0), d.x0());
        assert_eq!(d.clamped_x(500.0), d.right());
    }

    #[test]
    fn long_lane_labels_are_cut_with_an_ellipsis() {
        assert_eq!(lane_label("NOS", 26), "NOS");
        let cut = lane_label("Loekasjenko in spagaat tussen Rusland en het Westen", 26);
        assert_eq!(cut.chars().count(), 26);
        assert!(cut.ends_with('…'));
        // A voice label keeps its date.
        let dated = lane_label("Het bliksembezoek van Poetin… · 19 Dec 2022", 24);
        assert_eq!(dated, "Het bliks… · 19 Dec 2022");
        assert_eq!(dated.chars().count(), 24);
        assert!(domain(0.0, 1.0).label_chars() >= 20);
    }

    #[test]
    fn overlapping_marks_are_stacked_and_too_many_are_clustered() {
        // Apart: one row. Two overlapping: two rows. A third after both: back in row 0.
        let l = layout(&[(0.0, 10.0), (20.0, 30.0)], 3);
        assert_eq!(l.rows, [Some(0), Some(0)]);
        assert_eq!(l.height, 1);
        let l = layout(&[(0.0, 10.0), (5.0, 15.0), (13.0, 20.0)], 3);
        assert_eq!(l.rows, [Some(0), Some(1), Some(0)]);
        assert_eq!(l.height, 2);
        // Four on top of each other with room for three: the fourth goes in a row of its own;
        // five: the two left over are one cluster, in that extra row.
        let l = layout(
            &[
                (0.0, 10.0),
                (1.0, 11.0),
                (2.0, 12.0),
                (3.0, 13.0),
                (50.0, 60.0),
            ],
            3,
        );
        assert_eq!(l.rows, [Some(0), Some(1), Some(2), Some(3), Some(0)]);
        assert_eq!(l.height, 4);
        let five = [
            (0.0, 10.0),
            (1.0, 11.0),
            (2.0, 12.0),
            (3.0, 13.0),
            (4.0, 14.0),
        ];
        let l = layout(&five, 3);
        assert_eq!(l.rows, [Some(0), Some(1), Some(2), None, None]);
        assert_eq!(
            l.clusters,
            [Cluster {
                x1: 3.0,
                x2: 14.0,
                members: vec![3, 4]
            }]
        );
        assert_eq!(l.height, 4);
        // A mark as wide as the view does not swallow the small ones beside it.
        let l = layout(&[(5.0, 6.0), (0.0, 100.0), (20.0, 30.0), (40.0, 50.0)], 3);
        assert_eq!(l.rows, [Some(1), Some(0), Some(1), Some(1)]);
        assert!(l.clusters.is_empty());
        // No two marks in the same row overlap, whatever the input order.
        let marks: Vec<(f64, f64)> = (0..40)
            .map(|i| {
                let x = f64::from((i * 37) % 101);
                (x, x + 6.0)
            })
            .collect();
        let l = layout(&marks, 3);
        for a in 0..marks.len() {
            for b in a + 1..marks.len() {
                if let (Some(ra), Some(rb)) = (l.rows[a], l.rows[b]) {
                    let apart = marks[a].1 + GAP <= marks[b].0 || marks[b].1 + GAP <= marks[a].0;
                    assert!(ra != rb || apart, "{a} {b}");
                }
            }
        }
        assert!(l.height <= 4);
        let clustered: usize = l.clusters.iter().map(|c| c.members.len()).sum();
        assert_eq!(clustered + l.rows.iter().flatten().count(), marks.len());
        assert_eq!(layout(&[], 3).height, 1);
    }
}
