use super::*;
use jiff::civil::date;
use model::codes::{Placement, PlacementProvider};
use model::{Child, ChildId, ClaEpisode};

fn child(
    id: &str,
    birth: Date,
    episodes: &[(Date, Option<Date>, Placement, Option<PlacementProvider>)],
) -> Child {
    Child {
        id: ChildId::from(id),
        birth_date: Some(birth),
        cla_episodes: episodes
            .iter()
            .map(|&(start, end, place, provider)| ClaEpisode {
                start_date: start,
                end_date: end,
                placement: Some(place),
                placement_provider: provider,
                ..ClaEpisode::default()
            })
            .collect(),
        ..Child::default()
    }
}

/// A: agency fostering aged 14 from 1 January 2025, a children's home from 1 July, still there.
/// B: kinship fostering from her fifth birthday, 1 March 2025, home on 1 September.
fn two_children() -> Dataset {
    Dataset {
        children: vec![
            child(
                "A",
                date(2010, 6, 15),
                &[
                    (
                        date(2025, 1, 1),
                        Some(date(2025, 7, 1)),
                        Placement::U4,
                        Some(PlacementProvider::PR4),
                    ),
                    (
                        date(2025, 7, 1),
                        None,
                        Placement::K2,
                        Some(PlacementProvider::PR4),
                    ),
                ],
            ),
            child(
                "B",
                date(2020, 3, 1),
                &[(
                    date(2025, 3, 1),
                    Some(date(2025, 9, 1)),
                    Placement::U1,
                    None,
                )],
            ),
        ],
        ..Dataset::default()
    }
}

fn costs() -> CostTable {
    CostTable::read(
        "placement_costs.csv",
        "placement,weekly_cost_gbp\nkinship_fostering,350\nagency_fostering,\"1,000\"\nchildrens_home,\"3,500\"\n",
    )
    .unwrap()
}

fn settings(replicates: usize) -> Settings {
    Settings {
        start: date(2026, 1, 1),
        years: 1,
        reference_start: Some(date(2025, 1, 1)),
        method: Method::harbour(),
        replicates,
        seed: 7,
    }
}

fn rate(f: &Forecast, from: (AgeBand, Category), to: Option<(AgeBand, Category)>) -> f64 {
    f.rates
        .iter()
        .find(|r| {
            (r.from_age_band, r.from_placement) == from && r.to_age_band.zip(r.to_placement) == to
        })
        .map_or(0.0, |r| r.daily_rate)
}

#[test]
fn rates_by_hand() {
    let f = forecast(&two_children(), &settings(0), Some(&costs()), &[], None).unwrap();
    use AgeBand::*;
    use Category::*;
    // A fostered 1 January – 30 June 2025: 181 days in (10-16, fostering), one move to
    // residential on 1 July. Her entry on 1 January is the window's first day, which moves are
    // not counted on (it has no day before inside the window).
    assert_eq!(
        rate(&f, (From10To15, Fostering), Some((From10To15, Residential))),
        1.0 / 181.0
    );
    // B: 1 March – 31 August 2025, 184 days in (5-10, fostering), then home.
    assert_eq!(rate(&f, (From5To9, Fostering), None), 1.0 / 184.0);
    assert_eq!(f.rates.len(), 2);
    // One entrant in 365 days, at 5 (her birthday is the day she came into care).
    assert_eq!(f.entrants.len(), 1);
    assert_eq!(
        (f.entrants[0].age_band, f.entrants[0].placement),
        (From5To9, Fostering)
    );
    assert_eq!(f.entrants[0].per_day, 1.0 / 365.0);
    // Fostering's weekly cost: 181 agency days at £1,000 and 184 kinship days at £350.
    let fostering = &f.unit_costs[0];
    assert_eq!((fostering.priced_days, fostering.unpriced_days), (365, 0));
    assert_eq!(
        fostering.weekly_gbp,
        Some((181.0 * 1000.0 + 184.0 * 350.0) / 365.0)
    );
    // Residential: 1 July – 31 December at £3,500.
    assert_eq!(f.unit_costs[1].weekly_gbp, Some(3500.0));
    assert_eq!(f.unit_costs[1].priced_days, 184);
    assert_eq!(f.unit_costs[2].weekly_gbp, None);
}

