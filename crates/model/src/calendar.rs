//! Placeholder while the calendar is written.
