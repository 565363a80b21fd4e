//! Series of counts published without a total.

use crate::{Audience, Policy, Published};

/// Protects a series of counts that is published with no total, such as referrals month by
/// month: each small count becomes `c` and every other count is shown.
///
/// Primary suppression is enough here because nothing ties the cells together: with no total
/// there is no sum to subtract from, so each `c` is only known to be a count from 1 to the
/// policy's smallest shown count less one, which is at least two values (the policy makes sure
/// of that). Secondary suppression would hide figures for no gain.
///
/// That reasoning holds only while no sum of the cells is published anywhere. If a total goes
/// with the series (the year's figure beside its months, a quarter made of three of the
/// months), publish it as a [`crate::CountTable`] with its totals and use [`crate::protect`]. The
/// same care applies to overlapping windows: two rolling 12-month counts a month apart differ by
/// one month in and one month out.
pub fn protect_series(counts: &[u64], policy: &Policy) -> Vec<Published> {
    counts
        .iter()
        .map(|&count| policy.publish_count(count))
        .collect()
}

/// [`protect_series`] for an audience: internal users see every count.
pub fn protect_series_for(counts: &[u64], audience: Audience, policy: &Policy) -> Vec<Published> {
    if audience.needs_control() {
        protect_series(counts, policy)
    } else {
        counts
            .iter()
            .map(|&count| Published::Count(count))
            .collect()
    }
}
