//! Writing the model: batched multi-row statements.

use super::Fail;
use super::read::Scope;
use model::*;
use sqlx::query_builder::Separated;
use sqlx::sqlite::SqliteConnection;
use sqlx::{AssertSqlSafe, QueryBuilder, Row, Sqlite};

/// SQLite's limit on bound parameters per statement (`SQLITE_MAX_VARIABLE_NUMBER`).
pub(crate) const MAX_PARAMS: usize = 32_766;
/// Rows per `INSERT`, at most (measured: bigger statements are no faster).
const MAX_ROWS: usize = 1_000;

type Binder<'a> = Separated<'a, Sqlite, &'static str>;

/// Inserts `rows` into `table` in multi-row `INSERT`s of up to [`MAX_ROWS`] rows, keeping each
/// statement under [`MAX_PARAMS`]. `bind` binds one row's values, one per column, in order.
pub(crate) async fn insert_rows<T>(
    conn: &mut SqliteConnection,
    table: &'static str,
    columns: &[&'static str],
    rows: &[T],
    bind: impl FnMut(&mut Binder<'_>, &T),
) -> Result<(), Fail> {
    insert_rows_then(conn, table, columns, "", rows, bind).await
}

/// As [`insert_rows`], with `tail` (an `ON CONFLICT` clause) after the values.
async fn insert_rows_then<T>(
    conn: &mut SqliteConnection,
    table: &'static str,
    columns: &[&'static str],
    tail: &str,
    rows: &[T],
    mut bind: impl FnMut(&mut Binder<'_>, &T),
) -> Result<(), Fail> {
    if rows.is_empty() {
        return Ok(());
    }
    let per_statement = (MAX_PARAMS / columns.len()).min(MAX_ROWS);
    let head = format!("INSERT INTO {table} ({}) ", columns.join(", "));
    let mut q = QueryBuilder::<Sqlite>::new(head);
    for chunk in rows.chunks(per_statement) {
        q.reset();
        q.push_values(chunk, |mut s, row| bind(&mut s, row));
        q.push(tail);
        q.build().execute(&mut *conn).await?;
    }
    Ok(())
}

/// Deletes the rows of `table` whose key (`key_columns`) equals one of `rows`' keys, bound by
/// `bind` in the same order.
async fn delete_keys<T>(
    conn: &mut SqliteConnection,
    table: &'static str,
    key_columns: &[&'static str],
    rows: &[T],
    mut bind: impl FnMut(&mut Binder<'_>, &T),
) -> Result<(), Fail> {
    if rows.is_empty() {
        return Ok(());
    }
    let per_statement = (MAX_PARAMS / key_columns.len()).min(MAX_ROWS);
    let head = format!(
        "DELETE FROM {table} WHERE ({}) IN (",
        key_columns.join(", ")
    );
    let mut q = QueryBuilder::<Sqlite>::new(head);
    for chunk in rows.chunks(per_statement) {
        q.reset();
        q.push_values(chunk, |mut s, row| bind(&mut s, row));
        q.push(")");
        q.build().execute(&mut *conn).await?;
    }
    Ok(())
}

fn text(d: Date) -> String {
    d.to_string()
}

fn opt_text(d: Option<Date>) -> Option<String> {
    d.map(text)
}

fn flag(b: bool) -> i64 {
    i64::from(b)
}

fn opt_flag(b: Option<bool>) -> Option<i64> {
    b.map(i64::from)
}

/// Deletes every record of the children listed in `temp.load_children`, except their row in
/// `children` (which [`insert_children`] overwrites: deleting it would cost a foreign-key check in
/// each of the thirteen tables that refer to it).
pub(crate) async fn delete_children(conn: &mut SqliteConnection) -> Result<(), Fail> {
    let s = Scope::Batch;
    let deletes = [
        ("assessment_factors", s.by_assessment()),
        ("cp_plan_reviews", s.by_cp_plan()),
        ("assessments", s.by_referral()),
        ("cin_plans", s.by_referral()),
        ("section47s", s.by_referral()),
        ("cp_plans", s.by_referral()),
        ("referrals", s.by_child()),
        ("disabilities", s.by_child()),
        ("cla_episodes", s.by_child()),
        ("cla_reviews", s.by_child()),
        ("missing_episodes", s.by_child()),
        ("care_leaver_records", s.by_child()),
        ("cla_outcomes", s.by_child()),
        ("adoptions", s.by_child()),
        ("placed_for_adoption", s.by_child()),
        ("previous_permanence", s.by_child()),
        ("social_worker_episodes", s.by_child()),
    ];
    for (table, filter) in deletes {
        // Safe: table names and filters are constants.
        sqlx::query(AssertSqlSafe(format!("DELETE FROM {table}{filter}")))
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The next free value of an integer key.
async fn next_id(conn: &mut SqliteConnection, sql: &'static str) -> Result<i64, Fail> {
    Ok(sqlx::query(sql)
        .fetch_one(&mut *conn)
        .await?
        .try_get::<i64, _>(0)?
        + 1)
}

/// Writes `children` with all their records: their `children` rows are inserted or overwritten,
/// and none of their other records may be stored (see [`delete_children`]).
pub(crate) async fn insert_children(
    conn: &mut SqliteConnection,
    children: &[Child],
) -> Result<(), Fail> {
    // Flatten the tree, giving referrals, assessments and CP plans their surrogate ids.
    let mut referral_id =
        next_id(conn, "SELECT coalesce(max(referral_id), 0) FROM referrals").await?;
    let mut assessment_id = next_id(
        conn,
        "SELECT coalesce(max(assessment_id), 0) FROM assessments",
    )
    .await?;
    let mut cp_plan_id = next_id(conn, "SELECT coalesce(max(cp_plan_id), 0) FROM cp_plans").await?;
    let mut referrals = Vec::new();
    let mut assessments = Vec::new();
    let mut factors = Vec::new();
    let mut cin_plans = Vec::new();
    let mut section47s = Vec::new();
    let mut cp_plans = Vec::new();
    let mut reviews = Vec::new();
    for c in children {
        for r in &c.referrals {
            referrals.push((referral_id, &c.id, r));
            for (i, a) in r.assessments.iter().enumerate() {
                assessments.push((assessment_id, referral_id, i as i64, a));
                for (j, f) in a.factors.iter().enumerate() {
                    factors.push((assessment_id, j as i64, *f));
                }
                assessment_id += 1;
            }
            for (i, p) in r.cin_plans.iter().enumerate() {
                cin_plans.push((referral_id, i as i64, p));
            }
            for (i, s) in r.section47s.iter().enumerate() {
                section47s.push((referral_id, i as i64, s));
            }
            for (i, p) in r.cp_plans.iter().enumerate() {
                cp_plans.push((cp_plan_id, referral_id, i as i64, p));
                for (j, d) in p.review_dates.iter().enumerate() {
                    reviews.push((cp_plan_id, j as i64, *d));
                }
                cp_plan_id += 1;
            }
            referral_id += 1;
        }
    }
    fn each<'c, T>(
        children: &'c [Child],
        records: impl Fn(&'c Child) -> &'c [T],
    ) -> Vec<(&'c ChildId, &'c T)> {
        children
            .iter()
            .flat_map(|c| records(c).iter().map(move |r| (&c.id, r)))
            .collect()
    }

    insert_rows_then(
        conn,
        "children",
        &[
            "child_id",
            "upn",
            "former_upn",
            "upn_unknown",
            "birth_date",
            "expected_birth_date",
            "death_date",
            "sex",
            "ethnicity",
            "uasc",
            "uasc_ceased",
            "mother",
            "mothers_child_birth_date",
        ],
        " ON CONFLICT (child_id) DO UPDATE SET upn = excluded.upn, \
         former_upn = excluded.former_upn, upn_unknown = excluded.upn_unknown, \
         birth_date = excluded.birth_date, expected_birth_date = excluded.expected_birth_date, \
         death_date = excluded.death_date, sex = excluded.sex, ethnicity = excluded.ethnicity, \
         uasc = excluded.uasc, uasc_ceased = excluded.uasc_ceased, mother = excluded.mother, \
         mothers_child_birth_date = excluded.mothers_child_birth_date",
        children,
        |s, c| {
            s.push_bind(c.id.0.clone())
                .push_bind(c.upn.clone())
                .push_bind(c.former_upn.clone())
                .push_bind(c.upn_unknown.map(|x| x.code()))
                .push_bind(opt_text(c.birth_date))
                .push_bind(opt_text(c.expected_birth_date))
                .push_bind(opt_text(c.death_date))
                .push_bind(c.sex.map(|x| x.code()))
                .push_bind(c.ethnicity.map(|x| x.code()))
                .push_bind(flag(c.uasc.is_some()))
                .push_bind(opt_text(c.uasc.and_then(|u| u.ceased)))
                .push_bind(opt_flag(c.mother))
                .push_bind(opt_text(c.mothers_child_birth_date));
        },
    )
    .await?;
    insert_rows(
        conn,
        "disabilities",
        &["child_id", "disability"],
        &each(children, |c| &c.disabilities),
        |s, (id, d)| {
            s.push_bind(id.0.clone()).push_bind(d.code());
        },
    )
    .await?;
    insert_rows(
        conn,
        "referrals",
        &[
            "referral_id",
            "child_id",
            "referral_date",
            "source",
            "primary_need",
            "closure_date",
            "reason_for_closure",
            "no_further_action",
            "initial_cpc_date",
        ],
        &referrals,
        |s, (rid, id, r)| {
            s.push_bind(*rid)
                .push_bind(id.0.clone())
                .push_bind(text(r.referral_date))
                .push_bind(r.source.map(|x| x.code()))
                .push_bind(r.primary_need.map(|x| x.code()))
                .push_bind(opt_text(r.closure_date))
                .push_bind(r.reason_for_closure.map(|x| x.code()))
                .push_bind(flag(r.no_further_action))
                .push_bind(opt_text(r.initial_cpc_date));
        },
    )
    .await?;
    insert_rows(
        conn,
        "assessments",
        &[
            "assessment_id",
            "referral_id",
            "ordinal",
            "start_date",
            "internal_review_date",
            "authorised_date",
        ],
        &assessments,
        |s, (aid, rid, ord, a)| {
            s.push_bind(*aid)
                .push_bind(*rid)
                .push_bind(*ord)
                .push_bind(text(a.start_date))
                .push_bind(opt_text(a.internal_review_date))
                .push_bind(opt_text(a.authorised_date));
        },
    )
    .await?;
    insert_rows(
        conn,
        "assessment_factors",
        &["assessment_id", "ordinal", "factor"],
        &factors,
        |s, (aid, ord, f)| {
            s.push_bind(*aid).push_bind(*ord).push_bind(f.code());
        },
    )
    .await?;
    insert_rows(
        conn,
        "cin_plans",
        &["referral_id", "ordinal", "start_date", "end_date"],
        &cin_plans,
        |s, (rid, ord, p)| {
            s.push_bind(*rid)
                .push_bind(*ord)
                .push_bind(text(p.start_date))
                .push_bind(opt_text(p.end_date));
        },
    )
    .await?;
    insert_rows(
        conn,
        "section47s",
        &[
            "referral_id",
            "ordinal",
            "start_date",
            "icpc_target_date",
            "icpc_date",
            "icpc_not_required",
        ],
        &section47s,
        |s, (rid, ord, x)| {
            s.push_bind(*rid)
                .push_bind(*ord)
                .push_bind(text(x.start_date))
                .push_bind(opt_text(x.icpc_target_date))
                .push_bind(opt_text(x.icpc_date))
                .push_bind(flag(x.icpc_not_required));
        },
    )
    .await?;
    insert_rows(
        conn,
        "cp_plans",
        &[
            "cp_plan_id",
            "referral_id",
            "ordinal",
            "start_date",
            "end_date",
            "initial_category",
            "latest_category",
            "number_of_previous_plans",
        ],
        &cp_plans,
        |s, (pid, rid, ord, p)| {
            s.push_bind(*pid)
                .push_bind(*rid)
                .push_bind(*ord)
                .push_bind(text(p.start_date))
                .push_bind(opt_text(p.end_date))
                .push_bind(p.initial_category.map(|x| x.code()))
                .push_bind(p.latest_category.map(|x| x.code()))
                .push_bind(p.number_of_previous_plans.map(i64::from));
        },
    )
    .await?;
    insert_rows(
        conn,
        "cp_plan_reviews",
        &["cp_plan_id", "ordinal", "review_date"],
        &reviews,
        |s, (pid, ord, d)| {
            s.push_bind(*pid).push_bind(*ord).push_bind(text(*d));
        },
    )
    .await?;
    insert_rows(
        conn,
        "cla_episodes",
        &[
            "child_id",
            "start_date",
            "reason_new_episode",
            "legal_status",
            "category_of_need",
            "placement",
            "placement_provider",
            "end_date",
            "reason_ceased",
            "reason_place_change",
            "home_postcode",
            "placement_postcode",
            "urn",
        ],
        &each(children, |c| &c.cla_episodes),
        |s, (id, e)| {
            s.push_bind(id.0.clone())
                .push_bind(text(e.start_date))
                .push_bind(e.reason_new_episode.map(|x| x.code()))
                .push_bind(e.legal_status.map(|x| x.code()))
                .push_bind(e.category_of_need.map(|x| x.code()))
                .push_bind(e.placement.map(|x| x.code()))
                .push_bind(e.placement_provider.map(|x| x.code()))
                .push_bind(opt_text(e.end_date))
                .push_bind(e.reason_ceased.map(|x| x.code()))
                .push_bind(e.reason_place_change.map(|x| x.code()))
                .push_bind(e.home_postcode.clone())
                .push_bind(e.placement_postcode.clone())
                .push_bind(e.urn.clone());
        },
    )
    .await?;
    insert_rows(
        conn,
        "cla_reviews",
        &["child_id", "review_date", "participation"],
        &each(children, |c| &c.cla_reviews),
        |s, (id, r)| {
            s.push_bind(id.0.clone())
                .push_bind(text(r.date))
                .push_bind(r.participation.map(|x| x.code()));
        },
    )
    .await?;
    insert_rows(
        conn,
        "missing_episodes",
        &["child_id", "start_date", "kind", "end_date"],
        &each(children, |c| &c.missing_episodes),
        |s, (id, m)| {
            s.push_bind(id.0.clone())
                .push_bind(text(m.start_date))
                .push_bind(m.kind.map(|x| x.code()))
                .push_bind(opt_text(m.end_date));
        },
    )
    .await?;
    insert_rows(
        conn,
        "care_leaver_records",
        &[
            "child_id",
            "collection_year",
            "in_touch",
            "activity",
            "accommodation",
        ],
        &each(children, |c| &c.care_leaver_records),
        |s, (id, r)| {
            s.push_bind(id.0.clone())
                .push_bind(i64::from(r.year.0))
                .push_bind(r.in_touch.map(|x| x.code()))
                .push_bind(r.activity.map(|x| x.code()))
                .push_bind(r.accommodation.map(|x| x.code()));
        },
    )
    .await?;
    insert_rows(
        conn,
        "cla_outcomes",
        &[
            "child_id",
            "collection_year",
            "sdq_score",
            "sdq_reason",
            "convicted",
            "health_check",
            "immunisations",
            "teeth_check",
            "health_assessment",
            "substance_misuse",
            "intervention_received",
            "intervention_offered",
        ],
        &each(children, |c| &c.outcomes),
        |s, (id, o)| {
            s.push_bind(id.0.clone())
                .push_bind(i64::from(o.year.0))
                .push_bind(o.sdq_score.map(i64::from))
                .push_bind(o.sdq_reason.map(|x| x.code()))
                .push_bind(opt_flag(o.convicted))
                .push_bind(opt_flag(o.health_check))
                .push_bind(opt_flag(o.immunisations))
                .push_bind(opt_flag(o.teeth_check))
                .push_bind(opt_flag(o.health_assessment))
                .push_bind(opt_flag(o.substance_misuse))
                .push_bind(opt_flag(o.intervention_received))
                .push_bind(opt_flag(o.intervention_offered));
        },
    )
    .await?;
    let adoptions: Vec<_> = children
        .iter()
        .filter_map(|c| c.adoption.as_ref().map(|a| (&c.id, a)))
        .collect();
    insert_rows(
        conn,
        "adoptions",
        &[
            "child_id",
            "decision_date",
            "match_date",
            "by_foster_carer",
            "number_of_adopters",
            "adopter_sex",
            "adopter_legal_status",
        ],
        &adoptions,
        |s, (id, a)| {
            s.push_bind(id.0.clone())
                .push_bind(opt_text(a.decision_date))
                .push_bind(opt_text(a.match_date))
                .push_bind(opt_flag(a.by_foster_carer))
                .push_bind(a.number_of_adopters.map(i64::from))
                .push_bind(a.adopter_sex.map(|x| x.code()))
                .push_bind(a.adopter_legal_status.map(|x| x.code()));
        },
    )
    .await?;
    insert_rows(
        conn,
        "placed_for_adoption",
        &["child_id", "date_placed", "date_ceased", "reason_ceased"],
        &each(children, |c| &c.placed_for_adoption),
        |s, (id, p)| {
            s.push_bind(id.0.clone())
                .push_bind(text(p.date_placed))
                .push_bind(opt_text(p.date_ceased))
                .push_bind(p.reason_ceased.map(|x| x.code()));
        },
    )
    .await?;
    let permanence: Vec<_> = children
        .iter()
        .filter_map(|c| c.previous_permanence.as_ref().map(|p| (&c.id, p)))
        .collect();
    insert_rows(
        conn,
        "previous_permanence",
        &["child_id", "kind", "la", "perm_date"],
        &permanence,
        |s, (id, p)| {
            s.push_bind(id.0.clone())
                .push_bind(p.kind.map(|x| x.code()))
                .push_bind(p.la.clone())
                .push_bind(p.date.clone());
        },
    )
    .await?;
    insert_rows(
        conn,
        "social_worker_episodes",
        &["child_id", "start_date", "worker_id", "end_date", "reason"],
        &each(children, |c| &c.social_worker_episodes),
        |s, (id, e)| {
            s.push_bind(id.0.clone())
                .push_bind(text(e.start_date))
                .push_bind(e.worker.clone())
                .push_bind(opt_text(e.end_date))
                .push_bind(e.reason.map(|x| x.code()));
        },
    )
    .await?;
    Ok(())
}

/// Replaces stored teams, workers, allocations and Family Safeguarding involvements that share a
/// natural key with the batch's, and adds the rest (as [`model::Dataset::merge`] does).
pub(crate) async fn replace_workforce(
    conn: &mut SqliteConnection,
    teams: &[Team],
    workers: &[Worker],
    allocations: &[CaseAllocation],
    family_safeguarding: &[FamilySafeguardingInvolvement],
) -> Result<(), Fail> {
    delete_keys(conn, "teams", &["team_id"], teams, |s, t| {
        s.push_bind(t.id.clone());
    })
    .await?;
    insert_rows(
        conn,
        "teams",
        &["team_id", "name", "service", "family_safeguarding"],
        teams,
        |s, t| {
            s.push_bind(t.id.clone())
                .push_bind(t.name.clone())
                .push_bind(t.service.clone())
                .push_bind(flag(t.family_safeguarding));
        },
    )
    .await?;

    delete_keys(conn, "workers", &["worker_id"], workers, |s, w| {
        s.push_bind(w.id.clone());
    })
    .await?;
    insert_rows(
        conn,
        "workers",
        &[
            "worker_id",
            "team_id",
            "role",
            "start_date",
            "end_date",
            "agency",
        ],
        workers,
        |s, w| {
            s.push_bind(w.id.clone())
                .push_bind(w.team.clone())
                .push_bind(w.role.map(|r| r.code()))
                .push_bind(opt_text(w.start_date))
                .push_bind(opt_text(w.end_date))
                .push_bind(flag(w.agency));
        },
    )
    .await?;

    delete_keys(
        conn,
        "case_allocations",
        &["child_id", "worker_id", "start_date"],
        allocations,
        |s, a| {
            s.push_bind(a.child.0.clone())
                .push_bind(a.worker.clone())
                .push_bind(text(a.start));
        },
    )
    .await?;
    insert_rows(
        conn,
        "case_allocations",
        &["child_id", "worker_id", "start_date", "team_id", "end_date"],
        allocations,
        |s, a| {
            s.push_bind(a.child.0.clone())
                .push_bind(a.worker.clone())
                .push_bind(text(a.start))
                .push_bind(a.team.clone())
                .push_bind(opt_text(a.end));
        },
    )
    .await?;

    delete_keys(
        conn,
        "family_safeguarding",
        &["child_id", "start_date"],
        family_safeguarding,
        |s, f| {
            s.push_bind(f.child.0.clone()).push_bind(text(f.start));
        },
    )
    .await?;
    insert_rows(
        conn,
        "family_safeguarding",
        &[
            "child_id",
            "start_date",
            "team_id",
            "end_date",
            "domestic_abuse_worker",
            "mental_health_worker",
            "substance_use_worker",
        ],
        family_safeguarding,
        |s, f| {
            s.push_bind(f.child.0.clone())
                .push_bind(text(f.start))
                .push_bind(f.team.clone())
                .push_bind(opt_text(f.end))
                .push_bind(flag(f.domestic_abuse_worker))
                .push_bind(flag(f.mental_health_worker))
                .push_bind(flag(f.substance_use_worker));
        },
    )
    .await?;
    Ok(())
}
