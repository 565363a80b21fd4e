//! Server-side SVG charts: pure functions from a [`ChartSpec`] to an SVG string.
//!
//! The charts are made to be read by everyone, on screen and on paper:
//!
//! - the `<svg>` has `role="img"` and is labelled by its `<title>` and a `<desc>` that says in
//!   words what the chart shows (range, latest value, highest and lowest, direction), so that a
//!   screen reader user hears the story without the picture; a data table belongs beside it;
//! - every word is real `<text>`, never a path, so it can be selected, translated and zoomed;
//! - colours come from CSS classes ([`CSS`]) with a colour-blind-safe palette (Okabe and Ito),
//!   so a page or a print stylesheet can restyle a chart without touching it, and a strict
//!   Content-Security-Policy needs no inline style;
//! - the chart has a `viewBox` and no fixed size, so it scales to its container.
//!
//! Output is deterministic: coordinates are rounded to one decimal place and printed the same way
//! every time, so charts can be snapshot-tested and a published pack reproduced byte for byte.
//!
//! Both kinds of chart share one frame: a plot area of [`PLOT_WIDTH`] × [`PLOT_HEIGHT`] whose
//! y axis starts at zero, divided into one equal band per point. A line chart puts each point in
//! the middle of its band; a bar chart fills the middle 70 % of it.

use std::fmt::Write as _;

/// The width of the `viewBox`.
pub const WIDTH: f64 = 560.0;
/// The height of the `viewBox`.
pub const HEIGHT: f64 = 320.0;
/// Left edge of the plot area: room for the y-axis labels.
pub const PLOT_LEFT: f64 = 60.0;
/// Top edge of the plot area: room for the y-axis title above it.
pub const PLOT_TOP: f64 = 40.0;
/// Width of the plot area (the right margin is 20).
pub const PLOT_WIDTH: f64 = 480.0;
/// Height of the plot area (the bottom margin, for the x-axis labels, is 40).
pub const PLOT_HEIGHT: f64 = 240.0;

/// The share of its band a bar fills.
const BAR_SHARE: f64 = 0.7;
/// Roughly how wide a character of an x-axis label is, for deciding how many labels fit.
const LABEL_CHAR_WIDTH: f64 = 7.0;
/// Space kept between two x-axis labels.
const LABEL_GAP: f64 = 8.0;

/// The chart stylesheet: the classes the charts use, with a colour-blind-safe palette (Okabe and
/// Ito's blue, vermillion, bluish green and reddish purple: the four of theirs that keep 3:1
/// against white). Serve it with the page's own CSS.
pub const CSS: &str = include_str!("chart.css");

/// What to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    /// Unique within the page that shows the chart: the ids of `<title>` and `<desc>` are made
    /// from it. Characters other than ASCII letters, digits, `-` and `_` are replaced by `-`.
    pub id: String,
    /// What the chart shows, for its `<title>`.
    pub title: String,
    /// What the y axis measures, printed above it, e.g. "% of CP plans" or "Children".
    pub y_label: String,
    /// How values are printed.
    pub unit: Unit,
    pub y_axis: YAxis,
    /// The points in order, oldest first. The label is printed on the x axis (as many as fit,
    /// always including the last) and used in the description, e.g. "Mar 2025".
    pub points: Vec<Point>,
}

/// One point of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub label: String,
    /// `None` when there is no value (for a percentage, nothing to divide by): a line chart
    /// leaves a gap and a bar chart leaves the band empty. A value that is not a finite number
    /// is treated as missing.
    pub value: Option<f64>,
}

impl Point {
    pub fn new(label: impl Into<String>, value: Option<f64>) -> Self {
        Self {
            label: label.into(),
            value,
        }
    }

    /// The value, if it is one that can be drawn.
    fn drawable(&self) -> Option<f64> {
        self.value.filter(|v| v.is_finite())
    }
}

/// How values are printed on the axis, in tooltips and in the description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// One decimal place and a per cent sign: `33.3%`.
    Percent,
    /// Whole numbers as such (`12`), anything else to one decimal place.
    Count,
}

