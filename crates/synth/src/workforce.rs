//! The workforce: teams, workers with start and end dates, case allocations, the children's
//! social worker episodes (SSDA903 SWEpisodes) and Family Safeguarding involvement.
//!
//! Each team has posts ("slots"); a post is held by a run of workers, each starting the day the
//! last one left, so that every post is always filled. Posts are sized so that social workers
//! carry about 15 children (13 in Family Safeguarding teams, 20 for personal advisers). A piece
//! of work on a child's case goes to a post in the right service; when the worker in that post
//! leaves, the case passes to their successor.

use crate::days::*;
use crate::journey::{Ctx, FsSpan, Journey, Service, Work};
use crate::rng::Rng;
use model::codes::SwReason;
use model::*;

pub struct Workforce {
    pub teams: Vec<Team>,
    pub workers: Vec<Worker>,
    pub allocations: Vec<CaseAllocation>,
    pub family_safeguarding: Vec<FamilySafeguardingInvolvement>,
}

/// One holder of a post.
#[derive(Debug, Clone)]
struct Tenure {
    worker: usize,
    start: Day,
    end: Day,
}

struct Post {
    team: usize,
    tenures: Vec<Tenure>,
}

const SERVICES: [(Service, &str, &str, f64); 5] = [
    (Service::Assessment, "ASM", "Assessment", 15.0),
    (
        Service::Safeguarding,
        "CPT",
        "Child in Need and Protection",
        15.0,
    ),
    (
        Service::FamilySafeguarding,
        "FST",
        "Family Safeguarding",
        13.0,
    ),
    (Service::ChildrenInCare, "CIC", "Children in Care", 15.0),
    (Service::CareLeavers, "CLS", "Care Leavers", 20.0),
];

/// Builds the workforce for the journeys and gives each child its social worker episodes
/// (future included; the as-at views cut them).
pub fn build(ctx: &Ctx, journeys: &mut [Journey]) -> Workforce {
    let mut rng = Rng::stream(ctx.seed, u64::MAX);
    let horizon = ctx.reference.plus(3 * 366);
    let begin = ctx.history_start.plus(-5 * 365);
    // How much work each service has: the average open cases on the last three 31 Marches.
    let mut load = [0f64; 5];
    for j in journeys.iter() {
        for w in &j.work {
            for back in 0..3 {
                let r = year_end(ctx.reference.year() - back);
                if w.start <= r && w.end > r {
                    load[service_index(w.service)] += 1.0 / 3.0;
                }
            }
        }
    }
    let mut teams = Vec::new();
    let mut workers: Vec<Worker> = Vec::new();
    let mut posts_by_service: Vec<Vec<Post>> = Vec::new();
    let mut next_sw = 0u64;
    let mut next_other = 0u64;
    for (k, &(service, code, name, caseload)) in SERVICES.iter().enumerate() {
        let social_workers = ((load[k] / caseload) + 0.999) as usize;
        let social_workers = social_workers.max(2);
        let team_count = social_workers.div_ceil(6).max(1);
        let opened = if service == Service::FamilySafeguarding {
            ctx.fs_launch
        } else {
            begin
        };
        let mut posts = Vec::new();
        for t in 0..team_count {
            let team_index = teams.len();
            teams.push(Team {
                id: format!("{code}{}", t + 1),
                name: format!("{name} {}", t + 1),
                service: name.to_owned(),
                family_safeguarding: service == Service::FamilySafeguarding,
            });
            let mut roles = vec![WorkerRole::TeamManager];
            let per_team =
                social_workers / team_count + usize::from(t < social_workers % team_count);
            let main_role = if service == Service::CareLeavers {
                WorkerRole::FamilyPractitioner
            } else {
                WorkerRole::SocialWorker
            };
            roles.extend(std::iter::repeat_n(main_role, per_team));
            if service == Service::FamilySafeguarding {
                roles.extend([
                    WorkerRole::DomesticAbuseWorker,
                    WorkerRole::MentalHealthWorker,
                    WorkerRole::SubstanceUseWorker,
                ]);
            }
            if service != Service::CareLeavers {
                roles.push(WorkerRole::FamilyPractitioner);
            }
            for role in roles {
                let tenures = staff_post(
                    &mut rng,
                    &mut workers,
                    &teams[team_index].id,
                    role,
                    opened,
                    horizon,
                    &mut next_sw,
                    &mut next_other,
                );
                if role == main_role {
                    posts.push(Post {
                        team: team_index,
                        tenures,
                    });
                }
            }
        }
        posts_by_service.push(posts);
    }

    let mut allocations = Vec::new();
    let mut family_safeguarding = Vec::new();
    for j in journeys.iter_mut() {
        let mut rng = Rng::stream(ctx.seed ^ 0x5157_0000, j.serial);
        let work = tidy(&j.work);
        let first_allocation = allocations.len();
        let mut sw_runs: Vec<(usize, Day, Day, SwReason)> = Vec::new();
        let mut last_end: Option<Day> = None;
        for w in &work {
            let posts = &posts_by_service[service_index(w.service)];
            let post = &posts[rng.range(0, posts.len() as i64 - 1) as usize];
            let mut first = true;
            for t in &post.tenures {
                if t.end <= w.start || t.start >= w.end {
                    continue;
                }
                let (s, e) = (t.start.max(w.start), t.end.min(w.end));
                if e <= s {
                    continue;
                }
                allocations.push(CaseAllocation {
                    child: j.child.id.clone(),
                    worker: workers[t.worker].id.clone(),
                    team: teams[post.team].id.clone(),
                    start: s.date(),
                    end: Some(e.date()),
                });
                if workers[t.worker].role == Some(WorkerRole::SocialWorker) {
                    let reason = if last_end.is_none_or(|le| s.since(le) > 7) {
                        SwReason::FCONTA
                    } else if !first {
                        SwReason::LEFTRL
                    } else if s == ctx.fs_launch {
                        SwReason::ORGRST
                    } else {
                        rng.weighted(&[
                            (SwReason::TSPROC, 70),
                            (SwReason::MANAGE, 12),
                            (SwReason::CHCHAN, 10),
                            (SwReason::OTHERS, 8),
                        ])
                    };
                    sw_runs.push((t.worker, s, e, reason));
                    last_end = Some(e);
                }
                first = false;
            }
        }
        j.child.social_worker_episodes = sw_episodes(&sw_runs, &workers);
        for f in &j.fs {
            // The Family Safeguarding team that held the case when the involvement began.
            let fs_start = f.start.date();
            let team = allocations[first_allocation..]
                .iter()
                .filter(|a| a.team.starts_with("FST") && a.end.is_none_or(|e| e >= fs_start))
                .min_by_key(|a| a.start)
                .map(|a| a.team.clone())
                .unwrap_or_else(|| "FST1".to_owned());
            family_safeguarding.push(fs_involvement(&j.child.id, team, f));
        }
    }
    Workforce {
        teams,
        workers,
        allocations,
        family_safeguarding,
    }
}

