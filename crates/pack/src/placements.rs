//! Placement spend and the Right Child, Right Home view: what children in care are placed in,
//! and what it costs, quarter by quarter, from the SSDA903 episodes.
//!
//! Placement types group the SSDA903 `PLACE` codes (and, for fostering, `PLACE_PROVIDER`) as a
//! council's placements budget does:
//!
//! | type | `PLACE` |
//! |---|---|
//! | `kinship_fostering` | U1, U2, U3 (relatives or friends) |
//! | `la_fostering` | U4, U5, U6 with the council's own or other public provision (PR1–PR3, or none) |
//! | `agency_fostering` | U4, U5, U6 with private or voluntary provision (PR4, PR5): independent fostering agencies |
//! | `childrens_home` | K2 |
//! | `secure_childrens_home` | K1 |
//! | `supported_accommodation` | K3, H5, P2 |
//! | `other_residential` | R1, R2, R3, R5, S1 |
//! | `with_parents` | P1 |
//! | `adoption` | A3, A4, A5, A6 |
//! | `other` | P3, T0–T4, Z1, Z11–Z14, and episodes with no placement recorded |
//!
//! "Residential" is children's homes and secure children's homes; "fostering" is the three
//! fostering types.
//!
//! `placement_costs.csv` prices them: `placement,weekly_cost_gbp`, where `placement` is a type
//! above or a `PLACE` code (a code's own price wins over its type's). A child's day in care costs
//! the weekly price of that day's placement divided by seven. Days with no price are counted as
//! unpriced, never as free.

use crate::table::Table;
use crate::{PackError, Quarter};
use jiff::civil::Date;
use model::codes::{Placement, PlacementProvider};
use model::{ClaEpisode, Dataset};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlacementType {
    KinshipFostering,
    LaFostering,
    AgencyFostering,
    ChildrensHome,
    SecureChildrensHome,
    SupportedAccommodation,
    OtherResidential,
    WithParents,
    Adoption,
    Other,
}

impl PlacementType {
    pub const ALL: [PlacementType; 10] = [
        PlacementType::KinshipFostering,
        PlacementType::LaFostering,
        PlacementType::AgencyFostering,
        PlacementType::ChildrensHome,
        PlacementType::SecureChildrensHome,
        PlacementType::SupportedAccommodation,
        PlacementType::OtherResidential,
        PlacementType::WithParents,
        PlacementType::Adoption,
        PlacementType::Other,
    ];

    /// As written in `placement_costs.csv`.
    pub fn key(self) -> &'static str {
        match self {
            PlacementType::KinshipFostering => "kinship_fostering",
            PlacementType::LaFostering => "la_fostering",
            PlacementType::AgencyFostering => "agency_fostering",
            PlacementType::ChildrensHome => "childrens_home",
            PlacementType::SecureChildrensHome => "secure_childrens_home",
            PlacementType::SupportedAccommodation => "supported_accommodation",
            PlacementType::OtherResidential => "other_residential",
            PlacementType::WithParents => "with_parents",
            PlacementType::Adoption => "adoption",
            PlacementType::Other => "other",
        }
    }

    /// For people.
    pub fn label(self) -> &'static str {
        match self {
            PlacementType::KinshipFostering => "Kinship fostering",
            PlacementType::LaFostering => "Council fostering",
            PlacementType::AgencyFostering => "Agency fostering",
            PlacementType::ChildrensHome => "Children's homes",
            PlacementType::SecureChildrensHome => "Secure children's homes",
            PlacementType::SupportedAccommodation => "Supported accommodation",
            PlacementType::OtherResidential => "Other residential settings",
            PlacementType::WithParents => "Placed with parents",
            PlacementType::Adoption => "Placed for adoption",
            PlacementType::Other => "Other placements",
        }
    }

    pub fn from_key(key: &str) -> Option<PlacementType> {
        PlacementType::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The type of a placement with its provider.
    pub fn of(place: Option<Placement>, provider: Option<PlacementProvider>) -> PlacementType {
        use Placement as P;
        match place {
            Some(P::U1 | P::U2 | P::U3) => PlacementType::KinshipFostering,
            Some(P::U4 | P::U5 | P::U6) => match provider {
                Some(PlacementProvider::PR4 | PlacementProvider::PR5) => {
                    PlacementType::AgencyFostering
                }
                _ => PlacementType::LaFostering,
            },
            Some(P::K2) => PlacementType::ChildrensHome,
            Some(P::K1) => PlacementType::SecureChildrensHome,
            Some(P::K3 | P::H5 | P::P2) => PlacementType::SupportedAccommodation,
            Some(P::R1 | P::R2 | P::R3 | P::R5 | P::S1) => PlacementType::OtherResidential,
            Some(P::P1) => PlacementType::WithParents,
            Some(P::A3 | P::A4 | P::A5 | P::A6) => PlacementType::Adoption,
            Some(
                P::P3
                | P::T0
                | P::T1
                | P::T2
                | P::T3
                | P::T4
                | P::Z1
                | P::Z11
                | P::Z12
                | P::Z13
                | P::Z14,
            )
            | None => PlacementType::Other,
        }
    }

    pub fn is_residential(self) -> bool {
        matches!(
            self,
            PlacementType::ChildrensHome | PlacementType::SecureChildrensHome
        )
    }

    pub fn is_fostering(self) -> bool {
        matches!(
            self,
            PlacementType::KinshipFostering
                | PlacementType::LaFostering
                | PlacementType::AgencyFostering
        )
    }
}

