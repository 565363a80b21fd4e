//! A deterministic synthetic council: children's journeys through social care at England's
//! published rates, written as the files a council exchanges: the CIN census XML, the SSDA903
//! CSVs and the case-management extract. The same seed gives byte-identical files, forever: the
//! generator has its own random number generator ([`rng`], xoshiro256**, integer and exactly
//! rounded arithmetic only) and never reads the clock (the census `DateTime` is 20 April after
//! the reference date).
//!
//! ```no_run
//! let config = synth::SynthConfig { children: 1_000, ..synth::SynthConfig::default() };
//! let council = synth::generate(&config); // pure: no I/O
//! synth::write(&council, &config, std::path::Path::new("out")).unwrap();
//! ```
//!
//! # The generative model
//!
//! All rates below live in [`params`], each with its source.
//!
//! **Children.** Each child is drawn independently from its own random stream (stream = the
//! child's serial number), so adding children never changes the ones before. A child's first
//! referral falls uniformly in the 18 years before the reference date (31 March of
//! [`SynthConfig::year`]); the child is kept if any of their involvement (an open CIN episode, a
//! period of care, a care-leaver birthday) touches the last five collection years, and drawing
//! stops when [`SynthConfig::children`] children are kept. The first two of the five years are a
//! lead-in, so that the three years that matter start with open cases, children in care and
//! earlier CP plans. Ages at first referral follow the CIN age profile (3.5% unborn); about 1% of
//! children arrive as unaccompanied asylum-seeking children (UASC) aged 14 to 17.
//!
//! **Episodes.** A referral is NFA with probability 7% (closed on the day, RC7); otherwise a
//! single assessment starts on the day or within four days and lasts a number of working days
//! drawn from the C2 distribution (median 33, 85.7% within 45). A third of assessed referrals
//! have a section 47 enquiry alongside (over half before birth); 28% of enquiries reach an
//! initial conference (81% within 15 working days) and 86% of conferences start a CP plan on the
//! conference day. Otherwise the assessment ends in "not in need" (closed RC8/RC9 on completion),
//! a CIN plan, services without a plan, or care. A CIN plan lasts a few months to two years; 13%
//! escalate to an enquiry with a new assessment (55% conferenced, 90% of those to a CP plan, the
//! CIN plan ending on the day the CP plan starts, which CIN rules 4001, 4016 and 4017 allow), 5%
//! end with the child coming into care (three times that for babies). A CP plan ends at a review
//! conference (first within three months, then every six), its length drawn so that about 4.4%
//! of ending plans lasted two years or more; then the child steps down to a CIN plan (from the
//! next day), the case closes, the child comes into care, or moves away. After a case closes the
//! child is referred again with probability 60%, after a gap that puts 22.6% of referrals within
//! twelve months of the last.
//!
//! **Care.** A period of care is drawn whole (module `care`): how it ends and when (home, special
//! guardianship, child arrangements order, adoption, at 18, independent living, remand ended, a
//! move to another council), by age at entry; the legal-status timeline (police protection or an
//! EPO for a few days, interim then full care order, placement order for adoption, or section 20);
//! placements (in-house, agency and kinship foster care becoming long-term with the same carers,
//! children's homes, registered supported accommodation from 16, placement with parents before
//! discharge, adoptive placements) with moves, each a new episode with the RNE (P, T, L, B, U)
//! the change implies; reviews on the statutory timescale (a few late); missing and
//! away-without-authorisation episodes for some teenagers; OC2 outcomes for each year looked
//! after throughout; AD1 and PlacedAdoption for adopted children; PrevPerm for each new period;
//! OC3 records at the 17th to 21st birthdays of care leavers. Children enter care from CP plans,
//! CIN plans, straight from a referral, or (UASC) with no CIN history; a child does not start a
//! second period of care within two years of the last.
//!
//! **Family Safeguarding** launches on 1 July two years before the reference date. From then on
//! 60% of families starting CIN or CP work (and of those open at launch) are worked by Family
//! Safeguarding teams with adult specialists (domestic abuse, mental health, substance use), and
//! for those families escalation from CIN to CP is 30% less likely and care 20% less likely.
//!
//! **Workforce** (module `workforce`): assessment, child in need and protection, Family Safeguarding
//! (from launch), children in care and care leavers teams, with posts sized to caseloads of about
//! 15; workers (14% agency) hold a post for months to years, and every case is allocated to a post
//! in the right service. Social worker episodes (SSDA903 SWEpisodes) are the child's allocations.
//!
//! **Assurance** (module [`assurance`]): eight quarterly audit cycles over the last two collection
//! years, each a stratified sample (4% of the open, allocated children, at least five) allocated
//! to the team managers and two QA auditors, graded at the seed's mix (outstanding 12%, good 54%,
//! requires improvement 32%, inadequate 2%; about 87% completed), 15% moderated, dip samples of
//! those graded requires improvement, and actions tracked to closure; workforce posts built from
//! the workers, with vacancies (mental health hardest to fill); family feedback, participation
//! events and nominations. Written to `DIR/assurance/` in the `assurance::csv` layouts.
//!
//! **Population.** The council's child population aged 0-17 is derived, not chosen: it is the
//! number that makes the last year's referrals 519 per 10,000 children (England 2024-25). Every
//! other rate per 10,000 (S47s, ICPCs, CP plans, children looked after) is then an outcome of the
//! journey model; [`stats`] computes them and the crate's tests check them against England's.
//! The dataset holds it as a population table (`population.csv`) of six mid-year estimates,
//! growing about 0.4% a year to that figure, whose vintage says it is synthetic.
//!
//! **Practice records** (module `practice`): contacts, strategy discussions, statutory visits,
//! case supervisions, chronology entries and return-home interviews, drawn from each child's
//! journey so they agree with it (a visit falls inside a plan or episode of care, by the worker
//! allocated that day; a strategy discussion precedes its enquiry; an interview follows a missing
//! episode); visits and supervisions are mostly but not always on time.
//!
//! **Partnership data set** (module `partnership`): the partners' monthly figures for each
//! Family Safeguarding family (police domestic-abuse call-outs, A&E attendances, treatment
//! starts, school attendance) for the 12 months either side of the month its involvement began,
//! inside the practice records' window; call-outs and A&E attendances fall after involvement on
//! average, treatment starts and attendance rise, each family noisily. Written to
//! `DIR/extract/partnership.csv`.
//!
//! **Where.** The council is Richmond upon Thames (LA 318, the default) or Southampton (LA 852);
//! see [`postcodes`]. Richmond is the default because it is the placing authority the SSDA903
//! validators assume unless told otherwise (`--la E09000027`).
//!
//! # The files, as known on each 31 March
//!
//! Journeys are drawn including their future; [`asat`] cuts them at the reference date for
//! [`Council::dataset`] (later events do not exist, open things stay open), and again a year
//! earlier for the previous year's returns. Each return holds what its year holds (see
//! [`asat::cin_census`] and [`asat::ssda903`]). To be clean under the DfE rules as the Data to
//! Insight validators apply them, a few things are shaped:
//!
//! - assessments and enquiries that would straddle a 31 March are kept short enough not to be
//!   queried (CIN 8670Q, 8675Q), and an enquiry conferenced after a 31 March keeps its assessment
//!   open until the conference (2991Q);
//! - OC3 records appear only for care leavers looked after in this year or the last, the history
//!   that rules 1001 and 1002 can see with two years loaded (the dataset has them all);
//! - SWEpisodes rows cover the latest period of care, the last one open, also for a child who
//!   left care in the year (rules SW12 and SW17 as the validators apply them);
//! - registered supported accommodation is inside the council's area (rule 241).