fn fs_involvement(child: &ChildId, team: String, f: &FsSpan) -> FamilySafeguardingInvolvement {
    FamilySafeguardingInvolvement {
        child: child.clone(),
        team,
        start: f.start.date(),
        end: Some(f.end.date()),
        domestic_abuse_worker: f.domestic_abuse,
        mental_health_worker: f.mental_health,
        substance_use_worker: f.substance_use,
    }
}

fn service_index(s: Service) -> usize {
    SERVICES.iter().position(|x| x.0 == s).unwrap()
}

/// The child's work in time order without overlaps: each piece ends when the next begins
/// (care leavers' personal advisers excepted, who follow care).
fn tidy(work: &[Work]) -> Vec<Work> {
    let mut w: Vec<Work> = work.iter().copied().filter(|w| w.end > w.start).collect();
    w.sort_by_key(|x| (x.start, x.end));
    let mut out: Vec<Work> = Vec::new();
    for x in w {
        if let Some(last) = out.last_mut() {
            if x.start < last.end {
                if x.start <= last.start {
                    // Starts together: the later-listed (more specific) work wins.
                    *last = x;
                    continue;
                }
                last.end = x.start;
            }
            if last.service == x.service && last.end == x.start {
                last.end = last.end.max(x.end);
                continue;
            }
        }
        out.push(x);
    }
    out
}

/// Social worker episodes from a child's runs with social workers: runs of under three days are
/// folded into the next, and one worker's consecutive runs are joined.
fn sw_episodes(
    runs: &[(usize, Day, Day, SwReason)],
    workers: &[Worker],
) -> Vec<SocialWorkerEpisode> {
    let mut merged: Vec<(usize, Day, Day, SwReason)> = Vec::new();
    for &(w, s, e, r) in runs {
        if let Some(last) = merged.last_mut() {
            if last.0 == w && s.since(last.2) <= 0 {
                last.2 = last.2.max(e);
                continue;
            }
            if last.2.since(last.1) < 3 && s.since(last.2) <= 7 {
                // Too short to report: the next worker takes over from its start.
                let reason = last.3;
                *last = (w, last.1, e, reason);
                continue;
            }
        }
        merged.push((w, s, e, r));
    }
    if let Some(last) = merged.last()
        && last.2.since(last.1) < 3
        && merged.len() > 1
    {
        let l = merged.pop().unwrap();
        if let Some(prev) = merged.last_mut()
            && l.1.since(prev.2) <= 7
        {
            prev.2 = l.2;
        } else {
            merged.push(l);
        }
    }
    merged
        .iter()
        .map(|&(w, s, e, r)| SocialWorkerEpisode {
            worker: workers[w].id.clone(),
            start_date: s.date(),
            end_date: Some(e.date()),
            reason: Some(r),
        })
        .collect()
}

/// Fills a post from `opened` to `horizon` with a run of workers.
#[allow(clippy::too_many_arguments)]
fn staff_post(
    rng: &mut Rng,
    workers: &mut Vec<Worker>,
    team: &str,
    role: WorkerRole,
    opened: Day,
    horizon: Day,
    next_sw: &mut u64,
    next_other: &mut u64,
) -> Vec<Tenure> {
    let mut tenures = Vec::new();
    // The first holder started some time before the post's history begins.
    let mut start = opened.plus(-rng.range(0, 900));
    let mut first = true;
    while start < horizon {
        let agency = rng.chance(0.14);
        let days = if agency {
            rng.piecewise(&[(0.0, 60.0), (0.5, 240.0), (1.0, 700.0)])
        } else {
            rng.piecewise(&[(0.0, 150.0), (0.5, 900.0), (0.9, 2200.0), (1.0, 3500.0)])
        } as i64;
        let end = start.plus(days.max(30));
        let worker_start = if first { start.min(opened) } else { start };
        let id = if matches!(role, WorkerRole::SocialWorker | WorkerRole::TeamManager) {
            *next_sw += 1;
            format!("SW{:06}", 100_000 + *next_sw * 37 % 900_000)
        } else {
            *next_other += 1;
            format!("EMP{:05}", *next_other)
        };
        workers.push(Worker {
            id,
            team: team.to_owned(),
            role: Some(role),
            start_date: Some(worker_start.date()),
            end_date: Some(end.date()),
            agency,
        });
        tenures.push(Tenure {
            worker: workers.len() - 1,
            start: worker_start.max(opened),
            end,
        });
        start = end;
        first = false;
    }
    tenures
}
