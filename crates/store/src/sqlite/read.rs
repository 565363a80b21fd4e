//! Reading stored children back into the model.
//!
//! Children are read in pages of [`PAGE`] ids. For each page, each table is one query that lets
//! SQLite aggregate the rows into one JSON array (`json_group_array(json_array(…))`), parsed here
//! into typed tuples. Fetching rows one by one through the driver costs about half a microsecond
//! per value; one JSON text per table and page is about ten times faster, and paging keeps each
//! text small whatever the size of the database.

use super::Fail;
use model::codes::*;
use model::*;
use serde::Deserialize;
use sqlx::sqlite::{SqliteConnection, SqliteRow};
use sqlx::{AssertSqlSafe, Row};
use std::borrow::Cow;
use std::collections::HashMap;

/// Children per page. Debug builds use small pages so that tests cross page boundaries.
const PAGE: usize = if cfg!(debug_assertions) {
    1_000
} else {
    50_000
};

/// Which children to read.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Scope {
    /// Every child.
    All,
    /// The children listed in `temp.load_children` (the batch being loaded).
    Batch,
}

impl Scope {
    /// A `WHERE` clause limiting a table keyed by `child_id`.
    pub(crate) fn by_child(self) -> &'static str {
        match self {
            Scope::All => "",
            Scope::Batch => " WHERE child_id IN (SELECT child_id FROM temp.load_children)",
        }
    }
    /// A `WHERE` clause limiting a table keyed by `referral_id`.
    pub(crate) fn by_referral(self) -> &'static str {
        match self {
            Scope::All => "",
            Scope::Batch => {
                " WHERE referral_id IN (SELECT referral_id FROM referrals \
                 WHERE child_id IN (SELECT child_id FROM temp.load_children))"
            }
        }
    }
    /// A `WHERE` clause limiting a table keyed by `assessment_id`.
    pub(crate) fn by_assessment(self) -> &'static str {
        match self {
            Scope::All => "",
            Scope::Batch => {
                " WHERE assessment_id IN (SELECT assessment_id FROM assessments \
                 WHERE referral_id IN (SELECT referral_id FROM referrals \
                 WHERE child_id IN (SELECT child_id FROM temp.load_children)))"
            }
        }
    }
    /// A `WHERE` clause limiting a table keyed by `cp_plan_id`.
    pub(crate) fn by_cp_plan(self) -> &'static str {
        match self {
            Scope::All => "",
            Scope::Batch => {
                " WHERE cp_plan_id IN (SELECT cp_plan_id FROM cp_plans \
                 WHERE referral_id IN (SELECT referral_id FROM referrals \
                 WHERE child_id IN (SELECT child_id FROM temp.load_children)))"
            }
        }
    }
}

/// The condition "in scope", for a query over a table with a `child_id` column.
fn in_scope(scope: Scope) -> &'static str {
    match scope {
        Scope::All => "",
        Scope::Batch => " AND child_id IN (SELECT child_id FROM temp.load_children)",
    }
}

/// Text from the JSON, borrowed where it needs no unescaping.
#[derive(Debug)]
struct Text<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("text")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(v)))
            }
        }
        d.deserialize_str(Visitor)
    }
}

type T<'a> = Text<'a>;
type O<'a> = Option<Text<'a>>;

/// Converts stored values to the model's, reporting failures by table and column only.
#[derive(Clone, Copy)]
struct Cv {
    table: &'static str,
}