pub mod asat;
pub mod assurance;
mod care;
pub mod days;
mod journey;
pub mod params;
mod partnership;
pub mod postcodes;
mod practice;
pub mod rng;
pub mod stats;
mod workforce;
mod write;

pub use write::{WrittenFiles, write};

use days::*;
use model::{CollectionYear, Dataset, Date};

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthConfig {
    /// Children with any involvement in the last five collection years.
    pub children: u32,
    pub seed: u64,
    /// The last collection year, named by its end: 2026 is 2025-26.
    pub year: i16,
    /// The council's three-digit LA code (CIN `LEA`, characters 2-4 of UPNs).
    pub la_code: String,
}

impl Default for SynthConfig {
    fn default() -> Self {
        Self {
            children: 1_000,
            seed: 1,
            year: 2026,
            la_code: "318".to_owned(),
        }
    }
}

/// A synthetic council.
#[derive(Debug, Clone)]
pub struct Council {
    /// Everything known on the reference date, full history, sorted.
    pub dataset: Dataset,
    /// Children aged 0-17 in the area (see the module documentation for how it is derived).
    pub population_0_17: u32,
    pub family_safeguarding_launch: Date,
    /// The last collection year.
    pub year: CollectionYear,
    pub la_code: String,
    /// Where the council is: its postcodes and the ONS code validators use for it.
    pub area: &'static postcodes::Area,
    /// Each child's UPN (issued at school entry), by position in `dataset.children`.
    upns: Vec<String>,
}

