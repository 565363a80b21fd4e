//! The SSDA903 rules (children looked after) for the collection years 2023-24 (2024) to 2026-27
//! (2027), with the same structure as the CIN rules ([`crate::Rule`], one file per rule, one
//! table, an explanation from each file's docs).
//!
//! One file per rule (`rule_101.rs`): a doc comment with `# What it checks`, `# Why` and
//! `# DfE wording`, then `RULE` (and `RULE_2024` when an earlier year's version differs). The
//! fixture is beside it (`rule_101.fixture.txt`): its `#` lines at the top give the year
//! (`# year: 2026`) and the findings expected (`# expect:` then one `table,row` a line, the
//! previous year's tables with `_last`); then each table as `== NAME` and its CSV, tables of the
//! previous year's return named with `_last`. Rows whose `CHILD` starts with `pass` must give no
//! finding. A fixture of a rule that looks URNs up gives Ofsted's provider list as a table named
//! `Providers` (the CSV layout of [`formats::providers`]); one of a rule on postcodes gives the
//! postcode directory as a table named `Postcodes` (the ONS layout of [`formats::postcodes`]),
//! from which the fields the DfE derives are filled in ([`Return::derive_postcode_fields`]), and
//! the council's ONS code as `# la: E09000027`.
//!
//! Some rules need more than the return ([`NEEDS`]): Ofsted's provider lists, the postcode
//! directory, the council's LA code, or the Episodes fields derived from the postcodes (`PL_LA`,
//! `PL_LOCATION`, `PL_DISTANCE`, written in the file or derived). Without it they are skipped, and
//! [`Validated::skipped`] names them with the option that supplies it.
//!
//! Rules see the return as written ([`formats::ssda903::raw`]): values as text, rows 0-based per
//! table, as the DfE validators count them. A 903 return is small (a few MB for 10,000 children),
//! so it is read whole and each rule looks at what tables it needs, this year's and last year's.

mod common;
mod common_dolo;
mod common_pc;
mod common_r1;
mod common_r2;
mod common_uasc;

pub use common::{Ctx, table_name};

use crate::Finding;
pub use formats::postcodes::PostcodeDirectory;
use formats::postcodes::derive_placement_fields;
pub use formats::providers::ProviderList;
use formats::ssda903::raw::RawReturn;

/// An SSDA903 rule.
pub type Rule = crate::Rule<Check>;

/// What an SSDA903 rule looks at: the return, with the previous year's when given.
#[derive(Clone, Copy)]
pub enum Check {
    Return(fn(&Ctx, &Return, &mut Vec<Finding>)),
}

/// The return being checked, the previous year's when given (`--prev`), Ofsted's provider lists
/// (`--providers`), the ONS postcode directory (`--postcodes`) and the council's LA code (`--la`)
/// when given.
#[derive(Debug, Clone, Default)]
pub struct Return {
    pub current: RawReturn,
    pub previous: Option<RawReturn>,
    /// Ofsted's registered providers, for the rules that look URNs up; without them those rules
    /// are skipped ([`Validated::skipped`]).
    pub providers: Option<ProviderList>,
    /// The ONS postcode directory: [`Return::derive_postcode_fields`] derives `PL_LA`,
    /// `PL_LOCATION` and `PL_DISTANCE` from it, rule 392c looks postcodes up in it, and 229 finds
    /// a provider's local authority from its postcode.
    pub postcodes: Option<PostcodeDirectory>,
    /// The council's ONS code (`E09000027`), for `PL_LOCATION` and rule 229.
    pub la: Option<String>,
}

impl Return {
    /// Fills in the Episodes fields the DfE derives from the postcodes (`PL_LA`, `PL_LOCATION`,
    /// `PL_DISTANCE`) in this year's and last year's return, those their Episodes tables do not
    /// carry ([`formats::postcodes::derive_placement_fields`]); nothing without the postcode
    /// directory. Returns the columns filled in this year's return.
    pub fn derive_postcode_fields(&mut self) -> Vec<&'static str> {
        let Some(dir) = &self.postcodes else {
            return Vec::new();
        };
        let la = self.la.as_deref();
        if let Some(previous) = &mut self.previous {
            derive_placement_fields(previous, dir, la);
        }
        derive_placement_fields(&mut self.current, dir, la)
    }
}

/// What a rule needs beyond the return, and without which it is skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Ofsted's provider lists (`--providers`).
    Providers,
    /// The ONS postcode directory (`--postcodes`).
    Postcodes,
    /// The council's LA code (`--la`).
    La,
    /// Episodes fields the DfE derives from the postcodes: written in the file, or derived with
    /// the postcode directory (and, for `PL_LOCATION`, the LA code).
    Derived(&'static [&'static str]),
}