impl Cv {
    fn corrupt(self, column: &'static str) -> Fail {
        Fail::Corrupt {
            table: self.table,
            column,
        }
    }
    fn text(self, t: T<'_>) -> String {
        t.0.into_owned()
    }
    fn opt_text(self, t: O<'_>) -> Option<String> {
        t.map(|t| t.0.into_owned())
    }
    fn date(self, col: &'static str, t: &T<'_>) -> Result<Date, Fail> {
        t.0.parse().map_err(|_| self.corrupt(col))
    }
    fn opt_date(self, col: &'static str, t: &O<'_>) -> Result<Option<Date>, Fail> {
        t.as_ref().map(|t| self.date(col, t)).transpose()
    }
    fn code<C: CodeSet>(self, col: &'static str, t: &T<'_>) -> Result<C, Fail> {
        C::from_code(&t.0).ok_or_else(|| self.corrupt(col))
    }
    fn opt_code<C: CodeSet>(self, col: &'static str, t: &O<'_>) -> Result<Option<C>, Fail> {
        t.as_ref().map(|t| self.code(col, t)).transpose()
    }
    fn flag(self, col: &'static str, n: i64) -> Result<bool, Fail> {
        match n {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(self.corrupt(col)),
        }
    }
    fn opt_flag(self, col: &'static str, n: Option<i64>) -> Result<Option<bool>, Fail> {
        n.map(|n| self.flag(col, n)).transpose()
    }
    fn int<N: TryFrom<i64>>(self, col: &'static str, n: i64) -> Result<N, Fail> {
        N::try_from(n).map_err(|_| self.corrupt(col))
    }
    fn opt_int<N: TryFrom<i64>>(
        self,
        col: &'static str,
        n: Option<i64>,
    ) -> Result<Option<N>, Fail> {
        n.map(|n| self.int(col, n)).transpose()
    }
    fn parse<'a, R: Deserialize<'a>>(self, json: &'a str) -> Result<Vec<R>, Fail> {
        serde_json::from_str(json).map_err(|_| self.corrupt("(unknown)"))
    }
}

/// Runs a query that returns one JSON text and returns it.
async fn json(conn: &mut SqliteConnection, sql: String, binds: &[&str]) -> Result<String, Fail> {
    // Safe: `sql` is assembled from constants of this module; values are bound.
    let mut q = sqlx::query(AssertSqlSafe(sql));
    for b in binds {
        q = q.bind(b.to_string());
    }
    Ok(q.fetch_one(conn).await?.try_get::<String, _>(0)?)
}

/// `SELECT json_group_array(json_array({columns})) FROM {table} WHERE {condition}`.
async fn rows(
    conn: &mut SqliteConnection,
    table: &str,
    columns: &str,
    condition: &str,
    binds: &[&str],
) -> Result<String, Fail> {
    json(
        conn,
        format!("SELECT json_group_array(json_array({columns})) FROM {table} WHERE {condition}"),
        binds,
    )
    .await
}

/// The children in `scope` with all their records, in child-id order, each normalised.
pub(crate) async fn children(
    conn: &mut SqliteConnection,
    scope: Scope,
) -> Result<Vec<Child>, Fail> {
    let mut all = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = page(conn, scope, after.as_deref()).await?;
        let full = page.len() == PAGE;
        let Some(last) = page.last() else { break };
        after = Some(last.id.0.clone());
        all.extend(page);
        if !full {
            break;
        }
    }
    Ok(all)
}

const CHILD_COLUMNS: &str = "child_id, upn, former_upn, upn_unknown, birth_date, \
    expected_birth_date, death_date, sex, ethnicity, uasc, uasc_ceased, mother, \
    mothers_child_birth_date";

type ChildRow<'a> = (
    T<'a>,
    O<'a>,
    O<'a>,
    O<'a>,
    O<'a>,
    O<'a>,
    O<'a>,
    O<'a>,
    O<'a>,
    i64,
    O<'a>,
    Option<i64>,
    O<'a>,
);

