//! Periods of care: legal statuses, placements, reviews, missing episodes and adoption.
//!
//! A period of care is drawn whole (including its future, which the as-at views cut off later):
//! first how it will end (the "route": home, special guardianship, adoption, until 18, …) and when,
//! then the legal-status timeline and the placement timeline, which are merged into SSDA903
//! episodes, a new episode whenever either changes, with the reason for new episode (RNE) that
//! the changes imply.

use crate::days::{Day, add_working_days, collection_year_of, next_working_day, year_end};
use crate::postcodes::Area;
use crate::rng::Rng;
use model::codes::*;
use model::{
    Adoption, ClaEpisode, ClaReview, MissingEpisode, PlacedForAdoption, PreviousPermanenceOrder,
};

/// How a period of care began, from the child's CIN journey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// An unaccompanied asylum-seeking child, accommodated on arrival.
    Uasc,
    /// From a child protection plan or a CIN plan (court proceedings likelier).
    FromPlan,
    /// Straight from a referral and assessment (emergency entries).
    Direct,
}

/// How a period of care ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    Home,
    Sgo,
    Cao,
    Adoption,
    Until18,
    Independent,
    Remand,
    Transfer,
}

/// A placement: where and with whom.
#[derive(Debug, Clone, PartialEq)]
struct Setting {
    place: Placement,
    provider: Option<PlacementProvider>,
    postcode: Option<&'static str>,
    urn: Option<String>,
    /// Identifies the carers: a change of placement type with the same carers is RNE T or U.
    carer: u64,
}

impl Setting {
    /// Whether a move to `self` from `other` shows in the return: a new carer in the same kind of
    /// placement at the same postcode and URN would look like no change at all.
    fn looks_different(&self, other: &Setting) -> bool {
        self.place != other.place
            || self.postcode != other.postcode
            || self.urn != other.urn
            || self.provider != other.provider
    }
}

/// A period of care, as it will happen.
#[derive(Debug, Clone)]
pub struct CarePeriod {
    pub start: Day,
    pub end: Day,
    pub reason: ReasonEpisodeCeased,
    pub episodes: Vec<ClaEpisode>,
    pub reviews: Vec<ClaReview>,
    pub missing: Vec<MissingEpisode>,
    pub placed_for_adoption: Option<PlacedForAdoption>,
    /// Details for AD1 when the child is adopted (the adoption date is `end`).
    pub adoption: Option<Adoption>,
    pub previous_permanence: PreviousPermanenceOrder,
    /// Whether the period ends with the young person leaving care at 16 or over (a care leaver).
    pub leaves_as_care_leaver: bool,
}

pub struct CareInput<'a> {
    pub start: Day,
    pub dob: Day,
    pub entry: Entry,
    pub need: CategoryOfNeed,
    /// `None` for UASC (no home address in England).
    pub home_postcode: Option<&'static str>,
    pub area: &'a Area,
    /// The child's serial, to make carer and provider identities.
    pub serial: u64,
    /// Whether the child is prone to going missing.
    pub missing_prone: bool,
}

const FOSTER: [Placement; 6] = [
    Placement::U1,
    Placement::U2,
    Placement::U3,
    Placement::U4,
    Placement::U5,
    Placement::U6,
];

fn is_foster(p: Placement) -> bool {
    FOSTER.contains(&p)
}

/// The council's own fostering service URN, and those of independent fostering agencies,
/// children's homes and supported accommodation providers: invented, in Ofsted's formats.
fn la_fostering_urn(la_code: &str) -> String {
    let n: u32 = la_code.parse().unwrap_or(0);
    format!("SC{:06}", 400_000 + n)
}

fn agency_urn(k: u64) -> String {
    format!("SC{:06}", 481_000 + (k % 14) * 37)
}

/// A children's home: its URN and postcode, in or out of the area.
fn home_urn(area: &Area, k: u64) -> (String, &'static str) {
    let i = (k % 40) as usize;
    let pc = match i % 4 {
        0 => area.in_area[i % area.in_area.len()],
        1 | 2 => area.nearby[i % area.nearby.len()],
        _ => area.further[i % area.further.len()],
    };
    (format!("SC{:06}", 512_000 + i as u64 * 53), pc)
}