#[test]
fn projection_by_hand() {
    let f = forecast(&two_children(), &settings(0), Some(&costs()), &[], None).unwrap();
    let rows = f.rows();
    let get = |d: Date, band: Option<AgeBand>, cat: Option<Category>| {
        rows.iter()
            .find(|r| r.date == d && r.age_band == band && r.placement == cat)
            .unwrap()
            .clone()
    };
    // A stays in her children's home: nobody left residential in the window.
    let r = get(
        date(2027, 1, 1),
        Some(AgeBand::From10To15),
        Some(Category::Residential),
    );
    assert_eq!(r.children, 1.0);
    // January 2026: 31 days at £500 a day.
    let jan = get(
        date(2026, 2, 1),
        Some(AgeBand::From10To15),
        Some(Category::Residential),
    );
    assert!((jan.cost_gbp.unwrap() - 15_500.0).abs() < 1e-6);
    // (5-10, fostering) from 0: x' = x (1 - 1/184) + 1/365 each day, so after n days
    // x = 184/365 (1 - (1 - 1/184)^n).
    let expect = 184.0 / 365.0 * (1.0 - (1.0f64 - 1.0 / 184.0).powi(365));
    let b = get(
        date(2027, 1, 1),
        Some(AgeBand::From5To9),
        Some(Category::Fostering),
    );
    assert!(
        (b.children - expect).abs() < 1e-12,
        "{} vs {expect}",
        b.children
    );
    let total = get(date(2027, 1, 1), None, None);
    assert!((total.children - (1.0 + expect)).abs() < 1e-12);
    // 13 dates (the start and 12 month-ends) × 30 rows.
    assert_eq!(rows.len(), 13 * 30);
    assert_eq!(get(date(2026, 1, 1), None, None).cost_gbp, None);
}

#[test]
fn simulations_bracket_the_central_forecast() {
    let f = forecast(&two_children(), &settings(100), None, &[], None).unwrap();
    let rows = f.rows();
    let r = rows
        .iter()
        .find(|r| {
            r.date == date(2027, 1, 1)
                && r.age_band == Some(AgeBand::From10To15)
                && r.placement == Some(Category::Residential)
        })
        .unwrap();
    // Nobody ever leaves a state with no rate out: every simulation keeps A where she is.
    assert_eq!((r.children_low, r.children_high), (Some(1.0), Some(1.0)));
    let total = rows
        .iter()
        .find(|r| r.date == date(2027, 1, 1) && r.age_band.is_none() && r.placement.is_none())
        .unwrap();
    assert!(
        total.children_low.unwrap() <= total.children
            && total.children <= total.children_high.unwrap()
    );
    assert!(total.children_low.unwrap() >= 1.0);
    // Same seed, same band.
    let again = forecast(&two_children(), &settings(100), None, &[], None).unwrap();
    assert_eq!(again.rows(), rows);
}

#[test]
fn birthdays_move_children_between_bands() {
    // C is fostered from 1 January 2025 and turns 16 on 1 May 2025 in the same placement.
    let ds = Dataset {
        children: vec![child(
            "C",
            date(2009, 5, 1),
            &[(
                date(2025, 1, 1),
                None,
                Placement::U4,
                Some(PlacementProvider::PR1),
            )],
        )],
        ..Dataset::default()
    };
    let f = forecast(&ds, &settings(0), None, &[], None).unwrap();
    // 1 January – 30 April: 120 days at 15, then the birthday.
    assert_eq!(
        rate(
            &f,
            (AgeBand::From10To15, Category::Fostering),
            Some((AgeBand::From16, Category::Fostering))
        ),
        1.0 / 120.0
    );
    // With cs-demand-model's conventions the band is her age at the episode's start all along,
    // and ageing is a fixed rate of 1 / (6 × 365) a day.
    let mut s = settings(0);
    s.method = Method::cs_demand_model();
    let f = forecast(&ds, &s, None, &[], None).unwrap();
    assert_eq!(
        rate(
            &f,
            (AgeBand::From10To15, Category::Fostering),
            Some((AgeBand::From16, Category::Fostering))
        ),
        1.0 / 2190.0
    );
}