impl Council {
    /// The UPN the child has or will have (the as-at views decide whether it was issued yet).
    pub fn upn_of(&self, index: usize) -> Option<&str> {
        self.upns.get(index).map(String::as_str)
    }
}

/// Generates the council.
pub fn generate(config: &SynthConfig) -> Council {
    let year = i32::from(config.year);
    let reference = year_end(year);
    let ctx = journey::Ctx {
        seed: config.seed,
        la_code: config.la_code.clone(),
        area: postcodes::area_for(&config.la_code),
        reference,
        history_start: year_start(year - 4),
        first_referral_from: reference.add_years(-18),
        fs_launch: Day::ymd(year - 2, 7, 1),
    };
    let mut journeys = Vec::with_capacity(config.children as usize);
    let mut serial = 0u64;
    while journeys.len() < config.children as usize {
        serial += 1;
        let mut j = journey::simulate(&ctx, serial);
        if j.involved_between(ctx.history_start, reference) {
            // Keep only what is known on the reference date (social worker episodes are added,
            // and cut, once the workforce exists).
            let upn = j.upn_from.map(|_| j.upn.as_str());
            j.child = asat::as_at(&j.child, reference, upn).expect("a kept child is known");
            journeys.push(j);
        }
    }
    let workforce = workforce::build(&ctx, &mut journeys);

    let mut children = Vec::with_capacity(journeys.len());
    let mut upns = Vec::with_capacity(journeys.len());
    for j in journeys {
        let upn = j.upn_from.map(|_| j.upn);
        // Cutting again is idempotent for everything but the new social worker episodes.
        if let Some(c) = asat::as_at(&j.child, reference, upn.as_deref()) {
            children.push(c);
            upns.push(upn.unwrap_or_default());
        }
    }
    let cut = |end: Option<Date>| end.filter(|&e| Day::from_date(e) <= reference);
    let known = |start: Date| Day::from_date(start) <= reference;
    let workers = workforce
        .workers
        .into_iter()
        .filter(|w| w.start_date.is_some_and(known))
        .map(|mut w| {
            w.end_date = cut(w.end_date);
            w
        })
        .collect();
    let allocations = workforce
        .allocations
        .into_iter()
        .filter(|a| known(a.start))
        .map(|mut a| {
            a.end = cut(a.end);
            a
        })
        .collect();
    let family_safeguarding = workforce
        .family_safeguarding
        .into_iter()
        .filter(|f| known(f.start))
        .map(|mut f| {
            f.end = cut(f.end);
            f
        })
        .collect();
    // Children in id order, each with its UPN (ids sort as generated until the ten millionth).
    let mut pairs: Vec<(model::Child, String)> = children.into_iter().zip(upns).collect();
    pairs.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    let (children, upns): (Vec<_>, Vec<_>) = pairs.into_iter().unzip();
    let mut dataset = Dataset {
        children,
        teams: workforce.teams,
        workers,
        allocations,
        family_safeguarding,
        ..Dataset::default()
    };
    // Canonical order (children are sorted already, so their UPNs stay aligned).
    dataset.normalise();
    // Practice records cover the 40 months to the reference date: 36 months of indicators and
    // the look-back before them.
    let practice_from = reference.add_months(-40).max(ctx.history_start);
    practice::add(&mut dataset, config.seed, practice_from, reference);
    dataset.partner_figures = partnership::figures(&dataset, config.seed, practice_from, reference);

    let referrals_last_year = dataset
        .children
        .iter()
        .flat_map(|c| &c.referrals)
        .filter(|r| CollectionYear(config.year).contains(r.referral_date))
        .count() as u64;
    let population_0_17 = ((referrals_last_year * 10_000 + 259) / 519).max(1) as u32;
    dataset.population =
        practice::population(ctx.area.ons_code, config.seed, reference, population_0_17);
    Council {
        dataset,
        population_0_17,
        family_safeguarding_launch: ctx.fs_launch.date(),
        year: CollectionYear(config.year),
        la_code: config.la_code.clone(),
        area: ctx.area,
        upns,
    }
}
