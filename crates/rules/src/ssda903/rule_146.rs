//! # What it checks
//!
//! Each row of the Episodes table whose `PLACE` is filled in holds a placement type of the year's
//! list. From 2025-26: `A3` to `A6` (placed for adoption), `K1`, `K2` (secure and other children's
//! homes), `K3` (registered supported accommodation), `P1` (with parents), `P3` (residential
//! employment), `R1`, `R2`, `R3`, `R5`, `S1`, `T0` to `T4` (temporary), `U1` to `U6` (foster
//! placements) and `Z11` to `Z14` (other placements, which replace `Z1`). In 2024-25 the same list
//! with `Z1` instead of `Z11` to `Z14`. In 2023-24 the list before supported accommodation was
//! registered: `H5` (semi-independent living) and `P2` (independent living) instead of `K3`, and
//! `Z1`. A blank `PLACE` is not reported here.
//!
//! # Why
//!
//! Children looked after are counted by the kind of placement they live in; a code outside the
//! year's list cannot be counted, and a code withdrawn (unregistered semi-independent or
//! independent living for children) must not be used.
//!
//! # DfE wording
//!
//! Placement type code is not a valid code.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "146",
    message: "Placement type code is not a valid code.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let valid: &[&str] = match ctx.year {
        2024 => &PLACE_2024,
        2025 => &PLACE_2025,
        _ => &PLACE_2026,
    };
    each_row(out, RULE.code, &ret.current, Table::Episodes, "PLACE", |v| {
        !v.is_empty() && !valid.contains(&v)
    });
}

const PLACE_COMMON: [&str; 25] = [
    "A3", "A4", "A5", "A6", "K1", "K2", "P1", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2",
    "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "",
];

const PLACE_2024: [&str; 28] = concat(PLACE_COMMON, ["H5", "P2", "Z1"]);
const PLACE_2025: [&str; 27] = concat(PLACE_COMMON, ["K3", "Z1"]);
const PLACE_2026: [&str; 30] = concat(PLACE_COMMON, ["K3", "Z11", "Z12", "Z13", "Z14"]);

const fn concat<const A: usize, const B: usize, const C: usize>(
    a: [&'static str; A],
    b: [&'static str; B],
) -> [&'static str; C] {
    let mut out = [""; C];
    let mut i = 0;
    while i < A {
        out[i] = a[i];
        i += 1;
    }
    while i < C {
        out[i] = b[i - A];
        i += 1;
    }
    out
}
