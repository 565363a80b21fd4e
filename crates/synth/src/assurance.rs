//! Synthetic practice-assurance records for the council: quarterly audit cycles drawn from the
//! open, allocated children and graded with a plausible mix, moderation, dip samples of audits
//! graded requires improvement, follow-up actions, workforce posts built from the workers (with
//! the vacancies the seed describes: mental health posts hardest to fill), and family voice.
//!
//! The grade mix follows the seed's audit programme (July to November 2024: 32 of 37 allocated
//! audits completed, 66% outstanding or good, 34% requires improvement, none inadequate), with a
//! small share inadequate so that every grade appears: outstanding 12%, good 54%, requires
//! improvement 32%, inadequate 2%; completion about 87% of allocated audits once a cycle has
//! ended. Everything comes from the seed through its own random stream; no clock is read.

use crate::Council;
use crate::days::Day;
use crate::rng::Rng;
use assurance::programme::{DipPlan, dip_sample};
use assurance::sample::{self, Auditor, Design};
use assurance::*;
use model::{Date, WorkerRole};
use std::collections::BTreeMap;

/// The stream of the generator the assurance records use (the children use 1, 2, …; the
/// workforce `u64::MAX`).
const STREAM: u64 = u64::MAX - 1;

fn plus(d: Date, days: i64) -> Date {
    Day::from_date(d).plus(days).date()
}

fn tags(items: &[&str]) -> Vec<Tag> {
    items.iter().filter_map(|t| Tag::parse(t)).collect()
}

const GOOD_PRACTICE: [&str; 9] = [
    "knows-the-child-well",
    "child-focused-plan",
    "relational-practice",
    "timely-visits",
    "timely-assessment",
    "multi-agency-working",
    "adult-workers-involved",
    "child-voice-in-plan",
    "timely-supervision",
];
const DEVELOPMENT: [&str; 6] = [
    "chronology-not-up-to-date",
    "genogram-missing-family-network",
    "family-workbook-recording",
    "toolkit-not-used",
    "plan-actions-not-specific",
    "management-oversight-not-recorded",
];

fn grade_near(rng: &mut Rng, g: Grade) -> Grade {
    let i = Grade::ALL.iter().position(|x| *x == g).unwrap_or(1) as i64;
    let step = rng.weighted(&[(0i64, 70), (-1, 15), (1, 15)]);
    Grade::ALL[(i + step).clamp(0, 3) as usize]
}

