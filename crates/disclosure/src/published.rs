//! Published cells and the rates and percentages made from them.

use std::fmt::{self, Write as _};

/// A count as it is published: the number itself or one of the DfE's symbols.
///
/// `Display` gives what goes in the published table: the number, `c`, `z` or `x`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Published {
    /// The count, shown. `0` is a true zero.
    Count(u64),
    /// `c`: withheld to protect confidentiality, because it is small (primary suppression) or
    /// because it would let a small number be worked out (secondary suppression).
    Suppressed,
    /// `z`: not applicable (for example a percentage of nothing).
    NotApplicable,
    /// `x`: not available (the data were not collected or could not be computed).
    NotAvailable,
}

impl Published {
    /// The count, if it is shown.
    pub fn count(&self) -> Option<u64> {
        match self {
            Published::Count(n) => Some(*n),
            _ => None,
        }
    }

    /// Whether the cell is shown as `c`.
    pub fn is_suppressed(&self) -> bool {
        matches!(self, Published::Suppressed)
    }

    /// The DfE symbol for a cell that is not a number, or `None` for a count.
    pub fn symbol(&self) -> Option<&'static str> {
        match self {
            Published::Count(_) => None,
            Published::Suppressed => Some("c"),
            Published::NotApplicable => Some("z"),
            Published::NotAvailable => Some("x"),
        }
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Published::Count(n) => fmt::Display::fmt(n, f),
            other => pad(f, other.symbol().unwrap_or_default()),
        }
    }
}

/// A rate, percentage or other derived figure as it is published.
///
/// `Display` honours a precision (`{:.1}` for one decimal place, `{:.0}` for whole numbers) and
/// shows `k` for a value that rounds to 0 at that precision but is not 0, as the DfE's children
/// looked after statistics do for percentages below 0.5%. A true 0 is shown as `0`. Without a
/// precision the value is shown in full.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PublishedValue {
    /// The figure, shown.
    Value(f64),
    /// `c`: the numerator or the denominator is suppressed, so the figure is too.
    Suppressed,
    /// `z`: not applicable, for example a percentage whose denominator is 0.
    NotApplicable,
    /// `x`: not available, because the numerator or the denominator is not.
    NotAvailable,
}

impl PublishedValue {
    /// The figure, if it is shown.
    pub fn value(&self) -> Option<f64> {
        match self {
            PublishedValue::Value(v) => Some(*v),
            _ => None,
        }
    }

    /// Whether the figure is shown as `c`.
    pub fn is_suppressed(&self) -> bool {
        matches!(self, PublishedValue::Suppressed)
    }
}

impl fmt::Display for PublishedValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let symbol = match self {
            PublishedValue::Value(v) => {
                let Some(decimals) = f.precision() else {
                    return fmt::Display::fmt(v, f);
                };
                let shown = format!("{v:.decimals$}");
                // `k`: rounds to 0 but is not 0. Parsing back what was written is the test that
                // matches what a reader sees, "0", "0.0" and "-0.0" alike.
                let rounds_to_zero = shown.parse::<f64>().is_ok_and(|r| r == 0.0);
                if rounds_to_zero && *v != 0.0 {
                    "k"
                } else {
                    return pad(f, &shown);
                }
            }
            PublishedValue::Suppressed => "c",
            PublishedValue::NotApplicable => "z",
            PublishedValue::NotAvailable => "x",
        };
        pad(f, symbol)
    }
}

/// Writes `text` within the formatter's width, right-aligned unless asked otherwise, as numbers
/// are, so that a column of counts and symbols lines up. (`Formatter::pad` would also cut the text
/// to the precision, which here means decimal places.)
fn pad(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    let length = text.chars().count();
    let padding = f.width().unwrap_or(0).saturating_sub(length);
    let (before, after) = match f.align() {
        Some(fmt::Alignment::Left) => (0, padding),
        Some(fmt::Alignment::Center) => (padding / 2, padding - padding / 2),
        Some(fmt::Alignment::Right) | None => (padding, 0),
    };
    let fill = f.fill();
    for _ in 0..before {
        f.write_char(fill)?;
    }
    f.write_str(text)?;
    for _ in 0..after {
        f.write_char(fill)?;
    }
    Ok(())
}

/// A figure made from a published numerator and denominator, such as a rate or a percentage.
///
/// `f(numerator, denominator)` computes the figure when both are shown and the denominator is not
/// 0. Otherwise the figure follows its parts, in this order:
///
/// 1. either part `x` (not available): `x`;
/// 2. either part `z` (not applicable), or a denominator of 0: `z`;
/// 3. either part `c` (suppressed): `c`, because a rate whose numerator or denominator is
///    suppressed would give the suppressed number away (a rate and its denominator give the
///    numerator back).
///
/// The parts must already be protected, with [`crate::protect`], [`crate::protect_series`] or
/// [`crate::Policy::publish_count`]; this function only carries their suppression through.
pub fn rate(
    numerator: &Published,
    denominator: &Published,
    f: impl Fn(u64, u64) -> f64,
) -> PublishedValue {
    use Published::*;
    match (numerator, denominator) {
        (NotAvailable, _) | (_, NotAvailable) => PublishedValue::NotAvailable,
        (NotApplicable, _) | (_, NotApplicable) | (_, Count(0)) => PublishedValue::NotApplicable,
        (Suppressed, _) | (_, Suppressed) => PublishedValue::Suppressed,
        (Count(n), Count(d)) => PublishedValue::Value(f(*n, *d)),
    }
}

/// `100 × numerator ÷ denominator`, with the rules of [`rate`].
pub fn percentage(numerator: &Published, denominator: &Published) -> PublishedValue {
    rate(numerator, denominator, |n, d| 100.0 * n as f64 / d as f64)
}

/// `10,000 × numerator ÷ denominator` (a rate per 10,000 children), with the rules of [`rate`].
pub fn per_10000(numerator: &Published, denominator: &Published) -> PublishedValue {
    rate(numerator, denominator, |n, d| {
        10_000.0 * n as f64 / d as f64
    })
}
