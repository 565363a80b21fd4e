//! One child's journey through children's social care, drawn whole.
//!
//! The journey is simulated as it "will" happen, including events after the reference date; the
//! as-at views ([`crate::asat`]) cut it at 31 March of whichever year is being written. Only the
//! four IEEE operations are used on floating-point numbers (see [`crate::rng`]).

use crate::care::{self, CareInput, CarePeriod, Entry};
use crate::days::*;
use crate::params::*;
use crate::postcodes::Area;
use crate::rng::Rng;
use model::codes::*;
use model::*;

/// The fixed points of a run.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub seed: u64,
    pub la_code: String,
    pub area: &'static Area,
    /// 31 March of the last collection year.
    pub reference: Day,
    /// 1 April of the first year whose involvement makes a child part of the council's history.
    pub history_start: Day,
    /// First referrals are drawn from this day on (18 years before the reference date, so that
    /// the oldest children in care at the end entered at birth).
    pub first_referral_from: Day,
    pub fs_launch: Day,
}

/// Which team holds a piece of work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Service {
    Assessment,
    /// Child in need and child protection work outside Family Safeguarding.
    Safeguarding,
    FamilySafeguarding,
    ChildrenInCare,
    CareLeavers,
}

/// A span of work on a child's case, for allocations.
#[derive(Debug, Clone, Copy)]
pub struct Work {
    pub service: Service,
    pub start: Day,
    pub end: Day,
}

/// A family's involvement with Family Safeguarding.
#[derive(Debug, Clone, Copy)]
pub struct FsSpan {
    pub start: Day,
    pub end: Day,
    pub domestic_abuse: bool,
    pub mental_health: bool,
    pub substance_use: bool,
}

/// A child's whole journey, future included.
#[derive(Debug, Clone)]
pub struct Journey {
    pub serial: u64,
    pub child: Child,
    /// Episode ends that the model cannot hold, by referral: the day each CINdetails closes.
    pub closures: Vec<Option<Day>>,
    /// Periods of care: first and last day.
    pub care: Vec<(Day, Day)>,
    pub work: Vec<Work>,
    pub fs: Vec<FsSpan>,
    /// The day the first UPN was issued (school entry), if ever.
    pub upn_from: Option<Day>,
    pub upn: String,
}

impl Journey {
    /// Whether anything about the child is open or happens in `[from, to]`.
    pub fn involved_between(&self, from: Day, to: Day) -> bool {
        let referral = self
            .child
            .referrals
            .iter()
            .zip(&self.closures)
            .any(|(r, c)| {
                let start = Day::from_date(r.referral_date);
                start <= to && c.is_none_or(|c| c >= from)
            });
        let care = self
            .care
            .iter()
            .any(|&(start, end)| start <= to && end >= from);
        let leaver = self.child.care_leaver_records.iter().any(|c| {
            let y = c.year.0 as i32;
            year_end(y) >= from && year_start(y) <= to
        });
        referral || care || leaver
    }
}

struct Sim<'a> {
    ctx: &'a Ctx,
    rng: Rng,
    dob: Day,
    uasc: bool,
    journey_cp_plans: u32,
    referrals: Vec<Referral>,
    closures: Vec<Option<Day>>,
    care: Vec<CarePeriod>,
    work: Vec<Work>,
    fs: Vec<FsSpan>,
    home_postcode: &'static str,
    missing_prone: bool,
    serial: u64,
    /// No new period of care starts before this day (two years after the last one ended), so
    /// that no return shows two periods of care in a way its rules cannot reconcile.
    no_care_until: Day,
}