/// Up to [`PAGE`] children in scope whose ids come after `after`, with their records.
async fn page(
    conn: &mut SqliteConnection,
    scope: Scope,
    after: Option<&str>,
) -> Result<Vec<Child>, Fail> {
    let scoped = in_scope(scope);
    let (lower, binds): (&str, Vec<&str>) = match after {
        Some(a) => ("child_id > $1", vec![a]),
        None => ("1", vec![]),
    };
    let text = json(
        conn,
        format!(
            "SELECT json_group_array(json_array({CHILD_COLUMNS})) FROM \
             (SELECT {CHILD_COLUMNS} FROM children WHERE {lower}{scoped} \
              ORDER BY child_id LIMIT {PAGE})"
        ),
        &binds,
    )
    .await?;
    let cv = Cv { table: "children" };
    let mut rows_: Vec<ChildRow<'_>> = cv.parse(&text)?;
    rows_.sort_by(|a, b| a.0.0.cmp(&b.0.0));
    let mut children = Vec::with_capacity(rows_.len());
    for (
        id,
        upn,
        former_upn,
        upn_unknown,
        birth,
        expected,
        death,
        sex,
        ethnicity,
        uasc,
        ceased,
        mother,
        mcbd,
    ) in rows_
    {
        children.push(Child {
            id: ChildId(cv.text(id)),
            upn: cv.opt_text(upn),
            former_upn: cv.opt_text(former_upn),
            upn_unknown: cv.opt_code("upn_unknown", &upn_unknown)?,
            birth_date: cv.opt_date("birth_date", &birth)?,
            expected_birth_date: cv.opt_date("expected_birth_date", &expected)?,
            death_date: cv.opt_date("death_date", &death)?,
            sex: cv.opt_code("sex", &sex)?,
            ethnicity: cv.opt_code("ethnicity", &ethnicity)?,
            uasc: cv.flag("uasc", uasc)?.then_some(UascStatus {
                ceased: cv.opt_date("uasc_ceased", &ceased)?,
            }),
            mother: cv.opt_flag("mother", mother)?,
            mothers_child_birth_date: cv.opt_date("mothers_child_birth_date", &mcbd)?,
            ..Child::default()
        });
    }
    drop(text);
    let (Some(first), Some(last)) = (children.first(), children.last()) else {
        return Ok(children);
    };
    let (lo, hi) = (first.id.0.clone(), last.id.0.clone());
    let bounds = [lo.as_str(), hi.as_str()];
    let index: HashMap<String, usize> = children
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.0.clone(), i))
        .collect();
    let child = |cv: Cv, id: &T<'_>| -> Result<usize, Fail> {
        index
            .get(id.0.as_ref())
            .copied()
            .ok_or_else(|| cv.corrupt("child_id"))
    };

    // Conditions selecting this page's rows of each kind of table.
    let by_child = format!("child_id BETWEEN $1 AND $2{scoped}");
    let referral_ids = format!("SELECT referral_id FROM referrals WHERE {by_child}");
    let by_referral = format!("referral_id IN ({referral_ids})");
    let by_assessment = format!(
        "assessment_id IN (SELECT assessment_id FROM assessments WHERE referral_id IN ({referral_ids}))"
    );
    let by_cp_plan = format!(
        "cp_plan_id IN (SELECT cp_plan_id FROM cp_plans WHERE referral_id IN ({referral_ids}))"
    );

    let cv = Cv {
        table: "disabilities",
    };
    let text = rows(conn, cv.table, "child_id, disability", &by_child, &bounds).await?;
    for (id, d) in cv.parse::<(T, T)>(&text)? {
        children[child(cv, &id)?]
            .disabilities
            .push(cv.code("disability", &d)?);
    }

    // Referrals and their records, each list in its stored order (the ordinal).
    let cv = Cv { table: "referrals" };
    let text = rows(
        conn,
        cv.table,
        "referral_id, child_id, referral_date, source, primary_need, closure_date, \
         reason_for_closure, no_further_action, initial_cpc_date",
        &by_child,
        &bounds,
    )
    .await?;
    let mut referrals: HashMap<i64, (usize, usize)> = HashMap::new();
    for (rid, id, date, source, need, closure, reason, nfa, icpc) in
        cv.parse::<(i64, T, T, O, O, O, O, i64, O)>(&text)?
    {
        let ci = child(cv, &id)?;
        let list = &mut children[ci].referrals;
        referrals.insert(rid, (ci, list.len()));
        list.push(Referral {
            referral_date: cv.date("referral_date", &date)?,
            source: cv.opt_code("source", &source)?,
            primary_need: cv.opt_code("primary_need", &need)?,
            closure_date: cv.opt_date("closure_date", &closure)?,
            reason_for_closure: cv.opt_code("reason_for_closure", &reason)?,
            no_further_action: cv.flag("no_further_action", nfa)?,
            initial_cpc_date: cv.opt_date("initial_cpc_date", &icpc)?,
            ..Referral::default()
        });
    }
    let referral = |cv: Cv, rid: i64| -> Result<(usize, usize), Fail> {
        referrals
            .get(&rid)
            .copied()
            .ok_or_else(|| cv.corrupt("referral_id"))
    };

    let cv = Cv {
        table: "assessments",
    };
    let text = rows(
        conn,
        cv.table,
        "assessment_id, referral_id, ordinal, start_date, internal_review_date, authorised_date",
        &by_referral,
        &bounds,
    )
    .await?;
    let mut list = cv.parse::<(i64, i64, i64, T, O, O)>(&text)?;
    list.sort_by_key(|r| (r.1, r.2));
    let mut assessments: HashMap<i64, (usize, usize, usize)> = HashMap::new();
    for (aid, rid, _, start, review, authorised) in list {
        let (ci, ri) = referral(cv, rid)?;
        let list = &mut children[ci].referrals[ri].assessments;
        assessments.insert(aid, (ci, ri, list.len()));
        list.push(Assessment {
            start_date: cv.date("start_date", &start)?,
            internal_review_date: cv.opt_date("internal_review_date", &review)?,
            authorised_date: cv.opt_date("authorised_date", &authorised)?,
            factors: Vec::new(),
        });
    }

    let cv = Cv {
        table: "assessment_factors",
    };
    let text = rows(
        conn,
        cv.table,
        "assessment_id, ordinal, factor",
        &by_assessment,
        &bounds,
    )
    .await?;
    let mut list = cv.parse::<(i64, i64, T)>(&text)?;
    list.sort_by_key(|r| (r.0, r.1));
    for (aid, _, factor) in list {
        let (ci, ri, ai) = assessments
            .get(&aid)
            .copied()
            .ok_or_else(|| cv.corrupt("assessment_id"))?;
        children[ci].referrals[ri].assessments[ai]
            .factors
            .push(cv.code("factor", &factor)?);
    }

    let cv = Cv { table: "cin_plans" };
    let text = rows(
        conn,
        cv.table,
        "referral_id, ordinal, start_date, end_date",
        &by_referral,
        &bounds,
    )
    .await?;
    let mut list = cv.parse::<(i64, i64, T, O)>(&text)?;
    list.sort_by_key(|r| (r.0, r.1));
    for (rid, _, start, end) in list {
        let (ci, ri) = referral(cv, rid)?;
        children[ci].referrals[ri].cin_plans.push(CinPlan {
            start_date: cv.date("start_date", &start)?,
            end_date: cv.opt_date("end_date", &end)?,
        });
    }

    let cv = Cv {
        table: "section47s",
    };
    let text = rows(
        conn,
        cv.table,
        "referral_id, ordinal, start_date, icpc_target_date, icpc_date, icpc_not_required",
        &by_referral,
        &bounds,
    )
    .await?;
    let mut list = cv.parse::<(i64, i64, T, O, O, i64)>(&text)?;
    list.sort_by_key(|r| (r.0, r.1));
    for (rid, _, start, target, icpc, not_required) in list {
        let (ci, ri) = referral(cv, rid)?;
        children[ci].referrals[ri].section47s.push(Section47 {
            start_date: cv.date("start_date", &start)?,
            icpc_target_date: cv.opt_date("icpc_target_date", &target)?,
            icpc_date: cv.opt_date("icpc_date", &icpc)?,
            icpc_not_required: cv.flag("icpc_not_required", not_required)?,
        });
    }

    let cv = Cv { table: "cp_plans" };
    let text = rows(
        conn,
        cv.table,
        "cp_plan_id, referral_id, ordinal, start_date, end_date, initial_category, \
         latest_category, number_of_previous_plans",
        &by_referral,
        &bounds,
    )
    .await?;
    let mut list = cv.parse::<(i64, i64, i64, T, O, O, O, Option<i64>)>(&text)?;
    list.sort_by_key(|r| (r.1, r.2));
    let mut cp_plans: HashMap<i64, (usize, usize, usize)> = HashMap::new();
    for (pid, rid, _, start, end, initial, latest, previous) in list {
        let (ci, ri) = referral(cv, rid)?;
        let list = &mut children[ci].referrals[ri].cp_plans;
        cp_plans.insert(pid, (ci, ri, list.len()));
        list.push(CpPlan {
            start_date: cv.date("start_date", &start)?,
            end_date: cv.opt_date("end_date", &end)?,
            initial_category: cv.opt_code("initial_category", &initial)?,
            latest_category: cv.opt_code("latest_category", &latest)?,
            number_of_previous_plans: cv.opt_int("number_of_previous_plans", previous)?,
            review_dates: Vec::new(),
        });
    }

    let cv = Cv {
        table: "cp_plan_reviews",
    };
    let text = rows(
        conn,
        cv.table,
        "cp_plan_id, ordinal, review_date",
        &by_cp_plan,
        &bounds,
    )
    .await?;
    let mut list = cv.parse::<(i64, i64, T)>(&text)?;
    list.sort_by_key(|r| (r.0, r.1));
    for (pid, _, date) in list {
        let (ci, ri, pi) = cp_plans
            .get(&pid)
            .copied()
            .ok_or_else(|| cv.corrupt("cp_plan_id"))?;
        children[ci].referrals[ri].cp_plans[pi]
            .review_dates
            .push(cv.date("review_date", &date)?);
    }

    // Looked-after children: one natural key per record, so order comes from normalising.
    let cv = Cv {
        table: "cla_episodes",
    };
    let text = rows(
        conn,
        cv.table,
        "child_id, start_date, reason_new_episode, legal_status, category_of_need, placement, \
         placement_provider, end_date, reason_ceased, reason_place_change, home_postcode, \
         placement_postcode, urn",
        &by_child,
        &bounds,
    )
    .await?;
    for (id, start, rne, ls, cin, place, provider, end, rec, rpc, home, pl, urn) in
        cv.parse::<(T, T, O, O, O, O, O, O, O, O, O, O, O)>(&text)?
    {
        children[child(cv, &id)?].cla_episodes.push(ClaEpisode {
            start_date: cv.date("start_date", &start)?,
            reason_new_episode: cv.opt_code("reason_new_episode", &rne)?,
            legal_status: cv.opt_code("legal_status", &ls)?,
            category_of_need: cv.opt_code("category_of_need", &cin)?,
            placement: cv.opt_code("placement", &place)?,
            placement_provider: cv.opt_code("placement_provider", &provider)?,
            end_date: cv.opt_date("end_date", &end)?,
            reason_ceased: cv.opt_code("reason_ceased", &rec)?,
            reason_place_change: cv.opt_code("reason_place_change", &rpc)?,
            home_postcode: cv.opt_text(home),
            placement_postcode: cv.opt_text(pl),
            urn: cv.opt_text(urn),
        });
    }

    let cv = Cv {
        table: "cla_reviews",
    };
    let text = rows(
        conn,
        cv.table,
        "child_id, review_date, participation",
        &by_child,
        &bounds,
    )
    .await?;
    for (id, date, participation) in cv.parse::<(T, T, O)>(&text)? {
        children[child(cv, &id)?].cla_reviews.push(ClaReview {
            date: cv.date("review_date", &date)?,
            participation: cv.opt_code("participation", &participation)?,
        });
    }

    let cv = Cv {
        table: "missing_episodes",
    };
    let text = rows(
        conn,
        cv.table,
        "child_id, start_date, kind, end_date",
        &by_child,
        &bounds,
    )
    .await?;
    for (id, start, kind, end) in cv.parse::<(T, T, O, O)>(&text)? {
        children[child(cv, &id)?]
            .missing_episodes
            .push(MissingEpisode {
                kind: cv.opt_code("kind", &kind)?,
                start_date: cv.date("start_date", &start)?,
                end_date: cv.opt_date("end_date", &end)?,
            });
    }

    let cv = Cv {
        table: "care_leaver_records",
    };
    let text = rows(
        conn,
        cv.table,
        "child_id, collection_year, in_touch, activity, accommodation",
        &by_child,
        &bounds,
    )
    .await?;
    for (id, year, in_touch, activity, accommodation) in cv.parse::<(T, i64, O, O, O)>(&text)? {
        children[child(cv, &id)?]
            .care_leaver_records
            .push(CareLeaverRecord {
                year: CollectionYear(cv.int("collection_year", year)?),
                in_touch: cv.opt_code("in_touch", &in_touch)?,
                activity: cv.opt_code("activity", &activity)?,
                accommodation: cv.opt_code("accommodation", &accommodation)?,
            });
    }

    let cv = Cv {
        table: "cla_outcomes",
    };
    let text = rows(
        conn,
        cv.table,
        "child_id, collection_year, sdq_score, sdq_reason, convicted, health_check, \
         immunisations, teeth_check, health_assessment, substance_misuse, \
         intervention_received, intervention_offered",
        &by_child,
        &bounds,
    )
    .await?;
    type Flag = Option<i64>;
    for (id, year, sdq, sdq_reason, a, b, c, d, e, f, g, h) in cv.parse::<(
        T,
        i64,
        Option<i64>,
        O,
        Flag,
        Flag,
        Flag,
        Flag,
        Flag,
        Flag,
        Flag,
        Flag,
    )>(&text)?
    {
        children[child(cv, &id)?].outcomes.push(ClaOutcomes {
            year: CollectionYear(cv.int("collection_year", year)?),
            sdq_score: cv.opt_int("sdq_score", sdq)?,
            sdq_reason: cv.opt_code("sdq_reason", &sdq_reason)?,
            convicted: cv.opt_flag("convicted", a)?,
            health_check: cv.opt_flag("health_check", b)?,
            immunisations: cv.opt_flag("immunisations", c)?,
            teeth_check: cv.opt_flag("teeth_check", d)?,
            health_assessment: cv.opt_flag("health_assessment", e)?,
            substance_misuse: cv.opt_flag("substance_misuse", f)?,
            intervention_received: cv.opt_flag("intervention_received", g)?,
            intervention_offered: cv.opt_flag("intervention_offered", h)?,
        });
    }

    let cv = Cv { table: "adoptions" };
    let text = rows(
        conn,
        cv.table,
        "child_id, decision_date, match_date, by_foster_carer, number_of_adopters, adopter_sex, \
         adopter_legal_status",
        &by_child,
        &bounds,
    )
    .await?;
    for (id, decision, matched, foster, adopters, sex, legal) in
        cv.parse::<(T, O, O, Option<i64>, Option<i64>, O, O)>(&text)?
    {
        children[child(cv, &id)?].adoption = Some(Adoption {
            decision_date: cv.opt_date("decision_date", &decision)?,
            match_date: cv.opt_date("match_date", &matched)?,
            by_foster_carer: cv.opt_flag("by_foster_carer", foster)?,
            number_of_adopters: cv.opt_int("number_of_adopters", adopters)?,
            adopter_sex: cv.opt_code("adopter_sex", &sex)?,
            adopter_legal_status: cv.opt_code("adopter_legal_status", &legal)?,
        });
    }

    let cv = Cv {
        table: "placed_for_adoption",
    };
    let text = rows(
        conn,
        cv.table,
        "child_id, date_placed, date_ceased, reason_ceased",
        &by_child,
        &bounds,
    )
    .await?;
    for (id, placed, ceased, reason) in cv.parse::<(T, T, O, O)>(&text)? {
        children[child(cv, &id)?]
            .placed_for_adoption
            .push(PlacedForAdoption {
                date_placed: cv.date("date_placed", &placed)?,
                date_ceased: cv.opt_date("date_ceased", &ceased)?,
                reason_ceased: cv.opt_code("reason_ceased", &reason)?,
            });
    }

    let cv = Cv {
        table: "previous_permanence",
    };
    let text = rows(
        conn,
        cv.table,
        "child_id, kind, la, perm_date",
        &by_child,
        &bounds,
    )
    .await?;
    for (id, kind, la, date) in cv.parse::<(T, O, O, O)>(&text)? {
        children[child(cv, &id)?].previous_permanence = Some(PreviousPermanenceOrder {
            kind: cv.opt_code("kind", &kind)?,
            la: cv.opt_text(la),
            date: cv.opt_text(date),
        });
    }

    let cv = Cv {
        table: "social_worker_episodes",
    };
    let text = rows(
        conn,
        cv.table,
        "child_id, start_date, worker_id, end_date, reason",
        &by_child,
        &bounds,
    )
    .await?;
    for (id, start, worker, end, reason) in cv.parse::<(T, T, T, O, O)>(&text)? {
        children[child(cv, &id)?]
            .social_worker_episodes
            .push(SocialWorkerEpisode {
                worker: cv.text(worker),
                start_date: cv.date("start_date", &start)?,
                end_date: cv.opt_date("end_date", &end)?,
                reason: cv.opt_code("reason", &reason)?,
            });
    }

    for c in &mut children {
        c.normalise();
    }
    Ok(children)
}