const PL_LA: Need = Need::Derived(&["PL_LA"]);
const PL_LOCATION: Need = Need::Derived(&["PL_LOCATION"]);
const PL_DISTANCE: Need = Need::Derived(&["PL_DISTANCE"]);

/// What each rule needs beyond the return ([`Need`]); rules not listed need nothing more.
pub const NEEDS: &[(&str, &[Need])] = &[
    ("219", &[Need::Providers]),
    ("221", &[Need::Providers]),
    ("224", &[Need::Providers]),
    ("227", &[Need::Providers]),
    ("228", &[Need::Providers]),
    ("1008", &[Need::Providers]),
    ("229", &[Need::Providers, Need::La]),
    ("241", &[Need::Providers, PL_LA]),
    ("243", &[PL_LA]),
    ("230", &[PL_LA]),
    ("164", &[PL_DISTANCE]),
    ("169", &[PL_LA]),
    ("179", &[PL_LOCATION]),
    ("392a", &[PL_DISTANCE]),
    ("392c", &[Need::Postcodes]),
    ("406", &[PL_DISTANCE]),
    ("411", &[PL_LA, PL_LOCATION]),
    ("420", &[PL_LA]),
    ("452", &[PL_LA]),
    ("453", &[PL_DISTANCE]),
    ("454", &[PL_DISTANCE]),
    ("503G", &[PL_DISTANCE]),
    ("503H", &[PL_LA]),
    ("503J", &[PL_LOCATION]),
    ("1015", &[PL_LOCATION]),
];

/// Why a rule that needs Ofsted's provider lists was skipped.
pub const SKIPPED_WITHOUT_PROVIDERS: &str =
    "needs Ofsted's provider lists (harbour validate --providers FILE) to look URNs up";

/// Why a rule that looks postcodes up was skipped.
pub const SKIPPED_WITHOUT_POSTCODES: &str =
    "needs the ONS postcode directory (harbour validate --postcodes FILE) to look postcodes up";

/// Why a rule that needs the council's LA code was skipped.
pub const SKIPPED_WITHOUT_LA: &str =
    "needs the council's LA code (harbour validate --la CODE, its ONS code such as E09000027)";

/// Why a rule on the fields derived from the postcodes was skipped.
pub const SKIPPED_WITHOUT_DERIVED_FIELDS: &str = "needs PL_LA, PL_LOCATION or PL_DISTANCE, which \
     the Episodes table does not carry: harbour validate --postcodes FILE derives them (with --la \
     CODE for PL_LOCATION)";

/// What a rule needs, from [`NEEDS`].
pub fn needs(code: &str) -> &'static [Need] {
    NEEDS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(&[], |(_, n)| n)
}

/// Why the rule cannot run on this return, when it cannot: the first of its [`needs`] missing.
pub fn why_skipped(code: &str, ret: &Return) -> Option<&'static str> {
    needs(code).iter().find_map(|need| match need {
        Need::Providers => ret.providers.is_none().then_some(SKIPPED_WITHOUT_PROVIDERS),
        Need::Postcodes => ret.postcodes.is_none().then_some(SKIPPED_WITHOUT_POSTCODES),
        Need::La => ret.la.is_none().then_some(SKIPPED_WITHOUT_LA),
        Need::Derived(fields) => ret
            .current
            .table(formats::ssda903::Table::Episodes)
            .is_some_and(|t| fields.iter().any(|f| !t.has_column(f)))
            .then_some(SKIPPED_WITHOUT_DERIVED_FIELDS),
    })
}

/// A rule of the year that was not run, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Skipped {
    pub code: &'static str,
    /// What would let it run: one of the `SKIPPED_WITHOUT_…` texts.
    pub reason: &'static str,
}