/// Draws child number `serial`.
pub fn simulate(ctx: &Ctx, serial: u64) -> Journey {
    let mut rng = Rng::stream(ctx.seed, serial);
    let span = ctx.reference.since(ctx.first_referral_from) as i64;
    let first = ctx.first_referral_from.plus(rng.range(0, span));
    let uasc = rng.chance(P_UASC);
    let dob = if uasc {
        first.plus(-(rng.range(14 * 365 + 30, 17 * 365 + 200)))
    } else if rng.chance(P_UNBORN) {
        first.plus(rng.range(40, 200))
    } else {
        let age_days = rng.piecewise(FIRST_REFERRAL_AGE) * 365.25;
        first.plus(-(age_days as i64))
    };
    // The DfE validators measure ages on the reference date in years of 365.2425 days, which
    // makes a child born on 31 March a year younger on their birthday (so rule 1016 misfires on
    // a care leaver turning 18 that day); the synthetic council has no 31 March birthdays.
    let dob = match dob.parts() {
        (_, 3, 31) => dob.plus(-1),
        _ => dob,
    };
    let sex = if rng.chance(if uasc { 0.92 } else { 0.51 }) {
        Sex::M
    } else {
        Sex::F
    };
    let ethnicity = if uasc {
        rng.weighted(&[
            (Ethnicity::OOTH, 40),
            (Ethnicity::BAFR, 30),
            (Ethnicity::AOTH, 25),
            (Ethnicity::NOBT, 5),
        ])
    } else {
        rng.weighted(ETHNICITY)
    };
    let disabilities = disabilities(&mut rng);
    let home_postcode = rng.pick(ctx.area.home);
    let missing_prone = rng.chance(0.16);
    let mut sim = Sim {
        ctx,
        rng,
        dob,
        uasc,
        journey_cp_plans: 0,
        referrals: Vec::new(),
        closures: Vec::new(),
        care: Vec::new(),
        work: Vec::new(),
        fs: Vec::new(),
        home_postcode,
        missing_prone,
        serial,
        no_care_until: Day(i32::MIN),
    };
    let dob18 = dob.add_years(18);
    let mut t = first;
    while t <= ctx.reference && t < dob18.plus(-45) {
        let closure = sim.episode(t);
        match closure {
            Some(c) if c <= ctx.reference => {
                let adopted = sim.care.last().is_some_and(|p| {
                    p.end == c
                        && matches!(
                            p.reason,
                            ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12
                        )
                });
                if adopted || !sim.rng.chance(P_REREFERRAL) {
                    break;
                }
                let gap = sim.rng.piecewise(REREFERRAL_GAP_DAYS) as i64;
                t = c.plus(1 + gap);
            }
            _ => break,
        }
    }
    let mut rng = sim.rng;
    let mut child = Child {
        id: ChildId(format!("C{serial:07}")),
        upn: None,
        former_upn: None,
        upn_unknown: None,
        birth_date: Some(dob.date()),
        expected_birth_date: None,
        death_date: None,
        sex: Some(sex),
        ethnicity: Some(ethnicity),
        disabilities,
        uasc: if uasc {
            Some(UascStatus {
                ceased: Some(dob18.date()),
            })
        } else {
            None
        },
        mother: None,
        mothers_child_birth_date: None,
        referrals: sim.referrals,
        cla_episodes: Vec::new(),
        cla_reviews: Vec::new(),
        missing_episodes: Vec::new(),
        care_leaver_records: Vec::new(),
        outcomes: Vec::new(),
        adoption: None,
        placed_for_adoption: Vec::new(),
        previous_permanence: None,
        social_worker_episodes: Vec::new(),
    };
    for p in &mut sim.care {
        child.cla_episodes.append(&mut p.episodes);
        child.cla_reviews.append(&mut p.reviews);
        child.missing_episodes.append(&mut p.missing);
        if let Some(pa) = p.placed_for_adoption {
            child.placed_for_adoption.push(pa);
        }
        if p.adoption.is_some() {
            child.adoption = p.adoption;
        }
        child.previous_permanence = Some(std::mem::take(&mut p.previous_permanence));
    }
    // A few girls in care become mothers.
    if sex == Sex::F && !sim.care.is_empty() && rng.chance(0.04) {
        let p = &sim.care[sim.care.len() - 1];
        let from = dob.add_years(15).max(p.start.plus(30));
        if from < p.end.plus(-30) {
            let mc = from.plus(rng.range(0, p.end.since(from) as i64 - 30));
            child.mothers_child_birth_date = Some(mc.date());
        }
    }
    care_leaver_records(&mut rng, &mut child, &sim.care, dob, ctx.reference);
    outcomes(&mut rng, &mut child, &sim.care, dob, ctx.reference);
    let mut work = sim.work;
    for p in &sim.care {
        work.push(Work {
            service: Service::ChildrenInCare,
            start: p.start,
            end: p.end,
        });
        if p.leaves_as_care_leaver {
            let until = dob.add_years(21);
            if p.end < until {
                work.push(Work {
                    service: Service::CareLeavers,
                    start: p.end,
                    end: until,
                });
            }
        }
    }
    work.sort_by_key(|w| (w.start, w.end));
    // School entry: the September after the fourth birthday.
    let (y4, m4, _) = dob.add_years(4).parts();
    let upn_from = if uasc {
        None
    } else {
        Some(Day::ymd(if m4 >= 9 { y4 + 1 } else { y4 }, 9, 1))
    };
    let upn = upn_for(&ctx.la_code, serial);
    Journey {
        serial,
        child,
        closures: sim.closures,
        care: sim.care.iter().map(|p| (p.start, p.end)).collect(),
        work,
        fs: sim.fs,
        upn_from,
        upn,
    }
}

/// A valid UPN: check letter, the LA code, then digits (unique per child).
pub fn upn_for(la_code: &str, serial: u64) -> String {
    let la: String = la_code.chars().filter(char::is_ascii_digit).collect();
    let la = if la.len() == 3 { la } else { "852".to_owned() };
    let body = format!("{la}{:09}", (serial * 7_919 + 10_000_000) % 1_000_000_000);
    let digits: Vec<u32> = body.chars().map(|c| c.to_digit(10).unwrap()).collect();
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| d * (i as u32 + 2))
        .sum();
    let letters = b"ABCDEFGHJKLMNPQRTUVWXYZ";
    format!("{}{body}", letters[(sum % 23) as usize] as char)
}