/// The council's assurance records as known on its reference date.
pub fn generate(council: &Council, seed: u64) -> AssuranceData {
    let mut rng = Rng::stream(seed, STREAM);
    let reference = council.year.end();
    let ds = &council.dataset;
    let mut data = AssuranceData::default();

    // Workers by team and role, for auditors, owners and nominations.
    let active = |w: &model::Worker, d: Date| {
        w.start_date.is_none_or(|s| s <= d) && w.end_date.is_none_or(|e| d <= e)
    };
    let managers = |d: Date| -> Vec<Auditor> {
        let mut v: Vec<Auditor> = ds
            .workers
            .iter()
            .filter(|w| w.role == Some(WorkerRole::TeamManager) && active(w, d))
            .map(|w| Auditor {
                id: w.id.clone(),
                team: Some(w.team.clone()),
            })
            .collect();
        v.extend(["QA01", "QA02"].map(|id| Auditor {
            id: id.into(),
            team: None,
        }));
        v
    };
    let owner_of = |team: &str, d: Date| -> String {
        ds.workers
            .iter()
            .find(|w| w.team == team && w.role == Some(WorkerRole::TeamManager) && active(w, d))
            .map_or_else(|| format!("TM-{team}"), |w| w.id.clone())
    };

    // Eight quarterly cycles: the two collection years to the reference date.
    let first = Day::from_date(council.year.end())
        .add_months(-24)
        .plus(1)
        .date();
    for q in 0..8 {
        let start = Day::from_date(first).add_months(3 * q).date();
        let end = plus(Day::from_date(start).add_months(3).date(), -1);
        if start > reference {
            break;
        }
        let y = i32::from(start.year());
        let fy = if start.month() >= 4 { y } else { y - 1 };
        let quarter = (q % 4) + 1;
        let cycle = Cycle {
            id: format!("{fy}-{:02}-Q{quarter}", (fy + 1) % 100),
            name: format!("{fy}-{:02} quarter {quarter}", (fy + 1) % 100),
            start,
            end,
        };
        let population = sample::population(ds, start);
        let size = (population.len() * 4)
            .div_ceil(100)
            .max(5)
            .min(population.len());
        let Ok(chosen) = sample::select(
            &population,
            size,
            Design::Stratified,
            seed ^ (q as u64 + 1),
            &[],
        ) else {
            continue;
        };
        let mut audits = sample::audits_for(&cycle, &chosen, 1);
        if sample::allocate(&mut audits, &managers(start), plus(start, 7)).is_err() {
            continue;
        }
        let span = end.since(start).map_or(90, |s| i64::from(s.get_days()));
        for a in &mut audits {
            let allocated = a.allocated_on.unwrap_or(start);
            let completed = plus(allocated, rng.range(14, span + 14));
            if !rng.chance(0.87) || completed > reference {
                continue;
            }
            let g = rng.weighted(&[
                (Grade::Outstanding, 12),
                (Grade::Good, 54),
                (Grade::RequiresImprovement, 32),
                (Grade::Inadequate, 2),
            ]);
            a.completed_on = Some(completed);
            a.overall = Some(g);
            for d in Domain::ALL {
                a.domains.insert(d, grade_near(&mut rng, g));
            }
            let n_good = if g.is_good_or_better() {
                rng.range(2, 3)
            } else {
                rng.range(0, 1)
            };
            let n_dev = if g.is_good_or_better() {
                rng.range(0, 1)
            } else {
                rng.range(1, 3)
            };
            let mut good: Vec<&str> = (0..n_good).map(|_| rng.pick(&GOOD_PRACTICE)).collect();
            let mut dev: Vec<&str> = (0..n_dev).map(|_| rng.pick(&DEVELOPMENT)).collect();
            good.sort();
            good.dedup();
            dev.sort();
            dev.dedup();
            a.good_practice = tags(&good);
            a.development = tags(&dev);
            a.findings = format!(
                "Overall {}. {} {}",
                g.label().to_lowercase(),
                if g.is_good_or_better() {
                    "The practitioner knows the child well and the plan is child focused."
                } else {
                    "Progress is slower than the plan intends; actions agreed with the team manager."
                },
                if dev.is_empty() { "" } else { "Development areas recorded as themes." }
            )
            .trim_end()
            .to_owned();
            let moderated_on = plus(completed, rng.range(7, 30));
            if rng.chance(0.15) && moderated_on <= reference {
                let agreed = rng.chance(0.8);
                let other = if agreed { g } else { grade_near(&mut rng, g) };
                a.moderation = Some(Moderation {
                    moderator: "HOS01".into(),
                    date: moderated_on,
                    overall: other,
                    notes: if other == g {
                        String::new()
                    } else {
                        "Moderated grade differs: evidence weighed differently.".into()
                    },
                });
            }
            // Follow-up actions for work graded requires improvement or inadequate.
            if !g.is_good_or_better() {
                for k in 0..rng.range(1, 2) {
                    let due = plus(completed, rng.pick(&[28, 42]));
                    let closed = plus(due, rng.range(-20, 14));
                    let closed_on =
                        (rng.chance(0.8) && closed <= reference).then_some(closed.max(completed));
                    data.actions.push(Action {
                        id: format!("{}-X{}", a.id, k + 1),
                        audit: a.id.clone(),
                        child: a.child.clone(),
                        team: a.team.clone(),
                        description: rng
                            .pick(&[
                                "Bring the chronology and genogram up to date",
                                "Make the plan's actions specific and measurable",
                                "Record management oversight of key decisions",
                                "Use the neglect toolkit to inform the assessment",
                            ])
                            .into(),
                        owner: owner_of(&a.team, completed),
                        raised_on: completed,
                        due_on: due,
                        closed_on,
                    });
                }
            }
        }
        // Dip samples of the cycle's audits graded requires improvement, two weeks after it ends.
        let on = plus(end, 14);
        if on <= reference {
            let plan = DipPlan {
                percent: 100,
                seed: seed ^ 0xD1,
                on,
                due_in_days: 28,
                auditor: None,
            };
            for mut dip in dip_sample(&audits, &plan) {
                dip.auditor = Some(owner_of(&dip.team, on));
                let done = plus(on, rng.range(7, 35));
                if done <= reference && rng.chance(0.85) {
                    dip.completed_on = Some(done);
                    dip.overall = Some(if rng.chance(0.6) {
                        Grade::Good
                    } else {
                        Grade::RequiresImprovement
                    });
                    dip.findings = "Progress on the actions from the full audit checked.".into();
                }
                audits.push(dip);
            }
        }
        data.cycles.push(cycle);
        data.audits.extend(audits);
    }

    data.posts = posts(council, &mut rng);
    voice(council, &mut rng, &mut data);
    data.normalise();
    data
}

