//! What rules share: the census year, values read as dates and codes, and findings made at a
//! place.

use crate::Finding;
use formats::cin::raw::{RawChild, RawPlace, RawValue};
use model::calendar::Calendar;
use model::codes::CodeSet;
use model::{CollectionYear, Date};

/// The peer validators' table names.
pub(crate) const HEADER: &str = "Header";
pub(crate) const CHILD_IDENTIFIERS: &str = "ChildIdentifiers";
pub(crate) const CHILD_CHARACTERISTICS: &str = "ChildCharacteristics";
pub(crate) const DISABILITIES: &str = "Disabilities";
pub(crate) const CIN_DETAILS: &str = "CINdetails";
pub(crate) const ASSESSMENTS: &str = "Assessments";
pub(crate) const ASSESSMENT_FACTORS: &str = "AssessmentFactorsList";
pub(crate) const CIN_PLAN_DATES: &str = "CINplanDates";
pub(crate) const SECTION47: &str = "Section47";
pub(crate) const CP_PLANS: &str = "ChildProtectionPlans";
pub(crate) const REVIEWS: &str = "Reviews";

/// The census being checked.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// The collection year, named by the year it ends (2026 is 2025-26).
    pub year: i16,
    /// 31 March of the collection year: the census reference date.
    pub reference_date: Date,
    /// 1 April of the year before: the first day of the census year.
    pub period_start: Date,
    pub calendar: &'static Calendar,
}

impl Ctx {
    pub fn new(year: i16) -> Self {
        let y = CollectionYear(year);
        Self {
            year,
            reference_date: y.end(),
            period_start: y.start(),
            calendar: Calendar::england_and_wales_ref(),
        }
    }

    /// Whether `d` is in the census year (1 April to 31 March, both included).
    pub fn in_year(&self, d: Date) -> bool {
        self.period_start <= d && d <= self.reference_date
    }
}

/// A date written as the schema's `xs:date` (`YYYY-MM-DD`); anything else is no date.
pub(crate) fn date(v: Option<&RawValue>) -> Option<Date> {
    let t = v?.text.as_bytes();
    if t.len() != 10 || t[4] != b'-' || t[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i32> {
        t[r].iter().try_fold(0i32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + i32::from(b - b'0'))
        })
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    Date::new(y as i16, m as i8, d as i8).ok()
}

/// The value's text, or `None` when the element is missing or empty.
pub(crate) fn text(v: Option<&RawValue>) -> Option<&str> {
    v.map(|v| v.text.as_str()).filter(|t| !t.is_empty())
}

/// A finding at `value`'s element, or at the block when the element is missing.
pub(crate) fn finding(
    code: &'static str,
    child: &RawChild,
    table: &'static str,
    place: RawPlace,
    field: &'static str,
    value: Option<&RawValue>,
) -> Finding {
    Finding {
        rule_code: code,
        child_id: child.id().to_owned(),
        table,
        field,
        row: Some(place.row),
        line: Some(value.map_or(place.line, |v| v.line)),
        column: Some(value.map_or(place.column, |v| v.column)),
        value: value.map(|v| v.text.clone()).unwrap_or_default(),
    }
}

/// Records a finding (see [`finding`]).
pub(crate) fn flag(
    out: &mut Vec<Finding>,
    code: &'static str,
    child: &RawChild,
    table: &'static str,
    place: RawPlace,
    field: &'static str,
    value: Option<&RawValue>,
) {
    out.push(finding(code, child, table, place, field, value));
}

/// Whether the value is a code of the code set, exactly as written.
pub(crate) fn is_code<C: CodeSet>(v: Option<&RawValue>) -> bool {
    v.is_some_and(|v| C::from_code(&v.text).is_some())
}

/// Whether a 0/1 flag is set: `1` or `true`, as the schema's boolean allows.
pub(crate) fn is_true(v: Option<&RawValue>) -> bool {
    matches!(text(v), Some("1" | "true"))
}

/// Whether `d` is a Saturday or Sunday.
pub(crate) fn is_weekend(d: Date) -> bool {
    matches!(
        d.weekday(),
        jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday
    )
}