const ETHNICITY: &[(Ethnicity, u32)] = &[
    (Ethnicity::WBRI, 620),
    (Ethnicity::WIRI, 4),
    (Ethnicity::WIRT, 3),
    (Ethnicity::WOTH, 60),
    (Ethnicity::WROM, 6),
    (Ethnicity::MWBC, 25),
    (Ethnicity::MWBA, 10),
    (Ethnicity::MWAS, 15),
    (Ethnicity::MOTH, 30),
    (Ethnicity::AIND, 12),
    (Ethnicity::APKN, 25),
    (Ethnicity::ABAN, 10),
    (Ethnicity::AOTH, 20),
    (Ethnicity::BCRB, 12),
    (Ethnicity::BAFR, 40),
    (Ethnicity::BOTH, 12),
    (Ethnicity::CHNE, 2),
    (Ethnicity::OOTH, 30),
    (Ethnicity::REFU, 5),
    (Ethnicity::NOBT, 29),
];

fn disabilities(rng: &mut Rng) -> Vec<Disability> {
    let u = rng.unit();
    if u < 0.74 {
        vec![Disability::NONE]
    } else if u < 0.87 {
        Vec::new()
    } else {
        let all = [
            (Disability::AUT, 30),
            (Disability::LD, 22),
            (Disability::BEH, 20),
            (Disability::COMM, 12),
            (Disability::MOB, 6),
            (Disability::HAND, 2),
            (Disability::PC, 3),
            (Disability::INC, 2),
            (Disability::HEAR, 3),
            (Disability::VIS, 2),
            (Disability::CON, 1),
            (Disability::DDA, 8),
        ];
        let n = 1 + rng.count(0.35, 3);
        let mut out: Vec<Disability> = (0..n).map(|_| rng.weighted(&all)).collect();
        out.sort();
        out.dedup();
        out
    }
}

fn referral_source(rng: &mut Rng) -> ReferralSource {
    use ReferralSource::*;
    rng.weighted(&[
        (R6, 290),
        (R2A, 190),
        (R2B, 15),
        (R3A, 20),
        (R3B, 25),
        (R3C, 5),
        (R3D, 10),
        (R3E, 45),
        (R3F, 50),
        (R4, 20),
        (R5A, 40),
        (R5B, 30),
        (R5C, 20),
        (R5D, 35),
        (R1A, 50),
        (R1B, 10),
        (R1C, 10),
        (R1D, 10),
        (R7, 30),
        (R8, 60),
        (R9, 15),
        (R10, 10),
    ])
}

fn primary_need(rng: &mut Rng) -> PrimaryNeed {
    use PrimaryNeed::*;
    rng.weighted(&[
        (N1, 570),
        (N2, 95),
        (N3, 40),
        (N4, 90),
        (N5, 150),
        (N6, 22),
        (N7, 4),
        (N8, 29),
    ])
}

fn need_of_care(p: Option<PrimaryNeed>) -> CategoryOfNeed {
    match p {
        Some(PrimaryNeed::N2) => CategoryOfNeed::N2,
        Some(PrimaryNeed::N3) => CategoryOfNeed::N3,
        Some(PrimaryNeed::N4) => CategoryOfNeed::N4,
        Some(PrimaryNeed::N5) => CategoryOfNeed::N5,
        Some(PrimaryNeed::N6) => CategoryOfNeed::N6,
        Some(PrimaryNeed::N7) => CategoryOfNeed::N7,
        Some(PrimaryNeed::N8) => CategoryOfNeed::N8,
        _ => CategoryOfNeed::N1,
    }
}

fn factors(rng: &mut Rng, need: Option<PrimaryNeed>) -> Vec<AssessmentFactor> {
    use AssessmentFactor::*;
    let pool: &[(AssessmentFactor, u32)] = &[
        (F3B, 130),
        (F4B, 120),
        (F3A, 70),
        (F2B, 60),
        (F1B, 45),
        (F16A, 60),
        (F17A, 70),
        (F4A, 60),
        (F15A, 25),
        (F18C, 25),
        (F18B, 5),
        (F19C, 10),
        (F19B, 4),
        (F5A, 15),
        (F6B, 10),
        (F6A, 8),
        (F5B, 8),
        (F14A, 15),
        (F10A, 12),
        (F11A, 10),
        (F24A, 8),
        (F13A, 5),
        (F7A, 6),
        (F2A, 8),
        (F1A, 4),
        (F2C, 4),
        (F1C, 3),
        (F3C, 4),
        (F4C, 5),
        (F12A, 2),
        (F22A, 1),
        (F23A, 1),
        (F20, 20),
    ];
    let mut out = Vec::new();
    if need == Some(PrimaryNeed::N2) {
        out.push(if rng.chance(0.5) { F5A } else { F6A });
    }
    let n = 1 + rng.count(0.45, 4);
    for _ in 0..n {
        out.push(rng.weighted(pool));
    }
    out.sort();
    out.dedup();
    out
}

/// Whether a 31 March falls in `[from, to)`.
fn crosses_year_end(from: Day, to: Day) -> bool {
    from < to && year_end(collection_year_of(from)) < to
}