/// Posts from the workers: each team's workers of one role are chained into posts (a worker
/// takes the post whose last holder left most recently, on or before they started), and the
/// gaps between holders are vacancies. Then vacant posts are added as the seed describes
/// recruitment: mental health hardest, substance use next, domestic abuse easiest.
fn posts(council: &Council, rng: &mut Rng) -> Vec<Post> {
    let reference = council.year.end();
    let mut groups: BTreeMap<(&str, WorkerRole), Vec<&model::Worker>> = BTreeMap::new();
    for w in &council.dataset.workers {
        if let (Some(role), Some(_)) = (w.role, w.start_date) {
            groups.entry((w.team.as_str(), role)).or_default().push(w);
        }
    }
    let mut out = Vec::new();
    for ((team, role), mut workers) in groups {
        workers.sort_by_key(|w| (w.start_date, w.id.clone()));
        let mut chains: Vec<Vec<PostSpell>> = Vec::new();
        for w in workers {
            let start = w.start_date.unwrap_or(reference);
            let free = chains
                .iter()
                .enumerate()
                .filter_map(|(i, c)| {
                    let last = c.last()?;
                    last.to.filter(|&t| t <= start).map(|t| (t, i))
                })
                .max();
            let spell = PostSpell {
                from: start,
                to: w.end_date,
                worker: Some(w.id.clone()),
                agency: w.agency,
            };
            match free {
                Some((_, i)) => {
                    let chain = &mut chains[i];
                    let last = chain.last_mut().expect("a chain has a spell");
                    let last_end = last.to.expect("filtered on an end");
                    if last_end >= start {
                        last.to = Some(plus(start, -1));
                    } else if plus(last_end, 1) < start {
                        chain.push(PostSpell {
                            from: plus(last_end, 1),
                            to: Some(plus(start, -1)),
                            worker: None,
                            agency: false,
                        });
                    }
                    chain.push(spell);
                }
                None => chains.push(vec![spell]),
            }
        }
        let n = chains.len();
        for (k, mut spells) in chains.into_iter().enumerate() {
            // A post whose last holder left stays established, vacant.
            if let Some(t) = spells.last().and_then(|s| s.to)
                && t < reference
            {
                spells.push(PostSpell {
                    from: plus(t, 1),
                    to: None,
                    worker: None,
                    agency: false,
                });
            }
            out.push(Post {
                id: format!("{team}-{}-{:02}", role.code(), k + 1),
                team: team.to_owned(),
                role,
                spells,
            });
        }
        let vacant_share = match role {
            WorkerRole::MentalHealthWorker => 0.7,
            WorkerRole::SubstanceUseWorker => 0.35,
            WorkerRole::DomesticAbuseWorker => 0.1,
            WorkerRole::SocialWorker => 0.12,
            WorkerRole::FamilyPractitioner => 0.1,
            WorkerRole::TeamManager => 0.0,
        };
        // Vacant posts, each vacant from some day in the last two years: a local choice of
        // shares, not a published rate.
        let mut extra = (0..n).filter(|_| rng.chance(vacant_share)).count();
        // The seed's hardest posts to fill: every team with mental health workers has a vacancy.
        if role == WorkerRole::MentalHealthWorker {
            extra = extra.max(1);
        }
        for k in 0..extra {
            out.push(Post {
                id: format!("{team}-{}-{:02}", role.code(), n + k + 1),
                team: team.to_owned(),
                role,
                spells: vec![PostSpell {
                    from: plus(reference, -rng.range(30, 700)),
                    to: None,
                    worker: None,
                    agency: false,
                }],
            });
        }
    }
    out
}

