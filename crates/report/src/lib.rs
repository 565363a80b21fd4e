//! What reports are made of, shared by the web page and (later) the scrutiny pack.
//!
//! Everything here is pure: the same input gives the same output, byte for byte, so that charts
//! can be snapshot-tested and a published pack can be reproduced.

pub mod svg;