/// Weekly prices by placement type, with overrides by `PLACE` code.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct CostTable {
    by_type: HashMap<PlacementType, i64>,
    by_code: HashMap<Placement, i64>,
}

impl CostTable {
    /// Reads `placement_costs.csv`.
    pub fn read(file: &str, text: &str) -> Result<CostTable, PackError> {
        let table = Table::read(file, text, &["placement", "weekly_cost_gbp"], &[])?;
        let mut costs = CostTable::default();
        let mut seen: HashMap<String, u64> = HashMap::new();
        for row in table.rows() {
            let placement = row.required("placement")?;
            if let Some(first) = seen.insert(placement.to_string(), row.line) {
                return Err(row.error(
                    "placement",
                    format!("`{placement}` is already priced on line {first}"),
                ));
            }
            let cost = row
                .pounds("weekly_cost_gbp")?
                .ok_or_else(|| row.error("weekly_cost_gbp", "must not be empty"))?;
            if cost < 0 {
                return Err(row.error("weekly_cost_gbp", "a weekly cost cannot be negative"));
            }
            if let Some(t) = PlacementType::from_key(placement) {
                costs.by_type.insert(t, cost);
            } else if let Some(code) = Placement::from_code(placement) {
                costs.by_code.insert(code, cost);
            } else {
                return Err(row.error(
                    "placement",
                    format!(
                        "`{placement}` is neither a placement type ({}) nor an SSDA903 PLACE code",
                        PlacementType::ALL.map(PlacementType::key).join(", ")
                    ),
                ));
            }
        }
        Ok(costs)
    }

    /// The weekly price of an episode's placement, if priced.
    pub fn weekly_cost(&self, episode: &ClaEpisode) -> Option<i64> {
        episode
            .placement
            .and_then(|p| self.by_code.get(&p))
            .or_else(|| {
                self.by_type.get(&PlacementType::of(
                    episode.placement,
                    episode.placement_provider,
                ))
            })
            .copied()
    }
}

/// One placement type's figures in one quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct TypeFigures {
    pub placement_type: PlacementType,
    /// Children in this type of placement on the quarter's last day.
    pub children_at_end: u64,
    /// Children with at least one day in this type of placement during the quarter.
    pub children_in_quarter: u64,
    /// Days in care in this type of placement during the quarter.
    pub days: i64,
    /// What the priced days cost, in whole pounds (rounded half up).
    pub spend_gbp: i64,
    /// Days with no price in the cost table.
    pub unpriced_days: i64,
}

/// Every placement type in one quarter.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct QuarterPlacements {
    pub quarter: Quarter,
    /// In the order of [`PlacementType::ALL`], every type present.
    pub by_type: Vec<TypeFigures>,
}

