//! Family Safeguarding measures.

use crate::Observation;
use model::{Dataset, Date};

/// Children open to Family Safeguarding on `end`.
pub(crate) fn open_children(dataset: &Dataset, start: Date, end: Date) -> Observation {
    let mut children: Vec<_> = dataset
        .family_safeguarding
        .iter()
        .filter(|f| f.is_open_on(end))
        .map(|f| f.child.clone())
        .collect();
    children.sort();
    children.dedup();
    let n = children.len() as u64;
    Observation {
        period_start: start,
        period_end: end,
        numerator: n,
        denominator: None,
        value: Some(n as f64),
        numerator_children: children,
        denominator_children: Vec::new(),
        breakdown: Vec::new(),
    }
}
