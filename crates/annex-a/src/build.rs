//! Who is in each list, and what each cell holds.
//!
//! `D` is the inspection date; "the six months before" is from `D` less six calendar months to
//! `D`, both days included (for `D` = 15 June 2026: 15 December 2025 to 15 June 2026), and "the 12
//! months before" likewise from `D` less twelve months. Nothing dated after `D` is shown: an
//! assessment authorised after `D` is open, a plan ended after `D` is open.
//!
//! | list | a row for |
//! |---|---|
//! | 1 | each contact dated in the six months |
//! | 2 | (none: the model holds no early help assessments) |
//! | 3 | each referral dated in the six months |
//! | 4 | each assessment started by `D` and not authorised before the six months began |
//! | 5 | each section 47 enquiry started in the six months |
//! | 6 | each CIN episode (referral not closed with no further action) started by `D` and not closed before the six months began |
//! | 7 | each child protection plan started by `D` and not ended before the six months began |
//! | 8 | each child looked after at any time in the six months (their latest episode starting by `D`) |
//! | 9 | each young person on `D` aged 16 or 17 (eligible if looked after on `D`, else relevant) or 18 to 20 (former relevant) who was looked after for 91 days (13 weeks) or more since their 14th birthday and at some time on or after their 16th |
//! | 10 | each child with a decision to place for adoption by `D` who was adopted in the 12 months, is still waiting, or whose decision was reversed in the 12 months |
//! | 11 | (none: the model holds no adopters) |
//!
//! Counts "in the last 12 months" count events dated in the 12 months before `D`.

use crate::spec::*;
use crate::{AnnexA, Cell, List};
use jiff::ToSpan as _;
use model::codes::{LegalStatus, MissingKind, Placement, ReasonEpisodeCeased, ReasonNewEpisode};
use model::{Child, ChildId, Dataset, Date, VisitKind, of_child};
use std::collections::HashMap;

/// Fields the model does not hold, by list.
const NOT_HELD_CARE_PLAN: &str = "not in the CIN census, the SSDA903 return or Harbour's extract";

/// Builds the eleven lists for inspection date `d` (the dataset sorted, as the store gives it).
pub fn build(ds: &Dataset, d: Date) -> AnnexA {
    let w = Windows::new(d);
    let teams: HashMap<&str, &str> = ds
        .teams
        .iter()
        .map(|t| (t.id.as_str(), t.name.as_str()))
        .collect();
    let ctx = Ctx { ds, w, teams };
    AnnexA {
        inspection_date: d,
        lists: vec![
            ctx.list_1(),
            ctx.list_2(),
            ctx.list_3(),
            ctx.list_4(),
            ctx.list_5(),
            ctx.list_6(),
            ctx.list_7(),
            ctx.list_8(),
            ctx.list_9(),
            ctx.list_10(),
            ctx.list_11(),
        ],
    }
}

/// The inspection date and the starts of its windows.
#[derive(Debug, Clone, Copy)]
pub struct Windows {
    pub d: Date,
    pub six: Date,
    pub twelve: Date,
}

impl Windows {
    pub fn new(d: Date) -> Self {
        Self {
            d,
            six: d.saturating_sub(6.months()),
            twelve: d.saturating_sub(12.months()),
        }
    }
    fn in_six(&self, x: Date) -> bool {
        self.six <= x && x <= self.d
    }
    fn in_twelve(&self, x: Date) -> bool {
        self.twelve <= x && x <= self.d
    }
    /// A date known on `D` (none after it).
    fn upto(&self, x: Option<Date>) -> Option<Date> {
        x.filter(|&x| x <= self.d)
    }
}

struct Ctx<'a> {
    ds: &'a Dataset,
    w: Windows,
    teams: HashMap<&'a str, &'a str>,
}