#[test]
fn scenarios_change_rates_costs_and_savings() {
    let text = "scenario,change,age_band,placement,to,value\n\
                Cheaper homes,weekly_cost,,residential,,\"2,800\"\n\
                Step down,move_share,10-16,residential,supported,0.2\n";
    let scenarios = scenario::read("scenarios.csv", text).unwrap();
    assert_eq!(scenarios.len(), 2);
    let savings = pack::savings::read(
        "savings.csv",
        "directorate,quarter,target_gbp,delivered_gbp\nChildren,2025-26-Q4,\"10,000\",\nChildren,2026-27-Q1,\"9,000\",\n",
    )
    .unwrap();
    let f = forecast(
        &two_children(),
        &settings(0),
        Some(&costs()),
        &scenarios,
        Some(&savings),
    )
    .unwrap();
    // £100 a day less for A's home: 2 January – 31 March is 89 days of Q4 (the start day's
    // stock is the forecast's origin, not a forecast day); April – June is 91.
    let cheaper: Vec<_> = f
        .savings
        .iter()
        .filter(|s| s.scenario == "Cheaper homes")
        .collect();
    assert_eq!(cheaper.len(), 2);
    assert!((cheaper[0].saving_gbp - 8_900.0).abs() < 1e-6);
    assert!(!cheaper[0].whole_quarter && !cheaper[0].meets_target);
    assert!((cheaper[1].saving_gbp - 9_100.0).abs() < 1e-6);
    assert!(cheaper[1].whole_quarter && cheaper[1].meets_target);
    // A fifth of the residential stock a year moves to supported accommodation (which nobody
    // left in the window): after 365 days A is still in residential with probability
    // (1 - d)^365, d = -ln(0.8) / 365.25.
    let d = -(0.8f64).ln() / 365.25;
    let stay = (1.0 - d).powi(365);
    let rows = f.rows();
    let r = rows
        .iter()
        .find(|r| {
            r.scenario == "Step down"
                && r.date == date(2027, 1, 1)
                && r.age_band == Some(AgeBand::From10To15)
                && r.placement == Some(Category::Residential)
        })
        .unwrap();
    assert!((r.children - stay).abs() < 1e-12);
    assert!((r.vs_base_children - (stay - 1.0)).abs() < 1e-12);
    assert!((stay - 0.8).abs() < 0.001);
}

#[test]
fn scenario_file_problems_are_located() {
    let e = |t: &str| scenario::read("s.csv", t).unwrap_err().to_string();
    assert_eq!(
        e(
            "scenario,change,age_band,placement,to,value\nX,move_share,10-16,residential,fostering,1.5\n"
        ),
        "s.csv: line 2, column 6 (`value`): a share a year must be from 0 to below 1"
    );
    assert_eq!(
        e("scenario,change,age_band,placement,to,value\nX,entry_rate,teens,all,,0.9\n"),
        "s.csv: line 2, column 3 (`age_band`): `teens` is not an age band (0-1, 1-5, 5-10, 10-16, 16+, or all)"
    );
    assert_eq!(
        e("scenario,change,age_band,placement,to,value\nbase,entry_rate,all,all,,0.9\n"),
        "s.csv: line 2, column 1 (`scenario`): `base` is the forecast with no change; name the scenario otherwise"
    );
    assert!(e("scenario,change,placement,to,value\n").starts_with(
        "s.csv: line 1, column 6 (`age_band`): the header row has no `age_band` column"
    ));
}

#[test]
fn bad_settings_are_refused() {
    let mut s = settings(0);
    s.years = 6;
    assert_eq!(
        forecast(&two_children(), &s, None, &[], None).unwrap_err(),
        ForecastError::Years(6)
    );
    let mut s = settings(0);
    s.start = date(2024, 6, 1);
    s.reference_start = Some(date(2023, 6, 1));
    assert!(matches!(
        forecast(&two_children(), &s, None, &[], None),
        Err(ForecastError::NoData { .. })
    ));
}

#[test]
fn day_numbers_count_from_1970() {
    assert_eq!(day_number(date(1970, 1, 1)), 0);
    assert_eq!(day_number(date(2000, 3, 1)), 11_017);
    assert_eq!(
        day_number(date(2026, 3, 31)) - day_number(date(2025, 3, 31)),
        365
    );
}