/// Teams, workers, case allocations and Family Safeguarding involvement (children empty).
pub(crate) async fn workforce(conn: &mut SqliteConnection) -> Result<Dataset, Fail> {
    let mut ds = Dataset::default();

    let cv = Cv { table: "teams" };
    let text = rows(
        conn,
        cv.table,
        "team_id, name, service, family_safeguarding",
        "1",
        &[],
    )
    .await?;
    for (id, name, service, fs) in cv.parse::<(T, T, T, i64)>(&text)? {
        ds.teams.push(Team {
            id: cv.text(id),
            name: cv.text(name),
            service: cv.text(service),
            family_safeguarding: cv.flag("family_safeguarding", fs)?,
        });
    }

    let cv = Cv { table: "workers" };
    let text = rows(
        conn,
        cv.table,
        "worker_id, team_id, role, start_date, end_date, agency",
        "1",
        &[],
    )
    .await?;
    for (id, team, role, start, end, agency) in cv.parse::<(T, T, O, O, O, i64)>(&text)? {
        ds.workers.push(Worker {
            id: cv.text(id),
            team: cv.text(team),
            role: role
                .map(|r| WorkerRole::from_code(&r.0).ok_or_else(|| cv.corrupt("role")))
                .transpose()?,
            start_date: cv.opt_date("start_date", &start)?,
            end_date: cv.opt_date("end_date", &end)?,
            agency: cv.flag("agency", agency)?,
        });
    }

    let cv = Cv {
        table: "case_allocations",
    };
    let text = rows(
        conn,
        cv.table,
        "child_id, worker_id, start_date, team_id, end_date",
        "1",
        &[],
    )
    .await?;
    for (child, worker, start, team, end) in cv.parse::<(T, T, T, T, O)>(&text)? {
        ds.allocations.push(CaseAllocation {
            child: ChildId(cv.text(child)),
            worker: cv.text(worker),
            team: cv.text(team),
            start: cv.date("start_date", &start)?,
            end: cv.opt_date("end_date", &end)?,
        });
    }

    let cv = Cv {
        table: "family_safeguarding",
    };
    let text = rows(
        conn,
        cv.table,
        "child_id, start_date, team_id, end_date, domestic_abuse_worker, mental_health_worker, \
         substance_use_worker",
        "1",
        &[],
    )
    .await?;
    for (child, start, team, end, da, mh, su) in cv.parse::<(T, T, T, O, i64, i64, i64)>(&text)? {
        ds.family_safeguarding.push(FamilySafeguardingInvolvement {
            child: ChildId(cv.text(child)),
            team: cv.text(team),
            start: cv.date("start_date", &start)?,
            end: cv.opt_date("end_date", &end)?,
            domestic_abuse_worker: cv.flag("domestic_abuse_worker", da)?,
            mental_health_worker: cv.flag("mental_health_worker", mh)?,
            substance_use_worker: cv.flag("substance_use_worker", su)?,
        });
    }
    Ok(ds)
}

/// Reads typed values out of a row (for the small lineage tables, read row by row).
pub(crate) struct Get<'r> {
    row: &'r SqliteRow,
    table: &'static str,
}

impl<'r> Get<'r> {
    pub(crate) fn new(row: &'r SqliteRow, table: &'static str) -> Self {
        Self { row, table }
    }
    fn corrupt(&self, column: &'static str) -> Fail {
        Fail::Corrupt {
            table: self.table,
            column,
        }
    }
    pub(crate) fn text(&self, col: &'static str) -> Result<String, Fail> {
        self.row.try_get(col).map_err(|_| self.corrupt(col))
    }
    pub(crate) fn int<N: TryFrom<i64>>(&self, col: &'static str) -> Result<N, Fail> {
        self.opt_int(col)?.ok_or_else(|| self.corrupt(col))
    }
    pub(crate) fn opt_int<N: TryFrom<i64>>(&self, col: &'static str) -> Result<Option<N>, Fail> {
        let n: Option<i64> = self.row.try_get(col).map_err(|_| self.corrupt(col))?;
        n.map(|n| N::try_from(n).map_err(|_| self.corrupt(col)))
            .transpose()
    }
}