/// Full years from `birth` to `d`.
pub fn age_on(birth: Date, d: Date) -> Option<u32> {
    if birth > d {
        return None;
    }
    let mut years = i32::from(d.year()) - i32::from(birth.year());
    if (d.month(), d.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

fn birthday(birth: Date, years: i16) -> Date {
    birth.saturating_add(i64::from(years).years())
}

impl Ctx<'_> {
    /// Child Unique ID, Sex, Ethnicity, Date of Birth, Age.
    fn person(&self, id: &ChildId, child: Option<&Child>) -> Vec<Cell> {
        let mut row = Vec::with_capacity(40);
        row.push(Cell::text(id.0.clone()));
        row.push(Cell::code(child.and_then(|c| c.sex).map(|s| s.code())));
        row.push(Cell::code(
            child.and_then(|c| c.ethnicity).map(|e| e.code()),
        ));
        let dob = child.and_then(|c| c.birth_date);
        row.push(Cell::date(dob));
        row.push(
            dob.and_then(|b| age_on(b, self.w.d))
                .map_or(Cell::Empty, Cell::Count),
        );
        row
    }

    fn disability(child: &Child) -> Cell {
        use model::codes::Disability;
        if child.disabilities.is_empty() {
            Cell::Code("U")
        } else {
            Cell::yes_no(child.disabilities.iter().any(|d| *d != Disability::NONE))
        }
    }

    /// Allocated Team and Allocated Worker: the allocation open on `D` that started last.
    fn allocation(&self, id: &ChildId) -> [Cell; 2] {
        let a = of_child(&self.ds.allocations, id)
            .iter()
            .filter(|a| a.is_open_on(self.w.d))
            .max_by_key(|a| a.start);
        match a {
            Some(a) => [
                Cell::text(
                    self.teams
                        .get(a.team.as_str())
                        .copied()
                        .unwrap_or(a.team.as_str()),
                ),
                Cell::text(a.worker.clone()),
            ],
            None => [Cell::Empty, Cell::Empty],
        }
    }

    fn list_1(&self) -> List {
        let mut rows = Vec::new();
        let mut last: Option<(&ChildId, Option<&Child>)> = None;
        for c in &self.ds.contacts {
            if !self.w.in_six(c.date) {
                continue;
            }
            let child = match last {
                Some((id, child)) if id == &c.child => child,
                _ => {
                    let child = self.ds.child(&c.child);
                    last = Some((&c.child, child));
                    child
                }
            };
            let mut row = self.person(&c.child, child);
            row.push(Cell::Date(c.date));
            row.push(Cell::code(c.source.map(|s| s.code())));
            rows.push(row);
        }
        List {
            number: 1,
            rows,
            empty_fields: vec![],
            note: None,
        }
    }

    fn list_2(&self) -> List {
        List {
            number: 2,
            rows: vec![],
            empty_fields: vec![],
            note: Some(
                "Harbour holds no early help assessments (they are not in the CIN census, the SSDA903 return or Harbour's extract), so this list is empty: add them from the early help system.",
            ),
        }
    }

    fn list_3(&self) -> List {
        let mut rows = Vec::new();
        for child in &self.ds.children {
            let in_twelve = child
                .referrals
                .iter()
                .filter(|r| self.w.in_twelve(r.referral_date))
                .count();
            for r in &child.referrals {
                if !self.w.in_six(r.referral_date) {
                    continue;
                }
                let mut row = self.person(&child.id, Some(child));
                row.push(Cell::Date(r.referral_date));
                row.push(Cell::code(r.source.map(|s| s.code())));
                row.push(Cell::yes_no(r.no_further_action));
                row.push(Cell::Count(in_twelve as u32));
                row.extend(self.allocation(&child.id));
                rows.push(row);
            }
        }
        List {
            number: 3,
            rows,
            empty_fields: vec![],
            note: None,
        }
    }

    fn list_4(&self) -> List {
        let mut rows = Vec::new();
        for child in &self.ds.children {
            for r in &child.referrals {
                for a in &r.assessments {
                    let authorised = self.w.upto(a.authorised_date);
                    if a.start_date > self.w.d || authorised.is_some_and(|x| x < self.w.six) {
                        continue;
                    }
                    let mut row = self.person(&child.id, Some(child));
                    row.push(Self::disability(child));
                    row.push(Cell::Date(a.start_date));
                    row.push(Cell::Empty);
                    row.push(Cell::date(authorised));
                    row.push(Cell::Empty);
                    row.extend(self.allocation(&child.id));
                    rows.push(row);
                }
            }
        }
        List {
            number: 4,
            rows,
            empty_fields: vec![
                (
                    "Child Seen During Continuous Assessment",
                    "the CIN census does not record whether the child was seen during an assessment",
                ),
                (
                    "Was the child assessed as requiring LA children's social care support?",
                    "the CIN census records the assessment's factors, not this decision",
                ),
            ],
            note: None,
        }
    }

    fn list_5(&self) -> List {
        let mut rows = Vec::new();
        for child in &self.ds.children {
            let s47_12 = child
                .referrals
                .iter()
                .flat_map(|r| &r.section47s)
                .filter(|s| self.w.in_twelve(s.start_date))
                .count();
            let icpc_12 = child
                .referrals
                .iter()
                .flat_map(|r| {
                    r.section47s
                        .iter()
                        .filter_map(|s| s.icpc_date)
                        .chain(r.initial_cpc_date)
                })
                .filter(|&x| self.w.in_twelve(x))
                .count();
            for r in &child.referrals {
                for s in &r.section47s {
                    if !self.w.in_six(s.start_date) {
                        continue;
                    }
                    let icpc = self.w.upto(s.icpc_date);
                    let mut row = self.person(&child.id, Some(child));
                    row.push(Self::disability(child));
                    row.push(Cell::Date(s.start_date));
                    row.push(Cell::yes_no(s.icpc_not_required));
                    row.push(Cell::date(icpc));
                    row.push(match icpc {
                        Some(x) => Cell::yes_no(child.cp_plans().any(|p| p.start_date == x)),
                        None => Cell::Empty,
                    });
                    row.push(Cell::Count(s47_12 as u32));
                    row.push(Cell::Count(icpc_12 as u32));
                    row.extend(self.allocation(&child.id));
                    rows.push(row);
                }
            }
        }
        List {
            number: 5,
            rows,
            empty_fields: vec![],
            note: None,
        }
    }

    fn list_6(&self) -> List {
        let d = self.w.d;
        let mut rows = Vec::new();
        for child in &self.ds.children {
            for r in &child.referrals {
                let closed = self.w.upto(r.closure_date);
                if r.no_further_action
                    || r.referral_date > d
                    || closed.is_some_and(|c| c < self.w.six)
                {
                    continue;
                }
                let visits = of_child(&self.ds.visits, &child.id);
                let last_seen = visits
                    .iter()
                    .filter(|v| v.seen && v.date <= d)
                    .map(|v| v.date)
                    .max();
                let status =
                    if closed.is_some() {
                        "CLOSED"
                    } else if child.cla_episodes.iter().any(|e| self.open_on(e, d)) {
                        "LAC"
                    } else if child.cp_plans().any(|p| {
                        p.start_date <= d && self.w.upto(p.end_date).is_none_or(|e| d <= e)
                    }) {
                        "CPP"
                    } else if child.cin_plans().any(|p| {
                        p.start_date <= d && self.w.upto(p.end_date).is_none_or(|e| d <= e)
                    }) {
                        "CINP"
                    } else if r
                        .assessments
                        .iter()
                        .any(|a| a.start_date <= d && self.w.upto(a.authorised_date).is_none())
                    {
                        "ASMT"
                    } else {
                        // Open with no plan or assessment open: the template has no other status.
                        "ASMT"
                    };
                let mut row = self.person(&child.id, Some(child));
                row.push(Self::disability(child));
                row.push(Cell::Date(r.referral_date));
                row.push(Cell::code(r.primary_need.map(|p| p.code())));
                row.push(Cell::date(last_seen));
                row.push(Cell::date(closed));
                row.push(Cell::code(
                    closed.and(r.reason_for_closure).map(|x| x.code()),
                ));
                row.push(Cell::Code(status));
                row.extend(self.allocation(&child.id));
                rows.push(row);
            }
        }
        List {
            number: 6,
            rows,
            empty_fields: vec![],
            note: None,
        }
    }

    fn open_on(&self, e: &model::ClaEpisode, d: Date) -> bool {
        e.start_date <= d && self.w.upto(e.end_date).is_none_or(|end| d < end)
    }

    fn list_7(&self) -> List {
        let d = self.w.d;
        let mut rows = Vec::new();
        for child in &self.ds.children {
            let plans: Vec<_> = child.cp_plans().collect();
            let epo = child.cla_episodes.iter().any(|e| {
                matches!(e.legal_status, Some(LegalStatus::L1 | LegalStatus::L2))
                    && self.w.in_six(e.start_date)
            });
            for (i, p) in plans.iter().enumerate() {
                let end = self.w.upto(p.end_date);
                if p.start_date > d || end.is_some_and(|e| e < self.w.six) {
                    continue;
                }
                let until = end.unwrap_or(d);
                let visit = of_child(&self.ds.visits, &child.id)
                    .iter()
                    .filter(|v| {
                        v.kind == VisitKind::ChildProtection
                            && v.seen
                            && p.start_date <= v.date
                            && v.date <= until
                    })
                    .max_by_key(|v| v.date);
                let review = p.review_dates.iter().filter(|&&r| r <= d).max().copied();
                let previous = p.number_of_previous_plans.unwrap_or(i as u32);
                let mut row = self.person(&child.id, Some(child));
                row.push(Self::disability(child));
                row.push(Cell::Date(p.start_date));
                row.push(Cell::code(p.initial_category.map(|c| c.code())));
                row.push(Cell::code(p.latest_category.map(|c| c.code())));
                row.push(Cell::date(visit.map(|v| v.date)));
                row.push(visit.map_or(Cell::Empty, |v| Cell::yes_no(v.seen_alone)));
                row.push(Cell::date(review));
                row.push(Cell::date(end));
                row.push(Cell::yes_no(epo));
                row.push(Cell::Count(previous));
                row.extend(self.allocation(&child.id));
                rows.push(row);
            }
        }
        List {
            number: 7,
            rows,
            empty_fields: vec![],
            note: None,
        }
    }

    fn list_8(&self) -> List {
        let w = self.w;
        let d = w.d;
        let mut rows = Vec::new();
        for child in &self.ds.children {
            let eps = &child.cla_episodes;
            // The latest episode started by D that had not ended before the six months began.
            let Some(idx) = eps.iter().rposition(|e| {
                e.start_date <= d && w.upto(e.end_date).is_none_or(|end| end >= w.six)
            }) else {
                continue;
            };
            let e = &eps[idx];
            let mut period_start = idx;
            while period_start > 0 && !eps[period_start].starts_period_of_care() {
                period_start -= 1;
            }
            let mut status_start = idx;
            while status_start > period_start
                && eps[status_start - 1].legal_status == e.legal_status
            {
                status_start -= 1;
            }
            let mut placement_start = idx;
            while placement_start > period_start
                && eps[placement_start].reason_new_episode == Some(ReasonNewEpisode::L)
            {
                placement_start -= 1;
            }
            let previous_period_end = period_start
                .checked_sub(1)
                .and_then(|i| w.upto(eps[i].end_date));
            let second = previous_period_end.is_some_and(|x| x >= w.twelve);
            let ended = w.upto(e.end_date);
            let ceased = ended.filter(|_| e.reason_ceased != Some(ReasonEpisodeCeased::X1));
            let mut placements = 0u32;
            let mut first = true;
            for x in eps.iter().filter(|x| {
                x.start_date <= d && w.upto(x.end_date).is_none_or(|end| end >= w.twelve)
            }) {
                if first || x.reason_new_episode != Some(ReasonNewEpisode::L) {
                    placements += 1;
                }
                first = false;
            }
            let missing = |kind: MissingKind| {
                child
                    .missing_episodes
                    .iter()
                    .filter(|m| m.kind == Some(kind) && w.in_twelve(m.start_date))
                    .count() as u32
            };
            let last_missing = child
                .missing_episodes
                .iter()
                .filter(|m| m.kind == Some(MissingKind::M) && m.start_date <= d)
                .map(|m| m.start_date)
                .max();
            let rhi = last_missing.and_then(|start| {
                of_child(&self.ds.return_home_interviews, &child.id)
                    .iter()
                    .find(|r| r.missing_start == start)
            });
            let visits = of_child(&self.ds.visits, &child.id);
            let mut row = self.person(&child.id, Some(child));
            row.push(Cell::yes_no(
                child
                    .uasc
                    .is_some_and(|u| u.ceased.is_none_or(|c| c >= w.twelve)),
            ));
            row.push(Self::disability(child));
            row.push(Cell::Date(eps[period_start].start_date));
            row.push(Cell::code(e.category_of_need.map(|c| c.code())));
            row.push(Cell::yes_no(second));
            row.push(Cell::Date(eps[status_start].start_date));
            row.push(Cell::code(e.legal_status.map(|l| l.code())));
            row.push(Cell::date(
                child
                    .cla_reviews
                    .iter()
                    .map(|r| r.date)
                    .filter(|&r| r <= d)
                    .max(),
            ));
            row.push(Cell::date(
                visits
                    .iter()
                    .filter(|v| v.kind == VisitKind::LookedAfter && v.seen && v.date <= d)
                    .map(|v| v.date)
                    .max(),
            ));
            row.push(Cell::Empty); // permanence plan
            row.push(Cell::Empty); // IRO
            row.push(Cell::Empty); // health assessment
            row.push(Cell::Empty); // dental check
            row.push(Cell::Count(placements));
            row.push(Cell::date(ceased));
            row.push(Cell::code(ceased.and(e.reason_ceased).map(|r| r.code())));
            row.push(Cell::Date(eps[placement_start].start_date));
            row.push(Cell::code(e.placement.map(|p| p.code())));
            row.push(Cell::code(e.placement_provider.map(|p| p.code())));
            row.push(Cell::text(e.placement_postcode.clone().unwrap_or_default()));
            row.push(Cell::text(e.urn.clone().unwrap_or_default()));
            row.push(Cell::Empty); // in or out of area
            row.push(Cell::Empty); // LA of placement
            row.push(Cell::Count(missing(MissingKind::M)));
            row.push(Cell::Count(missing(MissingKind::A)));
            row.push(rhi.map_or(Cell::Empty, |r| Cell::yes_no(w.upto(r.offered).is_some())));
            row.push(
                rhi.and_then(|r| r.accepted)
                    .map_or(Cell::Empty, Cell::yes_no),
            );
            row.extend(self.allocation(&child.id));
            rows.push(row);
        }
        List {
            number: 8,
            rows,
            empty_fields: vec![
                (
                    "What is the permanence plan for this child?",
                    NOT_HELD_CARE_PLAN,
                ),
                (
                    "Date of Last IRO Visit / Contact to the Child",
                    NOT_HELD_CARE_PLAN,
                ),
                (
                    "Date of Last Health Assessment",
                    "the SSDA903 return records whether a health assessment was done in the year (OC2), not its date",
                ),
                (
                    "Date of Last Dental Check",
                    "the SSDA903 return records whether teeth were checked in the year (OC2), not the date",
                ),
                (
                    "Placement Location",
                    "Harbour does not hold the council's boundary to place a postcode in or out of it",
                ),
                (
                    "LA of Placement",
                    "Harbour does not hold which authority each placement postcode lies in",
                ),
            ],
            note: None,
        }
    }

    fn list_9(&self) -> List {
        let w = self.w;
        let d = w.d;
        let mut rows = Vec::new();
        for child in &self.ds.children {
            let Some(eligibility) = care_leaver_category(child, d) else {
                continue;
            };
            let record = child
                .care_leaver_records
                .iter()
                .filter(|r| r.year.start() <= d)
                .max_by_key(|r| r.year);
            let accommodation = record.and_then(|r| r.accommodation).map(|a| a.code());
            let mut row = self.person(&child.id, Some(child));
            row.push(Cell::yes_no(child.was_ever_uasc()));
            row.push(Self::disability(child));
            row.extend(self.allocation(&child.id));
            row.push(Cell::Empty); // personal adviser
            row.push(Cell::Code(eligibility));
            row.push(Cell::Empty); // pathway plan review
            row.push(Cell::code(
                record.and_then(|r| r.in_touch).map(|t| t.code()),
            ));
            row.push(Cell::Empty); // latest contact
            row.push(Cell::code(
                accommodation.and_then(|a| Codes::Accommodation.table().parse(&a[..1])),
            ));
            row.push(Cell::code(accommodation.and_then(|a| {
                a.get(1..2)
                    .and_then(|s| Codes::Suitability.table().parse(s))
            })));
            row.push(Cell::code(
                record
                    .and_then(|r| r.activity)
                    .map(|a| a.code())
                    .filter(|&a| a != "0"),
            ));
            rows.push(row);
        }
        List {
            number: 9,
            rows,
            empty_fields: vec![
                (
                    "Allocated Personal Advisor",
                    "Harbour's extract holds allocations to social workers, not personal advisers",
                ),
                ("Latest Pathway Plan Review Date", NOT_HELD_CARE_PLAN),
                (
                    "Latest Date of Contact",
                    "the SSDA903 return records whether the authority is in touch around the birthday (OC3), not the date of contact",
                ),
            ],
            note: None,
        }
    }

    fn list_10(&self) -> List {
        let w = self.w;
        let d = w.d;
        let mut rows = Vec::new();
        for child in &self.ds.children {
            let placed = child
                .placed_for_adoption
                .iter()
                .filter(|p| p.date_placed <= d)
                .max_by_key(|p| p.date_placed);
            let decision = placed
                .map(|p| p.date_placed)
                .or_else(|| child.adoption.and_then(|a| a.decision_date))
                .filter(|&x| x <= d);
            let Some(decision) = decision else { continue };
            let eps = &child.cla_episodes;
            let period = eps
                .iter()
                .rposition(|e| e.starts_period_of_care() && e.start_date <= decision)
                .or_else(|| eps.iter().rposition(|e| e.start_date <= decision));
            let in_period = |pred: &dyn Fn(&model::ClaEpisode) -> bool| {
                period.and_then(|p| {
                    eps[p..]
                        .iter()
                        .find(|e| e.start_date <= d && pred(e))
                        .map(|e| e.start_date)
                })
            };
            let adopted = eps
                .iter()
                .filter(|e| {
                    matches!(
                        e.reason_ceased,
                        Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
                    )
                })
                .filter_map(|e| w.upto(e.end_date))
                .max();
            let reversed = placed.and_then(|p| {
                w.upto(p.date_ceased)
                    .filter(|_| p.reason_ceased.is_some() && adopted.is_none())
                    .map(|x| (x, p.reason_ceased))
            });
            let keep = match (adopted, reversed) {
                (Some(a), _) => w.in_twelve(a),
                (None, Some((r, _))) => w.in_twelve(r),
                (None, None) => true,
            };
            if !keep {
                continue;
            }
            let mut row = self.person(&child.id, Some(child));
            row.insert(1, Cell::Empty); // family identifier
            row.push(Self::disability(child));
            row.push(Cell::date(period.map(|p| eps[p].start_date)));
            row.push(Cell::Date(decision));
            row.push(Cell::date(in_period(&|e| {
                e.legal_status == Some(LegalStatus::E1)
            })));
            row.push(Cell::date(
                w.upto(child.adoption.and_then(|a| a.match_date)),
            ));
            row.push(Cell::date(in_period(&|e| {
                matches!(
                    e.placement,
                    Some(Placement::A3 | Placement::A4 | Placement::A5 | Placement::A6)
                )
            })));
            row.push(Cell::date(adopted));
            row.push(Cell::date(reversed.map(|r| r.0)));
            row.push(Cell::code(reversed.and_then(|r| r.1).map(|x| x.code())));
            row.push(Cell::date(in_period(&|e| {
                matches!(e.placement, Some(Placement::U2 | Placement::U5))
            })));
            rows.push(row);
        }
        List {
            number: 10,
            rows,
            empty_fields: vec![(
                "Family identifier",
                "Harbour holds no adopters or adoptive families (list 11)",
            )],
            note: None,
        }
    }

    fn list_11(&self) -> List {
        List {
            number: 11,
            rows: vec![],
            empty_fields: vec![],
            note: Some(
                "Harbour holds no records of adopters (they are not in the CIN census, the SSDA903 return or Harbour's extract), so this list is empty: add them from the adoption agency's system.",
            ),
        }
    }
}

/// Days looked after in episodes, from `from` to `to` (an episode's end day is not a day in care).
fn days_in_care(child: &Child, from: Date, to: Date) -> i64 {
    child
        .cla_episodes
        .iter()
        .map(|e| {
            let start = e.start_date.max(from);
            let end = e.end_date.map_or(to, |x| x.min(to));
            if end > start {
                i64::from((end - start).get_days())
            } else {
                0
            }
        })
        .sum()
}

/// The care-leaver category (`ELIG`, `REL` or `FREL`) of a young person on `d`, if any.
pub fn care_leaver_category(child: &Child, d: Date) -> Option<&'static str> {
    let birth = child.birth_date?;
    let age = age_on(birth, d)?;
    if !(16..=20).contains(&age) || child.death_date.is_some_and(|x| x <= d) {
        return None;
    }
    let b14 = birthday(birth, 14);
    let b16 = birthday(birth, 16);
    let until = d.min(birthday(birth, 18));
    if days_in_care(child, b14, until) < 91 {
        return None;
    }
    let after_16 = child
        .cla_episodes
        .iter()
        .any(|e| e.start_date <= d && e.end_date.is_none_or(|end| end > b16));
    if !after_16 {
        return None;
    }
    let looked_after = child
        .cla_episodes
        .iter()
        .any(|e| e.start_date <= d && e.end_date.is_none_or(|end| d < end));
    Some(match age {
        16 | 17 if looked_after => "ELIG",
        16 | 17 => "REL",
        _ => "FREL",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_are_calendar_months() {
        let w = Windows::new(Date::constant(2026, 6, 15));
        assert_eq!(w.six, Date::constant(2025, 12, 15));
        assert_eq!(w.twelve, Date::constant(2025, 6, 15));
        let w = Windows::new(Date::constant(2026, 8, 31));
        assert_eq!(w.six, Date::constant(2026, 2, 28));
    }

    #[test]
    fn ages() {
        let b = Date::constant(2010, 6, 15);
        assert_eq!(age_on(b, Date::constant(2026, 6, 14)), Some(15));
        assert_eq!(age_on(b, Date::constant(2026, 6, 15)), Some(16));
        assert_eq!(age_on(b, Date::constant(2009, 1, 1)), None);
    }
}