crate::rule_table! {
    Check;
    rule_101 (RULE_2024),
    rule_102,
    rule_103,
    rule_104,
    rule_105,
    rule_112,
    rule_113,
    rule_114,
    rule_115,
    rule_116,
    rule_117,
    rule_118,
    rule_119,
    rule_120,
    rule_131,
    rule_132,
    rule_133,
    rule_134,
    rule_141,
    rule_142,
    rule_143,
    rule_144,
    rule_145,
    rule_146,
    rule_147,
    rule_148,
    rule_149,
    rule_151,
    rule_153,
    rule_157,
    rule_158,
    rule_159,
    rule_164,
    rule_165,
    rule_166,
    rule_167,
    rule_168,
    rule_169,
    rule_171,
    rule_174 (RULE_2024),
    rule_175,
    rule_176,
    rule_177,
    rule_178 (RULE_2024),
    rule_179,
    rule_180,
    rule_184,
    rule_181,
    rule_182,
    rule_185,
    rule_186,
    rule_187,
    rule_188,
    rule_189,
    rule_190,
    rule_191,
    rule_192,
    rule_193,
    rule_196,
    rule_197a,
    rule_197b,
    rule_198,
    rule_199,
    rule_202,
    rule_203,
    rule_204,
    rule_205a,
    rule_205b,
    rule_205c,
    rule_205d,
    rule_207,
    rule_208,
    rule_209,
    rule_210,
    rule_213 (RULE_2024),
    rule_214,
    rule_215,
    rule_217,
    rule_217t,
    rule_218,
    rule_219,
    rule_221,
    rule_222,
    rule_224,
    rule_225,
    rule_226 (RULE_2025),
    rule_227,
    rule_228,
    rule_229 (RULE_2025),
    rule_230,
    rule_231,
    rule_232,
    rule_233,
    rule_234,
    rule_241,
    rule_242,
    rule_243,
    rule_301,
    rule_302,
    rule_303,
    rule_304,
    rule_331,
    rule_333,
    rule_334,
    rule_335,
    rule_336,
    rule_344,
    rule_345,
    rule_347,
    rule_348,
    rule_351,
    rule_352,
    rule_353,
    rule_354,
    rule_355,
    rule_356,
    rule_357,
    rule_358,
    rule_359,
    rule_361,
    rule_362,
    rule_363,
    rule_364,
    rule_365,
    rule_366,
    rule_367,
    rule_370,
    rule_371 (RULE_2024),
    rule_372,
    rule_373,
    rule_374,
    rule_375,
    rule_376,
    rule_377,
    rule_378,
    rule_379,
    rule_380,
    rule_381,
    rule_382,
    rule_383,
    rule_384,
    rule_385,
    rule_386,
    rule_387,
    rule_388,
    rule_389,
    rule_390,
    rule_391,
    rule_392a,
    rule_392b,
    rule_392c,
    rule_392d,
    rule_393,
    rule_398,
    rule_399,
    rule_406,
    rule_407,
    rule_408,
    rule_411,
    rule_420,
    rule_426,
    rule_431,
    rule_432,
    rule_433,
    rule_434,
    rule_435,
    rule_436,
    rule_437,
    rule_440,
    rule_441,
    rule_442,
    rule_444,
    rule_445,
    rule_446,
    rule_451,
    rule_452,
    rule_453,
    rule_454,
    rule_460,
    rule_501,
    rule_502,
    rule_503a,
    rule_503b,
    rule_503c,
    rule_503d,
    rule_503e,
    rule_503f,
    rule_503g,
    rule_503h,
    rule_503j,
    rule_504,
    rule_511,
    rule_514,
    rule_516,
    rule_517,
    rule_518,
    rule_519,
    rule_520,
    rule_521,
    rule_522,
    rule_523,
    rule_524,
    rule_525,
    rule_526,
    rule_527,
    rule_528,
    rule_529,
    rule_530,
    rule_531,
    rule_542,
    rule_543,
    rule_544,
    rule_545,
    rule_546,
    rule_547,
    rule_550,
    rule_551,
    rule_552,
    rule_553,
    rule_554,
    rule_555,
    rule_556,
    rule_557,
    rule_558,
    rule_559,
    rule_560,
    rule_561,
    rule_562,
    rule_563,
    rule_564,
    rule_565,
    rule_566,
    rule_567,
    rule_570,
    rule_571,
    rule_574,
    rule_575,
    rule_576,
    rule_577,
    rule_578,
    rule_579,
    rule_580,
    rule_581,
    rule_582,
    rule_583,
    rule_584,
    rule_586,
    rule_601,
    rule_602,
    rule_607,
    rule_611,
    rule_612,
    rule_620,
    rule_621,
    rule_624,
    rule_625,
    rule_626,
    rule_628,
    rule_630,
    rule_631,
    rule_632,
    rule_633,
    rule_634,
    rule_635,
    rule_700,
    rule_701,
    rule_702,
    rule_703,
    rule_704,
    rule_705,
    rule_706,
    rule_707,
    rule_708,
    rule_709,
    rule_710,
    rule_1000,
    rule_1001,
    rule_1002,
    rule_1003,
    rule_1004,
    rule_1005,
    rule_1006,
    rule_1007,
    rule_1008,
    rule_1009,
    rule_1010,
    rule_1011,
    rule_1012,
    rule_1014,
    rule_1015 (RULE_2025),
    rule_1016,
    rule_3001,
    rule_epi,
    rule_int01,
    rule_int02,
    rule_int03,
    rule_int04,
    rule_int05,
    rule_int06,
    rule_int07,
    rule_int08,
    rule_int09,
    rule_int11,
    rule_int12,
    rule_int13,
    rule_int14,
    rule_int15,
    rule_int16,
    rule_int17,
    rule_int18,
    rule_int21,
    rule_int31,
    rule_int32,
    rule_int33,
    rule_int34,
    rule_int35,
    rule_int36,
    rule_noe,
    rule_sw01astg1,
    rule_sw01bstg1,
    rule_sw01stg1,
    rule_sw02stg1,
    rule_sw03stg1,
    rule_sw04stg1,
    rule_sw05stg1,
    rule_sw06stg2,
    rule_sw07stg2,
    rule_sw08stg2,
    rule_sw09stg2,
    rule_sw10astg2,
    rule_sw10bstg2,
    rule_sw10stg2,
    rule_sw11astg2,
    rule_sw11bstg2 (RULE_2024),
    rule_sw12stg2,
    rule_sw13stg1 (RULE_2024),
    rule_sw14stg2,
    rule_sw17stg2,
    rule_sw18stg2,
    rule_sw19stg2,
}