/// The range of the y axis. It always starts at zero, so that heights can be compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YAxis {
    /// 0 to 100 with a line every 25: for percentages, so that charts of different measures
    /// read alike.
    ZeroToHundred,
    /// 0 to a round number at or above the highest value, with four or five lines (whole
    /// numbers for counts).
    Auto,
}

/// Width and height of a [`sparkline`].
pub const SPARKLINE_WIDTH: f64 = 120.0;
pub const SPARKLINE_HEIGHT: f64 = 32.0;

/// A small trend line for a table cell: the values oldest first on an axis from zero to the
/// highest value, gaps where a value is missing, a dot on the latest. It is an image with a
/// `<title>` (`title`); the figures themselves belong in a data table beside it.
pub fn sparkline(id: &str, title: &str, values: &[Option<f64>]) -> String {
    let id = safe_id(id);
    let max = values
        .iter()
        .flatten()
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    let pad = 4.0;
    let n = values.len().max(2) - 1;
    let x = |i: usize| pad + (SPARKLINE_WIDTH - 2.0 * pad) * i as f64 / n as f64;
    let y = |v: f64| {
        let h = SPARKLINE_HEIGHT - 2.0 * pad;
        if max > 0.0 {
            pad + h - h * v / max
        } else {
            pad + h
        }
    };
    let mut out = format!(
        "<svg class=\"sparkline\" role=\"img\" aria-labelledby=\"{id}-title\" \
         viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">\
         <title id=\"{id}-title\">{t}</title>",
        w = num(SPARKLINE_WIDTH),
        h = num(SPARKLINE_HEIGHT),
        t = esc(title),
    );
    let mut run: Vec<String> = Vec::new();
    let flush = |run: &mut Vec<String>, out: &mut String| {
        if run.len() > 1 {
            out.push_str(&format!(
                "<polyline class=\"sparkline-line\" points=\"{}\"/>",
                run.join(" ")
            ));
        }
        run.clear();
    };
    for (i, v) in values.iter().enumerate() {
        match v.filter(|v| v.is_finite()) {
            Some(v) => run.push(format!("{},{}", fixed1(x(i)), fixed1(y(v)))),
            None => flush(&mut run, &mut out),
        }
    }
    flush(&mut run, &mut out);
    if let Some((i, v)) = values
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, v)| v.filter(|v| v.is_finite()).map(|v| (i, v)))
    {
        out.push_str(&format!(
            "<circle class=\"sparkline-dot\" cx=\"{}\" cy=\"{}\" r=\"3\"/>",
            fixed1(x(i)),
            fixed1(y(v))
        ));
    }
    out.push_str("</svg>");
    out
}

/// A line chart with a marker on every value and a gap where a value is missing.
pub fn line_chart(spec: &ChartSpec) -> String {
    let frame = Frame::new(spec);
    let mut svg = frame.open(spec, "chart-line");
    let mut path = String::new();
    let mut markers = String::new();
    let mut pen_down = false;
    for (i, p) in spec.points.iter().enumerate() {
        let Some(v) = p.drawable() else {
            pen_down = false;
            continue;
        };
        let (x, y) = (frame.x_centre(i), frame.y(v));
        let _ = write!(
            path,
            " {} {} {}",
            if pen_down { "L" } else { "M" },
            num(x),
            num(y)
        );
        pen_down = true;
        let _ = write!(
            markers,
            "\n<circle class=\"marker\" cx=\"{}\" cy=\"{}\" r=\"4\"><title>{}: {}</title></circle>",
            num(x),
            num(y),
            esc(&p.label),
            format_value(v, spec.unit)
        );
    }
    svg.push_str("<g class=\"series series-1\">");
    if !path.is_empty() {
        let _ = write!(
            svg,
            "\n<path class=\"line\" fill=\"none\" d=\"{}\"/>",
            path.trim_start()
        );
    }
    svg.push_str(&markers);
    svg.push_str("\n</g>\n</svg>\n");
    svg
}

