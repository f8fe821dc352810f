//! Driving the chart by pointer: the wheel zooms around the pointer (or pans, sideways), a drag
//! pans, two fingers pinch-zoom around their middle. Days under the pointer stay under it.

use leptos::prelude::*;

use super::geometry::Domain;
use super::Ui;
use crate::browser::layout::element_box;

/// A drag this far (SVG units) is a drag, and the click that ends it does not open a mark.
const DRAG_SLOP: f64 = 4.0;

/// The pointers down on the chart and where each started, with the view they started on.
#[derive(Default)]
pub(super) struct Gesture {
    /// Pointer id and its current x (SVG units).
    pointers: Vec<(i32, f64)>,
    /// Where the pointers were when the current gesture began, and the view then.
    start: Vec<(i32, f64)>,
    from: Option<Domain>,
}

/// The x in the chart's units of a pointer at `client_x` (page pixels).
fn svg_x(client_x: f64, d: Domain) -> Option<f64> {
    let (left, width) = element_box("timeline-chart")?;
    Some((client_x - left) * d.width / width)
}

impl Gesture {
    fn restart(&mut self, d: Domain) {
        self.start = self.pointers.clone();
        self.from = Some(d);
    }

    /// A pointer goes down at `client_x`.
    pub fn down(&mut self, id: i32, client_x: f64, ui: Ui) {
        let d = ui.domain.get_untracked();
        let Some(x) = svg_x(client_x, d) else {
            return;
        };
        self.pointers.retain(|&(p, _)| p != id);
        self.pointers.push((id, x));
        self.restart(d);
        ui.dragged.set_value(false);
    }

    /// A pointer moves: one pans, two zoom.
    pub fn moved(&mut self, id: i32, client_x: f64, ui: Ui) {
        let Some(from) = self.from else {
            return;
        };
        let Some(x) = svg_x(client_x, from) else {
            return;
        };
        let Some(p) = self.pointers.iter_mut().find(|(p, _)| *p == id) else {
            return;
        };
        p.1 = x;
        let at_start = |id: i32| self.start.iter().find(|(p, _)| *p == id).map(|s| s.1);
        match self.pointers[..] {
            [(a, xa)] => {
                let Some(sa) = at_start(a) else { return };
                if (xa - sa).abs() > DRAG_SLOP {
                    ui.dragged.set_value(true);
                }
                if ui.dragged.get_value() {
                    ui.domain.set(from.pan_units(sa - xa));
                }
            }
            [(a, xa), (b, xb), ..] => {
                let (Some(sa), Some(sb)) = (at_start(a), at_start(b)) else {
                    return;
                };
                let (before, now) = ((sa - sb).abs(), (xa - xb).abs());
                if before > 10.0 && now > 10.0 {
                    ui.dragged.set_value(true);
                    let mid = from.day_at((sa + sb) / 2.0);
                    ui.domain.set(from.zoom_at(mid, before / now));
                }
            }
            [] => {}
        }
    }

    /// A pointer goes up or away; the others carry on from the view as it is.
    pub fn up(&mut self, id: i32, ui: Ui) {
        self.pointers.retain(|&(p, _)| p != id);
        if self.pointers.is_empty() {
            self.from = None;
        } else {
            self.restart(ui.domain.get_untracked());
        }
    }
}

/// The wheel: up and down zoom around the pointer (so does a trackpad's pinch, which arrives
/// as the wheel with Ctrl), sideways pans. Over the lane labels the page scrolls as usual.
pub(super) fn wheel(ev: &leptos::ev::WheelEvent, ui: Ui) {
    let d = ui.domain.get_untracked();
    let Some(x) = svg_x(f64::from(ev.client_x()), d) else {
        return;
    };
    if x < d.x0() && !ev.ctrl_key() {
        return;
    }
    ev.prevent_default();
    let scale = match ev.delta_mode() {
        1 => 16.0,
        2 => 400.0,
        _ => 1.0,
    };
    let (dx, dy) = (ev.delta_x() * scale, ev.delta_y() * scale);
    if dx.abs() > dy.abs() && !ev.ctrl_key() {
        ui.domain.set(d.pan_units(dx));
    } else {
        let factor = (dy * 0.002).exp().clamp(0.5, 2.0);
        ui.domain.set(d.zoom_at(d.day_at(x), factor));
    }
}