/// A registered supported accommodation provider: always inside the area, since validators
/// check that the provider has premises in the placing authority (903 rule 241).
fn supported_urn(area: &Area, k: u64) -> (String, &'static str) {
    let i = (k % 16) as usize;
    (
        format!("2{:06}", 650_000 + i as u64 * 71),
        area.in_area[(i * 3) % area.in_area.len()],
    )
}

/// A postcode for a foster carer: mostly in or near the area, never the child's home postcode.
fn carer_postcode(rng: &mut Rng, area: &Area, home: Option<&'static str>) -> &'static str {
    loop {
        let pc = match rng.range(0, 9) {
            0..=4 => rng.pick(area.in_area),
            5..=7 => rng.pick(area.nearby),
            _ => rng.pick(area.further),
        };
        if Some(pc) != home {
            return pc;
        }
    }
}

impl<'a> CareInput<'a> {
    fn age_at(&self, d: Day) -> i32 {
        d.age_of(self.dob)
    }

    fn new_foster(&self, rng: &mut Rng, place: Placement, carer: &mut u64) -> Setting {
        *carer += 1;
        let own = place == Placement::U1 || place == Placement::U3 || rng.chance(0.55);
        let (provider, urn) = if own {
            (PlacementProvider::PR1, la_fostering_urn(self.area.la_code))
        } else {
            let k = rng.range(0, 13) as u64;
            let provider = if k.is_multiple_of(3) {
                PlacementProvider::PR5
            } else {
                PlacementProvider::PR4
            };
            (provider, agency_urn(k))
        };
        Setting {
            place,
            provider: Some(provider),
            postcode: Some(carer_postcode(rng, self.area, self.home_postcode)),
            urn: Some(urn),
            carer: self.serial * 100 + *carer,
        }
    }

    fn new_home(&self, rng: &mut Rng, carer: &mut u64) -> Setting {
        *carer += 1;
        let k = rng.range(0, 39) as u64;
        let (urn, pc) = home_urn(self.area, k);
        let provider = if k.is_multiple_of(5) {
            PlacementProvider::PR5
        } else {
            PlacementProvider::PR4
        };
        Setting {
            place: Placement::K2,
            provider: Some(provider),
            postcode: Some(pc),
            urn: Some(urn),
            carer: self.serial * 100 + *carer,
        }
    }

    fn new_supported(&self, rng: &mut Rng, carer: &mut u64) -> Setting {
        *carer += 1;
        let k = rng.range(0, 15) as u64;
        let (urn, pc) = supported_urn(self.area, k);
        let provider = if k.is_multiple_of(4) {
            PlacementProvider::PR5
        } else {
            PlacementProvider::PR4
        };
        Setting {
            place: Placement::K3,
            provider: Some(provider),
            postcode: Some(pc),
            urn: Some(urn),
            carer: self.serial * 100 + *carer,
        }
    }

    /// A placement suited to the child's age on `d`.
    fn placement_for(&self, rng: &mut Rng, d: Day, carer: &mut u64, first: bool) -> Setting {
        let age = self.age_at(d);
        let kinship = if first { 0.28 } else { 0.12 };
        if age >= 16 {
            match rng.range(0, 9) {
                0..=3 => self.new_foster(rng, Placement::U6, carer),
                4..=5 => self.new_home(rng, carer),
                _ => self.new_supported(rng, carer),
            }
        } else if age >= 11 {
            let u = rng.unit();
            if u < 0.30 {
                self.new_home(rng, carer)
            } else if u < 0.30 + kinship {
                self.new_foster(rng, Placement::U3, carer)
            } else {
                self.new_foster(rng, Placement::U6, carer)
            }
        } else if rng.chance(kinship) {
            self.new_foster(rng, Placement::U3, carer)
        } else {
            self.new_foster(rng, Placement::U6, carer)
        }
    }
}

/// Draws a whole period of care.
pub fn period(rng: &mut Rng, input: &CareInput) -> CarePeriod {
    let start = input.start;
    let age = input.age_at(start);
    let dob18 = input.dob.add_years(18);
    let route = choose_route(rng, input.entry, age);
    let mut carer = 0u64;

    // When and how it ends.
    let (mut end, mut reason) = match route {
        Route::Home => {
            let days = if rng.chance(0.65) {
                rng.piecewise(&[(0.0, 4.0), (0.5, 60.0), (0.85, 200.0), (1.0, 420.0)])
            } else {
                rng.piecewise(&[(0.0, 150.0), (0.5, 420.0), (1.0, 1100.0)])
            };
            let r = if rng.chance(0.85) {
                ReasonEpisodeCeased::E4A
            } else {
                ReasonEpisodeCeased::E4B
            };
            (start.plus(days as i64), r)
        }
        Route::Sgo => (
            start.plus(rng.piecewise(&[(0.0, 300.0), (0.5, 600.0), (1.0, 1300.0)]) as i64),
            ReasonEpisodeCeased::E45,
        ),
        Route::Cao => (
            start.plus(rng.piecewise(&[(0.0, 200.0), (0.5, 450.0), (1.0, 900.0)]) as i64),
            ReasonEpisodeCeased::E41,
        ),
        Route::Adoption => (start, ReasonEpisodeCeased::E11), // set below
        Route::Until18 => {
            let r = rng.weighted(&[
                (ReasonEpisodeCeased::E17, 25),
                (ReasonEpisodeCeased::E5, 40),
                (ReasonEpisodeCeased::E6, 5),
                (ReasonEpisodeCeased::E8, 25),
                (ReasonEpisodeCeased::E7, 5),
            ]);
            (dob18, r)
        }
        Route::Independent => {
            let from = input.dob.add_years(17).max(start.plus(60));
            let d = from.plus(rng.range(0, 250));
            let r = if rng.chance(0.8) {
                ReasonEpisodeCeased::E5
            } else {
                ReasonEpisodeCeased::E6
            };
            (d, r)
        }
        Route::Remand => (start.plus(rng.range(10, 120)), ReasonEpisodeCeased::E14),
        Route::Transfer => (start.plus(rng.range(30, 500)), ReasonEpisodeCeased::E3),
    };

    // Adoption milestones.
    let mut adoption_plan = None;
    if route == Route::Adoption {
        let decision = next_working_day(start.plus(rng.range(110, 300)));
        let order = next_working_day(decision.plus(rng.range(20, 140)));
        let matched = next_working_day(order.plus(rng.range(50, 240)));
        let placed = next_working_day(matched.plus(rng.range(7, 50)));
        let adopted = next_working_day(placed.plus(rng.range(100, 380)));
        end = adopted;
        reason = if rng.chance(0.7) {
            ReasonEpisodeCeased::E11
        } else {
            ReasonEpisodeCeased::E12
        };
        adoption_plan = Some((decision, order, matched, placed));
    }
    // Nobody is looked after past their 18th birthday.
    if end > dob18 {
        end = dob18;
        reason = match route {
            Route::Until18 => reason,
            _ => ReasonEpisodeCeased::E8,
        };
        adoption_plan = None;
    }
    if end <= start {
        end = start.plus(1);
    }
    // The DfE validators count a child whose care ends on 31 March as looked after at 31 March, so
    // such a child would need OC2 and could then have no AD1 or OC3 (rule 187). Care in the
    // synthetic council never ends on a reference date.
    if end == year_end(collection_year_of(end)) {
        end = if route == Route::Adoption && adoption_plan.is_some() {
            next_working_day(end.plus(1))
        } else if end.plus(1) <= dob18 || end.plus(-1) <= start {
            end.plus(1)
        } else {
            end.plus(-1)
        };
    }

    // Legal status timeline.
    let mut ls: Vec<(Day, LegalStatus)> = Vec::new();
    let court = match route {
        Route::Adoption => true,
        Route::Sgo | Route::Cao => rng.chance(0.85),
        Route::Until18 => input.entry != Entry::Uasc && rng.chance(0.62),
        Route::Home => input.entry == Entry::FromPlan && rng.chance(0.45),
        Route::Independent | Route::Remand | Route::Transfer => false,
    };
    let mut t = start;
    if route == Route::Remand {
        ls.push((start, LegalStatus::J1));
    } else {
        if input.entry != Entry::Uasc && end.since(start) > 20 {
            let u = rng.unit();
            if u < 0.07 {
                ls.push((start, LegalStatus::L1));
                t = start.plus(rng.range(1, 2));
            } else if u < 0.10 {
                ls.push((start, LegalStatus::L2));
                t = start.plus(rng.range(3, 8));
            }
        }
        if court {
            ls.push((t, LegalStatus::C1));
            let full = t.plus(rng.range(150, 300));
            let order_day = adoption_plan.map(|a| a.1);
            if let Some(o) = order_day {
                if full < o {
                    ls.push((full, LegalStatus::C2));
                }
                ls.push((o, LegalStatus::E1));
            } else if full < end {
                ls.push((full, LegalStatus::C2));
            }
        } else {
            ls.push((t, LegalStatus::V2));
            // Some section 20 accommodation turns into proceedings.
            if matches!(route, Route::Until18 | Route::Sgo) && rng.chance(0.2) {
                let c = t.plus(rng.range(60, 400));
                if c < end.plus(-60) {
                    ls.push((c, LegalStatus::C1));
                    let full = c.plus(rng.range(150, 300));
                    if full < end {
                        ls.push((full, LegalStatus::C2));
                    }
                }
            }
        }
    }

    // Placement timeline.
    let mut places: Vec<(Day, Setting, Option<ReasonPlaceChange>)> = Vec::new();
    let first = if input.entry == Entry::Uasc {
        if age >= 16 && rng.chance(0.6) {
            input.new_supported(rng, &mut carer)
        } else {
            let mut s = input.new_foster(rng, Placement::U6, &mut carer);
            s.provider = Some(PlacementProvider::PR4);
            s.urn = Some(agency_urn(rng.range(0, 13) as u64));
            s
        }
    } else {
        input.placement_for(rng, start, &mut carer, true)
    };
    places.push((start, first, None));
    // Police protection or an EPO often ends with a move to a foster placement on the same day
    // the legal status changes (RNE B).
    if matches!(
        ls.first().map(|l| l.1),
        Some(LegalStatus::L1 | LegalStatus::L2)
    ) && ls.len() > 1
        && rng.chance(0.5)
    {
        let mut s = input.placement_for(rng, ls[1].0, &mut carer, true);
        for _ in 0..8 {
            if s.looks_different(&places[0].1) {
                break;
            }
            s = input.placement_for(rng, ls[1].0, &mut carer, true);
        }
        if s.looks_different(&places[0].1) {
            places.push((ls[1].0, s, Some(ReasonPlaceChange::CARPL)));
        }
    }
    // Later legal status changes (the final order, a placement order) that a move or a
    // placement becoming long-term can coincide with (RNE B or U).
    let order_days: Vec<Day> = ls
        .iter()
        .skip(1)
        .map(|l| l.0)
        .filter(|&d| d > start.plus(7))
        .collect();
    // Moves: time to the next move in days.
    let move_days: &[(f64, f64)] = &[
        (0.0, 20.0),
        (0.3, 150.0),
        (0.6, 420.0),
        (0.85, 1000.0),
        (1.0, 2600.0),
    ];
    let mut long_term_done = false;
    let limit = adoption_plan.map(|a| a.3).unwrap_or(end);
    let mut at = places.last().map(|p| p.0).unwrap();
    loop {
        let gap = rng.piecewise(move_days) as i64;
        let next = snap(rng, at.plus(gap.max(7)), at, &order_days);
        let current = places.last().map(|p| p.1.clone()).unwrap();
        // A foster placement meant to last becomes long-term with the same carers.
        if !long_term_done
            && matches!(route, Route::Until18 | Route::Sgo)
            && (current.place == Placement::U6 || current.place == Placement::U3)
        {
            // Often decided at the final hearing (RNE U: legal status and placement type
            // change, same carers).
            let hearing = order_days
                .iter()
                .copied()
                .find(|&x| x > at.plus(7) && x < at.plus(700));
            let lt = match hearing {
                Some(x) if rng.chance(0.35) => x,
                _ => at.plus(rng.range(300, 700)),
            };
            if lt < next && lt < limit.plus(-30) {
                let mut s = current.clone();
                s.place = if current.place == Placement::U3 {
                    Placement::U1
                } else {
                    Placement::U4
                };
                places.push((lt, s, Some(ReasonPlaceChange::PLACE)));
                long_term_done = true;
                at = lt;
                continue;
            }
        }
        if next >= limit.plus(-14) {
            break;
        }
        let mut s = input.placement_for(rng, next, &mut carer, false);
        // A move is to somewhere else.
        for _ in 0..8 {
            if s.looks_different(&current) {
                break;
            }
            s = input.placement_for(rng, next, &mut carer, false);
        }
        if !s.looks_different(&current) {
            at = next;
            continue;
        }
        // Young children stay in family placements; long-term carers rarely change.
        if current.place == Placement::U4 || current.place == Placement::U1 {
            if rng.chance(0.7) {
                at = next;
                continue;
            }
            long_term_done = false;
        }
        let why = rng.weighted(&[
            (ReasonPlaceChange::CARPL, 34),
            (ReasonPlaceChange::CREQB, 16),
            (ReasonPlaceChange::CREQO, 14),
            (ReasonPlaceChange::CHILD, 8),
            (ReasonPlaceChange::LAREQ, 8),
            (ReasonPlaceChange::STAND, 4),
            (ReasonPlaceChange::ALLEG, 3),
            (ReasonPlaceChange::CLOSE, 3),
            (ReasonPlaceChange::APPRR, 2),
            (ReasonPlaceChange::OTHER, 8),
        ]);
        places.push((next, s, Some(why)));
        at = next;
    }
    // Routes that fix the last placement.
    let last = places.last().map(|p| p.1.clone()).unwrap();
    match route {
        Route::Adoption => {
            let (_, _, _, placed) = adoption_plan.unwrap();
            // The child must be in foster care just before being placed for adoption.
            if !is_foster(last.place) {
                let d = places
                    .last()
                    .unwrap()
                    .0
                    .max(placed.plus(-120))
                    .max(start.plus(1));
                let s = input.new_foster(rng, Placement::U6, &mut carer);
                if d < placed.plus(-7) {
                    places.push((d, s, Some(ReasonPlaceChange::CARPL)));
                }
            }
            let last = places.last().map(|p| p.1.clone()).unwrap();
            let with_carers = is_foster(last.place) && rng.chance(0.18);
            let s = if with_carers {
                Setting {
                    place: Placement::A5,
                    ..last
                }
            } else {
                carer += 1;
                let (provider, urn) = match rng.range(0, 9) {
                    0..=5 => (PlacementProvider::PR1, "XXXXXXX".to_owned()),
                    6..=7 => (PlacementProvider::PR2, "XXXXXXX".to_owned()),
                    _ => (PlacementProvider::PR5, agency_urn(rng.range(0, 13) as u64)),
                };
                Setting {
                    place: Placement::A6,
                    provider: Some(provider),
                    postcode: Some(carer_postcode(rng, input.area, input.home_postcode)),
                    urn: Some(urn),
                    carer: input.serial * 100 + carer,
                }
            };
            places.push((placed, s, Some(ReasonPlaceChange::CARPL)));
        }
        Route::Sgo => {
            reason = match last.place {
                Placement::U1 | Placement::U3 => ReasonEpisodeCeased::E45,
                Placement::U4 | Placement::U5 | Placement::U6 => {
                    if rng.chance(0.5) {
                        ReasonEpisodeCeased::E46
                    } else {
                        ReasonEpisodeCeased::E47
                    }
                }
                _ => {
                    if rng.chance(0.6) {
                        ReasonEpisodeCeased::E47
                    } else {
                        ReasonEpisodeCeased::E48
                    }
                }
            };
        }
        Route::Home => {
            // Under a care order, a child often goes home on a placement with parents first.
            let current_ls = ls.last().map(|l| l.1).unwrap();
            let with_parents = end.plus(-rng.range(60, 200));
            if current_ls != LegalStatus::V2
                && input.home_postcode.is_some()
                && end.since(start) > 300
                && rng.chance(0.5)
                && with_parents > places.last().unwrap().0.plus(14)
            {
                carer += 1;
                let s = Setting {
                    place: Placement::P1,
                    provider: Some(PlacementProvider::PR0),
                    postcode: input.home_postcode,
                    urn: None,
                    carer: input.serial * 100 + carer,
                };
                places.push((with_parents, s, Some(ReasonPlaceChange::CARPL)));
            }
        }
        _ => {}
    }
    if reason == ReasonEpisodeCeased::E17 && !is_foster(places.last().unwrap().1.place) {
        reason = ReasonEpisodeCeased::E5;
    }
    if reason == ReasonEpisodeCeased::E7 && end.since(input.dob.add_years(16)) < 0 {
        reason = ReasonEpisodeCeased::E8;
    }

    let episodes = build_episodes(&ls, &places, start, end, reason, input);
    let reviews = reviews(rng, start, end, input.dob);
    let missing = if input.missing_prone {
        missing(rng, &episodes, input.dob, end)
    } else {
        Vec::new()
    };
    let (placed_for_adoption, adoption) = match adoption_plan {
        Some((decision, _order, matched, _placed)) => {
            let a6 = episodes.last().and_then(|e| e.placement) == Some(Placement::A6);
            let two = rng.chance(0.85);
            let (sex, status) = if two {
                if rng.chance(0.85) {
                    (
                        AdopterSex::MF,
                        if rng.chance(0.8) {
                            AdopterLegalStatus::L11
                        } else {
                            AdopterLegalStatus::L3
                        },
                    )
                } else {
                    let s = if rng.chance(0.5) {
                        AdopterSex::MM
                    } else {
                        AdopterSex::FF
                    };
                    (
                        s,
                        if rng.chance(0.6) {
                            AdopterLegalStatus::L12
                        } else {
                            AdopterLegalStatus::L4
                        },
                    )
                }
            } else {
                (
                    if rng.chance(0.8) {
                        AdopterSex::F1
                    } else {
                        AdopterSex::M1
                    },
                    AdopterLegalStatus::L0,
                )
            };
            (
                Some(PlacedForAdoption {
                    date_placed: decision.date(),
                    date_ceased: None,
                    reason_ceased: None,
                }),
                Some(Adoption {
                    decision_date: Some(decision.date()),
                    match_date: Some(matched.date()),
                    by_foster_carer: Some(!a6),
                    number_of_adopters: Some(if two { 2 } else { 1 }),
                    adopter_sex: Some(sex),
                    adopter_legal_status: Some(status),
                }),
            )
        }
        None => (None, None),
    };
    let previous_permanence = previous_permanence(rng, start, input);
    let leaves_as_care_leaver = !matches!(
        reason,
        ReasonEpisodeCeased::E11
            | ReasonEpisodeCeased::E12
            | ReasonEpisodeCeased::E2
            | ReasonEpisodeCeased::E3
    ) && end.since(input.dob.add_years(16)) >= 0
        && care_after_14(&episodes, input.dob) >= 91;
    CarePeriod {
        start,
        end,
        reason,
        episodes,
        reviews,
        missing,
        placed_for_adoption,
        adoption,
        previous_permanence,
        leaves_as_care_leaver,
    }
}

/// Moves `d` onto a legal status change within 45 days of it (after `after`), half the time:
/// decisions at a final hearing often change the placement too.
fn snap(rng: &mut Rng, d: Day, after: Day, order_days: &[Day]) -> Day {
    for &x in order_days {
        if x > after.plus(7) && (x.since(d)).abs() <= 45 {
            return if rng.chance(0.5) { x } else { d };
        }
    }
    d
}

/// Days looked after since the 14th birthday.
fn care_after_14(episodes: &[ClaEpisode], dob: Day) -> i32 {
    let from14 = dob.add_years(14);
    episodes
        .iter()
        .map(|e| {
            let s = Day::from_date(e.start_date).max(from14);
            let t = e.end_date.map(Day::from_date).unwrap_or(s);
            t.since(s).max(0)
        })
        .sum()
}

fn choose_route(rng: &mut Rng, entry: Entry, age: i32) -> Route {
    use Route::*;
    if entry == Entry::Uasc {
        return Until18;
    }
    let w: &[(Route, u32)] = match age {
        0 => &[
            (Adoption, 42),
            (Sgo, 24),
            (Home, 24),
            (Cao, 2),
            (Until18, 7),
            (Transfer, 1),
        ],
        1..=3 => &[
            (Adoption, 20),
            (Sgo, 24),
            (Home, 40),
            (Cao, 5),
            (Until18, 10),
            (Transfer, 1),
        ],
        4..=9 => &[
            (Sgo, 18),
            (Home, 56),
            (Cao, 6),
            (Until18, 15),
            (Transfer, 1),
        ],
        10..=11 => &[(Sgo, 8), (Home, 62), (Until18, 28), (Transfer, 2)],
        12..=15 => &[
            (Sgo, 6),
            (Home, 56),
            (Until18, 30),
            (Remand, 4),
            (Transfer, 2),
            (Cao, 2),
        ],
        _ => &[
            (Home, 32),
            (Until18, 50),
            (Independent, 12),
            (Remand, 4),
            (Transfer, 2),
        ],
    };
    let mut r = rng.weighted(w);
    if entry == Entry::FromPlan && r == Remand {
        r = Home;
    }
    r
}

/// Merges the legal status and placement timelines into episodes.
fn build_episodes(
    ls: &[(Day, LegalStatus)],
    places: &[(Day, Setting, Option<ReasonPlaceChange>)],
    start: Day,
    end: Day,
    reason: ReasonEpisodeCeased,
    input: &CareInput,
) -> Vec<ClaEpisode> {
    let mut days: Vec<Day> = ls
        .iter()
        .map(|l| l.0)
        .chain(places.iter().map(|p| p.0))
        .filter(|&d| d >= start && d < end)
        .collect();
    days.sort();
    days.dedup();
    let mut out: Vec<ClaEpisode> = Vec::new();
    let mut prev: Option<(LegalStatus, Setting)> = None;
    for d in days {
        let cur_ls = ls.iter().rev().find(|l| l.0 <= d).map(|l| l.1).unwrap();
        let (cur_place, why) = places
            .iter()
            .rev()
            .find(|p| p.0 <= d)
            .map(|p| (p.1.clone(), if p.0 == d { p.2 } else { None }))
            .unwrap();
        let rne = match &prev {
            None => ReasonNewEpisode::S,
            Some((pls, pplace)) => {
                let ls_changed = *pls != cur_ls;
                let place_changed = *pplace != cur_place;
                let carer_changed = pplace.carer != cur_place.carer;
                match (ls_changed, place_changed, carer_changed) {
                    (false, false, _) => continue,
                    (true, false, _) => ReasonNewEpisode::L,
                    (false, true, true) => ReasonNewEpisode::P,
                    (false, true, false) => ReasonNewEpisode::T,
                    (true, true, true) => ReasonNewEpisode::B,
                    (true, true, false) => ReasonNewEpisode::U,
                }
            }
        };
        if let Some(last) = out.last_mut() {
            last.end_date = Some(d.date());
            last.reason_ceased = Some(ReasonEpisodeCeased::X1);
            if rne != ReasonNewEpisode::L {
                last.reason_place_change = Some(why.unwrap_or(ReasonPlaceChange::CARPL));
            }
        }
        out.push(ClaEpisode {
            start_date: d.date(),
            reason_new_episode: Some(rne),
            legal_status: Some(cur_ls),
            category_of_need: Some(input.need),
            placement: Some(cur_place.place),
            placement_provider: cur_place.provider,
            end_date: None,
            reason_ceased: None,
            reason_place_change: None,
            home_postcode: input.home_postcode.map(str::to_owned),
            placement_postcode: cur_place.postcode.map(str::to_owned),
            urn: cur_place.urn.clone(),
        });
        prev = Some((cur_ls, cur_place));
    }
    if let Some(last) = out.last_mut() {
        last.end_date = Some(end.date());
        last.reason_ceased = Some(reason);
    }
    out
}

/// Reviews: the first within 20 working days, the second within three months of it, then every
/// six months; a few are late.
fn reviews(rng: &mut Rng, start: Day, end: Day, dob: Day) -> Vec<ClaReview> {
    let mut out = Vec::new();
    let mut d = add_working_days(start, rng.range(8, 19) as u32);
    if rng.chance(0.06) {
        d = add_working_days(d, rng.range(3, 15) as u32);
    }
    let mut k = 0;
    while d < end {
        let participation = if d < dob.add_years(4) {
            ReviewParticipation::PN0
        } else {
            rng.weighted(&[
                (ReviewParticipation::PN1, 46),
                (ReviewParticipation::PN2, 8),
                (ReviewParticipation::PN3, 4),
                (ReviewParticipation::PN4, 4),
                (ReviewParticipation::PN5, 10),
                (ReviewParticipation::PN6, 16),
                (ReviewParticipation::PN7, 12),
            ])
        };
        out.push(ClaReview {
            date: d.date(),
            participation: Some(participation),
        });
        k += 1;
        let gap = if k == 1 {
            rng.range(55, 88)
        } else {
            rng.range(140, 178)
        };
        let late = if rng.chance(0.07) {
            rng.range(7, 45)
        } else {
            0
        };
        d = next_working_day(d.plus(gap + late));
    }
    out
}

/// Missing and away-without-authorisation episodes, each inside one placement episode, after
/// the 11th birthday, and never across 31 March.
fn missing(rng: &mut Rng, episodes: &[ClaEpisode], dob: Day, end: Day) -> Vec<MissingEpisode> {
    let mut out = Vec::new();
    let from = dob.add_years(11);
    let mut d = from
        .max(Day::from_date(episodes[0].start_date))
        .plus(rng.range(10, 120));
    while d < end {
        let len = rng.weighted(&[(0i64, 40), (1, 35), (2, 15), (3, 7), (6, 3)]);
        let stop = d.plus(len);
        let inside = episodes.iter().any(|e| {
            let s = Day::from_date(e.start_date);
            let t = e.end_date.map(Day::from_date).unwrap_or(end);
            s < d && stop < t
        });
        let (y, _, _) = d.parts();
        let crosses_year_end = (d <= year_end(y) && stop > year_end(y))
            || (d <= year_end(y + 1) && stop > year_end(y + 1));
        if inside && !crosses_year_end {
            let kind = if rng.chance(0.78) {
                MissingKind::M
            } else {
                MissingKind::A
            };
            out.push(MissingEpisode {
                kind: Some(kind),
                start_date: d.date(),
                end_date: Some(stop.date()),
            });
        }
        d = stop.plus(rng.piecewise(&[(0.0, 3.0), (0.5, 30.0), (0.9, 150.0), (1.0, 400.0)]) as i64);
    }
    out
}

fn previous_permanence(rng: &mut Rng, start: Day, input: &CareInput) -> PreviousPermanenceOrder {
    let kind = rng.weighted(&[
        (PreviousPermanence::Z1, 88),
        (PreviousPermanence::P2, 5),
        (PreviousPermanence::P3, 3),
        (PreviousPermanence::P1, 1),
        (PreviousPermanence::P4, 3),
    ]);
    // An order needs time to have been made: none for babies. The date (possibly with an
    // unknown day, which validators read as the month's last day) is well before care began.
    let birth = input.dob.plus(30);
    let latest = start.plus(-62);
    if kind == PreviousPermanence::Z1 || input.entry == Entry::Uasc || latest <= birth {
        return PreviousPermanenceOrder {
            kind: Some(PreviousPermanence::Z1),
            la: None,
            date: None,
        };
    }
    let d = birth.plus(rng.range(0, latest.since(birth) as i64));
    let (y, m, day) = d.parts();
    let date = if rng.chance(0.15) {
        format!("ZZ/{m:02}/{y:04}")
    } else {
        format!("{day:02}/{m:02}/{y:04}")
    };
    let la = if rng.chance(0.8) {
        input.area.la_code.to_owned()
    } else {
        "850".to_owned()
    };
    PreviousPermanenceOrder {
        kind: Some(kind),
        la: Some(la),
        date: Some(date),
    }
}