/// A bar chart, one bar per value, for counts.
pub fn bar_chart(spec: &ChartSpec) -> String {
    let frame = Frame::new(spec);
    let mut svg = frame.open(spec, "chart-bar");
    svg.push_str("<g class=\"series series-1\">");
    let width = frame.band() * BAR_SHARE;
    for (i, p) in spec.points.iter().enumerate() {
        let Some(v) = p.drawable() else { continue };
        let top = frame.y(v);
        let _ = write!(
            svg,
            "\n<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}: {}</title></rect>",
            num(frame.x_centre(i) - width / 2.0),
            num(top),
            num(width),
            num(frame.baseline() - top),
            esc(&p.label),
            format_value(v, spec.unit)
        );
    }
    svg.push_str("\n</g>\n</svg>\n");
    svg
}

/// The words a screen reader says for the chart: the range, the latest value, the highest and
/// lowest, the direction from the first value to the last, and how many values are missing.
pub fn describe(spec: &ChartSpec) -> String {
    let points = &spec.points;
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return "No values.".to_owned();
    };
    let fmt = |v: f64| format_value(v, spec.unit);
    let present: Vec<(&str, f64)> = points
        .iter()
        .filter_map(|p| p.drawable().map(|v| (p.label.as_str(), v)))
        .collect();
    let span = if points.len() == 1 {
        first.label.clone()
    } else {
        format!("{} to {}", first.label, last.label)
    };
    if present.is_empty() {
        return format!("{span}: no values.");
    }
    let mut out = format!("{span}. Latest, {}: ", last.label);
    match last.drawable() {
        Some(v) => out.push_str(&fmt(v)),
        None => out.push_str("no value"),
    }
    out.push('.');
    if present.len() > 1 {
        // The first occurrence of the highest and of the lowest value.
        let (mut hi, mut lo) = (present[0], present[0]);
        for &(label, v) in &present[1..] {
            if v > hi.1 {
                hi = (label, v);
            }
            if v < lo.1 {
                lo = (label, v);
            }
        }
        if fmt(hi.1) == fmt(lo.1) {
            let _ = write!(out, " Every value is {}.", fmt(hi.1));
        } else {
            let _ = write!(
                out,
                " Highest {} in {}; lowest {} in {}.",
                fmt(hi.1),
                hi.0,
                fmt(lo.1),
                lo.0
            );
            let (from, to) = (present[0], present[present.len() - 1]);
            // Compare what is printed, so that the words never contradict the numbers.
            let direction = match (fmt(from.1) == fmt(to.1), to.1 > from.1) {
                (true, _) => "Level",
                (false, true) => "Up",
                (false, false) => "Down",
            };
            let _ = write!(
                out,
                " {direction} from {} in {} to {} in {}.",
                fmt(from.1),
                from.0,
                fmt(to.1),
                to.0
            );
        }
    }
    let missing = points.len() - present.len();
    if missing > 0 {
        let _ = write!(out, " No value for {missing} of {}.", points.len());
    }
    out
}

/// A value as the charts print it (see [`Unit`]).
pub fn format_value(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Percent => format!("{}%", fixed1(v)),
        Unit::Count if v == v.round() => format!("{}", v.round() as i64),
        Unit::Count => fixed1(v),
    }
}

/// The frame shared by both kinds of chart: scale, gridlines, axes and labels.
struct Frame {
    n: usize,
    top: f64,
    ticks: Vec<f64>,
}

impl Frame {
    fn new(spec: &ChartSpec) -> Self {
        let (top, ticks) = match spec.y_axis {
            YAxis::ZeroToHundred => (100.0, vec![0.0, 25.0, 50.0, 75.0, 100.0]),
            YAxis::Auto => {
                let max = spec
                    .points
                    .iter()
                    .filter_map(Point::drawable)
                    .fold(0.0_f64, f64::max);
                auto_ticks(max, spec.unit == Unit::Count)
            }
        };
        Self {
            n: spec.points.len(),
            top,
            ticks,
        }
    }

    fn band(&self) -> f64 {
        PLOT_WIDTH / self.n.max(1) as f64
    }