/// Moves `end` back before a 31 March it would cross, when the thing started more than
/// `limit` working days before that 31 March: every census would otherwise query it (CIN
/// rules 8670Q, 8675Q). Returns the new end, a working day on or before 31 March.
fn year_end_guard(start: Day, end: Day, limit: i64) -> Day {
    let mut end = end;
    let (y0, ..) = start.parts();
    for y in y0..=y0 + 2 {
        let r = year_end(y);
        if start <= r && r < end && working_days_between(start, r) > limit {
            end = previous_working_day(r).max(start);
        }
    }
    end
}

impl Sim<'_> {
    fn fs_now(&mut self, d: Day, fs: &mut Option<(Day, bool, bool, bool)>) -> bool {
        if fs.is_some() {
            return true;
        }
        if d >= self.ctx.fs_launch && !self.uasc && self.rng.chance(P_FAMILY_SAFEGUARDING) {
            let mut da = self.rng.chance(P_FS_DOMESTIC_ABUSE);
            let mh = self.rng.chance(P_FS_MENTAL_HEALTH);
            let su = self.rng.chance(P_FS_SUBSTANCE_USE);
            // Most families the service takes on have at least one adult specialist.
            if !(da || mh || su) && self.rng.chance(0.7) {
                da = true;
            }
            *fs = Some((d, da, mh, su));
            return true;
        }
        false
    }

    /// Simulates one referral and the episode that follows it; returns the closure day (which
    /// may be after the reference date) or `None` when the episode never closes.
    fn episode(&mut self, r: Day) -> Option<Day> {
        let ctx = self.ctx;
        let mut refl = Referral {
            referral_date: r.date(),
            source: Some(if self.uasc {
                self.rng.weighted(&[
                    (ReferralSource::R7, 60),
                    (ReferralSource::R6, 30),
                    (ReferralSource::R5C, 10),
                ])
            } else {
                referral_source(&mut self.rng)
            }),
            ..Referral::default()
        };
        if !self.uasc && self.rng.chance(P_NFA) {
            refl.no_further_action = true;
            refl.closure_date = Some(r.date());
            refl.reason_for_closure = Some(ReasonForClosure::RC7);
            self.referrals.push(refl);
            self.closures.push(Some(r));
            return Some(r);
        }
        let need = if self.uasc {
            Some(PrimaryNeed::N8)
        } else {
            Some(primary_need(&mut self.rng))
        };
        refl.primary_need = need;

        // Babies, and children not yet born, come into care far more often than older children.
        let unborn = r < self.dob;
        // The single assessment, and a section 47 enquiry alongside it for some.
        let a_start = if self.rng.chance(0.75) {
            r
        } else {
            r.plus(self.rng.range(1, 4))
        };
        let a_wd = if self.uasc {
            self.rng.range(2, 12) as u32
        } else {
            self.rng.piecewise(ASSESSMENT_WD) as u32
        };
        let mut a_end = year_end_guard(a_start, add_working_days(a_start, a_wd), 40);
        let mut fs: Option<(Day, bool, bool, bool)> = None;
        let mut cp_count = 0u32;
        let mut plans_end = a_end;
        let mut care_start: Option<Day> = None;
        let mut outcome: Option<Outcome> = None;
        let mut step_start = a_end;

        if self.uasc {
            care_start = Some(r.plus(self.rng.range(0, 2)));
        } else if self.rng.chance(if unborn {
            P_S47_PRE_BIRTH
        } else {
            P_S47_AT_START
        }) {
            let s = if self.rng.chance(0.7) {
                a_start
            } else {
                add_working_days(a_start, 1)
            };
            let p_icpc = if unborn {
                P_ICPC_PRE_BIRTH
            } else {
                P_ICPC_GIVEN_S47
            };
            let (s47, decided) = self.section47(s, p_icpc);
            refl.section47s.push(s47);
            step_start = step_start.max(decided);
            // A census that shows the conference must show an assessment too (CIN 2991Q).
            if crosses_year_end(a_end, decided) {
                a_end = decided;
            }
            if let Some(icpc) = s47.icpc_date.map(Day::from_date)
                && self.rng.chance(P_CPP_GIVEN_ICPC)
            {
                // The plan starts at the conference.
                let (end, next) = self.cp_plan(&mut refl, icpc, &mut fs, &mut cp_count);
                plans_end = end;
                match next {
                    Next::Care(d) => care_start = Some(d),
                    Next::Cin(d) => step_start = d,
                    Next::Close => outcome = Some(Outcome::NotInNeed),
                }
                if outcome.is_none() && care_start.is_none() {
                    outcome = Some(Outcome::CinPlan);
                }
            } else {
                outcome = Some(self.rng.weighted(&AFTER_S47_NO_PLAN));
            }
        } else {
            outcome = Some(self.rng.weighted(&AFTER_ASSESSMENT));
            if outcome == Some(Outcome::CinPlan) && self.is_baby(a_start) && self.rng.chance(0.08) {
                outcome = Some(Outcome::Care);
            }
            if outcome == Some(Outcome::Care) && a_start < self.no_care_until {
                outcome = Some(Outcome::CinPlan);
            }
            if outcome == Some(Outcome::Care) {
                // An emergency: accommodated during the assessment.
                care_start = Some(a_start.plus(self.rng.range(0, 8)));
                outcome = None;
            }
        }

        // What follows, until the episode closes or the child comes into care.
        let mut closure: Option<(Day, ReasonForClosure)> = None;
        let had_s47 = !refl.section47s.is_empty();
        if care_start.is_none() {
            match outcome {
                Some(Outcome::NotInNeed) if !had_s47 && refl.cp_plans.is_empty() => {
                    // Closed on completion of the assessment.
                    let rc = if self.rng.chance(0.6) {
                        ReasonForClosure::RC8
                    } else {
                        ReasonForClosure::RC9
                    };
                    closure = Some((a_end, rc));
                }
                Some(Outcome::NotInNeed) | Some(Outcome::Services) => {
                    let from = step_start.max(plans_end).max(a_end);
                    let d = from.plus(self.rng.piecewise(SERVICES_DAYS) as i64);
                    self.support_work(from, d, &fs);
                    closure = Some((d, ReasonForClosure::RC7));
                }
                Some(Outcome::CinPlan) | Some(Outcome::Care) | None => {
                    let start = step_start.max(plans_end).max(a_end);
                    let (end, next) = self.cin_chain(&mut refl, start, &mut fs, &mut cp_count);
                    plans_end = plans_end.max(end);
                    match next {
                        Next::Care(d) => care_start = Some(d),
                        _ => {
                            let d = end.plus(self.rng.range(0, 21));
                            let rc = if self.rng.chance(0.06) {
                                ReasonForClosure::RC5
                            } else {
                                ReasonForClosure::RC7
                            };
                            closure = Some((d, rc));
                        }
                    }
                }
            }
        }

        // Care, and what follows it.
        if let Some(mut c) = care_start {
            if c < self.dob {
                c = self.dob.plus(self.rng.range(0, 3));
            }
            let dob18 = self.dob.add_years(18);
            if c >= dob18.plus(-40) {
                let d = c.max(plans_end).max(a_end);
                closure = Some((d, ReasonForClosure::RC7));
            } else {
                // The assessment of an emergency entry still completes.
                let entry = if self.uasc {
                    Entry::Uasc
                } else if plans_end > a_end
                    || !refl.cp_plans.is_empty()
                    || !refl.cin_plans.is_empty()
                {
                    Entry::FromPlan
                } else {
                    Entry::Direct
                };
                let input = CareInput {
                    start: c,
                    dob: self.dob,
                    entry,
                    need: need_of_care(need),
                    home_postcode: if self.uasc {
                        None
                    } else {
                        Some(self.home_postcode)
                    },
                    area: ctx.area,
                    serial: self.serial * 10 + self.care.len() as u64,
                    missing_prone: self.missing_prone,
                };
                let period = care::period(&mut self.rng, &input);
                let end = period.end;
                self.no_care_until = end.plus(2 * 366);
                let reason = period.reason;
                self.care.push(period);
                let rc = match reason {
                    ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12 => ReasonForClosure::RC1,
                    ReasonEpisodeCeased::E45
                    | ReasonEpisodeCeased::E46
                    | ReasonEpisodeCeased::E47
                    | ReasonEpisodeCeased::E48 => ReasonForClosure::RC4,
                    ReasonEpisodeCeased::E41 => ReasonForClosure::RC3,
                    ReasonEpisodeCeased::E7 => ReasonForClosure::RC6,
                    ReasonEpisodeCeased::E3 => ReasonForClosure::RC5,
                    _ => ReasonForClosure::RC7,
                };
                let home = matches!(reason, ReasonEpisodeCeased::E4A | ReasonEpisodeCeased::E4B);
                if home && end < dob18.plus(-200) && self.rng.chance(P_CIN_AFTER_CARE) {
                    let plan_end = end.plus(self.rng.range(90, 270));
                    refl.cin_plans.push(CinPlan {
                        start_date: end.date(),
                        end_date: Some(plan_end.date()),
                    });
                    self.work.push(Work {
                        service: Service::Safeguarding,
                        start: end,
                        end: plan_end,
                    });
                    closure = Some((plan_end.plus(self.rng.range(0, 14)), ReasonForClosure::RC7));
                } else {
                    closure = Some((end.max(a_end).max(plans_end), rc));
                }
                plans_end = plans_end.max(end);
            }
        }

        // The assessment: factors only when completed; code 21 only when the case closes with it.
        let (closure_day, rc) = closure.unwrap();
        let later_assessments = refl
            .assessments
            .iter()
            .filter_map(|a| a.authorised_date.map(Day::from_date))
            .max()
            .unwrap_or(a_end);
        let closure_day = closure_day.max(a_end).max(plans_end).max(later_assessments);
        if a_end > closure_day {
            a_end = closure_day;
        }
        let only_21 = matches!(rc, ReasonForClosure::RC8 | ReasonForClosure::RC9)
            && closure_day == a_end
            && self.rng.chance(0.55);
        refl.assessments.insert(
            0,
            Assessment {
                start_date: a_start.date(),
                internal_review_date: None,
                authorised_date: Some(a_end.date()),
                factors: if only_21 {
                    vec![AssessmentFactor::F21]
                } else {
                    factors(&mut self.rng, need)
                },
            },
        );
        if matches!(rc, ReasonForClosure::RC8 | ReasonForClosure::RC9)
            && refl.primary_need.is_some()
            && self.rng.chance(0.3)
        {
            refl.primary_need = Some(PrimaryNeed::N9);
        }
        refl.closure_date = Some(closure_day.date());
        refl.reason_for_closure = Some(rc);
        self.work.push(Work {
            service: Service::Assessment,
            start: r,
            end: a_end,
        });
        if let Some((start, da, mh, su)) = fs {
            let end = self
                .care
                .last()
                .filter(|p| p.start >= r && p.start <= closure_day)
                .map(|p| p.start)
                .unwrap_or(closure_day);
            if end > start {
                self.fs.push(FsSpan {
                    start,
                    end,
                    domestic_abuse: da,
                    mental_health: mh,
                    substance_use: su,
                });
            }
        }
        self.referrals.push(refl);
        self.closures.push(Some(closure_day));
        Some(closure_day)
    }

    /// A section 47 enquiry started on `s`; returns it and the day its outcome was known.
    fn section47(&mut self, s: Day, p_icpc: f64) -> (Section47, Day) {
        let s = next_working_day(s);
        let target = add_working_days(s, 15);
        if self.rng.chance(p_icpc) {
            let k = self.rng.piecewise(S47_TO_ICPC_WD) as u32;
            let icpc = year_end_guard(s, add_working_days(s, k.max(1)), 12);
            (
                Section47 {
                    start_date: s.date(),
                    icpc_target_date: Some(target.date()),
                    icpc_date: Some(icpc.date()),
                    icpc_not_required: false,
                },
                icpc,
            )
        } else {
            (
                Section47 {
                    start_date: s.date(),
                    icpc_target_date: Some(target.date()),
                    icpc_date: None,
                    icpc_not_required: true,
                },
                not_required_decided(s),
            )
        }
    }

    /// A CP plan from `c` (the ICPC); returns its end and what comes next.
    fn cp_plan(
        &mut self,
        refl: &mut Referral,
        c: Day,
        fs: &mut Option<(Day, bool, bool, bool)>,
        cp_count: &mut u32,
    ) -> (Day, Next) {
        let in_fs = self.fs_now(c, fs);
        let target = c.plus(self.rng.piecewise(CP_PLAN_DAYS) as i64);
        let mut outcome = self.rng.weighted(&AFTER_CP);
        if outcome != CpEnd::Care && self.is_baby(c) && self.rng.chance(P_BABY_CP_TO_CARE) {
            outcome = CpEnd::Care;
        }
        let launch_fs = c < self.ctx.fs_launch && target > self.ctx.fs_launch;
        let in_fs = in_fs || (launch_fs && self.fs_now(self.ctx.fs_launch, fs));
        if outcome == CpEnd::Care
            && ((in_fs && !self.rng.chance(FS_CARE_FACTOR)) || target < self.no_care_until)
        {
            outcome = CpEnd::StepDown;
        }
        let mut reviews = Vec::new();
        let mut d = next_working_day(c.plus(self.rng.range(50, 88)));
        let end;
        let care_day = if outcome == CpEnd::Care {
            // An unborn child comes into care at birth.
            let d = c.plus(self.rng.range(20, target.since(c).max(21) as i64));
            Some(d.max(self.dob.plus(self.rng.range(0, 2))))
        } else {
            None
        };
        loop {
            if let Some(cd) = care_day
                && d >= cd
            {
                end = cd;
                break;
            }
            reviews.push(d);
            if d >= target {
                end = d;
                break;
            }
            let late = if self.rng.chance(0.05) {
                self.rng.range(5, 30)
            } else {
                0
            };
            d = next_working_day(d.plus(self.rng.range(150, 178) + late));
        }
        let review_dates: Vec<Date> = reviews
            .iter()
            .filter(|&&x| x < end || (x == end && care_day.is_none()))
            .map(|x| x.date())
            .collect();
        let initial = self.rng.weighted(&[
            (CategoryOfAbuse::NEG, 500),
            (CategoryOfAbuse::EMO, 370),
            (CategoryOfAbuse::PHY, 70),
            (CategoryOfAbuse::SAB, 40),
            (CategoryOfAbuse::MUL, 20),
        ]);
        let latest = if self.rng.chance(0.88) {
            initial
        } else {
            self.rng.pick(&[
                CategoryOfAbuse::NEG,
                CategoryOfAbuse::EMO,
                CategoryOfAbuse::PHY,
            ])
        };
        refl.cp_plans.push(CpPlan {
            start_date: c.date(),
            end_date: Some(end.date()),
            initial_category: Some(initial),
            latest_category: Some(latest),
            number_of_previous_plans: Some(self.journey_cp_plans),
            review_dates,
        });
        self.journey_cp_plans += 1;
        *cp_count += 1;
        self.support_work(c, end, fs);
        let next = match (outcome, care_day) {
            (_, Some(cd)) => Next::Care(cd),
            // The step-down CIN plan starts the day after the CP plan ends. (Starting it on the
            // same day is allowed, but validators that match a child's CP reviews to plans by
            // their number within each referral would then see a review inside a CIN plan.)
            (CpEnd::StepDown, _) => Next::Cin(end.plus(1)),
            _ => Next::Close,
        };
        if outcome == CpEnd::Transfer {
            return (end, Next::Close);
        }
        (end, next)
    }

    /// CIN plans (and any CP plans they escalate to) from `start`; returns when the last plan
    /// ended and what comes next (care or closure).
    fn cin_chain(
        &mut self,
        refl: &mut Referral,
        start: Day,
        fs: &mut Option<(Day, bool, bool, bool)>,
        cp_count: &mut u32,
    ) -> (Day, Next) {
        let mut c = start;
        for _round in 0..4 {
            let in_fs = self.fs_now(c, fs);
            let dur = self.rng.piecewise(CIN_PLAN_DAYS) as i64;
            let plan_end = c.plus(dur.max(30));
            let launch_fs = c < self.ctx.fs_launch && plan_end > self.ctx.fs_launch;
            let in_fs = in_fs || (launch_fs && self.fs_now(self.ctx.fs_launch, fs));
            let escalate_p = if in_fs {
                P_CIN_ESCALATES * FS_ESCALATION_FACTOR
            } else {
                P_CIN_ESCALATES
            };
            let baby = if self.is_baby(c) {
                BABY_CARE_FACTOR
            } else {
                1.0
            };
            let care_p = if c < self.no_care_until {
                0.0
            } else if in_fs {
                baby * P_CIN_TO_CARE * FS_CARE_FACTOR
            } else {
                baby * P_CIN_TO_CARE
            };
            let u = self.rng.unit();
            if u < escalate_p && dur > 40 {
                let s = next_working_day(c.plus(self.rng.range(25, dur - 10)));
                let (s47, decided) = self.section47(s, P_ICPC_GIVEN_ESCALATION);
                refl.section47s.push(s47);
                // A new assessment runs alongside the enquiry.
                let wd = self.rng.piecewise(ASSESSMENT_WD) as u32;
                let mut a_end = year_end_guard(s, add_working_days(s, wd), 40);
                if crosses_year_end(a_end, decided) {
                    a_end = decided;
                }
                refl.assessments.push(Assessment {
                    start_date: s.date(),
                    internal_review_date: None,
                    authorised_date: Some(a_end.date()),
                    factors: factors(&mut self.rng, refl.primary_need),
                });
                if let Some(icpc) = s47.icpc_date.map(Day::from_date)
                    && self.rng.chance(0.9)
                    && icpc > c
                {
                    // The CIN plan ends when the CP plan starts (CIN rules 4001, 4016, 4017).
                    refl.cin_plans.push(CinPlan {
                        start_date: c.date(),
                        end_date: Some(icpc.date()),
                    });
                    self.support_work(c, icpc, fs);
                    let (end, next) = self.cp_plan(refl, icpc, fs, cp_count);
                    match next {
                        Next::Cin(d) => {
                            c = d;
                            continue;
                        }
                        other => return (end, other),
                    }
                }
                let end = plan_end.max(decided.plus(10));
                refl.cin_plans.push(CinPlan {
                    start_date: c.date(),
                    end_date: Some(end.date()),
                });
                self.support_work(c, end, fs);
                return (end, Next::Close);
            } else if u < escalate_p + care_p && dur > 30 {
                let d = c
                    .plus(self.rng.range(20, dur - 5))
                    .max(self.dob.plus(self.rng.range(0, 2)));
                refl.cin_plans.push(CinPlan {
                    start_date: c.date(),
                    end_date: Some(d.date()),
                });
                self.support_work(c, d, fs);
                return (d, Next::Care(d));
            }
            refl.cin_plans.push(CinPlan {
                start_date: c.date(),
                end_date: Some(plan_end.date()),
            });
            self.support_work(c, plan_end, fs);
            return (plan_end, Next::Close);
        }
        (c, Next::Close)
    }

    /// Whether the child is unborn or under one on `d`.
    fn is_baby(&self, d: Day) -> bool {
        d < self.dob.add_years(1)
    }

    fn support_work(&mut self, start: Day, end: Day, fs: &Option<(Day, bool, bool, bool)>) {
        match fs {
            Some((from, ..)) if *from <= start => {
                self.work.push(Work {
                    service: Service::FamilySafeguarding,
                    start,
                    end,
                });
            }
            Some((from, ..)) if *from < end => {
                self.work.push(Work {
                    service: Service::Safeguarding,
                    start,
                    end: *from,
                });
                self.work.push(Work {
                    service: Service::FamilySafeguarding,
                    start: *from,
                    end,
                });
            }
            _ => self.work.push(Work {
                service: Service::Safeguarding,
                start,
                end,
            }),
        }
    }
}