/// Whether a Section 47 enquiry is open: no initial conference yet, and `ICPCnotRequired` says
/// one is still needed (`0` or `false`; a missing flag says nothing either way).
pub(crate) fn open_s47(s: &formats::cin::raw::RawSection47) -> bool {
    date(s.date_of_initial_cpc.as_ref()).is_none()
        && matches!(text(s.icpc_not_required.as_ref()), Some("0" | "false"))
}

/// Every CIN plan of the child, in file order.
pub(crate) fn all_cin_plans(
    child: &RawChild,
) -> impl Iterator<Item = &formats::cin::raw::RawCinPlanDates> {
    child.cin_details.iter().flat_map(|ep| &ep.cin_plan_dates)
}

/// Every child protection plan of the child, in file order.
pub(crate) fn all_cp_plans(
    child: &RawChild,
) -> impl Iterator<Item = &formats::cin::raw::RawCpPlan> {
    child
        .cin_details
        .iter()
        .flat_map(|ep| &ep.child_protection_plans)
}

/// Whether an episode is open and not a referral with no further action: no `CINclosureDate`
/// that is a date, and `ReferralNFA` not set.
pub(crate) fn open_episode(ep: &formats::cin::raw::RawCinDetails) -> bool {
    date(ep.cin_closure_date.as_ref()).is_none() && !is_true(ep.referral_nfa.as_ref())
}

/// The UPN check alphabet: A to Z without I, O and S.
pub(crate) const UPN_ALPHABET: &[u8; 23] = b"ABCDEFGHJKLMNPQRTUVWXYZ";

/// The check letter a UPN should start with, when characters 2 to 13 allow it to be computed
/// (13 characters; 2 to 12 digits; 13 a digit or a check-alphabet letter).
pub(crate) fn upn_check_letter(upn: &str) -> Option<u8> {
    let b = upn.as_bytes();
    if b.len() != 13 {
        return None;
    }
    let mut sum = 0usize;
    for (i, &c) in b.iter().enumerate().skip(1) {
        let value = if c.is_ascii_digit() {
            usize::from(c - b'0')
        } else if i == 12 {
            UPN_ALPHABET.iter().position(|&l| l == c)?
        } else {
            return None;
        };
        sum += value * (i + 1);
    }
    Some(UPN_ALPHABET[sum % 23])
}

/// The last working day before `d`.
pub(crate) fn working_day_before(ctx: &Ctx, d: Date) -> Date {
    let mut day = d;
    loop {
        match day.yesterday() {
            Ok(y) => day = y,
            Err(_) => return day,
        }
        if ctx.calendar.is_working_day(day) {
            return day;
        }
    }
}

/// A return-level finding: no child, table or row.
pub(crate) fn return_finding(code: &'static str) -> Finding {
    Finding {
        rule_code: code,
        child_id: String::new(),
        table: "",
        field: "",
        row: None,
        line: None,
        column: None,
        value: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(t: &str) -> RawValue {
        RawValue {
            text: t.to_owned(),
            line: 1,
            column: 1,
        }
    }

    #[test]
    fn upn_check_letters_follow_the_dfe_algorithm() {
        // Check letters of UPNs issued by the DfE scheme (synthetic numbers).
        assert_eq!(upn_check_letter("C318010760224"), Some(b'C'));
        assert_eq!(upn_check_letter("J318010055433"), Some(b'J'));
        assert!(upn_check_letter("X31801005543A").is_some());
        assert_eq!(upn_check_letter("X3180100554I3"), None);
        assert_eq!(upn_check_letter("X31801005543I"), None);
        assert_eq!(upn_check_letter("X3180100554"), None);
    }

    #[test]
    fn only_real_iso_dates_are_dates() {
        assert_eq!(
            date(Some(&v("2024-02-29"))),
            Some(Date::new(2024, 2, 29).unwrap())
        );
        for bad in [
            "2023-02-29",
            "2024-2-29",
            "29/02/2024",
            "",
            "2024-02-29T00:00",
            "２０２４-02-29",
        ] {
            assert_eq!(date(Some(&v(bad))), None, "{bad}");
        }
        assert_eq!(date(None), None);
    }
}
