//! Plain-SVG horizontal bar charts, always with the same figures as an HTML table beside them.
//!
//! Why our own and not plotters: a bar chart is a few rectangles, and we need two things
//! plotters does not do: mirroring for right-to-left pages (labels on the right, bars growing
//! leftwards) and a data table for screen readers and for anyone who wants the exact numbers.
//! The SVG is decorative for assistive technology (`aria-hidden`): the table carries the data.
//!
//! ```ignore
//! let chart = BarChart {
//!     caption: page.t("budgets-chart-money"),
//!     label_header: page.t("budgets-arrondissement"),
//!     value_header: page.t("budgets-amount"),
//!     bars: vec![Bar::new("Bni Makada", 1_200_000, "1 200 000 DH")],
//! };
//! let html = chart.to_html(page.locale.is_rtl()); // print with `|safe` in the template
//! ```

use std::fmt::Write as _;

/// One bar: a label, a value that sets its length, and the value as shown to people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// What the bar is (user text is fine: it is escaped).
    pub label: String,
    /// Its length; negative values are drawn as zero.
    pub value: i64,
    /// The value as written in the table and at the end of the bar (e.g. "1 200 000 DH", "42 %").
    pub display: String,
}

impl Bar {
    /// A bar.
    pub fn new(label: impl Into<String>, value: i64, display: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            value,
            display: display.into(),
        }
    }
}

/// A horizontal bar chart with its data table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarChart {
    /// Title of the figure (also the table's caption).
    pub caption: String,
    /// Header of the label column.
    pub label_header: String,
    /// Header of the value column.
    pub value_header: String,
    /// The bars, top to bottom.
    pub bars: Vec<Bar>,
}

/// Geometry, in SVG user units (the SVG scales to its container's width).
const WIDTH: i64 = 640;
const LABEL_WIDTH: i64 = 200;
const VALUE_WIDTH: i64 = 130;
const BAR_HEIGHT: i64 = 22;
const GAP: i64 = 10;
/// Longest label drawn in the SVG (the table always has the whole text).
const MAX_LABEL_CHARS: usize = 28;

/// Escapes text for HTML and SVG (element content and double-quoted attributes).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
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

fn shorten(label: &str) -> String {
    if label.chars().count() <= MAX_LABEL_CHARS {
        label.to_owned()
    } else {
        let mut s: String = label.chars().take(MAX_LABEL_CHARS - 1).collect();
        s.push('…');
        s
    }
}

impl BarChart {
    /// Length in user units of a bar of `value` when the largest is `max`.
    fn length(value: i64, max: i64) -> i64 {
        let room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        if max <= 0 || value <= 0 {
            return 0;
        }
        // i128: value × room cannot overflow whatever the amounts.
        let len = i128::from(value) * i128::from(room) / i128::from(max);
        // A positive value is always visible.
        (len as i64).max(2)
    }

    /// The SVG alone. `rtl`: labels on the right and bars growing leftwards.
    pub fn svg(&self, rtl: bool) -> String {
        let max = self.bars.iter().map(|b| b.value).max().unwrap_or(0);
        let height = (self.bars.len() as i64) * (BAR_HEIGHT + GAP) + GAP;
        let mut out = String::new();
        let _ = write!(
            out,
            r#"<svg class="chart-svg" viewBox="0 0 {WIDTH} {height}" width="100%" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">"#
        );
        for (i, bar) in self.bars.iter().enumerate() {
            let y = GAP + (i as i64) * (BAR_HEIGHT + GAP);
            let text_y = y + BAR_HEIGHT * 3 / 4;
            let len = Self::length(bar.value, max);
            // Left-to-right: label | bar → value. Right-to-left: value ← bar | label.
            let (label_x, anchor, bar_x, value_x, value_anchor) = if rtl {
                let bar_end = WIDTH - LABEL_WIDTH;
                (
                    WIDTH - 4,
                    "start",
                    bar_end - len,
                    bar_end - len - 6,
                    "start",
                )
            } else {
                (4, "start", LABEL_WIDTH, LABEL_WIDTH + len + 6, "start")
            };
            // With `direction="rtl"` an anchor of `start` puts the text's right edge at x, so
            // it grows leftwards, away from the bar: the same anchor in both directions.
            let dir = if rtl { "rtl" } else { "ltr" };
            let _ = write!(
                out,
                r#"<text x="{label_x}" y="{text_y}" text-anchor="{anchor}" direction="{dir}" class="chart-label">{}</text>"#,
                escape(&shorten(&bar.label))
            );
            let _ = write!(
                out,
                r#"<rect x="{bar_x}" y="{y}" width="{len}" height="{BAR_HEIGHT}" class="chart-bar"/>"#
            );
            let _ = write!(
                out,
                r#"<text x="{value_x}" y="{text_y}" text-anchor="{value_anchor}" direction="{dir}" class="chart-value">{}</text>"#,
                escape(&bar.display)
            );
        }
        out.push_str("</svg>");
        out
    }