    fn x_centre(&self, i: usize) -> f64 {
        PLOT_LEFT + self.band() * (i as f64 + 0.5)
    }

    fn baseline(&self) -> f64 {
        PLOT_TOP + PLOT_HEIGHT
    }

    /// The y coordinate of a value; values outside the axis are drawn at its ends.
    fn y(&self, v: f64) -> f64 {
        let v = v.clamp(0.0, self.top);
        PLOT_TOP + PLOT_HEIGHT * (1.0 - v / self.top)
    }

    /// Which x-axis labels to print: every `stride`-th counting back from the last, so that the
    /// latest period is always labelled and labels never overlap.
    fn label_stride(&self, labels: &[Point]) -> usize {
        let longest = labels
            .iter()
            .map(|p| p.label.chars().count())
            .max()
            .unwrap_or(0) as f64;
        let needed = longest * LABEL_CHAR_WIDTH + LABEL_GAP;
        ((needed / self.band()).ceil() as usize).max(1)
    }

    /// The opening tag, title, description, gridlines, axes and axis labels.
    fn open(&self, spec: &ChartSpec, kind: &str) -> String {
        let id = safe_id(&spec.id);
        let mut s = String::new();
        let _ = write!(
            s,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart {kind}\" viewBox=\"0 0 {} {}\" \
             role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\n\
             <title id=\"{id}-title\">{}</title>\n\
             <desc id=\"{id}-desc\">{}</desc>\n",
            num(WIDTH),
            num(HEIGHT),
            esc(&spec.title),
            esc(&describe(spec)),
        );
        let _ = writeln!(
            s,
            "<text class=\"axis-title\" x=\"8\" y=\"{}\">{}</text>",
            num(PLOT_TOP - 18.0),
            esc(&spec.y_label)
        );
        s.push_str("<g class=\"grid\">");
        for &t in &self.ticks {
            let y = num(self.y(t));
            let _ = write!(
                s,
                "\n<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>",
                num(PLOT_LEFT),
                num(PLOT_LEFT + PLOT_WIDTH)
            );
        }
        s.push_str("\n</g>\n<g class=\"y-labels\">");
        for &t in &self.ticks {
            let _ = write!(
                s,
                "\n<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                num(PLOT_LEFT - 8.0),
                num(self.y(t) + 4.0),
                esc(&tick_label(t, spec.unit))
            );
        }
        let base = num(self.baseline());
        let _ = write!(
            s,
            "\n</g>\n<g class=\"x-axis\">\n<line class=\"axis\" x1=\"{}\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\"/>",
            num(PLOT_LEFT),
            num(PLOT_LEFT + PLOT_WIDTH)
        );
        let stride = self.label_stride(&spec.points);
        for (i, p) in spec.points.iter().enumerate() {
            let x = num(self.x_centre(i));
            let labelled = (self.n - 1 - i).is_multiple_of(stride);
            let _ = write!(
                s,
                "\n<line class=\"tick\" x1=\"{x}\" y1=\"{base}\" x2=\"{x}\" y2=\"{}\"/>",
                num(self.baseline() + if labelled { 6.0 } else { 3.0 })
            );
            if labelled {
                let _ = write!(
                    s,
                    "\n<text x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                    num(self.baseline() + 22.0),
                    esc(&p.label)
                );
            }
        }
        s.push_str("\n</g>\n");
        s
    }
}

/// A round top for the y axis at or above `max`, and the gridline values from zero to it: steps
/// of 1, 2, 2.5 or 5 times a power of ten, as few as make four or five intervals at most.
fn auto_ticks(max: f64, whole: bool) -> (f64, Vec<f64>) {
    let max = if max > 0.0 && max.is_finite() {
        max
    } else {
        1.0
    };
    let raw = max / 5.0;
    let magnitude = 10f64.powi(raw.log10().floor() as i32);
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|&s| s >= raw * (1.0 - 1e-9) && (!whole || s.fract() == 0.0))
        .unwrap_or(10.0 * magnitude);
    let step = if whole { step.max(1.0) } else { step };
    let intervals = (max / step - 1e-9).ceil().max(1.0) as u32;
    let ticks = (0..=intervals).map(|k| f64::from(k) * step).collect();
    (f64::from(intervals) * step, ticks)
}

