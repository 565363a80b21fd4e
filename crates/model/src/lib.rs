//! The child-journey model.
//!
//! One [`Dataset`] holds every child known to the council with the whole of their journey:
//! referrals (CIN census `CINdetails`) with their assessments, CIN plans, section 47 enquiries and
//! child protection plans; periods of care from the SSDA903 return (episodes, reviews, missing
//! episodes, care-leaver records); and the workforce side from case-management extracts (workers,
//! teams, case allocations and Family Safeguarding involvement) with the practice records (contacts,
//! strategy discussions, visits, supervisions, chronology entries, return-home interviews), the
//! population table and the Family Safeguarding partners' figures (`partnership`).
//!
//! This crate does no I/O. Readers in `formats` build a `Dataset`; everything downstream reads it.

pub mod calendar;
pub mod codes;
mod dataset;
mod partnership;
mod period;
mod practice;

pub use dataset::*;
pub use jiff::civil::Date;
pub use partnership::*;
pub use period::{CollectionYear, Month};
pub use practice::*;