/// The day an S47 that needs no conference is decided: ten working days after it starts.
pub fn not_required_decided(s47_start: Day) -> Day {
    add_working_days(s47_start, 10)
}

enum Next {
    Care(Day),
    Cin(Day),
    Close,
}

/// SSDA903 OC3: care leavers' circumstances around their 17th to 21st birthdays, when they were
/// not looked after on the birthday.
fn care_leaver_records(
    rng: &mut Rng,
    child: &mut Child,
    care: &[CarePeriod],
    dob: Day,
    reference: Day,
) {
    let Some(last) = care.last() else { return };
    if !last.leaves_as_care_leaver {
        return;
    }
    let returned_home = matches!(
        last.reason,
        ReasonEpisodeCeased::E4A | ReasonEpisodeCeased::E4B
    );
    for age in 17..=21 {
        let birthday = dob.add_years(age);
        if birthday <= last.end || birthday > reference {
            continue;
        }
        let in_touch = if returned_home && age >= 18 && rng.chance(0.4) {
            InTouch::RHOM
        } else {
            rng.weighted(&[
                (InTouch::YES, 880),
                (InTouch::NO, 50),
                (InTouch::REFU, 25),
                (InTouch::NREQ, 45),
            ])
        };
        let (activity, accommodation) = if in_touch == InTouch::YES {
            let act = if age == 17 {
                rng.weighted(&[
                    (Activity::F2, 45),
                    (Activity::F5, 10),
                    (Activity::F4, 5),
                    (Activity::P2, 7),
                    (Activity::G5, 25),
                    (Activity::G4, 5),
                    (Activity::G6, 3),
                ])
            } else {
                rng.weighted(&[
                    (Activity::F1, 10),
                    (Activity::F2, 15),
                    (Activity::F4, 6),
                    (Activity::F5, 20),
                    (Activity::P1, 2),
                    (Activity::P2, 3),
                    (Activity::P4, 2),
                    (Activity::P5, 5),
                    (Activity::G4, 8),
                    (Activity::G5, 23),
                    (Activity::G6, 6),
                ])
            };
            let mut acc = rng.weighted(&[
                (Accommodation::Z1, 14),
                (Accommodation::D1, 24),
                (Accommodation::E1, 8),
                (Accommodation::U1, 22),
                (Accommodation::B1, 10),
                (Accommodation::B2, 2),
                (Accommodation::K1, 3),
                (Accommodation::C1, 2),
                (Accommodation::Y1, 3),
                (Accommodation::V2, 2),
                (Accommodation::S2, 1),
                (Accommodation::X2, 1),
                (Accommodation::D2, 2),
                (Accommodation::U2, 2),
            ]);
            if age == 17 && matches!(acc, Accommodation::Z1 | Accommodation::Z2) {
                acc = Accommodation::D1;
            }
            (act, acc)
        } else {
            (Activity::NotInTouch, Accommodation::NotInTouch)
        };
        child.care_leaver_records.push(CareLeaverRecord {
            year: CollectionYear(collection_year_of(birthday) as i16),
            in_touch: Some(in_touch),
            activity: Some(activity),
            accommodation: Some(accommodation),
        });
    }
}