impl QuarterPlacements {
    pub fn children_at_end(&self) -> u64 {
        self.by_type.iter().map(|t| t.children_at_end).sum()
    }
    pub fn residential_at_end(&self) -> u64 {
        self.by_type
            .iter()
            .filter(|t| t.placement_type.is_residential())
            .map(|t| t.children_at_end)
            .sum()
    }
    pub fn fostering_at_end(&self) -> u64 {
        self.by_type
            .iter()
            .filter(|t| t.placement_type.is_fostering())
            .map(|t| t.children_at_end)
            .sum()
    }
    pub fn spend_gbp(&self) -> i64 {
        self.by_type.iter().map(|t| t.spend_gbp).sum()
    }
    pub fn unpriced_days(&self) -> i64 {
        self.by_type.iter().map(|t| t.unpriced_days).sum()
    }
}

/// The days of `episode` in care between `first` and `last`, both included (the episode's end
/// date is the day care or the placement ended, so it is not counted).
fn days_in(episode: &ClaEpisode, first: Date, last: Date) -> i64 {
    let from = episode.start_date.max(first);
    let to = match episode.end_date {
        Some(end) => match end.yesterday() {
            Ok(d) => d.min(last),
            Err(_) => return 0,
        },
        None => last,
    };
    if to < from {
        return 0;
    }
    i64::from((to - from).get_days()) + 1
}

