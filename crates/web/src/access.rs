//! Who may see which child. Admins and analysts see every child; a manager the children allocated
//! to their team, and a practitioner those allocated to them, by the allocations of the
//! case-management extract open on the reporting date; the scrutiny panel no child at all.
//!
//! Every page that shows child-level data asks [`ChildScope`] first and writes one entry to the
//! access log before it answers.

use model::{ChildId, Dataset, Date};
use std::collections::HashSet;
use store::{Role, User};

/// The children a user may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChildScope {
    Every,
    Only(HashSet<ChildId>),
    /// No child-level data at all (the scrutiny panel).
    NoChild,
}

impl ChildScope {
    /// The scope of `user` in `dataset` on `on` (the reporting date).
    pub fn of(user: &User, dataset: &Dataset, on: Date) -> ChildScope {
        let open_on = |start: Date, end: Option<Date>| start <= on && end.is_none_or(|e| e >= on);
        match user.role {
            Role::Admin | Role::Analyst => ChildScope::Every,
            Role::Scrutiny => ChildScope::NoChild,
            Role::Manager => {
                let Some(team) = user.team.as_deref() else {
                    return ChildScope::Only(HashSet::new());
                };
                ChildScope::Only(
                    dataset
                        .allocations
                        .iter()
                        .filter(|a| a.team == team && open_on(a.start, a.end))
                        .map(|a| a.child.clone())
                        .collect(),
                )
            }
            Role::Practitioner => {
                let Some(worker) = user.worker.as_deref() else {
                    return ChildScope::Only(HashSet::new());
                };
                ChildScope::Only(
                    dataset
                        .allocations
                        .iter()
                        .filter(|a| a.worker == worker && open_on(a.start, a.end))
                        .map(|a| a.child.clone())
                        .collect(),
                )
            }
        }
    }

    pub fn allows(&self, child: &ChildId) -> bool {
        match self {
            ChildScope::Every => true,
            ChildScope::Only(set) => set.contains(child),
            ChildScope::NoChild => false,
        }
    }

    /// Whether the user may see any child-level page at all.
    pub fn any_child(&self) -> bool {
        !matches!(self, ChildScope::NoChild)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use model::CaseAllocation;

    fn user(role: Role, team: Option<&str>, worker: Option<&str>) -> User {
        User {
            user_id: 1,
            name: "u".into(),
            role,
            team: team.map(Into::into),
            worker: worker.map(Into::into),
            password_hash: String::new(),
            created_at: String::new(),
        }
    }

    fn alloc(
        child: &str,
        worker: &str,
        team: &str,
        start: Date,
        end: Option<Date>,
    ) -> CaseAllocation {
        CaseAllocation {
            child: ChildId::from(child),
            worker: worker.into(),
            team: team.into(),
            start,
            end,
        }
    }

    #[test]
    fn managers_and_practitioners_see_allocations_open_on_the_reporting_date() {
        let on = date(2026, 3, 31);
        let ds = Dataset {
            allocations: vec![
                alloc("A", "W1", "T1", date(2025, 1, 1), None),
                alloc("B", "W2", "T1", date(2025, 1, 1), Some(on)),
                // Closed the day before: no longer theirs.
                alloc("C", "W1", "T1", date(2025, 1, 1), Some(date(2026, 3, 30))),
                // Starts after the reporting date.
                alloc("D", "W1", "T1", date(2026, 4, 1), None),
                alloc("E", "W3", "T2", date(2025, 1, 1), None),
            ],
            ..Dataset::default()
        };
        let ids = |s: &[&str]| ChildScope::Only(s.iter().map(|c| ChildId::from(*c)).collect());
        assert_eq!(
            ChildScope::of(&user(Role::Manager, Some("T1"), None), &ds, on),
            ids(&["A", "B"])
        );
        assert_eq!(
            ChildScope::of(&user(Role::Practitioner, None, Some("W1")), &ds, on),
            ids(&["A"])
        );
        assert_eq!(
            ChildScope::of(&user(Role::Manager, Some("T9"), None), &ds, on),
            ids(&[])
        );
        assert_eq!(
            ChildScope::of(&user(Role::Analyst, None, None), &ds, on),
            ChildScope::Every
        );
        let scrutiny = ChildScope::of(&user(Role::Scrutiny, None, None), &ds, on);
        assert!(!scrutiny.any_child());
        assert!(!scrutiny.allows(&ChildId::from("A")));
    }
}