/// SSDA903 OC2: for each collection year the child was looked after throughout.
fn outcomes(rng: &mut Rng, child: &mut Child, care: &[CarePeriod], dob: Day, reference: Day) {
    for p in care {
        let first_year = collection_year_of(p.start);
        let last_year = collection_year_of(reference);
        for y in first_year..=last_year {
            let (start, end) = (year_start(y), year_end(y));
            if !(p.start <= start && p.end >= end) {
                continue;
            }
            child.outcomes.push(oc2(rng, y, dob, start, end));
        }
    }
}

fn oc2(rng: &mut Rng, y: i32, dob: Day, start: Day, end: Day) -> ClaOutcomes {
    let convicted = if end > dob.add_years(10) {
        Some(rng.chance(0.03))
    } else {
        None
    };
    let health_check = if end < dob.add_years(5) {
        Some(rng.chance(0.9))
    } else {
        None
    };
    let substance = rng.chance(if end.age_of(dob) >= 13 { 0.06 } else { 0.0 });
    let (received, offered) = if substance {
        let r = rng.chance(0.6);
        (Some(r), if r { None } else { Some(rng.chance(0.7)) })
    } else {
        (None, None)
    };
    let four = dob.add_years(4);
    let seventeen = dob.add_years(17);
    let (sdq_score, sdq_reason) = if four > end || seventeen < start {
        (None, None)
    } else if four >= start || seventeen <= end {
        // Turning 4 or 17 in the year.
        if rng.chance(0.5) {
            (Some(rng.range(3, 30) as u8), None)
        } else {
            (None, Some(SdqReason::SDQ1))
        }
    } else if rng.chance(0.78) {
        (Some(rng.range(2, 32) as u8), None)
    } else {
        (
            None,
            Some(rng.weighted(&[
                (SdqReason::SDQ2, 30),
                (SdqReason::SDQ3, 10),
                (SdqReason::SDQ4, 40),
                (SdqReason::SDQ5, 20),
            ])),
        )
    };
    ClaOutcomes {
        year: CollectionYear(y as i16),
        sdq_score,
        sdq_reason,
        convicted,
        health_check,
        immunisations: Some(rng.chance(0.88)),
        teeth_check: Some(rng.chance(0.82)),
        health_assessment: Some(rng.chance(0.9)),
        substance_misuse: Some(substance),
        intervention_received: received,
        intervention_offered: offered,
    }
}