/// The collection years this crate has SSDA903 rule sets for.
///
/// The rule set of 2026-27 is that of 2025-26 with the rules on deprivation of liberty orders
/// (700 to 710, on the DoLo table) added, as the DfE's list of 2026-27 rules has it.
pub const YEARS: &[i16] = &[2024, 2025, 2026, 2027];

/// The rules of one collection year.
pub fn rules_for(year: i16) -> impl Iterator<Item = &'static Rule> {
    RULES.iter().filter(move |r| r.years.contains(&year))
}

/// The rule with this code in this year's set, or in any year's when `year` is `None`.
pub fn rule(code: &str, year: Option<i16>) -> Option<&'static Rule> {
    crate::find_rule(RULES, code, year)
}

/// A rule's explanation: the doc comment of its file (what it checks, why, the DfE wording).
pub fn explanation(code: &str) -> Option<String> {
    crate::explanation_in(FILES, code)
}

/// What validating a return found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validated {
    pub year: i16,
    pub children: usize,
    pub findings: Vec<Finding>,
    /// The rules of the year that were not run, because the return came without what they need
    /// ([`needs`], [`why_skipped`]): Ofsted's provider lists, the postcode directory, the LA code,
    /// or the fields derived from the postcodes.
    pub skipped: Vec<Skipped>,
}

/// There is no SSDA903 rule set for this year.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "there is no SSDA903 rule set for the collection year ending in {0} (there are: 2024, 2025, 2026, 2027)"
)]
pub struct UnsupportedYear(pub i16);

/// Runs one rule over a return, adding its findings to `out` (whatever else it needs: the
/// caller checks [`why_skipped`]).
pub fn run_rule(rule: &Rule, ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Check::Return(check) = rule.check;
    check(ctx, ret, out);
}

/// Runs `rules` over a return on every core, each rule whole on one thread, and gives their
/// findings in the order of `rules` (each rule's in its own order), as one thread would.
fn run_rules(rules: &[&Rule], ctx: &Ctx, ret: &Return) -> Vec<Finding> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(rules.len());
    if threads <= 1 {
        let mut out = Vec::new();
        for rule in rules {
            run_rule(rule, ctx, ret, &mut out);
        }
        return out;
    }
    // Rules are handed out one at a time, so that a thread that drew quick rules takes more.
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Vec<Finding>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(rule) = rules.get(i) else { break };
                        let mut out = Vec::new();
                        run_rule(rule, ctx, ret, &mut out);
                        mine.push((i, out));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| match w.join() {
                Ok(mine) => mine,
                // A rule that panicked is a bug; carry the panic on as one thread would.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().flat_map(|(_, out)| out).collect()
}

/// Runs the rules of `year` (those `keep` accepts) over a return, findings sorted by table
/// (this year's, then last year's), row and rule.
pub fn validate_return(
    ret: &Return,
    year: i16,
    keep: impl Fn(&Rule) -> bool,
) -> Result<Validated, UnsupportedYear> {
    if !YEARS.contains(&year) {
        return Err(UnsupportedYear(year));
    }
    let ctx = Ctx::new(year);
    let mut skipped = Vec::new();
    let mut run = Vec::new();
    for rule in rules_for(year).filter(|r| keep(r)) {
        if let Some(reason) = why_skipped(rule.code, ret) {
            skipped.push(Skipped {
                code: rule.code,
                reason,
            });
        } else {
            run.push(rule);
        }
    }
    let mut findings = run_rules(&run, &ctx, ret);
    findings.sort_by(|a, b| {
        (a.table.ends_with("_last"), a.table, a.row, a.rule_code).cmp(&(
            b.table.ends_with("_last"),
            b.table,
            b.row,
            b.rule_code,
        ))
    });
    Ok(Validated {
        year,
        children: ret.current.children(),
        findings,
        skipped,
    })
}

#[cfg(test)]
mod fixtures;