/// Placement mix and spend in each of `quarters`.
pub fn by_quarter(
    dataset: &Dataset,
    costs: &CostTable,
    quarters: &[Quarter],
) -> Vec<QuarterPlacements> {
    quarters
        .iter()
        .map(|&q| {
            let (first, last) = (q.start(), q.end());
            let mut figures: HashMap<PlacementType, (u64, i64, i64, i64)> = HashMap::new();
            let mut children: HashMap<PlacementType, u64> = HashMap::new();
            for child in &dataset.children {
                let mut placed: Vec<PlacementType> = Vec::new();
                for e in &child.cla_episodes {
                    let t = PlacementType::of(e.placement, e.placement_provider);
                    let days = days_in(e, first, last);
                    let open_at_end = e.is_open_on(last);
                    if days == 0 && !open_at_end {
                        continue;
                    }
                    if days > 0 && !placed.contains(&t) {
                        placed.push(t);
                    }
                    let f = figures.entry(t).or_default();
                    f.0 += u64::from(open_at_end);
                    f.1 += days;
                    match costs.weekly_cost(e) {
                        Some(weekly) => f.2 += days * weekly,
                        None => f.3 += days,
                    }
                }
                for t in placed {
                    *children.entry(t).or_default() += 1;
                }
            }
            QuarterPlacements {
                quarter: q,
                by_type: PlacementType::ALL
                    .into_iter()
                    .filter_map(|t| {
                        figures
                            .get(&t)
                            .map(|&(at_end, days, week_days, unpriced)| TypeFigures {
                                placement_type: t,
                                children_at_end: at_end,
                                children_in_quarter: children.get(&t).copied().unwrap_or(0),
                                days,
                                // Σ days × weekly price, in pounds-per-week-days: divide by 7 once,
                                // rounding half up, so no penny is lost to rounding per episode.
                                spend_gbp: (week_days * 2 + 7) / 14,
                                unpriced_days: unpriced,
                            })
                    })
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use model::{Child, ChildId};

    fn episode(
        start: Date,
        end: Option<Date>,
        place: Placement,
        provider: Option<PlacementProvider>,
    ) -> ClaEpisode {
        ClaEpisode {
            start_date: start,
            end_date: end,
            placement: Some(place),
            placement_provider: provider,
            ..ClaEpisode::default()
        }
    }

    #[test]
    fn types_follow_place_and_provider() {
        use PlacementProvider as PR;
        assert_eq!(
            PlacementType::of(Some(Placement::U4), Some(PR::PR4)),
            PlacementType::AgencyFostering
        );
        assert_eq!(
            PlacementType::of(Some(Placement::U6), Some(PR::PR1)),
            PlacementType::LaFostering
        );
        assert_eq!(
            PlacementType::of(Some(Placement::U6), None),
            PlacementType::LaFostering
        );
        assert_eq!(
            PlacementType::of(Some(Placement::U2), Some(PR::PR4)),
            PlacementType::KinshipFostering
        );
        assert_eq!(
            PlacementType::of(Some(Placement::K2), Some(PR::PR4)),
            PlacementType::ChildrensHome
        );
        assert_eq!(PlacementType::of(None, None), PlacementType::Other);
        for t in PlacementType::ALL {
            assert_eq!(PlacementType::from_key(t.key()), Some(t));
        }
    }

    #[test]
    fn spend_and_mix_by_hand() {
        // Q3 2025-26: 1 October to 31 December 2025, 92 days.
        let q3: Quarter = "2025-26-Q3".parse().unwrap();
        let mut a = Child {
            id: ChildId::from("A"),
            ..Child::default()
        };
        // Agency fostering from 1 September to 15 October: 14 days in Q3 (1–14 October), then a
        // children's home from 15 October, still open: 78 days (15 October – 31 December).
        a.cla_episodes = vec![
            episode(
                date(2025, 9, 1),
                Some(date(2025, 10, 15)),
                Placement::U4,
                Some(PlacementProvider::PR4),
            ),
            episode(
                date(2025, 10, 15),
                None,
                Placement::K2,
                Some(PlacementProvider::PR4),
            ),
        ];
        let mut b = Child {
            id: ChildId::from("B"),
            ..Child::default()
        };
        // Council fostering all quarter and beyond, but the U6 code has its own price.
        b.cla_episodes = vec![episode(
            date(2024, 1, 1),
            None,
            Placement::U6,
            Some(PlacementProvider::PR1),
        )];
        let mut c = Child {
            id: ChildId::from("C"),
            ..Child::default()
        };
        // Supported accommodation (unpriced) that ends on 31 December: 91 days, not there at the end.
        c.cla_episodes = vec![episode(
            date(2025, 6, 1),
            Some(date(2025, 12, 31)),
            Placement::K3,
            None,
        )];
        let dataset = Dataset {
            children: vec![a, b, c],
            ..Dataset::default()
        };
        let costs = CostTable::read(
            "placement_costs.csv",
            "placement,weekly_cost_gbp\nagency_fostering,\"£1,000\"\nchildrens_home,5000\nla_fostering,600\nU6,700\n",
        )
        .unwrap();
        let got = by_quarter(&dataset, &costs, &[q3]);
        let f: Vec<_> = got[0]
            .by_type
            .iter()
            .map(|t| {
                (
                    t.placement_type,
                    t.children_at_end,
                    t.children_in_quarter,
                    t.days,
                    t.spend_gbp,
                    t.unpriced_days,
                )
            })
            .collect();
        assert_eq!(
            f,
            vec![
                // 700 × 92 / 7 = 9,200
                (PlacementType::LaFostering, 1, 1, 92, 9_200, 0),
                // 1,000 × 14 / 7 = 2,000
                (PlacementType::AgencyFostering, 0, 1, 14, 2_000, 0),
                // 5,000 × 78 / 7 = 55,714.29 → 55,714
                (PlacementType::ChildrensHome, 1, 1, 78, 55_714, 0),
                (PlacementType::SupportedAccommodation, 0, 1, 91, 0, 91),
            ]
        );
        assert_eq!(got[0].spend_gbp(), 66_914);
        assert_eq!(
            (
                got[0].residential_at_end(),
                got[0].fostering_at_end(),
                got[0].children_at_end()
            ),
            (1, 1, 2)
        );
    }

    #[test]
    fn cost_table_problems_are_located() {
        let e = |t: &str| {
            CostTable::read("placement_costs.csv", t)
                .unwrap_err()
                .to_string()
        };
        assert!(e("placement,weekly_cost_gbp\nfoster,500\n")
            .starts_with("placement_costs.csv: line 2, column 1 (`placement`): `foster` is neither a placement type"));
        assert_eq!(
            e("placement,weekly_cost_gbp\nK2,-5\n"),
            "placement_costs.csv: line 2, column 2 (`weekly_cost_gbp`): a weekly cost cannot be negative"
        );
    }
}
