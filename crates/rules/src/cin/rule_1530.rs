//! # What it checks
//!
//! A 13-character `UPN` has a recognised local authority number in characters 2 to 4: one of the
//! DfE's three-digit LA numbers of an authority since April 1998 (the English authorities of
//! today and those abolished since, the Welsh authorities) or a pseudo LA number. The list is
//! shipped as data, with its source, in `crates/rules/data/la_numbers.txt`. UPNs of another
//! length are left to rule 1540 and the schema.
//!
//! # Why
//!
//! Characters 2 to 4 of a UPN name the authority that issued it; a number no authority has means
//! the UPN was mistyped or made up, and it cannot link the census to the child's school records.
//!
//! # DfE wording
//!
//! UPN invalid (characters 2-4 not a recognised LA code)

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use std::sync::OnceLock;

pub(crate) const RULE: Rule = Rule {
    code: "1530",
    message: "UPN invalid (characters 2-4 not a recognised LA code)",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let Some(upn) = text(child.upn.as_ref()) else {
        return;
    };
    if upn.chars().count() != 13 {
        return;
    }
    let la: String = upn.chars().skip(1).take(3).collect();
    if !is_la_number(&la) {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "UPN", child.upn.as_ref());
    }
}

/// The shipped list of LA numbers (`data/la_numbers.txt`).
const LIST: &str = include_str!("../../data/la_numbers.txt");

/// Whether `s` is three digits naming a recognised LA number.
pub(crate) fn is_la_number(s: &str) -> bool {
    static KNOWN: OnceLock<[bool; 1000]> = OnceLock::new();
    let known = KNOWN.get_or_init(|| {
        let mut known = [false; 1000];
        for (first, last) in parse(LIST).into_iter().flatten() {
            known[first..=last].fill(true);
        }
        known
    });
    s.len() == 3
        && s.bytes().all(|b| b.is_ascii_digit())
        && s.parse::<usize>().is_ok_and(|n| known[n])
}

/// The list's entries as ranges, or the 1-based line that is not an entry.
fn parse(list: &str) -> Vec<Result<(usize, usize), usize>> {
    let number = |t: &str| {
        (t.len() == 3 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse::<usize>().ok())
            .flatten()
    };
    list.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let first_word = l.split_whitespace().next().unwrap_or("");
            let (a, b) = first_word.split_once('-').unwrap_or((first_word, first_word));
            match (number(a), number(b)) {
                (Some(a), Some(b)) if a <= b => Ok((a, b)),
                _ => Err(i + 1),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_list_is_a_number_or_a_range() {
        let entries = parse(LIST);
        let bad: Vec<usize> = entries.iter().filter_map(|e| e.err()).collect();
        assert!(bad.is_empty(), "lines not understood: {bad:?}");
        // 3 ranges (001-005, 660-681, 701-708) and 160 single authorities.
        let singles = entries.iter().flatten().filter(|(a, b)| a == b).count();
        assert_eq!(entries.len() - singles, 3);
        assert_eq!(singles, 160);
    }

    #[test]
    fn authorities_old_and_new_are_known_and_gaps_are_not() {
        for known in ["001", "005", "201", "213", "318", "420", "660", "681", "708", "820", "875", "909", "942", "943"] {
            assert!(is_la_number(known), "{known}");
        }
        for unknown in ["000", "006", "200", "214", "321", "400", "659", "682", "709", "804", "814", "859", "897", "944", "999", "31", "3181", "31a", "+31"] {
            assert!(!is_la_number(unknown), "{unknown}");
        }
    }
}