fn tick_label(v: f64, unit: Unit) -> String {
    let v = (v * 1e6).round() / 1e6;
    let text = if v == v.round() {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').to_owned()
    };
    match unit {
        Unit::Percent => format!("{text}%"),
        Unit::Count => text,
    }
}

/// A coordinate to one decimal place, without a trailing `.0` and never `-0`.
fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// One decimal place, never `-0.0`.
fn fixed1(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    format!("{:.1}", if r == 0.0 { 0.0 } else { r })
}

fn safe_id(id: &str) -> String {
    let id: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if id.is_empty() {
        "chart".to_owned()
    } else {
        id
    }
}

/// Escapes text for XML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_ticks_are_round_and_cover_the_highest_value() {
        let cases: &[(f64, bool, f64, &[f64])] = &[
            (37.0, true, 40.0, &[0.0, 10.0, 20.0, 30.0, 40.0]),
            (12.0, true, 15.0, &[0.0, 5.0, 10.0, 15.0]),
            (
                405.0,
                true,
                500.0,
                &[0.0, 100.0, 200.0, 300.0, 400.0, 500.0],
            ),
            (3.0, true, 3.0, &[0.0, 1.0, 2.0, 3.0]),
            (0.0, true, 1.0, &[0.0, 1.0]),
            (10.0, true, 10.0, &[0.0, 2.0, 4.0, 6.0, 8.0, 10.0]),
            (11.0, true, 15.0, &[0.0, 5.0, 10.0, 15.0]),
            (7.5, false, 8.0, &[0.0, 2.0, 4.0, 6.0, 8.0]),
        ];
        for &(max, whole, top, ticks) in cases {
            assert_eq!(auto_ticks(max, whole), (top, ticks.to_vec()), "max {max}");
        }
    }

    #[test]
    fn numbers_print_the_same_way_every_time() {
        assert_eq!(num(70.0), "70");
        assert_eq!(num(20.869_565), "20.9");
        assert_eq!(num(-0.01), "0");
        assert_eq!(fixed1(-0.01), "0.0");
        assert_eq!(format_value(33.333, Unit::Percent), "33.3%");
        assert_eq!(format_value(12.0, Unit::Count), "12");
        assert_eq!(format_value(2.25, Unit::Count), "2.3");
        assert_eq!(tick_label(0.5, Unit::Percent), "0.5%");
        assert_eq!(tick_label(25.0, Unit::Percent), "25%");
    }

    #[test]
    fn ids_and_text_are_made_safe() {
        assert_eq!(safe_id("cp starts/1"), "cp-starts-1");
        assert_eq!(safe_id(""), "chart");
        assert_eq!(esc("<a & 'b'>\""), "&lt;a &amp; &#39;b&#39;&gt;&quot;");
    }

    #[test]
    fn a_sparkline_draws_runs_between_gaps_and_marks_the_latest_value() {
        let svg = super::sparkline(
            "s<1>",
            "Trend & more",
            &[Some(0.0), Some(10.0), None, Some(5.0), Some(10.0)],
        );
        assert!(
            svg.contains("<title id=\"s-1--title\">Trend &amp; more</title>"),
            "{svg}"
        );
        // x from 4 to 116 over four steps of 28; y from 28 (zero) to 4 (the highest, 10).
        assert!(
            svg.contains("<polyline class=\"sparkline-line\" points=\"4.0,28.0 32.0,4.0\"/>"),
            "{svg}"
        );
        assert!(svg.contains("points=\"88.0,16.0 116.0,4.0\""), "{svg}");
        assert!(
            svg.contains("<circle class=\"sparkline-dot\" cx=\"116.0\" cy=\"4.0\""),
            "{svg}"
        );
        assert!(!super::sparkline("e", "none", &[None, None]).contains("polyline"));
    }
}