/// Feedback, participation events and nominations month by month over the last two years.
fn voice(council: &Council, rng: &mut Rng, data: &mut AssuranceData) {
    let reference = council.year.end();
    let teams = &council.dataset.teams;
    if teams.is_empty() {
        return;
    }
    let social_workers: Vec<&model::Worker> = council
        .dataset
        .workers
        .iter()
        .filter(|w| w.role == Some(WorkerRole::SocialWorker))
        .collect();
    const THEMES: [(&str, &str, Sentiment); 8] = [
        (
            "listened-to",
            "Felt listened to and understood why they had a social worker.",
            Sentiment::Positive,
        ),
        (
            "things-got-better",
            "Said things had got better at home.",
            Sentiment::Positive,
        ),
        (
            "communication",
            "Communication from the team has been very good.",
            Sentiment::Positive,
        ),
        (
            "support-from-adult-workers",
            "Getting the support they need from the adult workers.",
            Sentiment::Positive,
        ),
        (
            "more-events",
            "Would like more events like this.",
            Sentiment::Positive,
        ),
        (
            "contact",
            "Happy with the support but would have liked more contact.",
            Sentiment::Mixed,
        ),
        (
            "school-visits",
            "Did not like being visited at school.",
            Sentiment::Mixed,
        ),
        (
            "changes-of-worker",
            "Found it hard when their social worker changed.",
            Sentiment::Negative,
        ),
    ];
    let (mut f, mut e, mut n) = (0, 0, 0);
    for m in 0..24 {
        let month = Day::from_date(reference).plus(1).add_months(m - 24).date();
        let days = i64::from(plus(Day::from_date(month).add_months(1).date(), -1).day());
        for _ in 0..rng.range(3, 8) {
            let (theme, summary, sentiment) = rng.pick(&THEMES);
            f += 1;
            data.feedback.push(Feedback {
                id: format!("FB{f:04}"),
                date: plus(month, rng.range(0, days - 1)),
                source: rng.weighted(&[
                    (FeedbackSource::Child, 30),
                    (FeedbackSource::Parent, 45),
                    (FeedbackSource::Carer, 15),
                    (FeedbackSource::FamilyMember, 5),
                    (FeedbackSource::Professional, 5),
                ]),
                team: teams[rng.range(0, teams.len() as i64 - 1) as usize]
                    .id
                    .clone(),
                sentiment,
                themes: tags(&[theme]),
                summary: summary.into(),
            });
        }
        if month.month() == 12 || rng.chance(0.25) {
            let team = teams
                .iter()
                .rfind(|t| t.family_safeguarding)
                .unwrap_or(&teams[0]);
            e += 1;
            let party = month.month() == 12;
            data.events.push(ParticipationEvent {
                id: format!("EV{e:03}"),
                date: plus(month, rng.range(0, days - 1)),
                team: team.id.clone(),
                name: if party {
                    "Christmas party".into()
                } else {
                    "Family participation session".into()
                },
                children: if party { 38 } else { rng.range(6, 25) as u32 },
                adults: rng.range(10, 35) as u32,
                themes: tags(&["listened-to", "more-events"]),
            });
        }
        for _ in 0..rng.range(2, 4) {
            if social_workers.len() < 2 {
                break;
            }
            let nominee = rng.pick(&social_workers);
            let by = rng.pick(&social_workers);
            if by.id == nominee.id {
                continue;
            }
            n += 1;
            data.nominations.push(Nomination {
                id: format!("NOM{n:04}"),
                date: plus(month, rng.range(0, days - 1)),
                team: nominee.team.clone(),
                nominee: nominee.id.clone(),
                nominated_by: by.id.clone(),
                themes: tags(&[rng.pick(&[
                    "tenacity",
                    "creative-use-of-the-model",
                    "relational-practice",
                    "keeping-families-together",
                ])]),
                citation:
                    "Practice that made a difference to the family, nominated by a colleague."
                        .into(),
            });
        }
    }
}

/// Writes the records as the CSV layouts of [`assurance::csv`], one file each, under `dir`.
pub fn write_dir(dir: &std::path::Path, data: &AssuranceData) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for kind in assurance::csv::FileKind::ALL {
        std::fs::write(
            dir.join(kind.file_name()),
            assurance::csv::write(kind, data),
        )?;
    }
    Ok(())
}
