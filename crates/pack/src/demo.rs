//! The demo pack inputs, shipped with Harbour and written beside the synthetic council by
//! `harbour synth`, for a council to copy and edit.
//!
//! The plan is the seed's Aiming Higher roadmap for 2025/26 and 2026/27: its workstreams, items
//! and quarterly milestones as the scrutiny panel saw them (owners are roles, not people). Its
//! statuses and updates, the recommendations' responses and dates, the savings figures, the
//! weekly costs and the indicator targets (`targets.csv`, `indicator_id,target`) are
//! illustrative, made up for the demo: no council's real figures.

use crate::placements::CostTable;
use crate::plan::Plan;
use crate::recommendations::{self, Recommendation};
use crate::savings::{self, SavingsLine};

/// Every demo file: its name and its contents.
pub const FILES: [(&str, &str); 6] = [
    ("plan.csv", include_str!("../data/demo/plan.csv")),
    (
        "plan_updates.csv",
        include_str!("../data/demo/plan_updates.csv"),
    ),
    (
        "recommendations.csv",
        include_str!("../data/demo/recommendations.csv"),
    ),
    ("savings.csv", include_str!("../data/demo/savings.csv")),
    (
        "placement_costs.csv",
        include_str!("../data/demo/placement_costs.csv"),
    ),
    ("targets.csv", include_str!("../data/demo/targets.csv")),
];

fn file(name: &str) -> (&'static str, &'static str) {
    FILES
        .into_iter()
        .find(|(n, _)| *n == name)
        .expect("every demo file is in FILES")
}

/// The demo plan, read as a council's would be.
pub fn plan() -> Plan {
    Plan::read(file("plan.csv"), Some(file("plan_updates.csv"))).expect("the demo plan reads")
}

pub fn recommendations() -> Vec<Recommendation> {
    let (name, text) = file("recommendations.csv");
    recommendations::read(name, text).expect("the demo recommendations read")
}

pub fn savings() -> Vec<SavingsLine> {
    let (name, text) = file("savings.csv");
    savings::read(name, text).expect("the demo savings read")
}

pub fn placement_costs() -> CostTable {
    let (name, text) = file("placement_costs.csv");
    CostTable::read(name, text).expect("the demo cost table reads")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Rag, Status};
    use jiff::civil::date;

    #[test]
    fn the_demo_files_read_and_hold_the_seed_roadmap() {
        let plan = plan();
        assert_eq!(plan.milestones.len(), 36);
        let workstreams: Vec<_> = plan
            .progress(date(2025, 12, 31))
            .into_iter()
            .map(|w| w.workstream)
            .collect();
        assert_eq!(
            workstreams,
            [
                "Clear Impact",
                "User Involvement",
                "Service Integration",
                "Practice Innovation",
                "Continuous Improvement"
            ]
        );
        // On 31 December 2025 the AI platform milestone is at risk (update of 30 October).
        let ai = plan
            .as_at(date(2025, 12, 31))
            .into_iter()
            .find(|m| m.milestone.item == "Artificial Intelligence" && m.milestone.from.q == 2)
            .unwrap();
        assert_eq!((ai.status, ai.rag), (Status::AtRisk, Rag::Amber));
        assert_eq!(recommendations().len(), 7);
        assert_eq!(savings().len(), 16);
        let _ = placement_costs();
    }
}