    /// The data table (the accessible form of the chart).
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = write!(
            out,
            r#"<table class="chart-table"><caption>{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
            escape(&self.caption),
            escape(&self.label_header),
            escape(&self.value_header)
        );
        for bar in &self.bars {
            let _ = write!(
                out,
                r#"<tr><th scope="row"><bdi>{}</bdi></th><td class="num">{}</td></tr>"#,
                escape(&bar.label),
                escape(&bar.display)
            );
        }
        out.push_str("</tbody></table>");
        out
    }

    /// A `<figure>` with the title, the SVG and the table beside it. Safe HTML: every text
    /// is escaped here, so templates print it with `|safe`.
    pub fn to_html(&self, rtl: bool) -> String {
        if self.bars.is_empty() {
            return String::new();
        }
        format!(
            r#"<figure class="chart"><figcaption>{}</figcaption><div class="chart-body">{}{}</div></figure>"#,
            escape(&self.caption),
            self.svg(rtl),
            self.table()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> BarChart {
        BarChart {
            caption: "Money".into(),
            label_header: "Where".into(),
            value_header: "Amount".into(),
            bars: vec![
                Bar::new("Bni Makada", 1000, "1 000 DH"),
                Bar::new("<script>", 250, "250 DH"),
                Bar::new("Zero", 0, "0 DH"),
            ],
        }
    }

    fn rects(svg: &str) -> Vec<(i64, i64)> {
        svg.split("<rect ")
            .skip(1)
            .map(|r| {
                let num = |attr: &str| -> i64 {
                    let start = r.find(attr).unwrap() + attr.len();
                    r[start..].split('"').next().unwrap().parse().unwrap()
                };
                (num("x=\""), num("width=\""))
            })
            .collect()
    }

    #[test]
    fn bar_lengths_are_proportional_and_zero_is_empty() {
        let svg = chart().svg(false);
        let r = rects(&svg);
        let room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        assert_eq!(r[0], (LABEL_WIDTH, room));
        assert_eq!(r[1], (LABEL_WIDTH, room / 4));
        assert_eq!(r[2].1, 0);
    }

    #[test]
    fn right_to_left_mirrors_the_bars() {
        let ltr = rects(&chart().svg(false));
        let rtl = rects(&chart().svg(true));
        for ((lx, lw), (rx, rw)) in ltr.iter().zip(&rtl) {
            assert_eq!(lw, rw);
            // Mirror image: the bar occupies [W - x - w, W - x] instead of [x, x + w].
            assert_eq!(*rx, WIDTH - lx - lw);
        }
        assert!(chart().svg(true).contains(r#"direction="rtl""#));
        assert!(!chart().svg(false).contains(r#"direction="rtl""#));
    }

    #[test]
    fn text_is_escaped_and_the_table_has_every_figure() {
        let html = chart().to_html(false);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
        let table = chart().table();
        for v in ["1 000 DH", "250 DH", "0 DH", "Bni Makada"] {
            assert!(table.contains(v), "{v}");
        }
        assert!(html.contains(r#"aria-hidden="true""#));
    }

    #[test]
    fn an_empty_chart_renders_nothing_and_long_labels_are_shortened_in_the_svg_only() {
        let mut c = chart();
        c.bars.clear();
        assert_eq!(c.to_html(true), "");
        let long = "x".repeat(60);
        let c = BarChart {
            bars: vec![Bar::new(long.clone(), 5, "5")],
            ..chart()
        };
        assert!(!c.svg(false).contains(&long));
        assert!(c.table().contains(&long));
        // Huge values do not overflow.
        let c = BarChart {
            bars: vec![Bar::new("a", i64::MAX, "max"), Bar::new("b", 1, "1")],
            ..chart()
        };
        let r = rects(&c.svg(false));
        assert_eq!(r[1].1, 2);
    }
}
